#include <csignal>
#include <ostream>
#include <thread>

#include "api/http_server.h"
#include "base/real_clock.h"
#include "base/text.h"
#include "cli/command.h"
#include "cli/common_flags.h"

namespace cli {
namespace {

struct HostPort {
  std::string host;
  int port = 0;
};

base::Result<HostPort> ParseHostPort(const std::string& text) {
  std::size_t colon = text.rfind(':');
  if (colon == std::string::npos || colon == 0) {
    return base::InvalidArgument("--http '" + text + "' must be HOST:PORT, e.g. 127.0.0.1:8080");
  }
  base::Result<std::int64_t> port = base::ParseInt(text.substr(colon + 1), "--http port");
  if (!port.ok()) return port.status();
  if (*port < 0 || *port > 65535) {
    return base::InvalidArgument("--http port " + std::to_string(*port) + " is not 0-65535");
  }
  return HostPort{text.substr(0, colon), static_cast<int>(*port)};
}

int RunServe(const ParsedFlags& flags, Io& io) {
  base::Result<HostPort> address = ParseHostPort(flags.GetOr("http", "127.0.0.1:8080"));
  if (!address.ok()) return ReportError(address.status(), io);
  auto db = OpenExistingDatabase(flags, io);
  if (!db.ok()) return ReportError(db.status(), io);

  // SIGINT and SIGTERM are taken by a waiting thread, not a handler, so that stopping the
  // server happens in ordinary code. Blocked before any other thread starts, so all inherit it.
  sigset_t stop_signals;
  sigemptyset(&stop_signals);
  sigaddset(&stop_signals, SIGINT);
  sigaddset(&stop_signals, SIGTERM);
  sigaddset(&stop_signals, SIGUSR1);  // only to wake the waiter below
  pthread_sigmask(SIG_BLOCK, &stop_signals, nullptr);

  base::RealClock clock;
  api::HttpServer server(**db, clock);
  base::Result<int> port = server.Bind(address->host, address->port);
  if (!port.ok()) return ReportError(port.status(), io);
  io.out << "jansampark serving http://" << address->host << ":" << *port
         << "/  (health: /health, seats: /api/seats/weak?party=BJP); Ctrl-C stops" << std::endl;
  std::thread waiter([&] {
    int received = 0;
    sigwait(&stop_signals, &received);
    server.Stop();
  });
  base::Status served = server.Serve();
  // Serve returned on its own (an error): wake the waiter so it can be joined.
  if (waiter.joinable()) {
    pthread_kill(waiter.native_handle(), SIGUSR1);
    waiter.join();
  }
  if (!served.ok()) return ReportError(served, io);
  io.out << "jansampark stopped" << std::endl;
  return kExitOk;
}

}  // namespace

std::vector<Command> ServeCommands() {
  return {{"serve",
           "serve the HTTP/JSON API (health page and seat analysis)",
           "jansampark serve [--db PATH] [--http HOST:PORT]",
           "Routes: /health, /api/seats/summary, /api/seats/weak, /api/seats/segments,\n"
           "/api/seats/method, /api/dialer/simulate, /api/campaigns (see docs/api.md). SIGINT or\n"
           "SIGTERM stops the server.\n",
           {DbFlag(), {"http", "HOST:PORT", "where to listen (default 127.0.0.1:8080)"}},
           RunServe}};
}

}  // namespace cli
