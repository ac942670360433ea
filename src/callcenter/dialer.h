#pragma once

#include <memory>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "base/clock.h"
#include "callcenter/acd.h"
#include "callcenter/agent_pool.h"
#include "callcenter/contact_source.h"
#include "callcenter/dialer_stats.h"
#include "callcenter/ivr_call.h"
#include "callcenter/measurements.h"
#include "callcenter/pacer.h"
#include "store/store.h"
#include "telephony/call_control.h"
#include "telephony/ivr/flow.h"

namespace callcenter {

// A helpline number a campaign answers, and what a caller on it needs from an agent.
struct InboundLine {
  std::string number;     // the number callers dial (IncomingCall::to)
  std::string language;   // ISO 639; required
  std::string territory;  // state code or seat id the line serves; empty: anywhere
  // A second language the line announces; a caller who stays on accepts it (AcdTiers).
  std::optional<std::string> fallback_language;
  // What callers hear before the queue (docs/ivr.md); null: they are queued at once. Prompts
  // before a language step are played in `language`. The flow's queue step queues the caller
  // in the language they chose (or `language`), with this line's fallback and territory.
  std::shared_ptr<const telephony::ivr::Flow> flow = nullptr;
};

struct DialerSettings {
  // Outbound numbers ring at least 15 s before the dialer gives up on them.
  base::Duration ring_timeout = std::chrono::seconds(25);
  // A person who answers reaches an agent within this time, or hears the abandon message and
  // the call counts as abandoned.
  base::Duration connect_deadline = std::chrono::seconds(2);
  base::Duration tick = std::chrono::seconds(1);
  double abandon_target = 0.03;
  std::string caller_id;
  // Played in the person's language: "abandon" is "abandon_hi" to a Hindi speaker.
  std::string abandon_prompt = "abandon";
  // The key the abandon message tells the person to press not to be called again ("press 9"):
  // pressed while it plays, the number goes on the campaign's do-not-call list at once, as an
  // agent's opt-out disposition would put it. '\0': the message offers no key.
  char abandon_opt_out_key = '9';
  // Preview dialling: each call is placed for one ready agent, who is reserved for it (and
  // sees the contact) from the dial on and takes the person the moment they answer; nobody is
  // ever abandoned. The pacer is not asked. A contact whose language no ready agent speaks is
  // dialled unbound and routed on answer, as in progressive dialling.
  bool preview = false;
  // The language of contacts whose language is not known: the campaign's first.
  std::string default_language = "hi";
  // Dispositions by which an agent records that the person asked not to be called again: the
  // number goes on the campaign's do-not-call list when the agent closes the wrap-up.
  std::vector<std::string> opt_out_dispositions = {"do_not_call"};
  // Dispositions by which an agent records that the person asked to be called some other
  // time: the contact is due again `retry_after` the wrap-up, as an ordinary call.
  std::vector<std::string> retry_dispositions;
  base::Duration retry_after = std::chrono::hours(2);

  // Inbound (a helpline, or a blended campaign): calls to these numbers are answered, taken
  // through the line's IVR flow if it has one, and queued at the Acd, which widens them along
  // `inbound_tiers`; callers hear `queue_prompt` while they wait, and after `max_queue_wait` hear
  // `closed_prompt` and are let go. Calls to other numbers are refused. Outbound pacing sees
  // inbound callers waiting and holds back.
  std::vector<InboundLine> inbound_lines;
  AcdTiers inbound_tiers;
  base::Duration max_queue_wait = std::chrono::minutes(10);
  std::string queue_prompt = "queue";
  std::string closed_prompt = "closed";

