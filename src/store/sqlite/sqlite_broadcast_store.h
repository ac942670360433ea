#pragma once

#include "store/sqlite/connection.h"
#include "store/store.h"

namespace store {

// BroadcastAnswerStore and CampaignPromptStore over an SQLite connection that the owner
// (SqliteDatabase) keeps open for the life of this object. Each call is its own transaction
// (autocommit): durable once it returns.
class SqliteBroadcastStore : public BroadcastAnswerStore, public CampaignPromptStore {
 public:
  explicit SqliteBroadcastStore(sqlite::Connection& connection) : connection_(connection) {}

  base::Status AddBroadcastAnswer(const BroadcastAnswer& answer) override;
  base::Result<std::vector<BroadcastAnswer>> ListBroadcastAnswers(
      std::string_view campaign_id) override;

  base::Status PutCampaignPrompt(const CampaignPrompt& prompt) override;
  base::Result<std::vector<CampaignPrompt>> ListCampaignPrompts(
      std::string_view campaign_id) override;
  base::Status RemoveCampaignPrompt(std::string_view campaign_id, std::string_view name) override;

 private:
  sqlite::Connection& connection_;
};

}  // namespace store
