#include "api/http_server.h"

#include <httplib.h>

#include <exception>

#include "api/campaign_json.h"
#include "api/campaign_prompts.h"
#include "api/router.h"
#include "base/logging.h"

namespace api {

namespace {

void SetResponse(const ApiResponse& response, httplib::Response& http_response) {
  http_response.status = response.status;
  http_response.set_content(response.body, response.content_type.c_str());
}

}  // namespace

HttpServer::HttpServer(store::Database& db, const base::Clock& clock)
    : own_db_(std::make_unique<LockedDatabase>(db)), db_(*own_db_), clock_(clock) {
  Route();
}

HttpServer::HttpServer(LockedDatabase& db, const base::Clock& clock) : db_(db), clock_(clock) {
  Route();
}

void HttpServer::Route() {
  server_ = std::make_unique<httplib::Server>();
  auto handle = [this](const httplib::Request& http_request, httplib::Response& http_response) {
    ApiRequest request;
    request.method = http_request.method;
    request.path = http_request.path;
    // `curl --data @campaign.json` sends JSON labelled as a form, which the library parses
    // into parameters; the bodies of this API are JSON and its POST routes take no
    // parameters, so a form-labelled body is never read as parameters.
    bool form_body =
        http_request.method != "GET" && http_request.get_header_value("Content-Type")
                                                .rfind("application/x-www-form-urlencoded", 0) == 0;
    if (!form_body) {
      for (const auto& [name, value] : http_request.params) request.query[name] = value;
    }
    request.body = http_request.body;
    // The call centre's routes take the lock themselves, only while they touch the database.
    request.received_at = clock_.Now();
    std::optional<ApiResponse> live = RouteCallCentre(call_centre_, db_, request);
    ApiResponse response = live ? std::move(*live) : db_.With([&](store::Database& db) {
      // Read under the lock, so that what is stored is dated in the order it is written.
      request.received_at = clock_.Now();
      return HandleRequest(db, request);
    });
    SetResponse(response, http_response);
    JS_LOG(kDebug) << http_request.method << " " << http_request.path << " " << response.status;
  };
  server_->Get(R"(/.*)", handle);
  server_->Post(R"(/.*)", handle);
  server_->Put(R"(/.*)", handle);
  server_->Delete(R"(/.*)", handle);
  // The library refuses a longer body itself (413) before reading it; the router answers the
  // same for a body that reaches it.
  // A prompt upload is the largest body (the routes limit JSON bodies to 1 MiB themselves).
  server_->set_payload_max_length(kMaxPromptUploadBytes);
  server_->set_error_handler([](const httplib::Request&, httplib::Response& http_response) {
    if (http_response.status != 413) return;
    ApiResponse error = ErrorResponse(base::InvalidArgument(
        "the request body is over the limit: 1 MiB of JSON, 4 MiB for a prompt, 8 KiB when "
        "labelled as a form (curl's default: send files with --data-binary and -H "
        "'Content-Type: application/octet-stream')"));
    error.status = 413;
    SetResponse(error, http_response);
  });
  // cpp-httplib reports handler exceptions here; none should escape our code, but a library
  // throw must become a 500, not a dead worker.
  server_->set_exception_handler(
      [](const httplib::Request&, httplib::Response& response, const std::exception_ptr&) {
        SetResponse(ErrorResponse(base::Internal("unexpected failure")), response);
      });
}

HttpServer::~HttpServer() { Stop(); }

base::Result<int> HttpServer::Bind(const std::string& host, int port) {
  int bound = port == 0 ? server_->bind_to_any_port(host.c_str())
                        : (server_->bind_to_port(host.c_str(), port) ? port : -1);
  if (bound <= 0) {
    return base::Unavailable("cannot listen on " + host + ":" + std::to_string(port) +
                             " (address in use or not available)");
  }
  return bound;
}

base::Status HttpServer::Serve() {
  if (!server_->listen_after_bind()) {
    return base::Unavailable("the HTTP server stopped with an error");
  }
  return base::OkStatus();
}

void HttpServer::Stop() {
  if (server_->is_running()) server_->stop();
}

}  // namespace api
