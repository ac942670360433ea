#pragma once

#include "store/sqlite/connection.h"
#include "store/store.h"

namespace store {

// CampaignStore over an SQLite connection that the owner (SqliteDatabase) keeps open for the
// life of this object. Each call is its own transaction (autocommit).
class SqliteCampaignStore : public CampaignStore {
 public:
  explicit SqliteCampaignStore(sqlite::Connection& connection) : connection_(connection) {}

  base::Status AddCampaign(std::string_view id, std::string_view definition,
                           base::TimePoint created_at) override;
  base::Result<StoredCampaign> GetCampaign(std::string_view id) override;
  base::Result<std::vector<StoredCampaign>> ListCampaigns() override;

 private:
  sqlite::Connection& connection_;
};

}  // namespace store
