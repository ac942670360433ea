#pragma once

#include <map>
#include <nlohmann/json.hpp>
#include <set>
#include <string>
#include <string_view>

#include "base/clock.h"
#include "base/status.h"
#include "store/store.h"

// The HTTP API without sockets: a request in, a response out. http_server.cc puts it on the
// wire; tests call it directly. The one place where a Status becomes an HTTP status.
namespace api {

struct ApiRequest {
  std::string method = "GET";
  std::string path;
  std::map<std::string, std::string> query;
  std::string body;  // of a POST: JSON text
  // When the request came in, from the server's Clock: the time written with what it stores.
  base::TimePoint received_at;
};

struct ApiResponse {
  int status = 200;
  std::string content_type = "application/json";
  std::string body;
};

// Serves:
//   GET /health                 {"status":"ok","schema_version":N,"seats":543,"elections":[...]}
//   GET /api/seats/summary      ?election=
//   GET /api/seats/weak         ?party=&election=&baseline=&alliance=A,B&mode=&top=
//   GET /api/seats/segments     same parameters as weak
//   GET /api/seats/method       the score's method, as text
//   GET /api/dialer/simulate    ?agents=&answer_rate=&aht=&hours=&mode=&seed=&inbound_per_hour=
//                               (a simulated day)
//   GET|POST /api/campaigns..., see campaign_routes.h
// Errors are {"error":{"code","message"}} with 400 (bad input), 404, 405, 409, 413 or 500.
ApiResponse HandleRequest(store::Database& db, const ApiRequest& request);

// The HTTP status and error code of a failed Status.
int HttpStatusOf(const base::Status& status);
ApiResponse ErrorResponse(const base::Status& status);
// `body` as JSON with `status`; invalid UTF-8 in strings is replaced, never thrown on.
ApiResponse JsonResponse(int status, const nlohmann::json& body);
// 405 naming the method, the path and the methods `allowed` there ("GET, POST").
ApiResponse MethodNotAllowed(const ApiRequest& request, std::string_view allowed);

// kInvalidArgument naming the first query parameter not in `allowed`, with the nearest names.
base::Status CheckParameters(const ApiRequest& request, const std::set<std::string>& allowed);

}  // namespace api
