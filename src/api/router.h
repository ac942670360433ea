#pragma once

#include <map>
#include <nlohmann/json.hpp>
#include <string>

#include "base/status.h"
#include "store/store.h"

// The HTTP API without sockets: a request in, a response out. http_server.cc puts it on the
// wire; tests call it directly. The one place where a Status becomes an HTTP status.
namespace api {

struct ApiRequest {
  std::string method = "GET";
  std::string path;
  std::map<std::string, std::string> query;
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
//   GET /api/dialer/simulate    ?agents=&answer_rate=&aht=&hours=&mode=&seed= (a simulated day)
// Errors are {"error":{"code","message"}} with 400 (bad input), 404, 405 or 500.
ApiResponse HandleRequest(store::Database& db, const ApiRequest& request);

// The HTTP status and error code of a failed Status.
int HttpStatusOf(const base::Status& status);
ApiResponse ErrorResponse(const base::Status& status);

}  // namespace api
