#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "results/election.h"

namespace results {

// One candidate's votes, without the name: what tallies by party need.
struct CandidateTally {
  std::string party;
  std::int64_t votes = 0;
};

// The result of one constituency of one election in the compact form that analysis reads:
// candidates with the most votes first (ties in position order), NOTA left out of the
// candidates but counted in `votes_counted`, as ECI counts shares.
struct ConstituencyTally {
  std::string state_code;
  int number = 0;
  std::int64_t votes_counted = 0;
  std::vector<CandidateTally> candidates;
};

// Groups candidate rows by constituency, ordered by state code then number, candidates by
// votes. Rows may come in any order.
std::vector<ConstituencyTally> TallyByConstituency(const std::vector<CandidateVotes>& rows);

}  // namespace results
