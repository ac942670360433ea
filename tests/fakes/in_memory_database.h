#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "store/store.h"

namespace fakes {

// A store::Database over plain vectors, for tests of code above the store. It keeps whatever
// ReplaceReferenceData was given, as given (callers pass data already in key order).
class InMemoryDatabase : public store::Database,
                         store::ReferenceStore,
                         store::ResultStore,
                         store::AttemptStore,
                         store::CampaignStore,
                         store::DoNotCallStore,
                         store::DndRegistryStore,
                         store::CallRecordStore,
                         store::BroadcastAnswerStore,
                         store::CampaignPromptStore,
                         store::AgentStore {
 public:
  InMemoryDatabase() = default;
  explicit InMemoryDatabase(results::ReferenceData data) : data_(std::move(data)) {}

  store::ReferenceStore& reference() override { return *this; }
  store::ResultStore& results() override { return *this; }
  store::AttemptStore& attempts() override { return *this; }
  store::CampaignStore& campaigns() override { return *this; }
  store::DoNotCallStore& do_not_call() override { return *this; }
  store::DndRegistryStore& dnd_registry() override { return *this; }
  store::CallRecordStore& call_records() override { return *this; }
  store::BroadcastAnswerStore& broadcast_answers() override { return *this; }
  store::CampaignPromptStore& campaign_prompts() override { return *this; }
  store::AgentStore& agents() override { return *this; }
  base::Status ReplaceReferenceData(const results::ReferenceData& data) override;
  base::Result<int> SchemaVersion() override { return 1; }

  base::Result<std::vector<geo::State>> ListStates() override { return data_.states; }
  base::Result<std::vector<geo::Seat>> ListSeats() override { return data_.seats; }
  base::Result<std::vector<geo::Segment>> ListSegments() override { return data_.segments; }
  base::Result<std::vector<results::Party>> ListParties() override { return data_.parties; }
  base::Result<std::vector<results::Election>> ListElections() override;
  base::Result<std::vector<results::CandidateVotes>> ListVotes(
      std::string_view election_id) override;
  base::Result<std::vector<results::ConstituencyTally>> ListTallies(
      std::string_view election_id) override;

  base::Result<std::int64_t> BeginAttempt(const store::CallAttempt& attempt) override;
  base::Status EndAttempt(std::int64_t id, std::string_view outcome, base::TimePoint at) override;
  base::Status DisposeAttempt(std::int64_t id, std::string_view disposition,
                              std::string_view agent_id) override;
  base::Result<std::vector<store::CallAttempt>> ListAttempts(std::string_view campaign_id) override;

  base::Status AddCampaign(std::string_view id, std::string_view definition,
                           base::TimePoint created_at) override;
  base::Result<store::StoredCampaign> GetCampaign(std::string_view id) override;
  base::Result<std::vector<store::StoredCampaign>> ListCampaigns() override;

  base::Status AddDoNotCall(std::string_view campaign_id, std::string_view number,
                            std::string_view reason, base::TimePoint at) override;
  base::Result<std::vector<store::DoNotCallEntry>> ListDoNotCall(
      std::string_view campaign_id) override;

  base::Status ReplaceDndRegistry(const store::DndRegistryRecord& record) override {
    dnd_registry_ = record;
    return base::OkStatus();
  }
  base::Result<std::optional<store::DndRegistryRecord>> GetDndRegistry() override {
    return dnd_registry_;
  }

  base::Result<std::int64_t> AddCallRecord(const store::CallRecord& record) override;
  base::Result<std::vector<store::CallRecord>> ListCallRecords(
      const store::CallRecordQuery& query) override;

  base::Status AddBroadcastAnswer(const store::BroadcastAnswer& answer) override;
  base::Result<std::vector<store::BroadcastAnswer>> ListBroadcastAnswers(
      std::string_view campaign_id) override;
  base::Status PutCampaignPrompt(const store::CampaignPrompt& prompt) override;
  base::Result<std::vector<store::CampaignPrompt>> ListCampaignPrompts(
      std::string_view campaign_id) override;
  base::Status RemoveCampaignPrompt(std::string_view campaign_id, std::string_view name) override;
  base::Status AddAgent(const store::StoredAgent& agent) override;
  base::Result<store::StoredAgent> GetAgent(std::string_view id) override;
  base::Result<std::vector<store::StoredAgent>> ListAgents() override;
  base::Status RemoveAgent(std::string_view id) override;

 private:
  results::ReferenceData data_;
  std::vector<store::CallAttempt> attempts_;  // id = index + 1
  std::map<std::string, store::StoredCampaign, std::less<>> campaigns_;
  // By campaign, then by number.
  std::map<std::string, std::map<std::string, store::DoNotCallEntry, std::less<>>, std::less<>>
      do_not_call_;
  std::optional<store::DndRegistryRecord> dnd_registry_;
  std::vector<store::CallRecord> call_records_;  // id = index + 1
  std::vector<store::BroadcastAnswer> broadcast_answers_;
  // By campaign, then by name.
  std::map<std::string, std::map<std::string, store::CampaignPrompt, std::less<>>, std::less<>>
      campaign_prompts_;
  std::map<std::string, store::StoredAgent, std::less<>> agents_;
};

}  // namespace fakes
