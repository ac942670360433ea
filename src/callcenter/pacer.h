#pragma once

#include <memory>
#include <optional>
#include <string_view>
#include <vector>

#include "base/clock.h"
#include "callcenter/measurements.h"

namespace callcenter {

// The state of one campaign's calling at one tick of its dialer.
struct PacingInput {
  base::TimePoint now;
  int agents_logged_in = 0;  // in any state but offline
  int agents_paused = 0;
  int agents_ready = 0;
  // For each agent reserved, talking or in wrap-up: time since its current call was connected
  // (zero while reserved).
  std::vector<base::Duration> busy_elapsed;
  // Parallel to busy_elapsed, or empty when the caller cannot tell: for an agent in wrap-up
  // (its call over, the agent not yet ready), the time since its wrap-up began; nullopt for one
  // reserved or talking.
  std::vector<std::optional<base::Duration>> wrap_up_elapsed;
  // For each placed call still ringing: time since it was dialled.
  std::vector<base::Duration> ringing_elapsed;
  int waiting_calls = 0;  // answered by a person, not yet with an agent
  int talking_calls = 0;  // connected to an agent
  double abandon_target = 0.03;
};

// Decides how many new calls a campaign places at each tick (once a second). Implementations
// keep their own state between ticks; one pacer per campaign.
class Pacer {
 public:
  virtual ~Pacer() = default;
  virtual std::string_view name() const = 0;
  // How many calls to place now, >= 0.
  virtual int CallsToPlace(const PacingInput& input, const Measurements& measured) = 0;
  // How many of the calls asked for by the last CallsToPlace were placed: fewer when the list
  // had no more contacts due (nights, the silence period) or a call could not be journaled.
  // Told after every CallsToPlace; pacers that learn from their calls learn from these only.
  virtual void Placed(int placed) { (void)placed; }
};

// One call in flight per ready agent: places ready agents - ringing calls - waiting calls,
// at least 0. Ignores the measurements.
std::unique_ptr<Pacer> MakeProgressivePacer();
// `ratio` calls in flight per ready agent: places round(ratio x ready agents) - ringing calls -
// waiting calls, at least 0. `ratio` is clamped to [1, 10] (NaN counts as 1). Ignores the
// measurements.
std::unique_ptr<Pacer> MakePowerPacer(double ratio);
// The VICIDIAL-style adaptive pacer is in callcenter/vicidial_adaptive_pacer.h.

}  // namespace callcenter
