#pragma once

#include <string>
#include <string_view>

#include "base/result.h"
#include "store/sqlite/statement.h"

struct sqlite3;

namespace store::sqlite {

// One open SQLite connection, closed on destruction. Move-only. Not thread-safe: use it from one
// thread at a time. Statements prepared from it must be destroyed before it.
class Connection {
 public:
  // Opens the database file at `path`, creating it when missing; ":memory:" opens a private
  // in-memory database. Waits up to 5 s for another connection's lock before an operation
  // fails with "database is locked"; other settings (pragmas) are the caller's. Errors name the
  // path and SQLite's reason: kUnavailable when the file cannot be opened or created,
  // kInvalidArgument when it is not an SQLite database.
  static base::Result<Connection> Open(const std::string& path);

  Connection(Connection&& other) noexcept;
  Connection& operator=(Connection&& other) noexcept;
  Connection(const Connection&) = delete;
  Connection& operator=(const Connection&) = delete;
  ~Connection();

  // Runs SQL text of one or more statements, discarding any rows (scripts, pragmas, BEGIN).
  base::Status Execute(std::string_view sql);

  // Compiles exactly one statement.
  base::Result<Statement> Prepare(std::string_view sql);

  // True between BEGIN and COMMIT/ROLLBACK (SQLite may also end a transaction itself on some
  // errors, e.g. a full disk).
  bool InTransaction() const;

  const std::string& Path() const { return path_; }

 private:
  Connection(sqlite3* db, std::string path);
  void Close();

  sqlite3* db_ = nullptr;
  std::string path_;
};

}  // namespace store::sqlite
