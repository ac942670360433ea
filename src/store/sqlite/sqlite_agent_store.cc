#include "store/sqlite/sqlite_agent_store.h"

#include "base/text.h"
#include "store/sqlite/stored_time.h"

namespace store {
namespace {

std::vector<std::string> SplitList(const std::string& joined) {
  if (joined.empty()) return {};
  return base::Split(joined, ',');
}

constexpr std::string_view kColumns = "id, name, languages, state_code, seats, phone, added_at";

StoredAgent ReadAgent(const sqlite::Statement& row) {
  return {row.ColumnText(0),
          row.ColumnText(1),
          SplitList(row.ColumnText(2)),
          row.ColumnText(3),
          SplitList(row.ColumnText(4)),
          row.ColumnText(5),
          FromMicros(row.ColumnInt64(6))};
}

base::Status NoAgent(std::string_view id) {
  return base::NotFound("no agent '" + std::string(id) + "'");
}

}  // namespace

base::Status SqliteAgentStore::AddAgent(const StoredAgent& agent) {
  JS_ASSIGN_OR_RETURN(sqlite::Statement insert,
                      connection_.Prepare("INSERT INTO agents (" + std::string(kColumns) +
                                          ") VALUES (?, ?, ?, ?, ?, ?, ?)"));
  base::Status status =
      insert.Run(agent.id, agent.name, base::Join(agent.languages, ","), agent.state,
                 base::Join(agent.seats, ","), agent.phone, Micros(agent.added_at));
  // SQLite's own words ("UNIQUE constraint failed: agents.id") would not name the agent.
  if (status.code() == base::StatusCode::kConflict) {
    return base::Conflict("agent '" + agent.id + "' exists already");
  }
  return status;
}

base::Result<StoredAgent> SqliteAgentStore::GetAgent(std::string_view id) {
  JS_ASSIGN_OR_RETURN(
      sqlite::Statement query,
      connection_.Prepare("SELECT " + std::string(kColumns) + " FROM agents WHERE id = ?"));
  JS_RETURN_IF_ERROR(query.Bind(id));
  JS_ASSIGN_OR_RETURN(bool found, query.Step());
  if (!found) return NoAgent(id);
  return ReadAgent(query);
}

base::Result<std::vector<StoredAgent>> SqliteAgentStore::ListAgents() {
  JS_ASSIGN_OR_RETURN(
      sqlite::Statement query,
      connection_.Prepare("SELECT " + std::string(kColumns) + " FROM agents ORDER BY id"));
  std::vector<StoredAgent> agents;
  while (true) {
    JS_ASSIGN_OR_RETURN(bool row, query.Step());
    if (!row) break;
    agents.push_back(ReadAgent(query));
  }
  return agents;
}

base::Status SqliteAgentStore::RemoveAgent(std::string_view id) {
  // One connection, one thread: nothing comes between the look and the delete.
  JS_RETURN_IF_ERROR(GetAgent(id).status());
  JS_ASSIGN_OR_RETURN(sqlite::Statement remove,
                      connection_.Prepare("DELETE FROM agents WHERE id = ?"));
  return remove.Run(id);
}

}  // namespace store
