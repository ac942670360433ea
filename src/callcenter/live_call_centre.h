#pragma once

#include <memory>
#include <string>
#include <vector>

#include "base/clock.h"
#include "base/status.h"
#include "callcenter/agent_phones.h"
#include "callcenter/agent_pool.h"
#include "callcenter/beep_on_bridge.h"
#include "callcenter/call_control_mux.h"
#include "callcenter/dialer.h"
#include "callcenter/helpline_recorder.h"
#include "store/store.h"
#include "telephony/call_control.h"
#include "telephony/ivr/flow.h"

namespace callcenter {

// One helpline number as the live call centre answers it.
struct LiveHelpline {
  std::string number;    // the DID callers dial
  std::string state;     // state code ("S24"): the ACD prefers agents of this state
  std::string language;  // ISO 639: the queue callers join (unless a flow picks another)
  std::shared_ptr<const telephony::ivr::Flow> flow;  // null: callers are queued at once
};

struct LiveCallCentreSettings {
  // The number agents' phones show when the centre calls them (the first trunk's caller id).
  std::string caller_id;
  // Whether any trunk is configured: without one, agents' phones cannot be called.
  bool can_call_agents = false;
  std::vector<LiveHelpline> helplines;
  // What callers hear, by prompt name (telephony/rtp PromptLibrary): one set for every line.
  std::string queue_prompt = "please_hold_hi";
  std::string closed_prompt = "thank_you_hi";
  std::string abandon_prompt = "abandon";  // + "_" + the person's language
  // Where a flow's record step keeps callers' messages: <directory>/helpline/ivr-call-....wav.
  std::string recording_directory = "recordings";
};

// One agent as the live call centre sees them now.
struct LiveAgent {
  std::string id;
  std::string name;
  std::string state;  // the state code the agent serves
  AgentState agent_state = AgentState::kOffline;
  PhoneState phone;
};

// What GET /api/callcentre shows.
struct CallCentreSnapshot {
  std::vector<LiveAgent> agents;  // in the order added
  int callers_waiting = 0;
  std::size_t calls_in_progress = 0;  // helpline calls not yet ended
  DialerStats stats;
  std::vector<LiveHelpline> helplines;
};

// An agent of the roster as the pool takes them: the state and the seats are the territories,
// so the agent covers the whole state.
AgentProfile ProfileOf(const store::StoredAgent& agent);

// The helpline call centre that `jansampark serve` runs on real SIP:
//
//   network ── CallControlMux ─┬─ view ── BeepOnBridge ── HelplineRecorder ── Dialer
//                              └─ view ── AgentPhones
//
// Incoming calls go to the Dialer, whose inbound lines are the helplines (territory = the
// line's state); agents are called on their phones (AgentPhones) through the network's trunks
// and logged in when they answer. Every helpline call's record goes to `sink` when it ends.
// There is no outbound calling here.
//
// The network's events must go to events() (network.SetEvents(&centre.events())) and be
// turned away from it before this object is destroyed. Single-threaded: build, use and destroy
// it on the Clock's thread; every reference must outlive it.
class LiveCallCentre {
 public:
  LiveCallCentre(base::Clock& clock, telephony::CallControl& network,
                 LiveCallCentreSettings settings, HelplineRecorder::Sink sink);
  ~LiveCallCentre();
  LiveCallCentre(const LiveCallCentre&) = delete;
  LiveCallCentre& operator=(const LiveCallCentre&) = delete;

  telephony::CallEvents& events() { return mux_; }

  // Adds an agent of the roster, offline. kConflict when the id is here already,
  // kInvalidArgument for a profile the pool refuses.
  base::Status AddAgent(const store::StoredAgent& agent);
  // Calls the agent's phone; they are logged in when they answer. kUnavailable when no trunk
  // is configured, kNotFound for an agent not in the roster, else as AgentPhones::Ready.
  base::Status Ready(const std::string& agent_id);
  // Logs the agent out after their current call and hangs up their phone (AgentPhones).
  base::Status Release(const std::string& agent_id);
  // kNotFound for an agent not in the roster.
  base::Result<LiveAgent> AgentOf(const std::string& agent_id) const;
  CallCentreSnapshot Snapshot() const;

 private:
  class NoContacts : public ContactSource {
   public:
    std::optional<DialTarget> Next(base::TimePoint /*now*/) override { return std::nullopt; }
    void Report(const DialTarget& /*target*/, AttemptOutcome /*outcome*/,
                base::TimePoint /*now*/) override {}
  };

  static DialerSettings HelplineDialer(const LiveCallCentreSettings& settings);
  static std::map<std::string, RecordedLine> RecordedLines(const LiveCallCentreSettings& settings);
  base::Status CheckKnown(const std::string& agent_id) const;
  LiveAgent Describe(const Agent& agent) const;

  LiveCallCentreSettings settings_;
  AgentPool pool_;
  std::map<std::string, std::string> state_of_;  // agent id -> state code
  CallControlMux mux_;
  telephony::CallControl& dialer_view_;
  telephony::CallControl& phones_view_;
  AgentPhones phones_;
  BeepOnBridge beeping_;
  HelplineRecorder recorder_;
  NoContacts contacts_;
  std::unique_ptr<Pacer> pacer_;
  Dialer dialer_;
};

}  // namespace callcenter
