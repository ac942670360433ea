#pragma once

#include "store/sqlite/connection.h"
#include "store/store.h"

namespace store {

// AgentStore over an SQLite connection that the owner (SqliteDatabase) keeps open for the life
// of this object. Each call is its own statement (autocommit).
class SqliteAgentStore : public AgentStore {
 public:
  explicit SqliteAgentStore(sqlite::Connection& connection) : connection_(connection) {}

  base::Status AddAgent(const StoredAgent& agent) override;
  base::Result<StoredAgent> GetAgent(std::string_view id) override;
  base::Result<std::vector<StoredAgent>> ListAgents() override;
  base::Status RemoveAgent(std::string_view id) override;

 private:
  sqlite::Connection& connection_;
};

}  // namespace store
