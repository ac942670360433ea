#pragma once

#include <deque>
#include <memory>

#include "callcenter/agent_pool.h"
#include "callcenter/pacer.h"
#include "simulation/simulated_desks.h"
#include "simulation/synthetic_contacts.h"
#include "telephony/sim/simulated_telephony.h"

namespace simulation {

// The contacts of a simulated day as an oracle sees them: it knows every call's fate, so it
// never dials a number that a person will not answer, and knows how long each will ring.
class OracleContacts : public callcenter::ContactSource {
 public:
  OracleContacts(const telephony::sim::WorldParams& world, base::Duration ring_timeout,
                 std::uint64_t seed);

  std::optional<callcenter::DialTarget> Next(base::TimePoint now) override;
  void Report(const callcenter::DialTarget& target, callcenter::AttemptOutcome outcome,
              base::TimePoint now) override;

  // How long the i-th next contact (0 = the one Next() returns) will ring before answering.
  base::Duration AnswerDelay(std::size_t i);

 private:
  struct Known {
    callcenter::DialTarget target;
    base::Duration delay;
  };
  void Fill(std::size_t count);

  telephony::sim::WorldParams world_;
  base::Duration ring_timeout_;
  SyntheticContacts all_;
  std::deque<Known> ahead_;
};

// The upper bound of issue 3's comparison: a pacer that knows every call's outcome (from the
// simulated world) and when every agent will be free (talk times from the world, wrap-up times
// from the desks), and places each call so that a person answers just as an agent frees up.
// Only for simulations: it reads the simulator's foresight.
std::unique_ptr<callcenter::Pacer> MakeOraclePacer(callcenter::AgentPool& agents,
                                                   telephony::sim::SimulatedTelephony& world,
                                                   SimulatedDesks& desks, OracleContacts& contacts);

}  // namespace simulation
