#pragma once

#include "base/result.h"
#include "store/sqlite/connection.h"

namespace store::sqlite {

// A write transaction (BEGIN IMMEDIATE) that rolls back on destruction unless committed, so an
// early `return status;` leaves the database as it was. Move-only; must not outlive its
// connection, and statements used inside it should be destroyed before it.
class Transaction {
 public:
  // Takes the write lock now (waiting up to the connection's busy timeout), so a later write
  // cannot fail for want of it. Fails when another transaction is open on the connection.
  static base::Result<Transaction> Begin(Connection& connection);

  Transaction(Transaction&& other) noexcept;
  Transaction& operator=(Transaction&&) = delete;
  Transaction(const Transaction&) = delete;
  Transaction& operator=(const Transaction&) = delete;
  ~Transaction();

  // Commits. On failure the transaction is still open and the destructor rolls it back.
  base::Status Commit();

 private:
  explicit Transaction(Connection& connection) : connection_(&connection) {}

  Connection* connection_;  // null once committed or moved from
};

}  // namespace store::sqlite
