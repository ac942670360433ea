#include "cli/clock_posted_call_centre.h"

#include <future>

namespace cli {

void RunOnClock(base::Clock& clock, const std::function<void()>& work) {
  std::promise<void> done;
  clock.RunAfter(base::Duration(0), [&] {
    work();
    done.set_value();
  });
  done.get_future().wait();
}

base::Status ClockPostedCallCentre::AddAgent(const store::StoredAgent& agent) {
  base::Status status;
  OnClock([&] { status = centre_.AddAgent(agent); });
  return status;
}

base::Status ClockPostedCallCentre::Ready(const std::string& agent_id) {
  base::Status status;
  OnClock([&] { status = centre_.Ready(agent_id); });
  return status;
}

base::Status ClockPostedCallCentre::Release(const std::string& agent_id) {
  base::Status status;
  OnClock([&] { status = centre_.Release(agent_id); });
  return status;
}

base::Result<callcenter::LiveAgent> ClockPostedCallCentre::AgentOf(const std::string& agent_id) {
  base::Result<callcenter::LiveAgent> agent = base::Internal("not run");
  OnClock([&] { agent = centre_.AgentOf(agent_id); });
  return agent;
}

callcenter::CallCentreSnapshot ClockPostedCallCentre::Snapshot() {
  callcenter::CallCentreSnapshot snapshot;
  OnClock([&] { snapshot = centre_.Snapshot(); });
  return snapshot;
}

}  // namespace cli
