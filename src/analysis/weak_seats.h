#pragma once

#include <optional>
#include <string>
#include <vector>

#include "analysis/constituency_result.h"
#include "analysis/seat_data.h"
#include "analysis/seat_strength.h"
#include "base/result.h"
#include "geo/seat.h"

namespace analysis {

enum class RankMode { kWeakest, kBattleground };

struct WeakSeatsRequest {
  std::vector<std::string> alliance;  // resolved party codes, the party itself first
  std::string election;               // resolved id, e.g. "ls2019"
  std::optional<std::string> baseline;
  RankMode mode = RankMode::kWeakest;
  int top = 0;  // 0: every seat
};

// The party's standing in the seat's segments at the latest assembly election.
struct AssemblySignal {
  std::string election_id;
  int segments_with_results = 0;
  int segments_won = 0;
  double mean_margin_pct = 0;
};

// One scored seat.
struct SeatScore {
  int rank = 0;  // 1-based, in the requested order
  const geo::Seat* seat = nullptr;
  std::string state_name;
  Standing standing;
  std::optional<double> baseline_share_pct;
  std::optional<double> swing_points;
  std::optional<AssemblySignal> assembly;
  StrengthParts parts;
  std::string reason;  // "lost to INC by 4.1%; vote share down 7.9 points since ls2014"
};

// Scores every seat that has a result in the election and returns them in the requested order,
// cut to `top`. `data` must have been loaded with the election, the baseline and assembly
// results; the returned scores point into it.
std::vector<SeatScore> RankSeats(const SeatData& data, const WeakSeatsRequest& request);

// The one-line reason for a score.
std::string ReasonFor(const SeatScore& score, const WeakSeatsRequest& request);

}  // namespace analysis
