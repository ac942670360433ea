#include "callcenter/dial_mode.h"

#include <array>
#include <charconv>
#include <system_error>

#include "base/text.h"

namespace callcenter {
namespace {

constexpr std::string_view kPowerPrefix = "power:";

// The shortest text that reads back as `value` ("2", "2.5"), so that names round-trip.
std::string ShortestNumber(double value) {
  std::array<char, 32> buffer{};
  auto [end, error] = std::to_chars(buffer.data(), buffer.data() + buffer.size(), value);
  if (error != std::errc()) return base::FormatFixed(value, 2);
  return {buffer.data(), end};
}

base::Status UnknownMode(std::string_view text) {
  std::string message = "unknown dial mode '" + std::string(text) + "'";
  std::vector<std::string> nearest =
      base::NearestNames(text, {"preview", "progressive", "power:2", "predictive"});
  if (!nearest.empty()) message += "; did you mean " + nearest.front() + "?";
  return base::InvalidArgument(message + " (modes: preview, progressive, power:RATIO, predictive)");
}

}  // namespace

std::string DialModeName(const DialMode& mode) {
  switch (mode.kind) {
    case DialModeKind::kPreview:
      return "preview";
    case DialModeKind::kProgressive:
      return "progressive";
    case DialModeKind::kPower:
      return std::string(kPowerPrefix) + ShortestNumber(mode.ratio);
    case DialModeKind::kPredictive:
      return "predictive";
  }
  return "unknown";
}

base::Result<DialMode> ParseDialMode(std::string_view text) {
  if (text == "preview") return DialMode{DialModeKind::kPreview};
  if (text == "progressive") return DialMode{DialModeKind::kProgressive};
  if (text == "predictive") return DialMode{DialModeKind::kPredictive};
  if (text == "power") {
    return base::InvalidArgument(
        "dial mode 'power' needs its ratio of calls per ready agent, "
        "e.g. power:2");
  }
  if (text.substr(0, kPowerPrefix.size()) != kPowerPrefix) return UnknownMode(text);
  std::string_view ratio_text = text.substr(kPowerPrefix.size());
  JS_ASSIGN_OR_RETURN(double ratio, base::ParseDouble(ratio_text, "power ratio"));
  if (ratio < DialMode::kMinRatio || ratio > DialMode::kMaxRatio) {
    return base::InvalidArgument("power ratio " + std::string(ratio_text) +
                                 " must be from 1 to 10 calls per ready agent");
  }
  return DialMode{DialModeKind::kPower, ratio};
}

}  // namespace callcenter
