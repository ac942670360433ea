#include "store/sqlite/sqlite_attempt_store.h"

#include "store/sqlite/stored_time.h"

namespace store {
namespace {

constexpr std::string_view kBegin = R"sql(
INSERT INTO call_attempts (campaign_id, contact_id, number, attempt, placed_at)
VALUES (?, ?, ?, ?, ?) RETURNING id)sql";

constexpr std::string_view kList = R"sql(
SELECT id, campaign_id, contact_id, number, attempt, placed_at, outcome,
       coalesce(ended_at, -1), disposition, agent_id
FROM call_attempts WHERE campaign_id = ? ORDER BY id)sql";

}  // namespace

base::Result<std::int64_t> SqliteAttemptStore::BeginAttempt(const CallAttempt& attempt) {
  JS_ASSIGN_OR_RETURN(sqlite::Statement insert, connection_.Prepare(kBegin));
  JS_RETURN_IF_ERROR(insert.Bind(attempt.campaign_id, attempt.contact_id, attempt.number,
                                 attempt.attempt, Micros(attempt.placed_at)));
  base::Result<bool> row = insert.Step();
  if (!row.ok()) {
    return row.status().WithContext("attempt " + std::to_string(attempt.attempt) + " of contact " +
                                    attempt.contact_id + " in campaign " + attempt.campaign_id);
  }
  if (!*row) return base::Internal("inserting a call attempt returned no id");
  return insert.ColumnInt64(0);
}

base::Status SqliteAttemptStore::Lookup(std::int64_t id, bool& ended) {
  JS_ASSIGN_OR_RETURN(sqlite::Statement query,
                      connection_.Prepare("SELECT ended_at IS NOT NULL FROM call_attempts "
                                          "WHERE id = ?"));
  JS_RETURN_IF_ERROR(query.Bind(id));
  JS_ASSIGN_OR_RETURN(bool found, query.Step());
  if (!found) return base::NotFound("no call attempt " + std::to_string(id));
  ended = query.ColumnInt(0) != 0;
  return base::OkStatus();
}

base::Status SqliteAttemptStore::EndAttempt(std::int64_t id, std::string_view outcome,
                                            base::TimePoint at) {
  bool ended = false;
  JS_RETURN_IF_ERROR(Lookup(id, ended));
  if (ended) return base::Conflict("call attempt " + std::to_string(id) + " has ended already");
  JS_ASSIGN_OR_RETURN(sqlite::Statement update,
                      connection_.Prepare("UPDATE call_attempts SET outcome = ?, ended_at = ? "
                                          "WHERE id = ?"));
  return update.Run(outcome, Micros(at), id);
}

base::Status SqliteAttemptStore::DisposeAttempt(std::int64_t id, std::string_view disposition,
                                                std::string_view agent_id) {
  bool ended = false;
  JS_RETURN_IF_ERROR(Lookup(id, ended));
  JS_ASSIGN_OR_RETURN(sqlite::Statement update,
                      connection_.Prepare("UPDATE call_attempts SET disposition = ?, agent_id = ? "
                                          "WHERE id = ?"));
  return update.Run(disposition, agent_id, id);
}

base::Result<std::vector<CallAttempt>> SqliteAttemptStore::ListAttempts(
    std::string_view campaign_id) {
  JS_ASSIGN_OR_RETURN(sqlite::Statement query, connection_.Prepare(kList));
  JS_RETURN_IF_ERROR(query.Bind(campaign_id));
  std::vector<CallAttempt> attempts;
  while (true) {
    JS_ASSIGN_OR_RETURN(bool row, query.Step());
    if (!row) break;
    CallAttempt& attempt = attempts.emplace_back();
    attempt.id = query.ColumnInt64(0);
    attempt.campaign_id = query.ColumnText(1);
    attempt.contact_id = query.ColumnText(2);
    attempt.number = query.ColumnText(3);
    attempt.attempt = query.ColumnInt(4);
    attempt.placed_at = FromMicros(query.ColumnInt64(5));
    attempt.outcome = query.ColumnText(6);
    std::int64_t ended = query.ColumnInt64(7);
    if (ended >= 0) attempt.ended_at = FromMicros(ended);
    attempt.disposition = query.ColumnText(8);
    attempt.agent_id = query.ColumnText(9);
  }
  return attempts;
}

}  // namespace store
