#include "store/sqlite/connection.h"

#include <sqlite3.h>

#include <utility>

#include "store/sqlite/sqlite_error.h"

namespace store::sqlite {
namespace {

constexpr int kBusyTimeoutMs = 5000;

}  // namespace

base::Result<Connection> Connection::Open(const std::string& path) {
  sqlite3* db = nullptr;
  // NOMUTEX: a Connection is used from one thread at a time, so SQLite's own locking is waste.
  int flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX;
  int rc = sqlite3_open_v2(path.c_str(), &db, flags, nullptr);
  if (rc != SQLITE_OK) {
    base::Status status = ErrorStatus(db, rc, "cannot open SQLite database '" + path + "'");
    // A handle is usually allocated even when opening fails, and must be closed.
    sqlite3_close(db);
    // Whatever the reason, the database at this path is out of reach.
    return base::Unavailable(status.message());
  }
  Connection connection(db, path);
  sqlite3_extended_result_codes(db, 1);
  sqlite3_busy_timeout(db, kBusyTimeoutMs);
  // SQLite reads the file lazily; reading its schema now reports a file that is not a database
  // (or is damaged) here, plainly, rather than in whatever statement comes first.
  rc = sqlite3_exec(db, "SELECT COUNT(*) FROM sqlite_master", nullptr, nullptr, nullptr);
  if (rc != SQLITE_OK) {
    return ErrorStatus(db, rc, "cannot read SQLite database '" + path + "'");
  }
  return connection;
}

Connection::Connection(sqlite3* db, std::string path) : db_(db), path_(std::move(path)) {}

Connection::Connection(Connection&& other) noexcept
    : db_(std::exchange(other.db_, nullptr)), path_(std::move(other.path_)) {}

Connection& Connection::operator=(Connection&& other) noexcept {
  if (this != &other) {
    Close();
    db_ = std::exchange(other.db_, nullptr);
    path_ = std::move(other.path_);
  }
  return *this;
}

Connection::~Connection() { Close(); }

void Connection::Close() {
  // close_v2 defers the real close until any forgotten statement is finalized, instead of
  // failing and leaking the connection.
  sqlite3_close_v2(db_);
  db_ = nullptr;
}

base::Status Connection::Execute(std::string_view sql) {
  std::string text(sql);  // sqlite3_exec wants a terminated string
  int rc = sqlite3_exec(db_, text.c_str(), nullptr, nullptr, nullptr);
  if (rc != SQLITE_OK) {
    return ErrorStatus(db_, rc, AbbreviateSql(sql));
  }
  return base::OkStatus();
}

base::Result<Statement> Connection::Prepare(std::string_view sql) {
  sqlite3_stmt* stmt = nullptr;
  const char* tail = nullptr;
  int rc = sqlite3_prepare_v2(db_, sql.data(), static_cast<int>(sql.size()), &stmt, &tail);
  if (rc != SQLITE_OK) {
    return ErrorStatus(db_, rc, AbbreviateSql(sql));
  }
  Statement statement(stmt, std::string(sql));
  if (stmt == nullptr) {
    return base::InvalidArgument(AbbreviateSql(sql) + ": no SQL statement to prepare");
  }
  if (!AbbreviateSql(std::string_view(tail, sql.data() + sql.size() - tail)).empty()) {
    return base::InvalidArgument(AbbreviateSql(sql) + ": more than one SQL statement");
  }
  return statement;
}

bool Connection::InTransaction() const { return sqlite3_get_autocommit(db_) == 0; }

}  // namespace store::sqlite
