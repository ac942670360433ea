#include "analysis/segment_standing.h"

namespace analysis {

std::vector<SegmentRow> SegmentsOfSeats(const SeatData& data, const std::vector<SeatScore>& seats,
                                        const Alliance& alliance) {
  std::vector<SegmentRow> rows;
  for (const SeatScore& seat : seats) {
    for (const geo::Segment* segment : data.SegmentsOf(*seat.seat)) {
      SegmentRow row{&seat, segment, std::nullopt, {}};
      SegmentResult latest = data.LatestAssembly(*segment);
      if (latest.result != nullptr) {
        row.assembly_election = latest.election_id;
        row.standing = StandingOf(*latest.result, alliance);
      }
      rows.push_back(std::move(row));
    }
  }
  return rows;
}

}  // namespace analysis