  // Recording (Campaign::recording). Off: nothing is ever recorded. On: a person whom an agent
  // has been reserved for (within the connect deadline: the 2-second rule is about reaching
  // an agent, and it is met) hears `consent_prompt` in their language ("<name>_hi") in full while
  // the agent waits reserved (for at most `consent_hold`); then they are bridged and the call
  // recorded (CallControl::Record) to RecordingPath(). A person who hangs up during the
  // announcement is counted in DialerStats::left_in_consent, the agent freed.
  bool record_calls = false;
  std::string consent_prompt = "call_recording_consent";
  std::string recording_directory = "recordings";
  std::string campaign_id = "campaign";  // the folder under recording_directory
  base::Duration consent_hold = std::chrono::seconds(30);
};

// Where a call of `settings`' campaign is recorded: <recording_directory>/<campaign_id>/
// attempt-<attempt_id>.wav, or call-<call>.wav when the call has no journaled attempt (0).
std::string RecordingPath(const DialerSettings& settings, std::int64_t attempt_id,
                          telephony::CallId call);

// The outbound dialer of one campaign: at every tick it asks its Pacer how many calls to place,
// takes that many numbers from its ContactSource and dials them through CallControl; it offers
// every person who answers to its Acd (the agent ready the longest among those who speak the
// person's language, covering their seat or state if any such agent is ready; callbacks
// first), or, when none is free within the connect deadline, plays the abandon message and
// hangs up. Agents come from an AgentPool whose listener it is; when an agent loses their line
// mid-call (Agent::LoseLine), the person they were talking to is hung up. Single-threaded:
// everything runs on the Clock's thread.
class Dialer : public telephony::CallEvents, public AgentListener {
 public:
  // All references must outlive the dialer. Becomes `control`'s events and `agents`' listener.
  Dialer(base::Clock& clock, telephony::CallControl& control, AgentPool& agents,
         ContactSource& contacts, Pacer& pacer, DialerSettings settings);
  ~Dialer() override;
  Dialer(const Dialer&) = delete;
  Dialer& operator=(const Dialer&) = delete;

  // Journals every attempt in `attempts` under `campaign_id`: begun before the call is placed
  // (a call whose attempt cannot be written, or was begun already, is not placed), ended when
  // it ends, and given the agent's disposition. Null: no journal. Must outlive the dialer.
  void SetAttemptStore(store::AttemptStore* attempts, std::string campaign_id);
  // Keeps every opt-out made in a call (an opt-out disposition) in `do_not_call` under
  // `campaign_id`, before the list in memory learns of it, so that it outlives a restart
  // (LoadDoNotCallList reads it back). Null: kept in memory only. Must outlive the dialer.
  void SetDoNotCallStore(store::DoNotCallStore* do_not_call, std::string campaign_id);

  // Starts placing calls at every tick; Stop() places no more (calls in progress run out).
  void Start();
  void Stop();

  // The person the agent (in wrap-up after an outbound call) just spoke to asked to be called
  // back at `at`: the contact source schedules it as a callback. kNotFound for an unknown
  // agent; kConflict when the agent is not in wrap-up after a call of this dialer, or the
  // source refuses (see ContactSource::ScheduleCallback).
  base::Status ScheduleCallback(const std::string& agent_id, base::TimePoint at);

  // 1-based place of a waiting inbound caller in the queue of their language, and how much
  // longer they should expect to wait (Acd::Position, Acd::ExpectedWait). kNotFound when the
  // call is not waiting.
  base::Result<int> QueuePosition(telephony::CallId call) const;
  base::Result<base::Duration> ExpectedWait(telephony::CallId call) const;

  const DialerStats& stats() const { return stats_; }
  const Measurements& measurements() const { return measured_; }
  // Calls dialled and not yet over.
  std::size_t calls_in_progress() const { return calls_.size(); }

  // telephony::CallEvents
  void OnAnswered(telephony::CallId call, telephony::AnswerKind kind) override;
  void OnEnded(telephony::CallId call, telephony::EndCause cause) override;
  void OnPlayed(telephony::CallId call) override;
  void OnDigit(telephony::CallId call, char digit) override;
  void OnIncoming(telephony::CallId call, const telephony::IncomingCall& incoming) override;
  // Counted (DialerStats::recordings_failed); the call goes on unrecorded.
  void OnRecordingFailed(telephony::CallId call, const std::string& reason) override;

  // AgentListener
  void OnAgentStateChanged(const Agent& agent, AgentState from, AgentChangeCause cause) override;
  void OnTalkTimedOut(const Agent& agent, telephony::CallId call) override;

