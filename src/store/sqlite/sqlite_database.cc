#include "store/sqlite/sqlite_database.h"

#include <utility>

#include "base/logging.h"
#include "store/sqlite/migrations.h"
#include "store/sqlite/transaction.h"

namespace store {
namespace {

constexpr std::string_view kMemoryPath = ":memory:";

// Settings of the connection, not of the file (except the journal mode, which sticks). The busy
// timeout is Connection's.
base::Status Configure(sqlite::Connection& connection) {
  JS_RETURN_IF_ERROR(connection.Execute("PRAGMA foreign_keys = ON"));
  // In WAL mode a commit needs no fsync of the database itself; NORMAL risks only the last
  // transactions on power loss, never corruption.
  JS_RETURN_IF_ERROR(connection.Execute("PRAGMA synchronous = NORMAL"));
  if (connection.Path() == kMemoryPath) {
    return base::OkStatus();
  }
  JS_ASSIGN_OR_RETURN(sqlite::Statement wal, connection.Prepare("PRAGMA journal_mode = WAL"));
  JS_ASSIGN_OR_RETURN(bool row, wal.Step());
  std::string mode = row ? wal.ColumnText(0) : "";
  if (mode != "wal") {
    // Readers then block writers, but the data is safe: worth a warning, not a failure.
    JS_LOG(kWarning) << "SQLite database '" << connection.Path()
                     << "': WAL mode unavailable, journal mode is '" << mode << "'";
  }
  return base::OkStatus();
}

}  // namespace

base::Result<std::unique_ptr<Database>> SqliteDatabase::Open(const std::string& path) {
  if (path.empty()) {
    return base::InvalidArgument("SQLite database path is empty");
  }
  JS_ASSIGN_OR_RETURN(sqlite::Connection connection, sqlite::Connection::Open(path));
  base::Status status = Configure(connection);
  if (status.ok()) {
    status = sqlite::ApplyMigrations(connection, sqlite::KnownMigrations());
  }
  if (!status.ok()) {
    return status.WithContext("SQLite database '" + path + "'");
  }
  // The constructor is private, so make_unique cannot reach it.
  return std::unique_ptr<Database>(new SqliteDatabase(std::move(connection)));
}

SqliteDatabase::SqliteDatabase(sqlite::Connection connection)
    : connection_(std::move(connection)),
      reference_(connection_),
      results_(connection_),
      attempts_(connection_),
      campaigns_(connection_),
      do_not_call_(connection_),
      dnd_registry_(connection_),
      call_records_(connection_),
      broadcast_(connection_),
      agents_(connection_) {}

base::Status SqliteDatabase::ReplaceReferenceData(const results::ReferenceData& data) {
  // Everything or nothing: an early return rolls the transaction back.
  JS_ASSIGN_OR_RETURN(sqlite::Transaction transaction, sqlite::Transaction::Begin(connection_));
  JS_RETURN_IF_ERROR(reference_.Upsert(data));
  for (const results::ElectionResults& election : data.elections) {
    JS_RETURN_IF_ERROR(results_.Replace(election));
  }
  return transaction.Commit();
}

base::Result<int> SqliteDatabase::SchemaVersion() { return sqlite::ReadSchemaVersion(connection_); }

}  // namespace store
