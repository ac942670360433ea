#pragma once

#include <chrono>
#include <cstdint>
#include <string>

#include "base/clock.h"
#include "base/status.h"

namespace telephony::sim {

// How the simulated world treats the calls it is given. Rates are fractions of dialled calls;
// whatever the four leave over rings until the ring timeout. Times are log-normal: `*_median`
// is exp(mu), `*_sigma` the sigma of the underlying normal; talk time is given by its mean.
struct WorldParams {
  double human_answer_rate = 0.30;
  double machine_rate = 0.10;
  double busy_rate = 0.05;
  double failed_rate = 0.03;

  // From the dial to the answer (person or machine); answers due at or after the ring timeout
  // become no-answers.
  base::Duration answer_median = std::chrono::seconds(8);
  double answer_sigma = 0.5;
  // From the dial to the busy signal or the network's refusal.
  base::Duration busy_median = std::chrono::seconds(2);
  base::Duration failed_median = std::chrono::seconds(1);
  double signal_sigma = 0.3;
  // From Bridge() to the person hanging up.
  base::Duration talk_mean = std::chrono::seconds(120);
  double talk_sigma = 0.6;
  // How long a person who answered waits in silence for an agent before hanging up.
  base::Duration patience_median = std::chrono::seconds(4);
  double patience_sigma = 0.4;
  // From a machine's answer to the machine hanging up by itself.
  base::Duration machine_hangup_median = std::chrono::seconds(20);
  double machine_hangup_sigma = 0.2;
  // Every prompt given to Play() lasts this long.
  base::Duration prompt_length = std::chrono::seconds(4);

  // Callers ringing in to `inbound_number` (a helpline), as a Poisson stream of this many an
  // hour; 0: nobody rings in. A caller not answered within `inbound_ring` hangs up; once
  // answered, holds in the queue for `queue_patience` (prompts or not), then hangs up; once
  // bridged, talks for a talk time drawn as for outbound calls.
  double inbound_per_hour = 0;
  std::string inbound_number = "+911800000000";  // synthetic
  base::Duration inbound_ring = std::chrono::seconds(60);
  base::Duration queue_patience_median = std::chrono::minutes(2);
  double queue_patience_sigma = 0.8;

  std::uint64_t seed = 1;
};

// InvalidArgument naming the first bad field: a rate outside [0, 1], rates adding up to more
// than 1, a median, mean or prompt length that is not positive, a negative sigma, or an inbound
// rate that is negative, not finite or over a million an hour.
base::Status Validate(const WorldParams& params);

}  // namespace telephony::sim
