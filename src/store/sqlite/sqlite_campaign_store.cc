#include "store/sqlite/sqlite_campaign_store.h"

#include "store/sqlite/stored_time.h"

namespace store {
namespace {

StoredCampaign ReadCampaign(const sqlite::Statement& row) {
  return {row.ColumnText(0), row.ColumnText(1), FromMicros(row.ColumnInt64(2))};
}

}  // namespace

base::Status SqliteCampaignStore::AddCampaign(std::string_view id, std::string_view definition,
                                              base::TimePoint created_at) {
  JS_ASSIGN_OR_RETURN(sqlite::Statement insert,
                      connection_.Prepare("INSERT INTO campaigns (id, definition, created_at) "
                                          "VALUES (?, ?, ?)"));
  base::Status status = insert.Run(id, definition, Micros(created_at));
  // SQLite's own words ("UNIQUE constraint failed: campaigns.id") would not name the campaign.
  if (status.code() == base::StatusCode::kConflict) {
    return base::Conflict("campaign '" + std::string(id) + "' exists already");
  }
  return status;
}

base::Result<StoredCampaign> SqliteCampaignStore::GetCampaign(std::string_view id) {
  JS_ASSIGN_OR_RETURN(sqlite::Statement query,
                      connection_.Prepare("SELECT id, definition, created_at FROM campaigns "
                                          "WHERE id = ?"));
  JS_RETURN_IF_ERROR(query.Bind(id));
  JS_ASSIGN_OR_RETURN(bool found, query.Step());
  if (!found) return base::NotFound("no campaign '" + std::string(id) + "'");
  return ReadCampaign(query);
}

base::Result<std::vector<StoredCampaign>> SqliteCampaignStore::ListCampaigns() {
  JS_ASSIGN_OR_RETURN(sqlite::Statement query,
                      connection_.Prepare("SELECT id, definition, created_at FROM campaigns "
                                          "ORDER BY id"));
  std::vector<StoredCampaign> campaigns;
  while (true) {
    JS_ASSIGN_OR_RETURN(bool row, query.Step());
    if (!row) break;
    campaigns.push_back(ReadCampaign(query));
  }
  return campaigns;
}

}  // namespace store
