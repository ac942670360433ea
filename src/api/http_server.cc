#include "api/http_server.h"

#include <httplib.h>

#include <exception>

#include "api/router.h"
#include "base/logging.h"

namespace api {

HttpServer::HttpServer(store::Database& db)
    : db_(db), server_(std::make_unique<httplib::Server>()) {
  auto handle = [this](const httplib::Request& http_request, httplib::Response& http_response) {
    ApiRequest request{http_request.method, http_request.path, {}};
    for (const auto& [name, value] : http_request.params) request.query[name] = value;
    ApiResponse response;
    {
      std::lock_guard lock(db_mutex_);
      response = HandleRequest(db_, request);
    }
    http_response.status = response.status;
    http_response.set_content(response.body, response.content_type.c_str());
    JS_LOG(kDebug) << http_request.method << " " << http_request.path << " " << response.status;
  };
  server_->Get(R"(/.*)", handle);
  server_->Post(R"(/.*)", handle);
  server_->Put(R"(/.*)", handle);
  server_->Delete(R"(/.*)", handle);
  // cpp-httplib reports handler exceptions here; none should escape our code, but a library
  // throw must become a 500, not a dead worker.
  server_->set_exception_handler(
      [](const httplib::Request&, httplib::Response& response, const std::exception_ptr&) {
        ApiResponse error = ErrorResponse(base::Internal("unexpected failure"));
        response.status = error.status;
        response.set_content(error.body, error.content_type.c_str());
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
