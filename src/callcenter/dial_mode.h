#pragma once

#include <string>
#include <string_view>

#include "base/result.h"

namespace callcenter {

enum class DialModeKind {
  kPreview,      // the agent sees the contact first and places the call
  kProgressive,  // one call in flight per ready agent
  kPower,        // a fixed number of calls (`ratio`) in flight per ready agent
  kPredictive,   // as many calls as the abandon target allows (docs/predictive-dialing.md)
};

// How an outbound campaign paces its calls.
struct DialMode {
  static constexpr double kMinRatio = 1.0;
  static constexpr double kMaxRatio = 10.0;

  DialModeKind kind = DialModeKind::kProgressive;
  double ratio = 1.0;  // calls per ready agent, in [kMinRatio, kMaxRatio]; kPower only

  bool operator==(const DialMode&) const = default;
};

// "preview", "progressive", "power:2", "power:2.5", "predictive": the names that campaign files
// and `dialer simulate --mode` use. The ratio is written in the fewest digits that read back
// as the same number.
std::string DialModeName(const DialMode& mode);

// The inverse of DialModeName. kInvalidArgument naming the text, with the nearest valid names,
// for anything else, and for a power ratio that is not a number from 1 to 10.
base::Result<DialMode> ParseDialMode(std::string_view text);

}  // namespace callcenter
