#include "analysis/constituency_result.h"

#include <algorithm>

#include "base/text.h"
#include "results/party.h"

namespace analysis {

bool Alliance::Contains(const std::string& party) const {
  return std::find(codes_.begin(), codes_.end(), party) != codes_.end();
}

std::string Alliance::Label() const { return base::Join(codes_, "+"); }

namespace {

double Percent(std::int64_t part, std::int64_t whole) {
  return whole > 0 ? 100.0 * static_cast<double>(part) / static_cast<double>(whole) : 0.0;
}

}  // namespace

Standing StandingOf(const results::ConstituencyTally& result, const Alliance& alliance) {
  Standing standing;
  std::int64_t alliance_votes = 0;
  std::int64_t best_rival_votes = 0;
  for (std::size_t i = 0; i < result.candidates.size(); ++i) {
    const results::CandidateTally& candidate = result.candidates[i];
    if (alliance.Contains(candidate.party)) {
      alliance_votes += candidate.votes;
      if (!standing.contested) standing.best_position = static_cast<int>(i) + 1;
      standing.contested = true;
    } else if (standing.rival_party.empty()) {
      // Candidates come with the most votes first: the first outsider is the best rival.
      standing.rival_party = candidate.party;
      best_rival_votes = candidate.votes;
    }
  }
  if (!result.candidates.empty()) {
    standing.winner_party = result.candidates.front().party;
    standing.won = alliance.Contains(standing.winner_party);
  }
  standing.share_pct = Percent(alliance_votes, result.votes_counted);
  standing.margin_pct = Percent(alliance_votes - best_rival_votes, result.votes_counted);
  return standing;
}

}  // namespace analysis
