#pragma once

#include <cstdint>
#include <string>

#include "base/clock.h"
#include "telephony/sim/world_params.h"

namespace telephony::sim {

enum class FateKind { kHuman, kMachine, kBusy, kFailed, kNoAnswer };

// What the world does with one dial of one number, decided before the call is placed. Every
// duration is drawn for every fate, so that the draws stay in a fixed order; each matters only
// for the kinds named beside it.
struct CallFate {
  FateKind kind = FateKind::kNoAnswer;
  // From the dial to the answer (kHuman, kMachine), the busy signal (kBusy) or the failure
  // (kFailed). For kNoAnswer it is zero until WithinRingTimeout() sets it to the ring timeout.
  base::Duration delay{};
  base::Duration talk_time{};       // kHuman: from Bridge() to the person hanging up
  base::Duration patience{};        // kHuman: silence borne after answering, then a hang-up
  base::Duration machine_hangup{};  // kMachine: from the answer to the machine hanging up

  bool operator==(const CallFate&) const = default;
};

// The fate of the `attempt`-th dial (1-based) of `number`: a pure function of params (its seed
// included), number and attempt, and exactly what SimulatedTelephony does with that dial before
// the ring timeout is applied (see WithinRingTimeout). The same inputs give the same fate on
// every platform: the generator and the distributions are written out here, not taken from
// <random>.
CallFate FateOf(const WorldParams& params, const std::string& number, int attempt);

// What the world does with the `n`-th caller (1-based) ringing in to its helpline.
struct CallerFate {
  base::Duration gap{};             // from the previous caller's ring (or the start) to this one's
  std::string from;                 // the caller's number: synthetic, +9170 followed by 8 digits
  base::Duration queue_patience{};  // holding in the queue after the answer, then a hang-up
  base::Duration talk_time{};       // from Bridge() to the caller hanging up

  bool operator==(const CallerFate&) const = default;
};

// The `n`-th inbound caller: a pure function of params (seed and inbound rate included) and n,
// like FateOf. Gaps are exponential with mean 1 h / inbound_per_hour (which must be > 0).
CallerFate InboundCallerFate(const WorldParams& params, std::int64_t n);

// The fate as a dial with `ring_timeout` lives it: an answer, busy signal or failure due at or
// after the timeout becomes kNoAnswer, and a kNoAnswer's delay is the timeout.
CallFate WithinRingTimeout(CallFate fate, base::Duration ring_timeout);

}  // namespace telephony::sim
