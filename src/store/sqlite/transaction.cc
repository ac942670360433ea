#include "store/sqlite/transaction.h"

#include <cassert>
#include <utility>

#include "base/logging.h"

namespace store::sqlite {

base::Result<Transaction> Transaction::Begin(Connection& connection) {
  JS_RETURN_IF_ERROR(connection.Execute("BEGIN IMMEDIATE"));
  return Transaction(connection);
}

Transaction::Transaction(Transaction&& other) noexcept
    : connection_(std::exchange(other.connection_, nullptr)) {}

Transaction::~Transaction() {
  // SQLite ends the transaction itself after some errors (a full disk, an I/O error); a
  // ROLLBACK then would only fail.
  if (connection_ == nullptr || !connection_->InTransaction()) {
    return;
  }
  base::Status status = connection_->Execute("ROLLBACK");
  if (!status.ok()) {
    JS_LOG(kError) << "SQLite database '" << connection_->Path()
                   << "': rollback failed: " << status.message();
  }
}

base::Status Transaction::Commit() {
  assert(connection_ != nullptr && "Commit() on a finished transaction");
  JS_RETURN_IF_ERROR(connection_->Execute("COMMIT"));
  connection_ = nullptr;
  return base::OkStatus();
}

}  // namespace store::sqlite