 private:
  // kInIvr: an inbound caller going through their line's IVR flow, not yet queued.
  // kConsent: an agent is reserved and the person hears the recording consent first.
  enum class Phase { kRinging, kInIvr, kWaiting, kConsent, kAbandoning, kTalking };
  struct Call {
    telephony::CallId id = 0;
    DialTarget target;
    bool inbound = false;    // a caller on an InboundLine; `target` holds their number only
    bool bound = false;      // preview: `agent_id` is reserved for this call from the dial on
    bool opted_out = false;  // the person pressed the opt-out key in the abandon message
    Phase phase = Phase::kRinging;
    base::TimePoint dialled;
    base::TimePoint answered;
    base::TimePoint queued;  // inbound: when the caller joined the queue
    base::TimePoint connected;
    std::string agent_id;
    std::optional<base::TimerId> deadline;
    std::int64_t attempt_id = 0;        // in the journal; 0 without one
    const InboundLine* line = nullptr;  // inbound: the line called, in settings_
    std::unique_ptr<IvrCall> ivr;       // inbound through a flow: until the call ends
    bool consent_heard = false;         // the recording consent was played in full
  };

  // What the dialer remembers of an agent's current outbound call, for its wrap-up.
  struct AgentCall {
    DialTarget target;
    std::int64_t attempt_id = 0;
  };

  void Tick();
  void PlacePreviewCalls();
  PacingInput Snapshot() const;
  // Null when the call could not be placed (its attempt could not be journaled).
  Call* Place(const DialTarget& target);
  void JournalEnd(const Call& call, AttemptOutcome outcome);
  void CloseWrapUp(const Agent& agent);
  void JournalDisposition(const Agent& agent, const AgentCall& call);
  void ApplyDisposition(const Agent& agent, const AgentCall& call);
  void RecordOptOut(const Agent& agent, const AgentCall& call);
  // Puts `target`'s number on the do-not-call list (the store first, when there is one) and
  // tells the contact source; `reason` is kept with the stored entry.
  void KeepOptOut(const DialTarget& target, const std::string& reason);
  // A key pressed during the abandon message: the opt-out key records the opt-out, once.
  void OnAbandonDigit(Call& call, char digit);
  CallerNeeds NeedsOf(const DialTarget& target) const;
  void OfferToAcd(telephony::CallId id, Call& call);
  void OnRouted(telephony::CallId id, Agent& agent);
  void Connect(telephony::CallId id, Call& call, Agent& agent);
  void NoteReached(Call& call, base::TimePoint now);
  void BeginConsent(telephony::CallId id, Call& call, Agent& agent);
  std::string InLanguageOf(const Call& call, const std::string& prompt) const;
  void EndConsent(telephony::CallId id, Call& call);
  void BridgeToAgent(telephony::CallId id, Call& call, Agent& agent);
  void ReleaseBoundAgent(const Call& call);
  void QueueInbound(telephony::CallId id, Call& call, const std::string& language);
  void StartIvr(telephony::CallId id, Call& call);
  void OnIvrQueue(telephony::CallId id, const telephony::ivr::RouteToQueue& route);
  void OnIvrHangup(telephony::CallId id);
  void LetInboundCallerGo(telephony::CallId id);
  void EndInboundWait(telephony::CallId id, Call& call);
  void Abandon(telephony::CallId id);
  void Finish(telephony::CallId id, AttemptOutcome outcome);
  void EndTalk(telephony::CallId id, Call& call);
  void DropCallOf(const std::string& agent_id);

  base::Clock& clock_;
  telephony::CallControl& control_;
  AgentPool& agents_;
  ContactSource& contacts_;
  Pacer& pacer_;
  DialerSettings settings_;
  bool running_ = false;
  std::optional<base::TimerId> tick_timer_;
  Acd acd_;
  std::unordered_map<telephony::CallId, Call> calls_;
  std::unordered_map<std::string, base::TimePoint> ready_since_;
  std::unordered_map<std::string, base::TimePoint> connected_at_;   // agent id -> current call
  std::unordered_map<std::string, base::TimePoint> wrap_up_since_;  // agent id -> began
  std::unordered_map<std::string, AgentCall> agent_calls_;          // agent id -> current call
  store::AttemptStore* attempts_ = nullptr;
  std::string campaign_id_;
  store::DoNotCallStore* do_not_call_ = nullptr;
  std::string do_not_call_campaign_;
  Measurements measured_;
  DialerStats stats_;
};

}  // namespace callcenter
