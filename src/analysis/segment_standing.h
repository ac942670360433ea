#pragma once

#include <optional>
#include <string>
#include <vector>

#include "analysis/weak_seats.h"

namespace analysis {

// An assembly segment of a scored seat, with the party's standing there at the latest
// assembly election where one is loaded.
struct SegmentRow {
  const SeatScore* seat = nullptr;
  const geo::Segment* segment = nullptr;
  std::optional<std::string> assembly_election;  // absent where no result is loaded
  Standing standing;                             // meaningful only with assembly_election
};

// The segments of `seats`, seat by seat in their order, segments in number order.
std::vector<SegmentRow> SegmentsOfSeats(const SeatData& data, const std::vector<SeatScore>& seats,
                                        const Alliance& alliance);

}  // namespace analysis
