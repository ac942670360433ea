#pragma once

#include <memory>
#include <string>

#include "api/call_centre_routes.h"
#include "api/locked_database.h"
#include "base/clock.h"
#include "base/result.h"
#include "store/store.h"

namespace httplib {
class Server;
}

namespace api {

// Serves HandleRequest over HTTP/1.1 on one address. Requests run on the library's worker
// threads; access to the database is serialised (store::Database is single-threaded).
class HttpServer {
 public:
  // `db` and `clock` must outlive the server; `clock` dates what requests store (it must be
  // safe to call Now() from the library's worker threads, as RealClock is).
  HttpServer(store::Database& db, const base::Clock& clock);
  // The same over a database that others use too: every request holds `db`'s lock, so their
  // writes and the requests are serialised.
  HttpServer(LockedDatabase& db, const base::Clock& clock);
  ~HttpServer();
  HttpServer(const HttpServer&) = delete;
  HttpServer& operator=(const HttpServer&) = delete;

  // Routes the call-centre requests (call_centre_routes.h) to `link`, which must outlive the
  // server; null (the default): they answer 503. Call before Serve().
  void SetCallCentre(CallCentreLink* link) { call_centre_ = link; }

  // Binds host:port (port 0 picks a free one) and returns the bound port.
  base::Result<int> Bind(const std::string& host, int port);
  // Serves until Stop(); returns when stopped. Call after Bind().
  base::Status Serve();
  // Thread-safe; makes Serve() return.
  void Stop();

 private:
  // Makes the server and sets its handlers; called by both constructors.
  void Route();

  std::unique_ptr<LockedDatabase> own_db_;  // set by the first constructor only
  LockedDatabase& db_;
  const base::Clock& clock_;
  std::unique_ptr<httplib::Server> server_;
  CallCentreLink* call_centre_ = nullptr;
};

}  // namespace api
