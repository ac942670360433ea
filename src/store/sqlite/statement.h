#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "base/result.h"

struct sqlite3_stmt;

namespace store::sqlite {

// One prepared SQLite statement, finalized on destruction. Move-only; made by
// Connection::Prepare and must not outlive that connection. Every error names the SQL.
//
//   JS_ASSIGN_OR_RETURN(Statement insert, connection.Prepare("INSERT INTO t VALUES (?, ?)"));
//   for (const Row& row : rows) JS_RETURN_IF_ERROR(insert.Run(row.id, row.name));
class Statement {
 public:
  // Takes ownership of `stmt`, compiled from `sql`.
  Statement(sqlite3_stmt* stmt, std::string sql);
  Statement(Statement&& other) noexcept;
  Statement& operator=(Statement&& other) noexcept;
  Statement(const Statement&) = delete;
  Statement& operator=(const Statement&) = delete;
  ~Statement();

  // Resets the statement and binds `args` to parameters 1..n in order: integers (and bool) as
  // INTEGER, strings as TEXT (copied), an optional integer as INTEGER or NULL, a vector of
  // bytes as a BLOB (copied). Stops at the first failure.
  template <typename... Args>
  base::Status Bind(const Args&... args);

  // Advances to the next row: true when a row is ready to read, false when the statement is done.
  base::Result<bool> Step();

  // Bind(args...), then steps to the end ignoring any rows: for INSERT, UPDATE and DELETE.
  template <typename... Args>
  base::Status Run(const Args&... args);

  // The current row's values; `column` is 0-based. NULL reads as 0 or "".
  std::int64_t ColumnInt64(int column) const;
  int ColumnInt(int column) const;
  std::string ColumnText(int column) const;
  std::vector<std::uint8_t> ColumnBlob(int column) const;
  bool ColumnIsNull(int column) const;

 private:
  void Reset();
  base::Status BindValue(int index, std::int64_t value);
  base::Status BindValue(int index, std::string_view value);
  base::Status BindValue(int index, std::optional<std::int64_t> value);
  base::Status BindValue(int index, const std::vector<std::uint8_t>& value);
  base::Status RunToEnd();
  base::Status Failure(int rc) const;

  sqlite3_stmt* stmt_ = nullptr;
  std::string sql_;
};

template <typename... Args>
base::Status Statement::Bind(const Args&... args) {
  Reset();
  base::Status status;
  int index = 1;
  auto bind_one = [&](const auto& value) {
    if (status.ok()) {
      status = BindValue(index, value);
    }
    ++index;
  };
  (bind_one(args), ...);
  return status;
}

template <typename... Args>
base::Status Statement::Run(const Args&... args) {
  JS_RETURN_IF_ERROR(Bind(args...));
  return RunToEnd();
}

}  // namespace store::sqlite
