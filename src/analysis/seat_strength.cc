#include "analysis/seat_strength.h"

#include <algorithm>

namespace analysis {

StrengthParts ComputeStrength(double margin_pct, std::optional<double> swing_points,
                              std::optional<double> assembly_margin_pct) {
  StrengthParts parts;
  parts.margin = margin_pct;
  if (swing_points) {
    parts.trend = kTrendWeight * std::clamp(*swing_points, -kTrendClamp, kTrendClamp);
  }
  if (assembly_margin_pct) {
    parts.assembly =
        kAssemblyWeight * std::clamp(*assembly_margin_pct, -kAssemblyClamp, kAssemblyClamp);
  }
  parts.strength = parts.margin + parts.trend + parts.assembly;
  return parts;
}

std::string ExplainStrength() {
  return R"(Seat strength, version 1

Every seat gets a strength score for the party (or, with --alliance, for the party and its
allies, whose votes are added together). Higher is stronger; below zero the party lost.

  strength = margin + trend + assembly

  margin    the party's vote share minus the best rival candidate's, in % of all votes
            counted (NOTA included), in the chosen election. Where the party lost, this is
            minus its distance to the winner; where it did not stand, minus the winner's
            whole share.
  trend     0.20 x the change of the party's vote share in the seat since the baseline
            election (--baseline, e.g. ls2014), clamped to +/-10 points: at most +/-2.
  assembly  0.15 x the party's mean margin over the seat's assembly segments in the latest
            assembly election of the state, where results are loaded, clamped to +/-20
            points: at most +/-3.

The two adjustments together stay within +/-5 points, so the election result dominates: any
seat the party lost scores below 5, any seat it won by more than 10 points scores above 5.
A signal that is missing (no baseline given, no assembly results for the state) adds 0.

Orders (--mode):
  weakest       lowest strength first (the default): where the party is weakest.
  battleground  smallest |strength| first: narrow losses and narrow wins, the seats most
                likely to change hands either way.
Ties are broken by state code, then seat number, so the list is deterministic.
)";
}

}  // namespace analysis
