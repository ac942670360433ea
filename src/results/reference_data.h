#pragma once

#include <vector>

#include "geo/seat.h"
#include "geo/state.h"
#include "results/election.h"
#include "results/party.h"

namespace results {

// Everything `jansampark data load` writes: the country, its parties and its elections.
struct ReferenceData {
  std::vector<geo::State> states;
  std::vector<geo::Seat> seats;
  std::vector<geo::Segment> segments;
  std::vector<Party> parties;
  std::vector<ElectionResults> elections;
};

}  // namespace results
