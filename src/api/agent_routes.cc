#include "api/agent_routes.h"

#include "api/agent_json.h"
#include "base/text.h"

namespace api {
namespace {

using nlohmann::json;

constexpr std::string_view kPrefix = "/api/agents";

base::Result<ApiResponse> ListAll(store::Database& db) {
  JS_ASSIGN_OR_RETURN(std::vector<store::StoredAgent> agents, db.agents().ListAgents());
  return JsonResponse(200, AgentsJson(agents));
}

base::Result<ApiResponse> Create(store::Database& db, const ApiRequest& request) {
  JS_ASSIGN_OR_RETURN(std::vector<store::StoredAgent> agents,
                      ParseAgents(request.body, "request body"));
  JS_RETURN_IF_ERROR(AddAgents(db, agents, request.received_at));
  return JsonResponse(201, AgentsJson(agents));
}

base::Result<ApiResponse> Show(store::Database& db, const std::string& id) {
  JS_ASSIGN_OR_RETURN(store::StoredAgent agent, db.agents().GetAgent(id));
  return JsonResponse(200, AgentJson(agent));
}

std::optional<base::Result<ApiResponse>> Dispatch(store::Database& db, const ApiRequest& request,
                                                  std::string_view rest) {
  bool get = request.method == "GET";
  if (rest.empty()) {
    if (get) return ListAll(db);
    if (request.method == "POST") return Create(db, request);
    return MethodNotAllowed(request, "GET or POST");
  }
  if (rest.find('/') == std::string_view::npos) {
    if (get) return Show(db, std::string(rest));
    return MethodNotAllowed(request, "GET");
  }
  return std::nullopt;
}

}  // namespace

std::optional<ApiResponse> RouteAgents(store::Database& db, const ApiRequest& request) {
  std::string_view path = request.path;
  if (path.substr(0, kPrefix.size()) != kPrefix) return std::nullopt;
  std::string_view rest = path.substr(kPrefix.size());
  if (!rest.empty() && rest.front() != '/') return std::nullopt;  // "/api/agentsX"
  if (!rest.empty()) rest.remove_prefix(1);
  if (!rest.empty() && rest.back() == '/') rest.remove_suffix(1);
  if (base::Status query = CheckParameters(request, {}); !query.ok()) return ErrorResponse(query);
  std::optional<base::Result<ApiResponse>> routed = Dispatch(db, request, rest);
  if (!routed) return std::nullopt;
  if (!routed->ok()) return ErrorResponse(routed->status());
  return std::move(*routed).value();
}

}  // namespace api
