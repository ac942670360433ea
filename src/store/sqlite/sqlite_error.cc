#include "store/sqlite/sqlite_error.h"

#include <sqlite3.h>

#include <cctype>
#include <string>

namespace store::sqlite {
namespace {

constexpr std::size_t kMaxSqlInMessage = 80;

base::StatusCode CodeFor(int rc) {
  switch (rc) {
    case SQLITE_CONSTRAINT_UNIQUE:
    case SQLITE_CONSTRAINT_PRIMARYKEY:
      return base::StatusCode::kConflict;
    default:
      break;
  }
  switch (rc & 0xff) {
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
    case SQLITE_CANTOPEN:
    case SQLITE_IOERR:
    case SQLITE_FULL:
    case SQLITE_READONLY:
    case SQLITE_PERM:
      return base::StatusCode::kUnavailable;
    case SQLITE_CONSTRAINT:
    case SQLITE_NOTADB:
    case SQLITE_MISMATCH:
    case SQLITE_TOOBIG:
    case SQLITE_RANGE:
      return base::StatusCode::kInvalidArgument;
    default:
      return base::StatusCode::kInternal;
  }
}

}  // namespace

base::Status ErrorStatus(sqlite3* db, int rc, std::string_view context) {
  // sqlite3_errmsg describes the most recent failure on the connection, which is `rc` when the
  // caller asks right away; without a connection only the code's generic text is known.
  const char* text = db != nullptr ? sqlite3_errmsg(db) : sqlite3_errstr(rc);
  return {CodeFor(rc), std::string(context) + ": " + text};
}

std::string AbbreviateSql(std::string_view sql) {
  std::string out;
  bool pending_space = false;
  for (char c : sql) {
    if (std::isspace(static_cast<unsigned char>(c)) != 0) {
      pending_space = !out.empty();
      continue;
    }
    if (out.size() >= kMaxSqlInMessage) {
      return out + "...";
    }
    if (pending_space) {
      out += ' ';
    }
    pending_space = false;
    out += c;
  }
  return out;
}

}  // namespace store::sqlite
