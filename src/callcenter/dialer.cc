#include "callcenter/dialer.h"

#include <algorithm>

#include "base/logging.h"

namespace callcenter {
namespace {

double Seconds(base::Duration duration) { return std::chrono::duration<double>(duration).count(); }

CallResult ResultOf(telephony::EndCause cause) {
  switch (cause) {
    case telephony::EndCause::kBusy:
      return CallResult::kBusy;
    case telephony::EndCause::kFailed:
      return CallResult::kFailed;
    default:
      return CallResult::kNoAnswer;
  }
}

AttemptOutcome OutcomeOf(telephony::EndCause cause) {
  switch (cause) {
    case telephony::EndCause::kBusy:
      return AttemptOutcome::kBusy;
    case telephony::EndCause::kFailed:
      return AttemptOutcome::kFailed;
    default:
      return AttemptOutcome::kNoAnswer;
  }
}

}  // namespace

Dialer::Dialer(base::Clock& clock, telephony::CallControl& control, AgentPool& agents,
               ContactSource& contacts, Pacer& pacer, DialerSettings settings)
    : clock_(clock),
      control_(control),
      agents_(agents),
      contacts_(contacts),
      pacer_(pacer),
      settings_(std::move(settings)),
      acd_(agents, clock, AcdTiers{},
           [this](telephony::CallId id, Agent& agent) { OnRouted(id, agent); }) {
  // The rule is that numbers ring at least 15 s; a shorter setting is a configuration error
  // that must not silently shorten rings.
  settings_.ring_timeout =
      std::max<base::Duration>(settings_.ring_timeout, std::chrono::seconds(15));
  control_.SetEvents(this);
  agents_.SetListener(this);
}

Dialer::~Dialer() {
  Stop();
  for (auto& [id, call] : calls_) {
    if (call.deadline) clock_.Cancel(*call.deadline);
  }
  agents_.SetListener(nullptr);
}

void Dialer::SetAttemptStore(store::AttemptStore* attempts, std::string campaign_id) {
  attempts_ = attempts;
  campaign_id_ = std::move(campaign_id);
}

void Dialer::Start() {
  if (running_) return;
  running_ = true;
  Tick();
}

void Dialer::Stop() {
  running_ = false;
  if (tick_timer_) clock_.Cancel(*tick_timer_);
  tick_timer_.reset();
}

void Dialer::Tick() {
  tick_timer_ = clock_.RunAfter(settings_.tick, [this] { Tick(); });
  if (settings_.preview) {
    PlacePreviewCalls();
    return;
  }
  int wanted = pacer_.CallsToPlace(Snapshot(), measured_);
  int placed = 0;
  for (; placed < wanted; ++placed) {
    std::optional<DialTarget> target = contacts_.Next(clock_.Now());
    if (!target) break;
    if (Place(*target) == nullptr) break;
  }
  pacer_.Placed(placed);
}

// One call per ready agent, bound to the agent who speaks the contact's language and has been
// ready the longest. The reservation outlasts the ring, so the agent is there on answer. Calls
// nobody could be bound to count against the ready agents, as in progressive dialling.
void Dialer::PlacePreviewCalls() {
  auto any = [](const Agent&) { return true; };
  int unbound = 0;
  for (const auto& [id, call] : calls_) {
    if (!call.bound && (call.phase == Phase::kRinging || call.phase == Phase::kWaiting)) ++unbound;
  }
  for (int budget = agents_.CountIn(AgentState::kReady) - unbound; budget > 0; --budget) {
    std::optional<DialTarget> target = contacts_.Next(clock_.Now());
    if (!target) return;
    Agent* agent = agents_.LongestIdleSpeaking(NeedsOf(*target).language, any);
    Call* call = Place(*target);
    if (call == nullptr) return;
    if (agent == nullptr) continue;  // nobody ready speaks it: routed on answer instead
    telephony::CallId id = call->id;
    if (!agent->Reserve(id, settings_.ring_timeout + settings_.connect_deadline).ok()) continue;
    call->bound = true;
    call->agent_id = agent->profile().id;
  }
}

PacingInput Dialer::Snapshot() const {
  PacingInput input;
  input.now = clock_.Now();
  input.abandon_target = settings_.abandon_target;
  agents_.ForEach([&](const Agent& agent) {
    switch (agent.state()) {
      case AgentState::kOffline:
        return;
      case AgentState::kReady:
        ++input.agents_ready;
        break;
      case AgentState::kPaused:
        ++input.agents_paused;
        break;
      case AgentState::kReserved:
      case AgentState::kTalking:
      case AgentState::kWrapUp: {
        auto connected = connected_at_.find(agent.profile().id);
        input.busy_elapsed.push_back(connected == connected_at_.end()
                                         ? base::Duration::zero()
                                         : input.now - connected->second);
        input.wrap_up_elapsed.push_back(
            agent.state() == AgentState::kWrapUp
                ? std::optional<base::Duration>(input.now - agent.state_since())
                : std::nullopt);
        break;
      }
    }
    ++input.agents_logged_in;
  });
  for (const auto& [id, call] : calls_) {
    if (call.phase == Phase::kRinging) input.ringing_elapsed.push_back(input.now - call.dialled);
    if (call.phase == Phase::kTalking) ++input.talking_calls;
  }
  input.waiting_calls = static_cast<int>(acd_.waiting());
  return input;
}

Dialer::Call* Dialer::Place(const DialTarget& target) {
  std::int64_t attempt_id = 0;
  if (attempts_ != nullptr) {
    store::CallAttempt attempt;
    attempt.campaign_id = campaign_id_;
    attempt.contact_id = target.contact_id;
    attempt.number = target.number;
    attempt.attempt = target.attempt;
    attempt.placed_at = clock_.Now();
    base::Result<std::int64_t> begun = attempts_->BeginAttempt(attempt);
    if (!begun.ok()) {
      // Begun already (before a restart): dialling again would call twice for one attempt.
      // Not writable: a call that is not in the journal must not be made.
      ++stats_.not_journaled;
      JS_LOG(kWarning) << "not dialling contact " << target.contact_id << ": "
                       << begun.status().ToString();
      return nullptr;
    }
    attempt_id = *begun;
  }
  telephony::CallId id =
      control_.Dial({target.number, settings_.caller_id, settings_.ring_timeout});
  Call& call = calls_[id];
  call.id = id;
  call.target = target;
  call.dialled = clock_.Now();
  call.attempt_id = attempt_id;
  ++stats_.placed;
  return &call;
}

void Dialer::OnAnswered(telephony::CallId id, telephony::AnswerKind kind) {
  auto it = calls_.find(id);
  if (it == calls_.end() || it->second.phase != Phase::kRinging) return;
  Call& call = it->second;
  base::TimePoint now = clock_.Now();
  call.answered = now;
  if (kind == telephony::AnswerKind::kMachine) {
    ++stats_.answered_machine;
    measured_.RecordResult(CallResult::kMachine, now - call.dialled);
    control_.Hangup(id);
    ReleaseBoundAgent(call);
    Finish(id, AttemptOutcome::kMachine);
    return;
  }
  ++stats_.answered_human;
  measured_.RecordResult(CallResult::kHuman, now - call.dialled);
  call.phase = Phase::kWaiting;
  Agent* bound = call.bound ? agents_.Find(call.agent_id) : nullptr;
  if (bound != nullptr && bound->state() == AgentState::kReserved && bound->call() == id) {
    Connect(id, call, *bound);
    return;
  }
  OfferToAcd(id, call);
}

CallerNeeds Dialer::NeedsOf(const DialTarget& target) const {
  CallerNeeds needs;
  needs.language = target.language.empty() ? settings_.default_language : target.language;
  needs.territory = target.seat_id.empty() ? target.state_code : target.seat_id;
  needs.callback = target.callback;
  // Within the 2-second rule there is no time to wait for a local agent: any speaker of the
  // language at once, a local one when one is ready.
  needs.tiers = AcdTiers{base::Duration::zero(), base::Duration::zero()};
  return needs;
}

void Dialer::OfferToAcd(telephony::CallId id, Call& call) {
  call.bound = false;
  base::Result<Agent*> offered = acd_.Offer(id, NeedsOf(call.target));
  if (offered.ok() && *offered != nullptr) {
    Connect(id, call, **offered);
    return;
  }
  if (!offered.ok()) {
    JS_LOG(kError) << "call " << id << ": " << offered.status().ToString();
  }
  call.deadline = clock_.RunAfter(settings_.connect_deadline, [this, id] { Abandon(id); });
}

void Dialer::OnRouted(telephony::CallId id, Agent& agent) {
  auto it = calls_.find(id);
  if (it == calls_.end() || it->second.phase != Phase::kWaiting) {
    (void)agent.EndCall();  // the call is gone: the agent's reservation ends now
    return;
  }
  Connect(id, it->second, agent);
}

std::string RecordingPath(const DialerSettings& settings, std::int64_t attempt_id,
                          telephony::CallId call) {
  std::string file =
      attempt_id != 0 ? "attempt-" + std::to_string(attempt_id) : "call-" + std::to_string(call);
  return settings.recording_directory + "/" + settings.campaign_id + "/" + file + ".wav";
}

// `agent` is reserved for the call already (by the Acd, or bound since the dial).
void Dialer::Connect(telephony::CallId id, Call& call, Agent& agent) {
  if (call.deadline) clock_.Cancel(*call.deadline);
  call.deadline.reset();
  if (settings_.record_calls && !call.consent_heard) {
    BeginConsent(id, call, agent);
    return;
  }
  if (call.phase != Phase::kConsent) NoteReached(call, clock_.Now());
  BridgeToAgent(id, call, agent);
}

// The person has reached an agent: what the 2-second rule and the pacing measure.
void Dialer::NoteReached(Call& call, base::TimePoint now) {
  if (call.inbound) {
    stats_.inbound_waits_s.push_back(Seconds(now - call.queued));
    return;
  }
  stats_.customer_waits_s.push_back(Seconds(now - call.answered));
  measured_.RecordHumanAnswer(now, /*abandoned=*/false);
}

// The agent stays reserved through the announcement: the person reached them in time, and
// is put through the moment it ends (OnPlayed -> EndConsent).
void Dialer::BeginConsent(telephony::CallId id, Call& call, Agent& agent) {
  NoteReached(call, clock_.Now());
  (void)agent.ExtendReservation(settings_.consent_hold);
  call.phase = Phase::kConsent;
  call.agent_id = agent.profile().id;
  control_.Play(id, InLanguageOf(call, settings_.consent_prompt));
}

// As the prompts are made, one per language: "call_recording_consent" -> "..._hi". The
// person's language; a caller's, the one their IVR chose or their line's.
std::string Dialer::InLanguageOf(const Call& call, const std::string& prompt) const {
  std::string language = NeedsOf(call.target).language;
  if (call.inbound) language = call.ivr ? call.ivr->prompt_language() : call.line->language;
  return prompt + "_" + language;
}

void Dialer::EndConsent(telephony::CallId id, Call& call) {
  call.consent_heard = true;
  Agent* agent = agents_.Find(call.agent_id);
  if (agent != nullptr && agent->state() == AgentState::kReserved && agent->call() == id) {
    BridgeToAgent(id, call, *agent);
    return;
  }
  // The reservation ran out (an announcement longer than consent_hold): find another agent,
  // within the deadline again; the consent is not played twice.
  call.phase = Phase::kWaiting;
  OfferToAcd(id, call);
}

void Dialer::BridgeToAgent(telephony::CallId id, Call& call, Agent& agent) {
  control_.Bridge(id, agent.profile().line);
  if (!agent.Connect().ok()) return;
  base::TimePoint now = clock_.Now();
  call.phase = Phase::kTalking;
  call.connected = now;
  call.agent_id = agent.profile().id;
  connected_at_[call.agent_id] = now;
  if (settings_.record_calls) {
    // After the Bridge, so that the recording holds both sides from the first word.
    control_.Record(id, RecordingPath(settings_, call.attempt_id, id));
    ++stats_.recorded;
  }
  if (call.inbound) {
    ++stats_.inbound_connected;
    return;
  }
  agent_calls_[call.agent_id] = AgentCall{call.target, call.attempt_id};
  ++stats_.connected;
}

void Dialer::Abandon(telephony::CallId id) {
  auto it = calls_.find(id);
  if (it == calls_.end() || it->second.phase != Phase::kWaiting) return;
  Call& call = it->second;
  call.deadline.reset();
  (void)acd_.Withdraw(id);
  call.phase = Phase::kAbandoning;
  base::TimePoint now = clock_.Now();
  ++stats_.abandoned;
  stats_.customer_waits_s.push_back(Seconds(now - call.answered));
  measured_.RecordHumanAnswer(now, /*abandoned=*/true);
  control_.Play(id, InLanguageOf(call, settings_.abandon_prompt));
}

void Dialer::OnPlayed(telephony::CallId id) {
  auto it = calls_.find(id);
  if (it == calls_.end()) return;
  if (it->second.phase == Phase::kInIvr && it->second.ivr) {
    it->second.ivr->OnPlayed();
    return;
  }
  if (it->second.phase == Phase::kConsent) {
    EndConsent(id, it->second);
    return;
  }
  if (it->second.phase == Phase::kAbandoning) control_.Hangup(id);
  // A waiting caller hears the queue message again until an agent is free.
  if (it->second.phase == Phase::kWaiting && it->second.inbound) {
    control_.Play(id, settings_.queue_prompt);
  }
}

void Dialer::OnRecordingFailed(telephony::CallId id, const std::string& reason) {
  if (!calls_.contains(id)) return;
  ++stats_.recordings_failed;
  JS_LOG(kError) << "call " << id << ": not recorded: " << reason;
}

void Dialer::OnDigit(telephony::CallId id, char digit) {
  auto it = calls_.find(id);
  if (it == calls_.end()) return;
  if (it->second.phase == Phase::kInIvr && it->second.ivr) it->second.ivr->OnDigit(digit);
  if (it->second.phase == Phase::kAbandoning) OnAbandonDigit(it->second, digit);
}

void Dialer::OnAbandonDigit(Call& call, char digit) {
  if (call.inbound || call.opted_out || settings_.abandon_opt_out_key == '\0' ||
      digit != settings_.abandon_opt_out_key) {
    return;
  }
  call.opted_out = true;
  KeepOptOut(call.target, std::string("pressed ") + digit + " during the abandon message");
}

void Dialer::OnEnded(telephony::CallId id, telephony::EndCause cause) {
  auto it = calls_.find(id);
  if (it == calls_.end()) return;
  Call& call = it->second;
  base::TimePoint now = clock_.Now();
  switch (call.phase) {
    case Phase::kRinging:
      if (cause == telephony::EndCause::kBusy) ++stats_.busy;
      if (cause == telephony::EndCause::kFailed) ++stats_.failed;
      if (cause == telephony::EndCause::kNoAnswer || cause == telephony::EndCause::kLocalHangup ||
          cause == telephony::EndCause::kRemoteHangup) {
        ++stats_.no_answer;
      }
      measured_.RecordResult(ResultOf(cause), now - call.dialled);
      ReleaseBoundAgent(call);
      Finish(id, OutcomeOf(cause));
      return;
    case Phase::kInIvr:
      // Never queued, so nothing to withdraw; the IvrCall's timers go with it.
      if (call.ivr == nullptr || !call.ivr->ended()) ++stats_.inbound_left_in_ivr;
      Finish(id, AttemptOutcome::kAbandoned);
      return;
    case Phase::kWaiting:
      if (call.inbound) {
        EndInboundWait(id, call);
        Finish(id, AttemptOutcome::kAbandoned);
        return;
      }
      // The person hung up before an agent was free: abandoned, as surely as by the deadline.
      if (call.deadline) clock_.Cancel(*call.deadline);
      (void)acd_.Withdraw(id);
      ++stats_.abandoned;
      stats_.customer_waits_s.push_back(Seconds(now - call.answered));
      measured_.RecordHumanAnswer(now, /*abandoned=*/true);
      Finish(id, AttemptOutcome::kAbandoned);
      return;
    case Phase::kConsent: {
      // They heard that the call would be recorded and hung up: the agent was theirs, not
      // abandoned; the agent is free again.
      ++stats_.left_in_consent;
      Agent* agent = agents_.Find(call.agent_id);
      if (agent != nullptr && agent->state() == AgentState::kReserved && agent->call() == id) {
        (void)agent->EndCall();
      }
      Finish(id, AttemptOutcome::kAbandoned);
      return;
    }
    case Phase::kAbandoning:
      Finish(id, AttemptOutcome::kAbandoned);
      return;
    case Phase::kTalking:
      EndTalk(id, call);
      return;
  }
}

void Dialer::EndTalk(telephony::CallId id, Call& call) {
  stats_.talk_seconds += Seconds(clock_.Now() - call.connected);
  measured_.RecordTalk(clock_.Now() - call.connected);
  Agent* agent = agents_.Find(call.agent_id);
  Finish(id, AttemptOutcome::kConnected);
  // The agent may have lost the line or timed out already; then there is nothing to end.
  if (agent != nullptr && agent->state() == AgentState::kTalking) (void)agent->EndCall();
}

void Dialer::Finish(telephony::CallId id, AttemptOutcome outcome) {
  auto it = calls_.find(id);
  if (it == calls_.end()) return;
  if (it->second.inbound) {
    calls_.erase(it);  // an inbound caller is nobody's contact: nothing to report
    return;
  }
  JournalEnd(it->second, outcome);
  DialTarget target = std::move(it->second.target);
  calls_.erase(it);
  contacts_.Report(target, outcome, clock_.Now());
}

void Dialer::OnAgentStateChanged(const Agent& agent, AgentState from, AgentChangeCause cause) {
  const std::string& id = agent.profile().id;
  base::TimePoint now = clock_.Now();
  if (cause == AgentChangeCause::kLineLost && from == AgentState::kTalking) DropCallOf(id);
  if (from == AgentState::kReady) {
    auto since = ready_since_.find(id);
    if (since != ready_since_.end()) {
      if (agent.state() == AgentState::kReserved) {
        stats_.idle_seconds += Seconds(now - since->second);
        ++stats_.idle_periods;
      }
      ready_since_.erase(since);
    }
  }
  if (from == AgentState::kWrapUp) {
    CloseWrapUp(agent);
    auto began = wrap_up_since_.find(id);
    if (began != wrap_up_since_.end()) {
      measured_.RecordWrapUp(now - began->second);
      wrap_up_since_.erase(began);
    }
  }
  if (agent.state() == AgentState::kWrapUp) wrap_up_since_[id] = now;
  if (from == AgentState::kWrapUp ||
      (from == AgentState::kTalking && agent.state() != AgentState::kWrapUp)) {
    auto connected = connected_at_.find(id);
    if (connected != connected_at_.end()) {
      measured_.RecordHandle(now - connected->second);
      acd_.RecordHandle(now - connected->second);
      connected_at_.erase(connected);
    }
  }
  if (agent.state() == AgentState::kReady) {
    ready_since_[id] = now;
    std::optional<telephony::CallId> routed = acd_.OnAgentReady(agent);
    Agent* reserved = agents_.Find(id);
    if (routed && reserved != nullptr) OnRouted(*routed, *reserved);
  }
}

// The agent's line is gone (their phone hung up, the network dropped it): the person they were
// talking to is bridged to nothing and would hear silence until they gave up. End the call; it
// ends as a talk that ran its course (OnEnded, EndTalk), the agent being offline already.
void Dialer::DropCallOf(const std::string& agent_id) {
  for (const auto& [call_id, call] : calls_) {
    if (call.phase == Phase::kTalking && call.agent_id == agent_id) {
      control_.Hangup(call_id);
      return;
    }
  }
}

// A preview call that ended unanswered (or reached a machine) frees the agent bound to it.
void Dialer::ReleaseBoundAgent(const Call& call) {
  if (!call.bound) return;
  Agent* agent = agents_.Find(call.agent_id);
  if (agent != nullptr && agent->state() == AgentState::kReserved) (void)agent->EndCall();
}

void Dialer::OnTalkTimedOut(const Agent& /*agent*/, telephony::CallId call) {
  control_.Hangup(call);
}

}  // namespace callcenter
