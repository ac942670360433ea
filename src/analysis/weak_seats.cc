#include "analysis/weak_seats.h"

#include <algorithm>
#include <cmath>

#include "base/text.h"

namespace analysis {
namespace {

std::optional<AssemblySignal> AssemblySignalOf(const SeatData& data, const geo::Seat& seat,
                                               const Alliance& alliance) {
  AssemblySignal signal;
  double margin_sum = 0;
  for (const geo::Segment* segment : data.SegmentsOf(seat)) {
    SegmentResult latest = data.LatestAssembly(*segment);
    if (latest.result == nullptr) continue;
    Standing standing = StandingOf(*latest.result, alliance);
    signal.election_id = latest.election_id;
    ++signal.segments_with_results;
    if (standing.won) ++signal.segments_won;
    margin_sum += standing.margin_pct;
  }
  if (signal.segments_with_results == 0) return std::nullopt;
  signal.mean_margin_pct = margin_sum / signal.segments_with_results;
  return signal;
}

SeatScore ScoreSeat(const SeatData& data, const geo::Seat& seat,
                    const results::ConstituencyTally& result, const Alliance& alliance,
                    const WeakSeatsRequest& request) {
  SeatScore score;
  score.seat = &seat;
  score.state_name = data.StateName(seat.state_code);
  score.standing = StandingOf(result, alliance);
  if (request.baseline) {
    const results::ConstituencyTally* before = data.SeatResult(*request.baseline, seat);
    if (before != nullptr) {
      score.baseline_share_pct = StandingOf(*before, alliance).share_pct;
      score.swing_points = score.standing.share_pct - *score.baseline_share_pct;
    }
  }
  score.assembly = AssemblySignalOf(data, seat, alliance);
  score.parts = ComputeStrength(
      score.standing.margin_pct, score.swing_points,
      score.assembly ? std::optional<double>(score.assembly->mean_margin_pct) : std::nullopt);
  score.reason = ReasonFor(score, request);
  return score;
}

bool SeatOrder(const SeatScore& a, const SeatScore& b) {
  if (a.seat->state_code != b.seat->state_code) return a.seat->state_code < b.seat->state_code;
  return a.seat->number < b.seat->number;
}

std::string Points(double value) { return base::FormatFixed(std::fabs(value), 1); }

}  // namespace

std::string ReasonFor(const SeatScore& score, const WeakSeatsRequest& request) {
  const Standing& standing = score.standing;
  std::string reason;
  if (!standing.contested) {
    reason = "did not contest; won by " + standing.winner_party;
  } else if (standing.won) {
    reason = "won by " + Points(standing.margin_pct) + "% over " + standing.rival_party;
  } else {
    reason = "lost to " + standing.winner_party + " by " + Points(standing.margin_pct) + "%";
  }
  // Small swings are noise; name the trend only where it is a real movement.
  constexpr double kNotableSwing = 3.0;
  if (score.swing_points && std::fabs(*score.swing_points) >= kNotableSwing) {
    reason += std::string("; vote share ") + (*score.swing_points < 0 ? "down " : "up ") +
              Points(*score.swing_points) + " points since " + *request.baseline;
  }
  if (score.assembly) {
    reason += "; ahead in " + std::to_string(score.assembly->segments_won) + " of " +
              std::to_string(score.assembly->segments_with_results) + " segments (" +
              score.assembly->election_id + ")";
  }
  return reason;
}

std::vector<SeatScore> RankSeats(const SeatData& data, const WeakSeatsRequest& request) {
  Alliance alliance(request.alliance);
  std::vector<SeatScore> scores;
  for (const geo::Seat& seat : data.seats()) {
    const results::ConstituencyTally* result = data.SeatResult(request.election, seat);
    if (result == nullptr) continue;
    scores.push_back(ScoreSeat(data, seat, *result, alliance, request));
  }
  auto key = [&](const SeatScore& score) {
    return request.mode == RankMode::kWeakest ? score.parts.strength
                                              : std::fabs(score.parts.strength);
  };
  std::sort(scores.begin(), scores.end(), [&](const SeatScore& a, const SeatScore& b) {
    double ka = key(a);
    double kb = key(b);
    if (ka != kb) return ka < kb;
    return SeatOrder(a, b);
  });
  if (request.top > 0 && scores.size() > static_cast<std::size_t>(request.top)) {
    scores.resize(static_cast<std::size_t>(request.top));
  }
  for (std::size_t i = 0; i < scores.size(); ++i) scores[i].rank = static_cast<int>(i) + 1;
  return scores;
}

}  // namespace analysis
