#pragma once

#include <memory>

#include "callcenter/pacer.h"

namespace callcenter {

struct PredictiveParams {
  // Starting marginal-risk threshold: the largest chance, for the last call placed, that it is
  // answered by a person when no agent is free for it (docs/predictive-dialing.md).
  double initial_risk = 0.10;
  double min_risk = 0.002;
  double max_risk = 0.60;
  // The controller aims the measured abandon rate at this fraction of the target, leaving room
  // for noise below the hard limit.
  double aim_fraction = 0.75;
  // How often the controller looks at the measured rate.
  base::Duration adjust_every = std::chrono::seconds(30);
  // At most this many calls ringing per logged-in, unpaused agent.
  double max_lines_per_agent = 4.0;
};

// jansampark's predictive pacing: a probabilistic model of the next few seconds (who answers,
// which agents free up) decides each call, and a feedback loop on the measured abandon rate
// tunes how much risk each call may carry. Holds the campaign's 24-hour abandon rate at or
// under its target; falls back to progressive dialling when the rate reaches the target.
std::unique_ptr<Pacer> MakePredictivePacer(PredictiveParams params = {});

}  // namespace callcenter
