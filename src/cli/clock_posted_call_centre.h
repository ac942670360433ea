#pragma once

#include <functional>
#include <string>

#include "api/call_centre_routes.h"
#include "base/clock.h"
#include "callcenter/live_call_centre.h"

namespace cli {

// Runs `work` on `clock`'s thread and returns when it has run. Never from that thread itself.
void RunOnClock(base::Clock& clock, const std::function<void()>& work);

// The running call centre as serve's HTTP workers reach it: each call is posted to the Clock's
// thread, where the centre lives, and waited for. The workers never hold the database's lock
// while they wait (api/call_centre_routes), so the centre may write its call records
// meanwhile. `clock` and `centre` must outlive this object, and no call may be made once the
// clock's thread has stopped (serve stops the HTTP server first).
class ClockPostedCallCentre : public api::CallCentreLink {
 public:
  ClockPostedCallCentre(base::Clock& clock, callcenter::LiveCallCentre& centre)
      : clock_(clock), centre_(centre) {}

  base::Status AddAgent(const store::StoredAgent& agent) override;
  base::Status Ready(const std::string& agent_id) override;
  base::Status Release(const std::string& agent_id) override;
  base::Result<callcenter::LiveAgent> AgentOf(const std::string& agent_id) override;
  callcenter::CallCentreSnapshot Snapshot() override;

 private:
  void OnClock(const std::function<void()>& work) { RunOnClock(clock_, work); }

  base::Clock& clock_;
  callcenter::LiveCallCentre& centre_;
};

}  // namespace cli
