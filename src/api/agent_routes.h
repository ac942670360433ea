#pragma once

#include <optional>

#include "api/router.h"
#include "store/store.h"

namespace api {

// Serves the roster routes (docs/api.md); nullopt when `request.path` is not one of them.
//   GET  /api/agents        {"count", "agents": [agent, ...]} by id
//   POST /api/agents        body: one agent or an array (api/agent_json); 201 with
//                           {"count", "agents"} as stored; all or none are added
//   GET  /api/agents/{id}   the agent
// With serve running SIP, api/call_centre_routes answers GET /api/agents/{id} and POST
// /api/agents first (adding the live phone state, and the agents to the running centre).
std::optional<ApiResponse> RouteAgents(store::Database& db, const ApiRequest& request);

}  // namespace api
