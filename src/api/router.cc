#include "api/router.h"

#include <cmath>
#include <set>

#include "analysis/seat_queries.h"
#include "analysis/seat_strength.h"
#include "api/agent_routes.h"
#include "api/call_record_json.h"
#include "api/campaign_routes.h"
#include "api/dialer_json.h"
#include "api/dnd_routes.h"
#include "api/seat_json.h"
#include "base/text.h"

namespace api {

using nlohmann::json;

int HttpStatusOf(const base::Status& status) {
  switch (status.code()) {
    case base::StatusCode::kOk:
      return 200;
    case base::StatusCode::kInvalidArgument:
      return 400;
    case base::StatusCode::kNotFound:
      return 404;
    case base::StatusCode::kConflict:
      return 409;
    case base::StatusCode::kUnavailable:
      return 503;
    case base::StatusCode::kInternal:
      return 500;
  }
  return 500;
}

ApiResponse ErrorResponse(const base::Status& status) {
  std::string code = std::string(base::StatusCodeName(status.code()));
  for (char& c : code) c = c == ' ' ? '_' : c;
  json body = {{"error", {{"code", code}, {"message", status.message()}}}};
  return {HttpStatusOf(status), "application/json", body.dump()};
}

ApiResponse JsonResponse(int status, const json& body) {
  return {status, "application/json", body.dump(-1, ' ', false, json::error_handler_t::replace)};
}

ApiResponse MethodNotAllowed(const ApiRequest& request, std::string_view allowed) {
  ApiResponse response =
      ErrorResponse(base::InvalidArgument("method " + request.method + " is not allowed on " +
                                          request.path + "; use " + std::string(allowed)));
  response.status = 405;
  return response;
}

base::Status CheckParameters(const ApiRequest& request, const std::set<std::string>& allowed) {
  for (const auto& [name, value] : request.query) {
    if (allowed.count(name) != 0) continue;
    std::vector<std::string> names(allowed.begin(), allowed.end());
    std::string message = "unknown parameter '" + name + "' for " + request.path;
    std::vector<std::string> nearest = base::NearestNames(name, names);
    if (!nearest.empty()) message += "; did you mean " + base::Join(nearest, ", ") + "?";
    return base::InvalidArgument(message);
  }
  return base::OkStatus();
}

namespace {

ApiResponse JsonResponse(const json& body) { return {200, "application/json", body.dump()}; }

base::Result<analysis::SeatQuery> SeatQueryFrom(const ApiRequest& request) {
  JS_RETURN_IF_ERROR(
      CheckParameters(request, {"party", "election", "baseline", "alliance", "mode", "top"}));
  analysis::SeatQuery query;
  auto get = [&](const std::string& name) -> std::optional<std::string> {
    auto it = request.query.find(name);
    if (it == request.query.end()) return std::nullopt;
    return it->second;
  };
  std::optional<std::string> party = get("party");
  if (!party || party->empty()) return base::InvalidArgument("parameter 'party' is required");
  query.party = *party;
  query.election = get("election").value_or("ls2019");
  query.baseline = get("baseline");
  query.mode = get("mode").value_or("weakest");
  if (std::optional<std::string> alliance = get("alliance")) {
    for (const std::string& ally : base::Split(*alliance, ',')) {
      if (!base::Trim(ally).empty()) query.allies.emplace_back(base::Trim(ally));
    }
  }
  if (std::optional<std::string> top = get("top")) {
    JS_ASSIGN_OR_RETURN(std::int64_t number, base::ParseInt(*top, "parameter 'top'"));
    if (number < 1 || number > 100000) {
      return base::InvalidArgument("parameter 'top' must be from 1 to 100000");
    }
    query.top = static_cast<int>(number);
  }
  return query;
}

base::Result<simulation::DayParams> DayParamsFrom(const ApiRequest& request) {
  JS_RETURN_IF_ERROR(CheckParameters(
      request, {"agents", "answer_rate", "aht", "hours", "mode", "seed", "inbound_per_hour"}));
  simulation::DayParams params;
  auto number = [&](const std::string& name, double fallback) -> base::Result<double> {
    auto it = request.query.find(name);
    if (it == request.query.end()) return fallback;
    return base::ParseDouble(it->second, "parameter '" + name + "'");
  };
  JS_ASSIGN_OR_RETURN(double agents, number("agents", params.agents));
  JS_ASSIGN_OR_RETURN(params.answer_rate, number("answer_rate", params.answer_rate));
  JS_ASSIGN_OR_RETURN(double aht, number("aht", 180));
  JS_ASSIGN_OR_RETURN(params.hours, number("hours", params.hours));
  JS_ASSIGN_OR_RETURN(double seed, number("seed", 1));
  JS_ASSIGN_OR_RETURN(params.inbound_per_hour, number("inbound_per_hour", 0));
  if (agents != std::floor(agents) || seed != std::floor(seed) || seed < 0 || !(aht > 0)) {
    return base::InvalidArgument("agents and seed must be whole numbers, aht positive");
  }
  // A request must stay short: larger days belong to the CLI and the benchmark.
  if (agents * params.hours > 2000) {
    return base::InvalidArgument("agents × hours is limited to 2000 over HTTP");
  }
  params.agents = static_cast<int>(agents);
  params.seed = static_cast<std::uint64_t>(seed);
  params.handle_time =
      std::chrono::duration_cast<base::Duration>(std::chrono::duration<double>(aht));
  if (auto mode = request.query.find("mode"); mode != request.query.end()) {
    params.mode = mode->second;
  }
  return params;
}

base::Result<ApiResponse> ListCalls(store::Database& db, const ApiRequest& request) {
  JS_RETURN_IF_ERROR(CheckParameters(request, {"kind", "since", "until", "limit"}));
  auto get = [&](const std::string& name) -> std::optional<std::string> {
    auto it = request.query.find(name);
    if (it == request.query.end()) return std::nullopt;
    return it->second;
  };
  JS_ASSIGN_OR_RETURN(store::CallRecordQuery query, ParseCallRecordQuery({.kind = get("kind"),
                                                                          .since = get("since"),
                                                                          .until = get("until"),
                                                                          .limit = get("limit")},
                                                                         ParameterStyle::kQuery));
  JS_ASSIGN_OR_RETURN(std::vector<store::CallRecord> records,
                      db.call_records().ListCallRecords(query));
  // Numbers typed by callers' networks need not be UTF-8; a stray byte must not fail the page.
  return ApiResponse{200, "application/json",
                     CallRecordsJson(records).dump(-1, ' ', false, json::error_handler_t::replace)};
}

base::Result<json> Health(store::Database& db) {
  JS_ASSIGN_OR_RETURN(int version, db.SchemaVersion());
  JS_ASSIGN_OR_RETURN(std::vector<geo::Seat> seats, db.reference().ListSeats());
  JS_ASSIGN_OR_RETURN(std::vector<results::Election> elections, db.results().ListElections());
  json ids = json::array();
  for (const results::Election& election : elections) ids.push_back(election.id);
  return json{
      {"status", "ok"}, {"schema_version", version}, {"seats", seats.size()}, {"elections", ids}};
}

base::Result<ApiResponse> Route(store::Database& db, const ApiRequest& request) {
  const std::string& path = request.path;
  if (path == "/health" || path == "/api/health") {
    JS_RETURN_IF_ERROR(CheckParameters(request, {}));
    JS_ASSIGN_OR_RETURN(json body, Health(db));
    return JsonResponse(body);
  }
  if (path == "/api/seats/summary") {
    JS_RETURN_IF_ERROR(CheckParameters(request, {"election"}));
    auto it = request.query.find("election");
    JS_ASSIGN_OR_RETURN(
        analysis::ElectionSummary summary,
        analysis::QuerySummary(db, it == request.query.end() ? "ls2019" : it->second));
    return JsonResponse(SummaryJson(summary));
  }
  if (path == "/api/seats/weak") {
    JS_ASSIGN_OR_RETURN(analysis::SeatQuery query, SeatQueryFrom(request));
    JS_ASSIGN_OR_RETURN(analysis::WeakSeatsAnswer answer, analysis::QueryWeakSeats(db, query));
    return JsonResponse(WeakSeatsJson(answer));
  }
  if (path == "/api/seats/segments") {
    JS_ASSIGN_OR_RETURN(analysis::SeatQuery query, SeatQueryFrom(request));
    JS_ASSIGN_OR_RETURN(analysis::SegmentsAnswer answer, analysis::QuerySegments(db, query));
    return JsonResponse(SegmentsJson(answer));
  }
  if (path == "/api/dialer/simulate") {
    JS_ASSIGN_OR_RETURN(simulation::DayParams params, DayParamsFrom(request));
    JS_ASSIGN_OR_RETURN(simulation::DayReport report, simulation::SimulateDay(params));
    return JsonResponse(DayReportJson(params, report));
  }
  if (path == "/api/calls") return ListCalls(db, request);
  if (path == "/api/seats/method") {
    JS_RETURN_IF_ERROR(CheckParameters(request, {}));
    return ApiResponse{200, "text/plain; charset=utf-8", analysis::ExplainStrength()};
  }
  return base::NotFound("no such route: " + path);
}

}  // namespace

ApiResponse HandleRequest(store::Database& db, const ApiRequest& request) {
  if (std::optional<ApiResponse> campaigns = RouteCampaigns(db, request)) return *campaigns;
  if (std::optional<ApiResponse> agents = RouteAgents(db, request)) return *agents;
  if (std::optional<ApiResponse> dnd = RouteDnd(db, request)) return *dnd;
  if (request.method != "GET") {
    ApiResponse response = ErrorResponse(
        base::InvalidArgument("method " + request.method + " is not allowed on " + request.path));
    response.status = 405;
    return response;
  }
  base::Result<ApiResponse> response = Route(db, request);
  if (!response.ok()) return ErrorResponse(response.status());
  return std::move(response).value();
}

}  // namespace api
