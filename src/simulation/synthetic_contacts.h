#pragma once

#include <cstdint>

#include "callcenter/contact_source.h"

namespace simulation {

// An endless list of made-up Indian mobile numbers (+91 9xxxxxxxxx), each called once: the
// contacts of a simulated day. Synthetic; no real person's number is meant.
class SyntheticContacts : public callcenter::ContactSource {
 public:
  explicit SyntheticContacts(std::uint64_t seed) : next_(seed % 1'000'000'000) {}
  std::optional<callcenter::DialTarget> Next(base::TimePoint now) override;
  void Report(const callcenter::DialTarget& target, callcenter::AttemptOutcome outcome,
              base::TimePoint now) override;

 private:
  std::uint64_t next_;
};

}  // namespace simulation
