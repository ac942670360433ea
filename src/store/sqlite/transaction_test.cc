#include "store/sqlite/transaction.h"

#include <gtest/gtest.h>

namespace store::sqlite {
namespace {

class SqliteTransactionTest : public testing::Test {
 protected:
  void SetUp() override {
    base::Result<Connection> connection = Connection::Open(":memory:");
    ASSERT_TRUE(connection.ok()) << connection.status().ToString();
    connection_ = std::make_unique<Connection>(std::move(connection).value());
    ASSERT_TRUE(connection_->Execute("CREATE TABLE t (n INTEGER)").ok());
  }

  int Rows() {
    base::Result<Statement> count = connection_->Prepare("SELECT COUNT(*) FROM t");
    EXPECT_TRUE(count.ok() && count->Step().value());
    return count.ok() ? count->ColumnInt(0) : -1;
  }

  std::unique_ptr<Connection> connection_;
};

TEST_F(SqliteTransactionTest, CommitKeepsTheWrites) {
  base::Result<Transaction> transaction = Transaction::Begin(*connection_);
  ASSERT_TRUE(transaction.ok()) << transaction.status().ToString();
  EXPECT_TRUE(connection_->InTransaction());
  ASSERT_TRUE(connection_->Execute("INSERT INTO t VALUES (1)").ok());
  ASSERT_TRUE(transaction->Commit().ok());
  EXPECT_FALSE(connection_->InTransaction());
  EXPECT_EQ(Rows(), 1);
}

TEST_F(SqliteTransactionTest, RollsBackWhenDestroyedUncommitted) {
  {
    base::Result<Transaction> transaction = Transaction::Begin(*connection_);
    ASSERT_TRUE(transaction.ok()) << transaction.status().ToString();
    ASSERT_TRUE(connection_->Execute("INSERT INTO t VALUES (1)").ok());
  }
  EXPECT_FALSE(connection_->InTransaction());
  EXPECT_EQ(Rows(), 0);
}

TEST_F(SqliteTransactionTest, CannotNest) {
  base::Result<Transaction> outer = Transaction::Begin(*connection_);
  ASSERT_TRUE(outer.ok());
  base::Result<Transaction> inner = Transaction::Begin(*connection_);
  EXPECT_FALSE(inner.ok());
  EXPECT_TRUE(connection_->InTransaction());  // the failed BEGIN left the outer one alone
}

}  // namespace
}  // namespace store::sqlite
