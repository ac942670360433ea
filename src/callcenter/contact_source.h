#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "base/clock.h"
#include "base/status.h"

namespace callcenter {

// One number to call now, for one attempt.
struct DialTarget {
  std::string contact_id;
  std::string number;  // E.164
  int attempt = 1;     // 1 for the first call to this contact
  std::string language;
  std::string state_code;
  std::string seat_id;    // "S12-19"; empty when the contact's seat is not known
  bool callback = false;  // the person asked to be called back now: served before other calls
};

// How an attempt ended, as a contact list needs to know it to retry or close the contact.
enum class AttemptOutcome {
  kConnected,  // a person reached an agent
  kAbandoned,  // a person answered and no agent was free in time
  kMachine,
  kBusy,
  kNoAnswer,
  kFailed,
};

// "connected", "abandoned", "machine", "busy", "no answer", "failed": the names the attempt
// journal keeps.
std::string_view AttemptOutcomeName(AttemptOutcome outcome);
// The outcome of a journal name; nullopt for any other text.
std::optional<AttemptOutcome> ParseAttemptOutcome(std::string_view name);

// Where a dialer gets its numbers. The list decides order, retries and when a contact is done.
class ContactSource {
 public:
  virtual ~ContactSource() = default;
  // The next contact due at `now`, or nullopt when none is.
  virtual std::optional<DialTarget> Next(base::TimePoint now) = 0;
  // How the attempt ended.
  virtual void Report(const DialTarget& target, AttemptOutcome outcome, base::TimePoint now) = 0;
  // The person reached on `target` asked to be called back at `at` (chosen by the agent in
  // wrap-up). Sources that cannot schedule callbacks refuse with kConflict.
  virtual base::Status ScheduleCallback(const DialTarget& target, base::TimePoint at) {
    (void)target;
    (void)at;
    return base::Conflict("this contact source cannot schedule callbacks");
  }
  // The person reached on `target` asked to be called some other time (an agent's "retry"
  // disposition): an ordinary call again at `at`. Sources that cannot refuse with kConflict.
  virtual base::Status ScheduleRetry(const DialTarget& target, base::TimePoint at) {
    (void)target;
    (void)at;
    return base::Conflict("this contact source cannot schedule retries");
  }
  // The person at `e164` asked not to be called again. Sources that keep no do-not-call list
  // refuse with kConflict.
  virtual base::Status OptOut(std::string_view e164) {
    (void)e164;
    return base::Conflict("this contact source keeps no do-not-call list");
  }
};

}  // namespace callcenter
