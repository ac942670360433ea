#include <csignal>
#include <ostream>
#include <thread>

#include "api/campaign_prompts.h"
#include "api/http_server.h"
#include "api/locked_database.h"
#include "base/real_clock.h"
#include "base/text.h"
#include "cli/clock_posted_call_centre.h"
#include "cli/command.h"
#include "cli/common_flags.h"
#include "cli/live_call_centre_setup.h"
#include "cli/server_config.h"
#include "cli/stored_missed_calls.h"
#include "telephony/rtp/prompt_library.h"
#include "telephony/sip/sip_call_control.h"

namespace cli {
namespace {

// What serve runs with: the --config file, then the flags laid over it.
base::Result<ServerConfig> ConfigOf(const ParsedFlags& flags) {
  ServerConfig config;
  if (std::optional<std::string> path = flags.Get("config")) {
    JS_ASSIGN_OR_RETURN(config, ReadServerConfig(*path));
  }
  if (config.sip.prompts_dir.empty()) config.sip.prompts_dir = JANSAMPARK_PROMPTS_DIR;
  config.http = flags.GetOr("http", config.http);
  if (std::optional<std::string> sip = flags.Get("sip")) {
    JS_RETURN_IF_ERROR(ApplySipFlag(*sip, "--sip", config));
  }
  if (std::optional<std::string> ports = flags.Get("rtp-ports")) {
    JS_RETURN_IF_ERROR(ApplyRtpPortsFlag(*ports, "--rtp-ports", config));
  }
  return config;
}

// The prompts that calls hear: the folder's, then those campaigns uploaded (as CAMPAIGN/NAME).
// Missing prompts are not fatal (the HTTP side still serves), but the operator is told.
void LoadPrompts(const std::string& dir, store::Database& db,
                 telephony::rtp::PromptLibrary& prompts, Io& io) {
  base::Result<int> loaded = prompts.LoadDirectory(dir);
  if (!loaded.ok()) {
    io.err << "jansampark: warning: no prompts: " << loaded.status().message()
           << " (make prompts creates them)" << std::endl;
  }
  base::Result<int> uploaded = api::LoadCampaignPrompts(db, prompts);
  if (!uploaded.ok()) {
    io.err << "jansampark: warning: campaigns' uploaded prompts not loaded: "
           << uploaded.status().message() << std::endl;
  }
  io.out << "jansampark prompts: " << (loaded.ok() ? *loaded : 0) << " from " << dir << ", "
         << (uploaded.ok() ? *uploaded : 0) << " uploaded by campaigns" << std::endl;
}

// SIGINT and SIGTERM are taken by a waiting thread, not a handler, so that stopping the server
// happens in ordinary code. Blocked before any other thread starts, so all inherit it; SIGUSR1
// only wakes the waiter (ServeUntilStopped).
sigset_t BlockStopSignals() {
  sigset_t stop_signals;
  sigemptyset(&stop_signals);
  sigaddset(&stop_signals, SIGINT);
  sigaddset(&stop_signals, SIGTERM);
  sigaddset(&stop_signals, SIGUSR1);
  pthread_sigmask(SIG_BLOCK, &stop_signals, nullptr);
  return stop_signals;
}

// Serves HTTP until a stop signal (or an error of the server's own).
base::Status ServeUntilStopped(api::HttpServer& server, const sigset_t& stop_signals) {
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
  return served;
}

int RunServe(const ParsedFlags& flags, Io& io) {
  base::Result<ServerConfig> config = ConfigOf(flags);
  if (!config.ok()) return ReportError(config.status(), io);
  base::Result<telephony::sip::HostPort> address =
      telephony::sip::ParseHostPort(config->http, "--http");
  if (!address.ok()) return ReportError(address.status(), io);
  auto db = OpenExistingDatabase(flags, io);
  if (!db.ok()) return ReportError(db.status(), io);

  sigset_t stop_signals = BlockStopSignals();

  base::RealClock clock;
  // The HTTP workers and the SIP side's missed calls share the database under one lock.
  // Declared before `sip`, so that they outlive it.
  api::LockedDatabase locked_db(**db);
  StoredMissedCalls missed_calls(locked_db, clock, config->callback_campaigns);
  telephony::rtp::PromptLibrary prompts;
  LoadPrompts(config->sip.prompts_dir, **db, prompts, io);
  // Checked before SIP starts: a bad helpline or flow file stops serve with its name.
  base::Result<callcenter::LiveCallCentreSettings> live = LiveSettingsOf(*config, **db);
  if (!live.ok()) return ReportError(live.status(), io);
  base::Result<std::vector<store::StoredAgent>> roster = (*db)->agents().ListAgents();
  if (!roster.ok()) return ReportError(roster.status(), io);
  // SIP answers OPTIONS from here on; calls go to the call centre, which lives on the clock's
  // thread like the SIP side's events.
  auto sip = telephony::sip::SipCallControl::Start(config->sip, clock, prompts);
  if (!sip.ok()) return ReportError(sip.status(), io);
  std::unique_ptr<callcenter::LiveCallCentre> centre;
  base::Status loaded;
  RunOnClock(clock, [&] {
    centre = std::make_unique<callcenter::LiveCallCentre>(clock, **sip, *live,
                                                          StoreRecordsIn(locked_db));
    for (const store::StoredAgent& agent : *roster) {
      if (loaded.ok()) loaded = centre->AddAgent(agent);
    }
    (*sip)->SetEvents(&centre->events());
  });
  (*sip)->SetMissedCallSink(&missed_calls);
  // Turns the SIP side's events away from the call centre and ends it, on its thread.
  auto end_centre = [&] {
    RunOnClock(clock, [&] {
      (*sip)->SetEvents(nullptr);
      centre.reset();
    });
  };
  if (!loaded.ok()) {
    end_centre();
    return ReportError(loaded.WithContext("the agents' roster"), io);
  }
  ClockPostedCallCentre link(clock, *centre);
  io.out << "jansampark SIP on " << config->sip.listen_host << ":" << config->sip.listen_port
         << " (UDP and TCP), RTP ports " << config->sip.media.port_low << "-"
         << config->sip.media.port_high << "; call centre: " << live->helplines.size()
         << " helpline(s), " << roster->size() << " agent(s)"
         << (live->can_call_agents ? "" : ", no trunk (agents' phones cannot be called)")
         << std::endl;

  api::HttpServer server(locked_db, clock);
  server.SetCallCentre(&link);
  base::Result<int> port = server.Bind(address->host, address->port);
  if (!port.ok()) {
    end_centre();
    return ReportError(port.status(), io);
  }
  io.out << "jansampark serving http://" << address->host << ":" << *port
         << "/  (health: /health, seats: /api/seats/weak?party=BJP); Ctrl-C stops" << std::endl;
  base::Status served = ServeUntilStopped(server, stop_signals);
  // The HTTP workers are done: nothing reaches the call centre any more.
  end_centre();
  sip->reset();  // hangs up whatever calls are still up
  if (!served.ok()) return ReportError(served, io);
  io.out << "jansampark stopped" << std::endl;
  return kExitOk;
}

}  // namespace

std::vector<Command> ServeCommands() {
  return {{"serve",
           "serve the HTTP/JSON API (health page and seat analysis)",
           "jansampark serve [--config FILE] [--db PATH] [--http HOST:PORT] [--sip HOST:PORT]\n"
           "                 [--rtp-ports LOW-HIGH]",
           "Routes: /health, /api/seats/summary, /api/seats/weak, /api/seats/segments,\n"
           "/api/seats/method, /api/dialer/simulate, /api/campaigns, /api/calls, /api/agents,\n"
           "/api/callcentre (see docs/api.md). SIP (UDP and TCP) answers OPTIONS with 200 as\n"
           "soon as it is up; trunks, helpline and missed-call numbers come from the config\n"
           "file (docs/serve-config.md). Helpline calls reach the helpline call centre: the\n"
           "roster's agents (`jansampark agents add`) are called on their phones through the\n"
           "trunk on POST /api/agents/ID/ready, and each call is recorded (`jansampark calls\n"
           "list`). Calls to other numbers are refused (480). A call to a missed-call number is\n"
           "refused unanswered and recorded. SIGINT or SIGTERM stops the server.\n",
           {{"config", "FILE", "JSON config: http, sip listen, rtp_ports, trunks, numbers"},
            DbFlag(),
            {"http", "HOST:PORT", "where HTTP listens (default 127.0.0.1:8080)"},
            {"sip", "HOST:PORT", "where SIP listens, UDP and TCP (default 127.0.0.1:5060)"},
            {"rtp-ports", "LOW-HIGH", "RTP ports for calls' media (default 10000-20000)"}},
           RunServe}};
}

}  // namespace cli
