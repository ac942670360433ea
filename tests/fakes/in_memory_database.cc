#include "fakes/in_memory_database.h"

#include <algorithm>
#include <set>
#include <string>
#include <tuple>

namespace fakes {

base::Status InMemoryDatabase::ReplaceReferenceData(const results::ReferenceData& data) {
  data_ = data;
  return base::OkStatus();
}

base::Result<std::vector<results::Election>> InMemoryDatabase::ListElections() {
  std::vector<results::Election> elections;
  for (const results::ElectionResults& election : data_.elections) {
    results::Election listed = election.election;
    std::set<std::string> states;
    for (const results::CandidateVotes& vote : election.votes) states.insert(vote.state_code);
    listed.states.assign(states.begin(), states.end());
    elections.push_back(std::move(listed));
  }
  return elections;
}

base::Result<std::vector<results::CandidateVotes>> InMemoryDatabase::ListVotes(
    std::string_view election_id) {
  for (const results::ElectionResults& election : data_.elections) {
    if (election.election.id == election_id) return election.votes;
  }
  return base::NotFound("election '" + std::string(election_id) + "' is not loaded");
}

base::Result<std::vector<results::ConstituencyTally>> InMemoryDatabase::ListTallies(
    std::string_view election_id) {
  JS_ASSIGN_OR_RETURN(std::vector<results::CandidateVotes> votes, ListVotes(election_id));
  return results::TallyByConstituency(votes);
}

base::Result<std::int64_t> InMemoryDatabase::BeginAttempt(const store::CallAttempt& attempt) {
  for (const store::CallAttempt& existing : attempts_) {
    if (existing.campaign_id == attempt.campaign_id && existing.contact_id == attempt.contact_id &&
        existing.attempt == attempt.attempt) {
      return base::Conflict("attempt " + std::to_string(attempt.attempt) + " of contact " +
                            attempt.contact_id + " was begun already");
    }
  }
  store::CallAttempt stored = attempt;
  stored.id = static_cast<std::int64_t>(attempts_.size()) + 1;
  attempts_.push_back(stored);
  return stored.id;
}

base::Status InMemoryDatabase::EndAttempt(std::int64_t id, std::string_view outcome,
                                          base::TimePoint at) {
  if (id < 1 || id > static_cast<std::int64_t>(attempts_.size())) {
    return base::NotFound("no call attempt " + std::to_string(id));
  }
  store::CallAttempt& attempt = attempts_[static_cast<std::size_t>(id - 1)];
  if (attempt.ended_at) return base::Conflict("call attempt has ended already");
  attempt.outcome = outcome;
  attempt.ended_at = at;
  return base::OkStatus();
}

base::Status InMemoryDatabase::DisposeAttempt(std::int64_t id, std::string_view disposition,
                                              std::string_view agent_id) {
  if (id < 1 || id > static_cast<std::int64_t>(attempts_.size())) {
    return base::NotFound("no call attempt " + std::to_string(id));
  }
  store::CallAttempt& attempt = attempts_[static_cast<std::size_t>(id - 1)];
  attempt.disposition = disposition;
  attempt.agent_id = agent_id;
  return base::OkStatus();
}

base::Result<std::vector<store::CallAttempt>> InMemoryDatabase::ListAttempts(
    std::string_view campaign_id) {
  std::vector<store::CallAttempt> found;
  for (const store::CallAttempt& attempt : attempts_) {
    if (attempt.campaign_id == campaign_id) found.push_back(attempt);
  }
  return found;
}

base::Status InMemoryDatabase::AddCampaign(std::string_view id, std::string_view definition,
                                           base::TimePoint created_at) {
  if (campaigns_.find(id) != campaigns_.end()) {
    return base::Conflict("campaign '" + std::string(id) + "' exists already");
  }
  campaigns_.emplace(std::string(id),
                     store::StoredCampaign{std::string(id), std::string(definition), created_at});
  return base::OkStatus();
}

base::Result<store::StoredCampaign> InMemoryDatabase::GetCampaign(std::string_view id) {
  auto it = campaigns_.find(id);
  if (it == campaigns_.end()) return base::NotFound("no campaign '" + std::string(id) + "'");
  return it->second;
}

base::Result<std::vector<store::StoredCampaign>> InMemoryDatabase::ListCampaigns() {
  std::vector<store::StoredCampaign> listed;
  for (const auto& [id, campaign] : campaigns_) listed.push_back(campaign);
  return listed;
}

base::Status InMemoryDatabase::AddDoNotCall(std::string_view campaign_id, std::string_view number,
                                            std::string_view reason, base::TimePoint at) {
  auto& numbers = do_not_call_[std::string(campaign_id)];
  numbers.emplace(std::string(number),
                  store::DoNotCallEntry{std::string(number), std::string(reason), at});
  return base::OkStatus();
}

base::Result<std::vector<store::DoNotCallEntry>> InMemoryDatabase::ListDoNotCall(
    std::string_view campaign_id) {
  std::vector<store::DoNotCallEntry> listed;
  auto it = do_not_call_.find(campaign_id);
  if (it == do_not_call_.end()) return listed;
  for (const auto& [number, entry] : it->second) listed.push_back(entry);
  std::stable_sort(listed.begin(), listed.end(),
                   [](const store::DoNotCallEntry& a, const store::DoNotCallEntry& b) {
                     return a.added_at < b.added_at;
                   });
  return listed;
}

base::Result<std::int64_t> InMemoryDatabase::AddCallRecord(const store::CallRecord& record) {
  JS_RETURN_IF_ERROR(store::CheckCallRecord(record));
  store::CallRecord stored = record;
  stored.id = static_cast<std::int64_t>(call_records_.size()) + 1;
  call_records_.push_back(stored);
  return stored.id;
}

base::Result<std::vector<store::CallRecord>> InMemoryDatabase::ListCallRecords(
    const store::CallRecordQuery& query) {
  JS_RETURN_IF_ERROR(store::CheckCallRecordQuery(query));
  std::vector<store::CallRecord> listed;
  for (const store::CallRecord& record : call_records_) {
    if (!query.kind.empty() && record.kind != query.kind) continue;
    if (query.since && record.started_at < *query.since) continue;
    if (query.until && !(record.started_at < *query.until)) continue;
    listed.push_back(record);
  }
  std::sort(listed.begin(), listed.end(),
            [](const store::CallRecord& a, const store::CallRecord& b) {
              if (a.started_at != b.started_at) return a.started_at > b.started_at;
              return a.id > b.id;
            });
  if (listed.size() > static_cast<std::size_t>(query.limit)) {
    listed.resize(static_cast<std::size_t>(query.limit));
  }
  return listed;
}

base::Status InMemoryDatabase::AddBroadcastAnswer(const store::BroadcastAnswer& answer) {
  JS_RETURN_IF_ERROR(store::CheckBroadcastAnswer(answer));
  // A later answer of the same number to the same question replaces the earlier one.
  std::erase_if(broadcast_answers_, [&](const store::BroadcastAnswer& old) {
    return old.campaign_id == answer.campaign_id && old.number == answer.number &&
           old.question_id == answer.question_id;
  });
  broadcast_answers_.push_back(answer);
  return base::OkStatus();
}

base::Result<std::vector<store::BroadcastAnswer>> InMemoryDatabase::ListBroadcastAnswers(
    std::string_view campaign_id) {
  std::vector<store::BroadcastAnswer> listed;
  for (const store::BroadcastAnswer& answer : broadcast_answers_) {
    if (answer.campaign_id == campaign_id) listed.push_back(answer);
  }
  std::sort(listed.begin(), listed.end(),
            [](const store::BroadcastAnswer& a, const store::BroadcastAnswer& b) {
              return std::tie(a.answered_at, a.number, a.question_id) <
                     std::tie(b.answered_at, b.number, b.question_id);
            });
  return listed;
}

base::Status InMemoryDatabase::PutCampaignPrompt(const store::CampaignPrompt& prompt) {
  campaign_prompts_[prompt.campaign_id][prompt.name] = prompt;
  return base::OkStatus();
}

base::Result<std::vector<store::CampaignPrompt>> InMemoryDatabase::ListCampaignPrompts(
    std::string_view campaign_id) {
  std::vector<store::CampaignPrompt> listed;
  auto it = campaign_prompts_.find(campaign_id);
  if (it == campaign_prompts_.end()) return listed;
  for (const auto& [name, prompt] : it->second) listed.push_back(prompt);
  return listed;
}

base::Status InMemoryDatabase::RemoveCampaignPrompt(std::string_view campaign_id,
                                                    std::string_view name) {
  auto it = campaign_prompts_.find(campaign_id);
  if (it != campaign_prompts_.end()) {
    auto prompt = it->second.find(name);
    if (prompt != it->second.end()) {
      it->second.erase(prompt);
      return base::OkStatus();
    }
  }
  return base::NotFound("campaign " + std::string(campaign_id) + " has no prompt '" +
                        std::string(name) + "'");
}

base::Status InMemoryDatabase::AddAgent(const store::StoredAgent& agent) {
  if (!agents_.emplace(agent.id, agent).second) {
    return base::Conflict("agent '" + agent.id + "' exists already");
  }
  return base::OkStatus();
}

base::Result<store::StoredAgent> InMemoryDatabase::GetAgent(std::string_view id) {
  auto it = agents_.find(id);
  if (it == agents_.end()) return base::NotFound("no agent '" + std::string(id) + "'");
  return it->second;
}

base::Result<std::vector<store::StoredAgent>> InMemoryDatabase::ListAgents() {
  std::vector<store::StoredAgent> listed;
  for (const auto& [id, agent] : agents_) listed.push_back(agent);
  return listed;
}

base::Status InMemoryDatabase::RemoveAgent(std::string_view id) {
  auto it = agents_.find(id);
  if (it == agents_.end()) return base::NotFound("no agent '" + std::string(id) + "'");
  agents_.erase(it);
  return base::OkStatus();
}

}  // namespace fakes
