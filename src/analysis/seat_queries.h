#pragma once

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "analysis/seat_data.h"
#include "analysis/seat_summary.h"
#include "analysis/segment_standing.h"
#include "analysis/weak_seats.h"
#include "base/result.h"
#include "store/store.h"

// The seat analysis as the CLI and the API ask for it: names as a user types them, checked and
// resolved here, so that both front ends give the same answers and the same errors.
namespace analysis {

struct SeatQuery {
  std::string party;                // code, name or alias
  std::vector<std::string> allies;  // codes, names or aliases; the party is added first
  std::string election = "ls2019";
  std::optional<std::string> baseline;
  std::string mode = "weakest";  // weakest | battleground
  std::optional<int> top;        // all seats when absent
};

// The answer owns the data its rows point into.
struct WeakSeatsAnswer {
  std::unique_ptr<SeatData> data;
  WeakSeatsRequest request;
  std::string party_name;
  std::vector<SeatScore> seats;
};

struct SegmentsAnswer {
  WeakSeatsAnswer seats;
  std::vector<SegmentRow> segments;
};

base::Result<ElectionSummary> QuerySummary(store::Database& db, const std::string& election);
base::Result<WeakSeatsAnswer> QueryWeakSeats(store::Database& db, const SeatQuery& query);
base::Result<SegmentsAnswer> QuerySegments(store::Database& db, const SeatQuery& query);

// "weakest" / "battleground"; anything else fails with kInvalidArgument and a suggestion.
base::Result<RankMode> ParseRankMode(const std::string& text);
std::string_view RankModeName(RankMode mode);

}  // namespace analysis
