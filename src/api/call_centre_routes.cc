#include "api/call_centre_routes.h"

#include <map>
#include <vector>

#include "api/agent_routes.h"
#include "base/text.h"

namespace api {
namespace {

using nlohmann::json;

base::Status NotRunning() {
  return base::Unavailable("no call centre runs in this server (jansampark serve runs one)");
}

// The parts of a path below /api/, without a trailing slash.
std::vector<std::string> PartsOf(std::string_view path) {
  if (!path.empty() && path.back() == '/') path.remove_suffix(1);
  return base::Split(path, '/');
}

ApiResponse ErrorOr(const base::Result<ApiResponse>& response) {
  return response.ok() ? *response : ErrorResponse(response.status());
}

base::Result<ApiResponse> Command(CallCentreLink& link, const std::string& id,
                                  const std::string& verb) {
  JS_RETURN_IF_ERROR(verb == "ready" ? link.Ready(id) : link.Release(id));
  JS_ASSIGN_OR_RETURN(callcenter::LiveAgent agent, link.AgentOf(id));
  return JsonResponse(202, {{"agent", LiveAgentJson(agent)}});
}

// The stored agent (under the database's lock), then its live state (without it).
ApiResponse ShowLive(CallCentreLink& link, LockedDatabase& db, const ApiRequest& request,
                     const std::string& id) {
  ApiResponse stored =
      db.With([&](store::Database& locked) { return *RouteAgents(locked, request); });
  if (stored.status != 200) return stored;
  json body = json::parse(stored.body, nullptr, false);
  base::Result<callcenter::LiveAgent> live = link.AgentOf(id);
  // Added with the CLI while serve runs: in the roster, not yet in the running centre.
  body["live"] = live.ok() ? LiveAgentJson(*live) : json(nullptr);
  return JsonResponse(200, body);
}

// Stored first (all or none), then each added to the running centre.
ApiResponse CreateLive(CallCentreLink& link, LockedDatabase& db, const ApiRequest& request) {
  ApiResponse stored =
      db.With([&](store::Database& locked) { return *RouteAgents(locked, request); });
  if (stored.status != 201) return stored;
  json body = json::parse(stored.body, nullptr, false);
  for (const json& agent : body["agents"]) {
    base::Result<store::StoredAgent> read = db.With([&](store::Database& locked) {
      return locked.agents().GetAgent(agent["id"].get<std::string>());
    });
    if (!read.ok()) return ErrorResponse(read.status());
    if (base::Status added = link.AddAgent(*read); !added.ok()) return ErrorResponse(added);
  }
  return stored;
}

std::string_view Method(const ApiRequest& request) { return request.method; }

}  // namespace

std::optional<ApiResponse> RouteCallCentre(CallCentreLink* link, LockedDatabase& db,
                                           const ApiRequest& request) {
  std::vector<std::string> parts = PartsOf(request.path);  // "", "api", ...
  if (parts.size() < 3 || parts[0] != "" || parts[1] != "api") return std::nullopt;
  bool centre = parts.size() == 3 && parts[2] == "callcentre";
  bool command = parts.size() == 5 && parts[2] == "agents" && !parts[3].empty() &&
                 (parts[4] == "ready" || parts[4] == "release");
  if (centre || command) {
    if (base::Status query = CheckParameters(request, {}); !query.ok()) return ErrorResponse(query);
    if (centre && Method(request) != "GET") return MethodNotAllowed(request, "GET");
    if (command && Method(request) != "POST") return MethodNotAllowed(request, "POST");
    if (link == nullptr) return ErrorResponse(NotRunning());
    if (centre) return JsonResponse(200, SnapshotJson(link->Snapshot()));
    return ErrorOr(Command(*link, parts[3], parts[4]));
  }
  if (link == nullptr || parts[2] != "agents" || !request.query.empty()) return std::nullopt;
  if (parts.size() == 4 && !parts[3].empty() && Method(request) == "GET") {
    return ShowLive(*link, db, request, parts[3]);
  }
  if (parts.size() == 3 && Method(request) == "POST") return CreateLive(*link, db, request);
  return std::nullopt;
}

json LiveAgentJson(const callcenter::LiveAgent& agent) {
  json phone = {{"status", callcenter::PhoneStatusName(agent.phone.status)}};
  if (!agent.phone.reason.empty()) phone["reason"] = agent.phone.reason;
  return {{"id", agent.id},
          {"name", agent.name},
          {"state", agent.state},
          {"agent_state", callcenter::AgentStateName(agent.agent_state)},
          {"phone", phone}};
}

json SnapshotJson(const callcenter::CallCentreSnapshot& snapshot) {
  // Agents by the state they serve, then counted by their agent state.
  std::map<std::string, json> by_state;
  for (const callcenter::LiveAgent& agent : snapshot.agents) {
    json& state = by_state[agent.state];
    if (state.is_null()) {
      state = {{"state", agent.state}, {"agents", json::array()}, {"counts", json::object()}};
    }
    state["agents"].push_back(LiveAgentJson(agent));
    std::string name(callcenter::AgentStateName(agent.agent_state));
    state["counts"][name] = state["counts"].value(name, 0) + 1;
  }
  json states = json::array();
  for (auto& [code, state] : by_state) states.push_back(std::move(state));
  json helplines = json::array();
  for (const callcenter::LiveHelpline& line : snapshot.helplines) {
    helplines.push_back({{"number", line.number},
                         {"state", line.state},
                         {"language", line.language},
                         {"ivr", line.flow != nullptr}});
  }
  const callcenter::DialerStats& stats = snapshot.stats;
  return {{"states", states},
          {"callers_waiting", snapshot.callers_waiting},
          {"calls_in_progress", snapshot.calls_in_progress},
          {"helplines", helplines},
          {"dialer",
           {{"inbound_offered", stats.inbound_offered},
            {"inbound_connected", stats.inbound_connected},
            {"inbound_abandoned", stats.inbound_abandoned},
            {"inbound_refused", stats.inbound_refused},
            {"inbound_ivr", stats.inbound_ivr},
            {"inbound_left_in_ivr", stats.inbound_left_in_ivr},
            {"talk_seconds", stats.talk_seconds}}}};
}

}  // namespace api
