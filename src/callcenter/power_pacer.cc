#include <algorithm>
#include <cmath>
#include <memory>
#include <string_view>

#include "callcenter/pacer.h"

namespace callcenter {
namespace {

constexpr double kMinRatio = 1.0;
constexpr double kMaxRatio = 10.0;

// Power (fixed-ratio) dialing: keeps round(ratio x ready agents) calls in flight (ringing, or
// answered and waiting). Above 1 it trades abandoned calls for agent idle time, blindly: it
// never looks at what the calls actually do.
class PowerPacer : public Pacer {
 public:
  explicit PowerPacer(double ratio) : ratio_(ratio) {}

  std::string_view name() const override { return "power"; }

  int CallsToPlace(const PacingInput& input, const Measurements& /*measured*/) override {
    const auto goal = static_cast<int>(std::lround(ratio_ * input.agents_ready));
    const int in_flight = static_cast<int>(input.ringing_elapsed.size()) + input.waiting_calls;
    return std::max(0, goal - in_flight);
  }

 private:
  double ratio_;
};

// NaN (which std::clamp would pass through) counts as the lowest ratio.
double ClampRatio(double ratio) {
  if (!(ratio >= kMinRatio)) return kMinRatio;
  return std::min(ratio, kMaxRatio);
}

}  // namespace

std::unique_ptr<Pacer> MakePowerPacer(double ratio) {
  return std::make_unique<PowerPacer>(ClampRatio(ratio));
}

}  // namespace callcenter
