#pragma once

#include <cstddef>
#include <functional>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "base/result.h"
#include "telephony/ivr/step.h"

namespace telephony::ivr {

// One campaign's IVR flow: named steps and the one to start at (docs/ivr.md). A Flow is always
// valid: the only ways to get one are Make() and ParseFlow(), which check it whole, so an
// IvrSession never meets a missing step or a loop that could spin without the caller.
// Immutable and cheap to share by const reference between threads.
class Flow {
 public:
  static constexpr std::size_t kMaxSteps = 200;

  using Steps = std::map<std::string, Step, std::less<>>;

  // Checks steps whose fields are already in bounds (ParseFlow does that) as a whole; fails with
  // kInvalidArgument naming the place, for the first of:
  //   "steps: at least one step is required", more than kMaxSteps steps,
  //   "steps.S.next: required key is missing (a play step goes on to another step)",
  //   "steps.S.next: a queue step ends the flow, so it has no next" (hangup, menu likewise),
  //   "start: no step named 'x' (did you mean 'y'?)", the same for "steps.S.next",
  //     "steps.S.menu.options.K" and "steps.S.menu.otherwise",
  //   "steps: not reachable from start 'a': b, c",
  //   "steps.a: the loop a -> b -> a never waits for the caller or ends".
  // Each step's `name` must equal its key in `steps` (kInternal otherwise).
  static base::Result<Flow> Make(std::string start, Steps steps);

  const std::string& start() const { return start_; }
  const Steps& steps() const { return steps_; }
  // The step named `name`, or nullptr.
  const Step* Find(std::string_view name) const;

  // Every prompt name the flow plays, sorted, each once: a campaign must have each of them in
  // each of its languages.
  std::vector<std::string> PromptNames() const;
  // Every queue the flow routes to, sorted, each once.
  std::vector<std::string> QueueNames() const;

 private:
  Flow(std::string start, Steps steps) : start_(std::move(start)), steps_(std::move(steps)) {}

  std::string start_;
  Steps steps_;
};

}  // namespace telephony::ivr
