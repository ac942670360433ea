#include "callcenter/beep_on_bridge.h"

#include <charconv>
#include <optional>
#include <utility>

namespace callcenter {
namespace {

// The call id a line names, when it is one: decimal digits only, and not 0.
std::optional<telephony::CallId> LegOf(const std::string& line) {
  telephony::CallId leg = 0;
  const char* end = line.data() + line.size();
  auto [stop, error] = std::from_chars(line.data(), end, leg);
  if (line.empty() || error != std::errc() || stop != end || leg == 0) return std::nullopt;
  return leg;
}

}  // namespace

BeepOnBridge::BeepOnBridge(telephony::CallControl& inner, std::string prompt)
    : inner_(inner), prompt_(std::move(prompt)) {}

// Bridge first: the engine stops prompts on both legs when it bridges them, so a beep started
// before would be cut off.
void BeepOnBridge::Bridge(telephony::CallId call, const std::string& agent_line) {
  inner_.Bridge(call, agent_line);
  if (std::optional<telephony::CallId> leg = LegOf(agent_line)) inner_.Play(*leg, prompt_);
}

}  // namespace callcenter
