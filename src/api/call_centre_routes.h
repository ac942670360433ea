#pragma once

#include <optional>
#include <string>

#include "api/locked_database.h"
#include "api/router.h"
#include "base/result.h"
#include "callcenter/live_call_centre.h"
#include "store/store.h"

namespace api {

// The running call centre, as the HTTP workers reach it. Implementations must be safe to call
// from any thread (serve's runs each call on the Clock's thread and waits for it).
class CallCentreLink {
 public:
  virtual ~CallCentreLink() = default;
  virtual base::Status AddAgent(const store::StoredAgent& agent) = 0;
  virtual base::Status Ready(const std::string& agent_id) = 0;
  virtual base::Status Release(const std::string& agent_id) = 0;
  virtual base::Result<callcenter::LiveAgent> AgentOf(const std::string& agent_id) = 0;
  virtual callcenter::CallCentreSnapshot Snapshot() = 0;
};

// Serves the routes that reach the running call centre (docs/api.md); nullopt for any other
// path. The database's lock is never held while `link` is called, so that the call centre may
// write to the database (its call records) while a request waits for it.
//   POST /api/agents/{id}/ready     calls the agent's phone; 202 {"agent": live agent}
//   POST /api/agents/{id}/release   logs out after the current call, hangs up; 202
//   GET  /api/callcentre            agents by state, callers waiting, calls, dialer stats
//   GET  /api/agents/{id}           the stored agent and, live, "phone" and "agent_state"
//   POST /api/agents                stored (agent_routes), then added to the running centre
// `link` null (no call centre runs): the first three are 503 saying so; the last two are left
// to RouteAgents.
std::optional<ApiResponse> RouteCallCentre(CallCentreLink* link, LockedDatabase& db,
                                           const ApiRequest& request);

nlohmann::json LiveAgentJson(const callcenter::LiveAgent& agent);
nlohmann::json SnapshotJson(const callcenter::CallCentreSnapshot& snapshot);

}  // namespace api
