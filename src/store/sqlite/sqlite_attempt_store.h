#pragma once

#include "store/sqlite/connection.h"
#include "store/store.h"

namespace store {

// AttemptStore over an SQLite connection that the owner (SqliteDatabase) keeps open for the
// life of this object. Each call is its own transaction (autocommit): an attempt is durable
// once BeginAttempt returns.
class SqliteAttemptStore : public AttemptStore {
 public:
  explicit SqliteAttemptStore(sqlite::Connection& connection) : connection_(connection) {}

  base::Result<std::int64_t> BeginAttempt(const CallAttempt& attempt) override;
  base::Status EndAttempt(std::int64_t id, std::string_view outcome, base::TimePoint at) override;
  base::Status DisposeAttempt(std::int64_t id, std::string_view disposition,
                              std::string_view agent_id) override;
  base::Result<std::vector<CallAttempt>> ListAttempts(std::string_view campaign_id) override;

 private:
  // kNotFound unless attempt `id` exists; its ended state in `ended`.
  base::Status Lookup(std::int64_t id, bool& ended);

  sqlite::Connection& connection_;
};

}  // namespace store
