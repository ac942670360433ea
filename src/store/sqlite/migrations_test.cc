#include "store/sqlite/migrations.h"

#include <gtest/gtest.h>

#include <array>
#include <string>

namespace store::sqlite {
namespace {

constexpr Migration kCreateA{1, "table a", "CREATE TABLE a (x INTEGER);"};
constexpr Migration kCreateB{2, "table b", "CREATE TABLE b (y TEXT); INSERT INTO b VALUES ('y');"};
// Creates a table, then fails: the table must not survive.
constexpr Migration kBroken{2, "broken", "CREATE TABLE c (z); INSERT INTO missing VALUES (1);"};

Connection MemoryConnection() {
  base::Result<Connection> connection = Connection::Open(":memory:");
  EXPECT_TRUE(connection.ok()) << connection.status().ToString();
  return std::move(connection).value();
}

int TableCount(Connection& connection, std::string_view name) {
  base::Result<Statement> query =
      connection.Prepare("SELECT COUNT(*) FROM sqlite_master WHERE type = 'table' AND name = ?");
  EXPECT_TRUE(query.ok()) << query.status().ToString();
  EXPECT_TRUE(query->Bind(name).ok());
  EXPECT_TRUE(query->Step().value());
  return query->ColumnInt(0);
}

TEST(SqliteMigrationsTest, KnownMigrationsAreNumberedFromOne) {
  std::span<const Migration> known = KnownMigrations();
  ASSERT_FALSE(known.empty());
  for (std::size_t i = 0; i < known.size(); ++i) {
    EXPECT_EQ(known[i].version, static_cast<int>(i) + 1);
    EXPECT_FALSE(known[i].name.empty());
  }
  EXPECT_EQ(LatestSchemaVersion(), static_cast<int>(known.size()));
}

TEST(SqliteMigrationsTest, KnownMigrationsCreateTheCampaignTables) {
  Connection connection = MemoryConnection();
  ASSERT_TRUE(ApplyMigrations(connection, KnownMigrations()).ok());
  EXPECT_GE(ReadSchemaVersion(connection).value(), 3);
  EXPECT_EQ(TableCount(connection, "campaigns"), 1);
  EXPECT_EQ(TableCount(connection, "do_not_call"), 1);
}

TEST(SqliteMigrationsTest, MigrationSixCreatesTheBroadcastTablesAndChecksDigits) {
  Connection connection = MemoryConnection();
  ASSERT_TRUE(ApplyMigrations(connection, KnownMigrations()).ok());
  EXPECT_GE(ReadSchemaVersion(connection).value(), 6);
  EXPECT_EQ(TableCount(connection, "broadcast_answers"), 1);
  EXPECT_EQ(TableCount(connection, "campaign_prompts"), 1);
  // The table itself refuses a key that is no answer, whatever code writes to it.
  EXPECT_FALSE(connection
                   .Execute("INSERT INTO broadcast_answers VALUES ('c', '+919000000001', 'q', "
                            "'#', 0)")
                   .ok());
  EXPECT_TRUE(connection
                  .Execute("INSERT INTO broadcast_answers VALUES ('c', '+919000000001', 'q', "
                           "'3', 0)")
                  .ok());
}

TEST(SqliteMigrationsTest, Migration7AddsTheRecordingColumnAndKeepsOlderCallsUnrecorded) {
  Connection connection = MemoryConnection();
  ASSERT_TRUE(ApplyMigrations(connection, KnownMigrations().first(4)).ok());
  ASSERT_TRUE(connection
                  .Execute("INSERT INTO call_records (direction, kind, started_at, outcome) "
                           "VALUES ('inbound', 'missed_call', 0, 'missed_call')")
                  .ok());
  ASSERT_TRUE(ApplyMigrations(connection, KnownMigrations()).ok());
  EXPECT_GE(ReadSchemaVersion(connection).value(), 7);
  base::Result<Statement> query = connection.Prepare("SELECT recording FROM call_records");
  ASSERT_TRUE(query.ok()) << query.status().ToString();
  ASSERT_TRUE(query->Step().value());
  EXPECT_EQ(query->ColumnText(0), "");
}

TEST(SqliteMigrationsTest, KnownMigrationsCreateTheCallRecordsTable) {
  Connection connection = MemoryConnection();
  ASSERT_TRUE(ApplyMigrations(connection, KnownMigrations()).ok());
  EXPECT_GE(ReadSchemaVersion(connection).value(), 4);
  EXPECT_EQ(TableCount(connection, "call_records"), 1);
  // Listing newest first, of one kind or of all, reads an index, not the whole table.
  for (std::string_view sql :
       {"EXPLAIN QUERY PLAN SELECT id FROM call_records WHERE kind = 'helpline' "
        "AND started_at >= 0 ORDER BY started_at DESC, id DESC LIMIT 10",
        "EXPLAIN QUERY PLAN SELECT id FROM call_records WHERE started_at >= 0 "
        "ORDER BY started_at DESC, id DESC LIMIT 10"}) {
    base::Result<Statement> plan = connection.Prepare(sql);
    ASSERT_TRUE(plan.ok()) << plan.status().ToString();
    std::string details;
    while (plan->Step().value()) details += plan->ColumnText(3) + "; ";
    EXPECT_NE(details.find("INDEX call_records_by_"), std::string::npos) << details;
    EXPECT_EQ(details.find("TEMP B-TREE"), std::string::npos) << details;
  }
}

TEST(SqliteMigrationsTest, AppliesEveryMigrationInOrder) {
  Connection connection = MemoryConnection();
  std::array migrations = {kCreateA, kCreateB};
  ASSERT_TRUE(ApplyMigrations(connection, migrations).ok());
  EXPECT_EQ(ReadSchemaVersion(connection).value(), 2);
  EXPECT_EQ(TableCount(connection, "a"), 1);
  EXPECT_EQ(TableCount(connection, "b"), 1);
}

TEST(SqliteMigrationsTest, AppliesOnlyThoseAboveTheRecordedVersion) {
  Connection connection = MemoryConnection();
  std::array first = {kCreateA};
  ASSERT_TRUE(ApplyMigrations(connection, first).ok());
  // Running "CREATE TABLE a" again would fail.
  std::array both = {kCreateA, kCreateB};
  base::Status status = ApplyMigrations(connection, both);
  ASSERT_TRUE(status.ok()) << status.ToString();
  EXPECT_EQ(ReadSchemaVersion(connection).value(), 2);
}

TEST(SqliteMigrationsTest, FailingMigrationIsRolledBackAndNamed) {
  Connection connection = MemoryConnection();
  std::array migrations = {kCreateA, kBroken};
  base::Status status = ApplyMigrations(connection, migrations);
  ASSERT_FALSE(status.ok());
  EXPECT_NE(status.message().find("migration 2 'broken'"), std::string::npos) << status.ToString();
  EXPECT_NE(status.message().find("missing"), std::string::npos) << status.ToString();
  EXPECT_EQ(ReadSchemaVersion(connection).value(), 1);
  EXPECT_EQ(TableCount(connection, "a"), 1);
  EXPECT_EQ(TableCount(connection, "c"), 0);
  EXPECT_FALSE(connection.InTransaction());
}

TEST(SqliteMigrationsTest, NewerDatabaseIsAConflictAndLeftAlone) {
  Connection connection = MemoryConnection();
  std::array both = {kCreateA, kCreateB};
  ASSERT_TRUE(ApplyMigrations(connection, both).ok());
  std::array older = {kCreateA};
  base::Status status = ApplyMigrations(connection, older);
  EXPECT_EQ(status.code(), base::StatusCode::kConflict);
  EXPECT_NE(status.message().find("schema version 2 is newer"), std::string::npos)
      << status.ToString();
  EXPECT_EQ(ReadSchemaVersion(connection).value(), 2);
}

}  // namespace
}  // namespace store::sqlite
