#include <algorithm>
#include <memory>
#include <string_view>

#include "callcenter/pacer.h"

namespace callcenter {
namespace {

// Progressive dialing: never more calls in flight (ringing, or answered and waiting) than there
// are ready agents, so an answered call always has an agent unless one left meanwhile.
class ProgressivePacer : public Pacer {
 public:
  std::string_view name() const override { return "progressive"; }

  int CallsToPlace(const PacingInput& input, const Measurements& /*measured*/) override {
    const int in_flight = static_cast<int>(input.ringing_elapsed.size()) + input.waiting_calls;
    return std::max(0, input.agents_ready - in_flight);
  }
};

}  // namespace

std::unique_ptr<Pacer> MakeProgressivePacer() { return std::make_unique<ProgressivePacer>(); }

}  // namespace callcenter
