#include "fakes/in_memory_database.h"

#include <set>

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

}  // namespace fakes
