#pragma once

#include <optional>
#include <string>

namespace analysis {

// The seat-strength score, version 1 (docs/seat-strength.md).
//
//   strength = margin + trend + assembly
//   margin   = the party's (or alliance's) vote share minus its best rival's, in % of votes
//              counted: negative where it lost
//   trend    = 0.20 × (change of its vote share since the baseline, clamped to ±10 points)
//   assembly = 0.15 × (its mean margin over the seat's segments in the latest assembly
//              election, clamped to ±20 points)
//
// The adjustments together stay within ±5 points, so the result of the election itself
// dominates: a lost seat always scores below 5 and a seat won by more than 10 points above 5.
// A missing signal (no baseline, no assembly result) contributes 0.
inline constexpr int kStrengthVersion = 1;
inline constexpr double kTrendWeight = 0.20;
inline constexpr double kTrendClamp = 10.0;
inline constexpr double kAssemblyWeight = 0.15;
inline constexpr double kAssemblyClamp = 20.0;

struct StrengthParts {
  double margin = 0;
  double trend = 0;
  double assembly = 0;
  double strength = 0;
};

StrengthParts ComputeStrength(double margin_pct, std::optional<double> swing_points,
                              std::optional<double> assembly_margin_pct);

// The method in words, as `seats weak --explain` prints it.
std::string ExplainStrength();

}  // namespace analysis
