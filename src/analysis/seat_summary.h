#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "analysis/seat_data.h"

namespace analysis {

// One party's national result in a Lok Sabha election.
struct PartyTally {
  std::string party;  // code
  std::string name;   // full name where known, else the code
  int seats_won = 0;
  int seats_contested = 0;
  std::int64_t votes = 0;
  double vote_share_pct = 0;  // of all votes counted in the country, NOTA included
};

struct ElectionSummary {
  std::string election;
  int seats = 0;
  std::int64_t votes_counted = 0;
  std::vector<PartyTally> parties;  // most seats first, then most votes, then code
};

// Seats and vote share per party. `data` must have been loaded with `election`.
ElectionSummary SummarizeElection(const SeatData& data, const std::string& election);

}  // namespace analysis
