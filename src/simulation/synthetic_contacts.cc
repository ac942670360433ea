#include "simulation/synthetic_contacts.h"

#include <string>

namespace simulation {

std::optional<callcenter::DialTarget> SyntheticContacts::Next(base::TimePoint /*now*/) {
  std::uint64_t n = next_++ % 1'000'000'000;
  std::string digits = std::to_string(n);
  digits.insert(0, 9 - digits.size(), '0');
  callcenter::DialTarget target;
  target.contact_id = "synthetic-" + digits;
  target.number = "+919" + digits;
  target.language = "hi";
  return target;
}

void SyntheticContacts::Report(const callcenter::DialTarget& /*target*/,
                               callcenter::AttemptOutcome /*outcome*/, base::TimePoint /*now*/) {}

}  // namespace simulation
