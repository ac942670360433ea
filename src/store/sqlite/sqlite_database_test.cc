#include "store/sqlite/sqlite_database.h"

#include <gtest/gtest.h>

#include <fstream>
#include <string>

#include "fakes/temp_dir.h"
#include "store/sqlite/connection.h"
#include "store/sqlite/migrations.h"

namespace store {
namespace {

// A raw connection beside the one under test, to look at or tamper with the file.
sqlite::Connection RawConnection(const std::string& path) {
  base::Result<sqlite::Connection> connection = sqlite::Connection::Open(path);
  EXPECT_TRUE(connection.ok()) << connection.status().ToString();
  return std::move(connection).value();
}

std::string QueryText(sqlite::Connection& connection, std::string_view sql) {
  base::Result<sqlite::Statement> query = connection.Prepare(sql);
  EXPECT_TRUE(query.ok()) << query.status().ToString();
  if (!query.ok()) {
    return "";
  }
  base::Result<bool> row = query->Step();
  EXPECT_TRUE(row.ok() && *row) << row.status().ToString();
  return row.ok() && *row ? query->ColumnText(0) : "";
}

TEST(SqliteDatabaseTest, FileDatabaseIsInWalMode) {
  fakes::TempDir dir;
  std::string path = dir.File("wal.db");
  base::Result<std::unique_ptr<Database>> db = SqliteDatabase::Open(path);
  ASSERT_TRUE(db.ok()) << db.status().ToString();
  sqlite::Connection raw = RawConnection(path);
  EXPECT_EQ(QueryText(raw, "PRAGMA journal_mode"), "wal");
}

TEST(SqliteDatabaseTest, UnopenablePathIsUnavailableAndNamed) {
  fakes::TempDir dir;
  std::string path = dir.File("no-such-dir/x.db");
  base::Result<std::unique_ptr<Database>> db = SqliteDatabase::Open(path);
  ASSERT_FALSE(db.ok());
  EXPECT_EQ(db.status().code(), base::StatusCode::kUnavailable);
  EXPECT_NE(db.status().message().find(path), std::string::npos) << db.status().ToString();
  EXPECT_NE(db.status().message().find("unable to open"), std::string::npos)
      << db.status().ToString();
}

TEST(SqliteDatabaseTest, FileThatIsNotADatabaseIsRefusedClearly) {
  fakes::TempDir dir;
  std::string path = dir.File("notes.txt");
  std::ofstream(path) << "state,seat\nS01,9\n" << std::string(4096, 'x');
  base::Result<std::unique_ptr<Database>> db = SqliteDatabase::Open(path);
  ASSERT_FALSE(db.ok());
  EXPECT_EQ(db.status().code(), base::StatusCode::kInvalidArgument);
  EXPECT_NE(db.status().message().find(path), std::string::npos) << db.status().ToString();
  EXPECT_NE(db.status().message().find("not a database"), std::string::npos)
      << db.status().ToString();
}

TEST(SqliteDatabaseTest, DatabaseFromANewerProgramIsAConflict) {
  fakes::TempDir dir;
  std::string path = dir.File("future.db");
  ASSERT_TRUE(SqliteDatabase::Open(path).ok());
  {
    sqlite::Connection raw = RawConnection(path);
    ASSERT_TRUE(
        raw.Execute("INSERT INTO schema_migrations (version, name) VALUES (999, 'future')").ok());
  }
  base::Result<std::unique_ptr<Database>> db = SqliteDatabase::Open(path);
  ASSERT_FALSE(db.ok());
  EXPECT_EQ(db.status().code(), base::StatusCode::kConflict);
  EXPECT_NE(db.status().message().find("999"), std::string::npos) << db.status().ToString();
  EXPECT_NE(db.status().message().find(path), std::string::npos) << db.status().ToString();
}

TEST(SqliteDatabaseTest, RecordsEachMigrationOnceAcrossOpens) {
  fakes::TempDir dir;
  std::string path = dir.File("twice.db");
  ASSERT_TRUE(SqliteDatabase::Open(path).ok());
  ASSERT_TRUE(SqliteDatabase::Open(path).ok());
  sqlite::Connection raw = RawConnection(path);
  EXPECT_EQ(QueryText(raw, "SELECT COUNT(*) || ':' || MAX(version) FROM schema_migrations"),
            std::to_string(sqlite::LatestSchemaVersion()) + ":" +
                std::to_string(sqlite::LatestSchemaVersion()));
}

TEST(SqliteDatabaseTest, EmptyPathIsInvalid) {
  base::Result<std::unique_ptr<Database>> db = SqliteDatabase::Open("");
  ASSERT_FALSE(db.ok());
  EXPECT_EQ(db.status().code(), base::StatusCode::kInvalidArgument);
}

}  // namespace
}  // namespace store
