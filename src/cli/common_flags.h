#pragma once

#include <memory>
#include <string>

#include "base/result.h"
#include "cli/command.h"
#include "store/store.h"

namespace cli {

enum class OutputFormat { kTable, kCsv, kJson };

FlagSpec DbFlag();
FlagSpec FormatFlag();

// --db, else $JANSAMPARK_DB, else jansampark.db in the working directory.
std::string DatabaseSpec(const ParsedFlags& flags, const Io& io);

// Opens the database for reading: a missing SQLite file is an error that says how to create
// it, instead of silently creating an empty one.
base::Result<std::unique_ptr<store::Database>> OpenExistingDatabase(const ParsedFlags& flags,
                                                                    const Io& io);

base::Result<OutputFormat> FormatOf(const ParsedFlags& flags);

// Prints "jansampark: <message>" and returns 2 for bad input, 1 for anything else.
int ReportError(const base::Status& status, Io& io);

}  // namespace cli
