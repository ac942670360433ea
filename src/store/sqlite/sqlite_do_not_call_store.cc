#include "store/sqlite/sqlite_do_not_call_store.h"

#include "store/sqlite/stored_time.h"

namespace store {
namespace {

// A number listed already keeps its first reason and time: the first opt-out is the record.
constexpr std::string_view kAdd = R"sql(
INSERT INTO do_not_call (campaign_id, number, reason, added_at) VALUES (?, ?, ?, ?)
ON CONFLICT (campaign_id, number) DO NOTHING)sql";

constexpr std::string_view kList = R"sql(
SELECT number, reason, added_at FROM do_not_call WHERE campaign_id = ?
ORDER BY added_at, number)sql";

}  // namespace

base::Status SqliteDoNotCallStore::AddDoNotCall(std::string_view campaign_id,
                                                std::string_view number, std::string_view reason,
                                                base::TimePoint at) {
  JS_ASSIGN_OR_RETURN(sqlite::Statement insert, connection_.Prepare(kAdd));
  return insert.Run(campaign_id, number, reason, Micros(at));
}

base::Result<std::vector<DoNotCallEntry>> SqliteDoNotCallStore::ListDoNotCall(
    std::string_view campaign_id) {
  JS_ASSIGN_OR_RETURN(sqlite::Statement query, connection_.Prepare(kList));
  JS_RETURN_IF_ERROR(query.Bind(campaign_id));
  std::vector<DoNotCallEntry> entries;
  while (true) {
    JS_ASSIGN_OR_RETURN(bool row, query.Step());
    if (!row) break;
    entries.push_back({query.ColumnText(0), query.ColumnText(1), FromMicros(query.ColumnInt64(2))});
  }
  return entries;
}

}  // namespace store
