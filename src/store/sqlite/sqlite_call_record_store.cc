#include "store/sqlite/sqlite_call_record_store.h"

#include <limits>
#include <optional>
#include <string>

#include "store/sqlite/stored_time.h"

namespace store {
namespace {

// NULL for a time that has not come (not answered, not connected).
std::optional<std::int64_t> MicrosOrNull(const std::optional<base::TimePoint>& at) {
  if (!at) return std::nullopt;
  return Micros(*at);
}

constexpr std::string_view kAdd = R"sql(
INSERT INTO call_records (direction, kind, from_number, to_number, campaign_id, state_code,
                          language, started_at, answered_at, connected_at, ended_at, agent_id,
                          outcome, recording)
VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id)sql";

// Two statements rather than "(? = '' OR kind = ?)", so that each reads its own index.
constexpr std::string_view kListAll = R"sql(
SELECT id, direction, kind, from_number, to_number, campaign_id, state_code, language,
       started_at, answered_at, connected_at, ended_at, agent_id, outcome, recording
FROM call_records WHERE started_at >= ? AND started_at < ?
ORDER BY started_at DESC, id DESC LIMIT ?)sql";

constexpr std::string_view kListKind = R"sql(
SELECT id, direction, kind, from_number, to_number, campaign_id, state_code, language,
       started_at, answered_at, connected_at, ended_at, agent_id, outcome, recording
FROM call_records WHERE kind = ? AND started_at >= ? AND started_at < ?
ORDER BY started_at DESC, id DESC LIMIT ?)sql";

std::optional<base::TimePoint> OptionalTime(const sqlite::Statement& row, int column) {
  if (row.ColumnIsNull(column)) return std::nullopt;
  return FromMicros(row.ColumnInt64(column));
}

CallRecord ReadRow(const sqlite::Statement& row) {
  CallRecord record;
  record.id = row.ColumnInt64(0);
  record.direction = row.ColumnText(1);
  record.kind = row.ColumnText(2);
  record.from = row.ColumnText(3);
  record.to = row.ColumnText(4);
  record.campaign_id = row.ColumnText(5);
  record.state = row.ColumnText(6);
  record.language = row.ColumnText(7);
  record.started_at = FromMicros(row.ColumnInt64(8));
  record.answered_at = OptionalTime(row, 9);
  record.connected_at = OptionalTime(row, 10);
  record.ended_at = OptionalTime(row, 11);
  record.agent_id = row.ColumnText(12);
  record.outcome = row.ColumnText(13);
  record.recording = row.ColumnText(14);
  return record;
}

}  // namespace

base::Result<std::int64_t> SqliteCallRecordStore::AddCallRecord(const CallRecord& record) {
  JS_RETURN_IF_ERROR(CheckCallRecord(record));
  JS_ASSIGN_OR_RETURN(sqlite::Statement insert, connection_.Prepare(kAdd));
  JS_RETURN_IF_ERROR(insert.Bind(record.direction, record.kind, record.from, record.to,
                                 record.campaign_id, record.state, record.language,
                                 Micros(record.started_at), MicrosOrNull(record.answered_at),
                                 MicrosOrNull(record.connected_at), MicrosOrNull(record.ended_at),
                                 record.agent_id, record.outcome, record.recording));
  base::Result<bool> row = insert.Step();
  if (!row.ok()) return row.status().WithContext("call record from " + record.from);
  if (!*row) return base::Internal("inserting a call record returned no id");
  std::int64_t id = insert.ColumnInt64(0);
  // Step to the end, so that the INSERT is complete (and committed) before it is reported.
  JS_ASSIGN_OR_RETURN(bool more, insert.Step());
  if (more) return base::Internal("inserting a call record returned two rows");
  return id;
}

base::Result<std::vector<CallRecord>> SqliteCallRecordStore::ListCallRecords(
    const CallRecordQuery& query) {
  JS_RETURN_IF_ERROR(CheckCallRecordQuery(query));
  std::int64_t since =
      query.since ? Micros(*query.since) : std::numeric_limits<std::int64_t>::min();
  std::int64_t until =
      query.until ? Micros(*query.until) : std::numeric_limits<std::int64_t>::max();
  std::int64_t limit = query.limit;
  JS_ASSIGN_OR_RETURN(sqlite::Statement list,
                      connection_.Prepare(query.kind.empty() ? kListAll : kListKind));
  if (query.kind.empty()) {
    JS_RETURN_IF_ERROR(list.Bind(since, until, limit));
  } else {
    JS_RETURN_IF_ERROR(list.Bind(query.kind, since, until, limit));
  }
  std::vector<CallRecord> records;
  while (true) {
    JS_ASSIGN_OR_RETURN(bool row, list.Step());
    if (!row) break;
    records.push_back(ReadRow(list));
  }
  return records;
}

}  // namespace store
