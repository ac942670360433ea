#include "store/sqlite/statement.h"

#include <sqlite3.h>

#include <utility>

#include "store/sqlite/sqlite_error.h"

namespace store::sqlite {

Statement::Statement(sqlite3_stmt* stmt, std::string sql) : stmt_(stmt), sql_(std::move(sql)) {}

Statement::Statement(Statement&& other) noexcept
    : stmt_(std::exchange(other.stmt_, nullptr)), sql_(std::move(other.sql_)) {}

Statement& Statement::operator=(Statement&& other) noexcept {
  if (this != &other) {
    sqlite3_finalize(stmt_);
    stmt_ = std::exchange(other.stmt_, nullptr);
    sql_ = std::move(other.sql_);
  }
  return *this;
}

Statement::~Statement() { sqlite3_finalize(stmt_); }

base::Result<bool> Statement::Step() {
  int rc = sqlite3_step(stmt_);
  if (rc == SQLITE_ROW) {
    return true;
  }
  if (rc == SQLITE_DONE) {
    return false;
  }
  return Failure(rc);
}

std::int64_t Statement::ColumnInt64(int column) const {
  return sqlite3_column_int64(stmt_, column);
}

int Statement::ColumnInt(int column) const { return sqlite3_column_int(stmt_, column); }

std::string Statement::ColumnText(int column) const {
  const unsigned char* text = sqlite3_column_text(stmt_, column);
  if (text == nullptr) {
    return {};
  }
  // Bytes are read after the text: sqlite3_column_bytes may convert, the other order may not.
  int size = sqlite3_column_bytes(stmt_, column);
  return {reinterpret_cast<const char*>(text), static_cast<std::size_t>(size)};
}

std::vector<std::uint8_t> Statement::ColumnBlob(int column) const {
  const auto* bytes = static_cast<const std::uint8_t*>(sqlite3_column_blob(stmt_, column));
  if (bytes == nullptr) return {};
  int size = sqlite3_column_bytes(stmt_, column);
  return {bytes, bytes + size};
}

bool Statement::ColumnIsNull(int column) const {
  return sqlite3_column_type(stmt_, column) == SQLITE_NULL;
}

void Statement::Reset() {
  // sqlite3_reset repeats the error of the last step, which was reported already.
  sqlite3_reset(stmt_);
  sqlite3_clear_bindings(stmt_);
}

base::Status Statement::BindValue(int index, std::int64_t value) {
  int rc = sqlite3_bind_int64(stmt_, index, value);
  return rc == SQLITE_OK ? base::OkStatus() : Failure(rc);
}

base::Status Statement::BindValue(int index, std::string_view value) {
  // A null pointer would bind NULL; an empty string_view may carry one.
  const char* data = value.data() != nullptr ? value.data() : "";
  int rc = sqlite3_bind_text64(stmt_, index, data, value.size(), SQLITE_TRANSIENT, SQLITE_UTF8);
  return rc == SQLITE_OK ? base::OkStatus() : Failure(rc);
}

base::Status Statement::BindValue(int index, std::optional<std::int64_t> value) {
  if (value) return BindValue(index, *value);
  int rc = sqlite3_bind_null(stmt_, index);
  return rc == SQLITE_OK ? base::OkStatus() : Failure(rc);
}

base::Status Statement::BindValue(int index, const std::vector<std::uint8_t>& value) {
  // A zero-length blob, not NULL, for an empty vector.
  static constexpr std::uint8_t kNothing = 0;
  const std::uint8_t* data = value.empty() ? &kNothing : value.data();
  int rc = sqlite3_bind_blob64(stmt_, index, data, value.size(), SQLITE_TRANSIENT);
  return rc == SQLITE_OK ? base::OkStatus() : Failure(rc);
}

base::Status Statement::RunToEnd() {
  while (true) {
    JS_ASSIGN_OR_RETURN(bool row, Step());
    if (!row) {
      break;
    }
  }
  // Ends the statement now so that it holds no lock until its next use.
  sqlite3_reset(stmt_);
  return base::OkStatus();
}

base::Status Statement::Failure(int rc) const {
  return ErrorStatus(sqlite3_db_handle(stmt_), rc, AbbreviateSql(sql_));
}

}  // namespace store::sqlite
