#include "results/tally.h"

#include <algorithm>

#include "results/party.h"

namespace results {

std::vector<ConstituencyTally> TallyByConstituency(const std::vector<CandidateVotes>& rows) {
  std::vector<const CandidateVotes*> ordered;
  ordered.reserve(rows.size());
  for (const CandidateVotes& row : rows) ordered.push_back(&row);
  // Most votes first (ties by position), whatever positions the source gave; NOTA is set
  // aside below wherever it falls.
  std::sort(ordered.begin(), ordered.end(), [](const auto* a, const auto* b) {
    if (a->state_code != b->state_code) return a->state_code < b->state_code;
    if (a->number != b->number) return a->number < b->number;
    if (a->votes != b->votes) return a->votes > b->votes;
    return a->position < b->position;
  });
  std::vector<ConstituencyTally> tallies;
  for (const CandidateVotes* row : ordered) {
    if (tallies.empty() || tallies.back().state_code != row->state_code ||
        tallies.back().number != row->number) {
      tallies.push_back({row->state_code, row->number, 0, {}});
    }
    ConstituencyTally& tally = tallies.back();
    tally.votes_counted += row->votes;
    if (row->party != kNota) tally.candidates.push_back({row->party, row->votes});
  }
  return tallies;
}

}  // namespace results
