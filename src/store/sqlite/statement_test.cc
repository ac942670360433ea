#include "store/sqlite/statement.h"

#include <gtest/gtest.h>

#include <cstdint>
#include <limits>
#include <optional>
#include <string>

#include "store/sqlite/connection.h"
#include "store/sqlite/sqlite_error.h"

namespace store::sqlite {
namespace {

class SqliteStatementTest : public testing::Test {
 protected:
  void SetUp() override {
    base::Result<Connection> connection = Connection::Open(":memory:");
    ASSERT_TRUE(connection.ok()) << connection.status().ToString();
    connection_ = std::make_unique<Connection>(std::move(connection).value());
    ASSERT_TRUE(connection_->Execute("PRAGMA foreign_keys = ON").ok());
    ASSERT_TRUE(connection_
                    ->Execute("CREATE TABLE p (id INTEGER PRIMARY KEY);"
                              "CREATE TABLE t (n INTEGER NOT NULL UNIQUE CHECK (n >= 0),"
                              "                s TEXT NOT NULL,"
                              "                p INTEGER REFERENCES p(id));")
                    .ok());
  }

  Statement Prepare(std::string_view sql) {
    base::Result<Statement> statement = connection_->Prepare(sql);
    EXPECT_TRUE(statement.ok()) << statement.status().ToString();
    return std::move(statement).value();
  }

  std::unique_ptr<Connection> connection_;
};

TEST_F(SqliteStatementTest, BindsAndReadsIntegersAndText) {
  Statement insert = Prepare("INSERT INTO t (n, s) VALUES (?, ?)");
  constexpr std::int64_t kBig = std::numeric_limits<std::int64_t>::max();
  ASSERT_TRUE(insert.Run(kBig, std::string("नौगढ़")).ok());
  ASSERT_TRUE(insert.Run(7, std::string_view()).ok());  // empty, not NULL
  ASSERT_TRUE(insert.Run(true, "literal").ok());

  Statement query = Prepare("SELECT n, s FROM t ORDER BY n");
  std::vector<std::string> rows;
  while (query.Step().value()) {
    rows.push_back(std::to_string(query.ColumnInt64(0)) + "=" + query.ColumnText(1));
  }
  EXPECT_EQ(rows, (std::vector<std::string>{"1=literal", "7=", std::to_string(kBig) + "=नौगढ़"}));
}

TEST_F(SqliteStatementTest, BindsAnEmptyOptionalAsNull) {
  ASSERT_TRUE(connection_->Execute("INSERT INTO p (id) VALUES (3)").ok());
  Statement insert = Prepare("INSERT INTO t (n, s, p) VALUES (?, ?, ?)");
  ASSERT_TRUE(insert.Run(1, "none", std::optional<std::int64_t>()).ok());
  ASSERT_TRUE(insert.Run(2, "three", std::optional<std::int64_t>(3)).ok());
  Statement query = Prepare("SELECT p FROM t ORDER BY n");
  ASSERT_TRUE(query.Step().value());
  EXPECT_TRUE(query.ColumnIsNull(0));
  ASSERT_TRUE(query.Step().value());
  EXPECT_FALSE(query.ColumnIsNull(0));
  EXPECT_EQ(query.ColumnInt64(0), 3);
}

TEST_F(SqliteStatementTest, RebindingReusesTheStatement) {
  Statement insert = Prepare("INSERT INTO t (n, s) VALUES (?, ?)");
  for (int n = 0; n < 100; ++n) {
    ASSERT_TRUE(insert.Run(n, "x").ok());
  }
  Statement count = Prepare("SELECT COUNT(*), SUM(n) FROM t WHERE s = ?");
  ASSERT_TRUE(count.Bind("x").ok());
  ASSERT_TRUE(count.Step().value());
  EXPECT_EQ(count.ColumnInt(0), 100);
  EXPECT_EQ(count.ColumnInt(1), 4950);
}

TEST_F(SqliteStatementTest, ErrorsNameTheSql) {
  base::Result<Statement> bad = connection_->Prepare("SELEC n FROM t");
  ASSERT_FALSE(bad.ok());
  EXPECT_NE(bad.status().message().find("SELEC n FROM t"), std::string::npos)
      << bad.status().ToString();
  EXPECT_NE(bad.status().message().find("syntax error"), std::string::npos)
      << bad.status().ToString();
}

TEST_F(SqliteStatementTest, PrepareTakesExactlyOneStatement) {
  EXPECT_FALSE(connection_->Prepare("SELECT 1; SELECT 2").ok());
  EXPECT_FALSE(connection_->Prepare("  ").ok());
  EXPECT_TRUE(connection_->Prepare("SELECT 1;  ").ok());
}

TEST_F(SqliteStatementTest, ConstraintFailuresMapToCoarseCodes) {
  Statement insert = Prepare("INSERT INTO t (n, s, p) VALUES (?, ?, ?)");
  Statement insert_without_parent = Prepare("INSERT INTO t (n, s) VALUES (?, ?)");
  ASSERT_TRUE(insert_without_parent.Run(1, "a").ok());
  base::Status duplicate = insert_without_parent.Run(1, "b");
  EXPECT_EQ(duplicate.code(), base::StatusCode::kConflict) << duplicate.ToString();
  EXPECT_NE(duplicate.message().find("UNIQUE"), std::string::npos) << duplicate.ToString();
  base::Status negative = insert_without_parent.Run(-1, "c");
  EXPECT_EQ(negative.code(), base::StatusCode::kInvalidArgument) << negative.ToString();
  base::Status orphan = insert.Run(2, "d", 42);
  EXPECT_EQ(orphan.code(), base::StatusCode::kInvalidArgument) << orphan.ToString();
  EXPECT_NE(orphan.message().find("FOREIGN KEY"), std::string::npos) << orphan.ToString();
}

TEST(SqliteErrorTest, AbbreviatesSqlToOneShortLine) {
  EXPECT_EQ(AbbreviateSql("\n  SELECT a,\n         b\n  FROM t\n"), "SELECT a, b FROM t");
  std::string exact(80, 'x');
  EXPECT_EQ(AbbreviateSql(exact), exact);
  EXPECT_EQ(AbbreviateSql(exact + "y"), exact + "...");
}

}  // namespace
}  // namespace store::sqlite
