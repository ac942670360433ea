#include <gtest/gtest.h>

#include <string>

#include "store/store.h"

namespace store {
namespace {

TEST(StoreOpenDatabaseTest, PostgresqlIsNotSupportedYet) {
  base::Result<std::unique_ptr<Database>> db = OpenDatabase("postgresql://x");
  ASSERT_FALSE(db.ok());
  EXPECT_EQ(db.status().code(), base::StatusCode::kInvalidArgument);
  EXPECT_NE(db.status().message().find("PostgreSQL"), std::string::npos) << db.status().ToString();
}

TEST(StoreOpenDatabaseTest, UnknownSchemeIsNamed) {
  base::Result<std::unique_ptr<Database>> db = OpenDatabase("mysql://db.example/x");
  ASSERT_FALSE(db.ok());
  EXPECT_EQ(db.status().code(), base::StatusCode::kInvalidArgument);
  EXPECT_NE(db.status().message().find("'mysql'"), std::string::npos) << db.status().ToString();
}

TEST(StoreOpenDatabaseTest, EmptySpecIsInvalid) {
  base::Result<std::unique_ptr<Database>> db = OpenDatabase("");
  ASSERT_FALSE(db.ok());
  EXPECT_EQ(db.status().code(), base::StatusCode::kInvalidArgument);
}

TEST(StoreOpenDatabaseTest, SqliteSchemeOpensSqlite) {
  base::Result<std::unique_ptr<Database>> db = OpenDatabase("sqlite::memory:");
  ASSERT_TRUE(db.ok()) << db.status().ToString();
  EXPECT_TRUE((*db)->SchemaVersion().ok());
}

}  // namespace
}  // namespace store
