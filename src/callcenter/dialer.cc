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

std::string_view AttemptOutcomeName(AttemptOutcome outcome) {
  switch (outcome) {
    case AttemptOutcome::kConnected:
      return "connected";
    case AttemptOutcome::kAbandoned:
      return "abandoned";
    case AttemptOutcome::kMachine:
      return "machine";
    case AttemptOutcome::kBusy:
      return "busy";
    case AttemptOutcome::kNoAnswer:
      return "no answer";
    case AttemptOutcome::kFailed:
      return "failed";
  }
  return "unknown";
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
      settings_(std::move(settings)) {
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
  int wanted = pacer_.CallsToPlace(Snapshot(), measured_);
  for (int i = 0; i < wanted; ++i) {
    std::optional<DialTarget> target = contacts_.Next(clock_.Now());
    if (!target) break;
    if (!Place(*target)) break;
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
        break;
      }
    }
    ++input.agents_logged_in;
  });
  for (const auto& [id, call] : calls_) {
    if (call.phase == Phase::kRinging) input.ringing_elapsed.push_back(input.now - call.dialled);
    if (call.phase == Phase::kTalking) ++input.talking_calls;
  }
  input.waiting_calls = static_cast<int>(waiting_.size());
  return input;
}

bool Dialer::Place(const DialTarget& target) {
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
      return false;
    }
    attempt_id = *begun;
  }
  telephony::CallId id =
      control_.Dial({target.number, settings_.caller_id, settings_.ring_timeout});
  Call& call = calls_[id];
  call.target = target;
  call.dialled = clock_.Now();
  call.attempt_id = attempt_id;
  ++stats_.placed;
  return true;
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
    Finish(id, AttemptOutcome::kMachine);
    return;
  }
  ++stats_.answered_human;
  measured_.RecordResult(CallResult::kHuman, now - call.dialled);
  call.phase = Phase::kWaiting;
  if (ConnectToAgent(id, call)) return;
  waiting_.push_back(id);
  call.deadline = clock_.RunAfter(settings_.connect_deadline, [this, id] { Abandon(id); });
}

bool Dialer::ConnectToAgent(telephony::CallId id, Call& call) {
  Agent* agent = agents_.LongestIdle([](const Agent&) { return true; });
  if (agent == nullptr) return false;
  // Reserve first: the agent leaves the ready index before anything else can pick it.
  if (!agent->Reserve(id).ok()) return false;
  control_.Bridge(id, agent->profile().line);
  if (!agent->Connect().ok()) return false;
  base::TimePoint now = clock_.Now();
  if (call.deadline) clock_.Cancel(*call.deadline);
  call.deadline.reset();
  call.phase = Phase::kTalking;
  call.connected = now;
  call.agent_id = agent->profile().id;
  connected_at_[call.agent_id] = now;
  if (call.attempt_id != 0) agent_attempt_[call.agent_id] = call.attempt_id;
  ++stats_.connected;
  stats_.customer_waits_s.push_back(Seconds(now - call.answered));
  measured_.RecordHumanAnswer(now, /*abandoned=*/false);
  return true;
}

void Dialer::ServeWaitingCalls() {
  while (!waiting_.empty()) {
    telephony::CallId id = waiting_.front();
    auto it = calls_.find(id);
    if (it == calls_.end() || it->second.phase != Phase::kWaiting) {
      waiting_.pop_front();
      continue;
    }
    if (!ConnectToAgent(id, it->second)) return;
    waiting_.pop_front();
  }
}

void Dialer::Abandon(telephony::CallId id) {
  auto it = calls_.find(id);
  if (it == calls_.end() || it->second.phase != Phase::kWaiting) return;
  Call& call = it->second;
  call.deadline.reset();
  call.phase = Phase::kAbandoning;
  base::TimePoint now = clock_.Now();
  ++stats_.abandoned;
  stats_.customer_waits_s.push_back(Seconds(now - call.answered));
  measured_.RecordHumanAnswer(now, /*abandoned=*/true);
  control_.Play(id, settings_.abandon_prompt);
}

void Dialer::OnPlayed(telephony::CallId id) {
  auto it = calls_.find(id);
  if (it != calls_.end() && it->second.phase == Phase::kAbandoning) control_.Hangup(id);
}

void Dialer::OnDigit(telephony::CallId /*call*/, char /*digit*/) {}

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
      Finish(id, OutcomeOf(cause));
      return;
    case Phase::kWaiting:
      // The person hung up before an agent was free: abandoned, as surely as by the deadline.
      if (call.deadline) clock_.Cancel(*call.deadline);
      ++stats_.abandoned;
      stats_.customer_waits_s.push_back(Seconds(now - call.answered));
      measured_.RecordHumanAnswer(now, /*abandoned=*/true);
      Finish(id, AttemptOutcome::kAbandoned);
      return;
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
  Agent* agent = agents_.Find(call.agent_id);
  Finish(id, AttemptOutcome::kConnected);
  // The agent may have lost the line or timed out already; then there is nothing to end.
  if (agent != nullptr && agent->state() == AgentState::kTalking) (void)agent->EndCall();
}

void Dialer::Finish(telephony::CallId id, AttemptOutcome outcome) {
  auto it = calls_.find(id);
  if (it == calls_.end()) return;
  JournalEnd(it->second, outcome);
  DialTarget target = std::move(it->second.target);
  calls_.erase(it);
  contacts_.Report(target, outcome, clock_.Now());
}

void Dialer::OnAgentStateChanged(const Agent& agent, AgentState from, AgentChangeCause /*cause*/) {
  const std::string& id = agent.profile().id;
  base::TimePoint now = clock_.Now();
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
  if (from == AgentState::kWrapUp) JournalDisposition(agent);
  if (from == AgentState::kWrapUp ||
      (from == AgentState::kTalking && agent.state() != AgentState::kWrapUp)) {
    auto connected = connected_at_.find(id);
    if (connected != connected_at_.end()) {
      measured_.RecordHandle(now - connected->second);
      connected_at_.erase(connected);
    }
  }
  if (agent.state() == AgentState::kReady) {
    ready_since_[id] = now;
    ServeWaitingCalls();
  }
}

void Dialer::JournalEnd(const Call& call, AttemptOutcome outcome) {
  if (attempts_ == nullptr || call.attempt_id == 0) return;
  base::Status ended =
      attempts_->EndAttempt(call.attempt_id, AttemptOutcomeName(outcome), clock_.Now());
  if (!ended.ok()) {
    ++stats_.not_journaled;
    JS_LOG(kError) << "attempt " << call.attempt_id << " ended unrecorded: " << ended.ToString();
  }
}

void Dialer::JournalDisposition(const Agent& agent) {
  auto it = agent_attempt_.find(agent.profile().id);
  if (attempts_ == nullptr || it == agent_attempt_.end()) return;
  base::Status disposed =
      attempts_->DisposeAttempt(it->second, agent.last_disposition(), agent.profile().id);
  if (!disposed.ok()) {
    ++stats_.not_journaled;
    JS_LOG(kError) << "disposition of attempt " << it->second
                   << " unrecorded: " << disposed.ToString();
  }
  agent_attempt_.erase(it);
}

void Dialer::OnTalkTimedOut(const Agent& /*agent*/, telephony::CallId call) {
  control_.Hangup(call);
}

}  // namespace callcenter
