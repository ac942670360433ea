#pragma once

#include "store/sqlite/connection.h"
#include "store/store.h"

namespace store {

// DoNotCallStore over an SQLite connection that the owner (SqliteDatabase) keeps open for the
// life of this object. Each call is its own transaction (autocommit): an opt-out is durable
// once AddDoNotCall returns.
class SqliteDoNotCallStore : public DoNotCallStore {
 public:
  explicit SqliteDoNotCallStore(sqlite::Connection& connection) : connection_(connection) {}

  base::Status AddDoNotCall(std::string_view campaign_id, std::string_view number,
                            std::string_view reason, base::TimePoint at) override;
  base::Result<std::vector<DoNotCallEntry>> ListDoNotCall(std::string_view campaign_id) override;

 private:
  sqlite::Connection& connection_;
};

}  // namespace store
