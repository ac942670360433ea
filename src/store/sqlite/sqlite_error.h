#pragma once

#include <string_view>

#include "base/status.h"

struct sqlite3;

namespace store::sqlite {

// The Status for a failed SQLite call: "<context>: <sqlite's error text>", with the result code
// `rc` (extended or primary) mapped to a coarse code:
//   busy, locked, cannot open, I/O error, disk full, read-only  -> kUnavailable
//   UNIQUE or PRIMARY KEY constraint                            -> kConflict
//   any other constraint (FOREIGN KEY, CHECK, NOT NULL), not a database, misuse of a value
//                                                               -> kInvalidArgument
//   anything else                                               -> kInternal
// `db` may be null (the text then comes from the code alone).
base::Status ErrorStatus(sqlite3* db, int rc, std::string_view context);

// `sql` on one line, whitespace collapsed, cut to a readable length: for naming a statement in
// an error message.
std::string AbbreviateSql(std::string_view sql);

}  // namespace store::sqlite
