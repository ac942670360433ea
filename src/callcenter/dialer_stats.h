#pragma once

#include <cstdint>
#include <vector>

#include "base/clock.h"

namespace callcenter {

// What one dialer did, counted as it happened.
struct DialerStats {
  std::int64_t placed = 0;
  std::int64_t answered_human = 0;
  std::int64_t answered_machine = 0;
  std::int64_t busy = 0;
  std::int64_t no_answer = 0;
  std::int64_t failed = 0;
  std::int64_t connected = 0;      // a person reached an agent
  std::int64_t abandoned = 0;      // a person answered and no agent took the call in time
  std::int64_t not_journaled = 0;  // attempts not placed, or ends not recorded, for the journal
  std::int64_t opted_out = 0;      // people who asked, in a call, not to be called again
  // Recording campaigns: people who hung up during the consent announcement (an agent was
  // reserved for them; not abandoned), and calls recorded from the bridge on.
  std::int64_t left_in_consent = 0;
  std::int64_t recorded = 0;
  std::int64_t recordings_failed = 0;  // of those, files that could not be created or written
  // Inbound callers: answered and queued, put through to an agent, gone before that (hung up
  // or let go after the longest wait), and refused (a number no line of the campaign has).
  std::int64_t inbound_offered = 0;
  std::int64_t inbound_connected = 0;
  std::int64_t inbound_abandoned = 0;
  std::int64_t inbound_refused = 0;
  // Inbound callers on a line with an IVR flow: answered into the flow (queued later, if the
  // flow routes them to the queue: then counted in inbound_offered too), gone while in it (hung
  // up before it ended: nobody was queued or reserved for them), and hung up by it (a hangup
  // step, or a menu without `otherwise` that got no key).
  std::int64_t inbound_ivr = 0;
  std::int64_t inbound_left_in_ivr = 0;
  std::int64_t inbound_hung_up_by_ivr = 0;
  std::vector<double> inbound_waits_s;  // from joining the queue to agent or to leaving, s
  // From a person's answer to an agent (connected) or to the abandon message (abandoned), s.
  std::vector<double> customer_waits_s;
  double talk_seconds = 0;  // connected calls, from connect to the end of the call
  // Periods agents spent ready between calls, s.
  double idle_seconds = 0;
  std::int64_t idle_periods = 0;

  double AbandonRate() const {
    return answered_human > 0 ? static_cast<double>(abandoned) / static_cast<double>(answered_human)
                              : 0.0;
  }
};

}  // namespace callcenter
