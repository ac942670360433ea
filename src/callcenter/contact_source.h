#pragma once

#include <optional>
#include <string>

#include "base/clock.h"

namespace callcenter {

// One number to call now, for one attempt.
struct DialTarget {
  std::string contact_id;
  std::string number;  // E.164
  int attempt = 1;     // 1 for the first call to this contact
  std::string language;
  std::string state_code;
  std::string seat_id;  // "S12-19"; empty when the contact's seat is not known
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

// Where a dialer gets its numbers. The list decides order, retries and when a contact is done.
class ContactSource {
 public:
  virtual ~ContactSource() = default;
  // The next contact due at `now`, or nullopt when none is.
  virtual std::optional<DialTarget> Next(base::TimePoint now) = 0;
  // How the attempt ended.
  virtual void Report(const DialTarget& target, AttemptOutcome outcome, base::TimePoint now) = 0;
};

}  // namespace callcenter
