#include "analysis/seat_summary.h"

#include <algorithm>
#include <map>

namespace analysis {

ElectionSummary SummarizeElection(const SeatData& data, const std::string& election) {
  ElectionSummary summary;
  summary.election = election;
  std::map<std::string, PartyTally> by_party;
  for (const results::ConstituencyTally& result : data.LokSabha(election)) {
    ++summary.seats;
    summary.votes_counted += result.votes_counted;
    std::map<std::string, bool> counted_here;  // a party with two candidates contests once
    for (std::size_t i = 0; i < result.candidates.size(); ++i) {
      const results::CandidateTally& candidate = result.candidates[i];
      PartyTally& tally = by_party[candidate.party];
      tally.votes += candidate.votes;
      if (i == 0) ++tally.seats_won;
      if (!counted_here[candidate.party]) ++tally.seats_contested;
      counted_here[candidate.party] = true;
    }
  }
  for (auto& [code, tally] : by_party) {
    tally.party = code;
    const results::Party* party = data.parties().Find(code);
    tally.name = party != nullptr && !party->name.empty() ? party->name : code;
    tally.vote_share_pct =
        summary.votes_counted > 0
            ? 100.0 * static_cast<double>(tally.votes) / static_cast<double>(summary.votes_counted)
            : 0.0;
    summary.parties.push_back(std::move(tally));
  }
  std::sort(summary.parties.begin(), summary.parties.end(),
            [](const PartyTally& a, const PartyTally& b) {
              if (a.seats_won != b.seats_won) return a.seats_won > b.seats_won;
              if (a.votes != b.votes) return a.votes > b.votes;
              return a.party < b.party;
            });
  return summary;
}

}  // namespace analysis
