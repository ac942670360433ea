#include "telephony/sim/simulated_telephony.h"

#include <cassert>
#include <utility>

namespace telephony::sim {

SimulatedTelephony::SimulatedTelephony(base::Clock& clock, WorldParams params)
    : clock_(clock), params_(std::move(params)) {
  assert(Validate(params_).ok() && "WorldParams must be valid");
  if (params_.inbound_per_hour > 0) ScheduleArrival();
}

// Timers capture `this`; none may fire after we are gone.
SimulatedTelephony::~SimulatedTelephony() {
  CancelTimer(arrival_timer_);
  for (auto& [id, call] : calls_) {
    CancelTimer(call.life_timer);
    CancelTimer(call.prompt_timer);
  }
}

void SimulatedTelephony::SetEvents(CallEvents* events) { events_ = events; }

CallId SimulatedTelephony::Dial(const DialRequest& request) {
  assert(events_ != nullptr && "SetEvents() comes before the first command");
  CallId id = next_id_++;
  int attempt = ++attempts_[request.number];
  Call& call = calls_[id];
  call.fate = WithinRingTimeout(FateOf(params_, request.number, attempt), request.ring_timeout);
  call.life_timer = After(call.fate.delay, id, &SimulatedTelephony::RingOutcome);
  ++counters_.dialled;
  return id;
}

void SimulatedTelephony::StopArrivals() { CancelTimer(arrival_timer_); }

void SimulatedTelephony::ScheduleArrival() {
  base::Duration gap = InboundCallerFate(params_, callers_ + 1).gap;
  arrival_timer_ = clock_.RunAfter(gap, [this] { Arrive(); });
}

void SimulatedTelephony::Arrive() {
  arrival_timer_ = 0;
  CallerFate caller = InboundCallerFate(params_, ++callers_);
  ScheduleArrival();
  if (events_ == nullptr) return;  // nobody to ring yet: this caller tries another day
  CallId id = next_id_++;
  Call& call = calls_[id];
  call.inbound = true;
  call.phase = Phase::kOffered;
  call.fate.kind = FateKind::kHuman;
  call.fate.talk_time = caller.talk_time;
  call.fate.patience = caller.queue_patience;
  call.life_timer = After(params_.inbound_ring, id, &SimulatedTelephony::RemoteHangup);
  ++counters_.incoming;
  events_->OnIncoming(id, {caller.from, params_.inbound_number});
}

// The caller is answered and starts holding for an agent.
void SimulatedTelephony::Accept(CallId id) {
  Call* call = Live(id);
  if (call == nullptr || call->phase != Phase::kOffered) return;
  CancelTimer(call->life_timer);
  call->phase = Phase::kWaiting;
  call->patience_left = call->fate.patience;
  StartWaiting(id, *call);
}

void SimulatedTelephony::Bridge(CallId id, const std::string& /*agent_line*/) {
  Call* call = Live(id);
  if (call == nullptr || call->phase == Phase::kRinging || call->phase == Phase::kOffered ||
      call->phase == Phase::kBridged) {
    return;
  }
  CancelTimer(call->prompt_timer);
  if (call->phase == Phase::kMachine) return;  // the machine goes on to its own hang-up
  CancelTimer(call->life_timer);
  call->phase = Phase::kBridged;
  call->talk_ends = clock_.Now() + call->fate.talk_time;
  call->life_timer = After(call->fate.talk_time, id, &SimulatedTelephony::RemoteHangup);
}

std::optional<base::TimePoint> SimulatedTelephony::PlannedEnd(CallId id) const {
  auto it = calls_.find(id);
  if (it == calls_.end() || it->second.phase != Phase::kBridged) return std::nullopt;
  return it->second.talk_ends;
}

void SimulatedTelephony::Play(CallId id, const std::string& /*prompt*/) {
  Call* call = Live(id);
  if (call == nullptr || call->phase == Phase::kRinging || call->phase == Phase::kOffered) return;
  CancelTimer(call->prompt_timer);
  // A caller holding in a queue hears its messages and keeps counting the wait.
  if (call->phase == Phase::kWaiting && !call->inbound) PauseWaiting(*call);
  call->prompt_timer = After(params_.prompt_length, id, &SimulatedTelephony::PromptDone);
}

void SimulatedTelephony::Record(CallId id, const std::string& wav_path) {
  Call* call = Live(id);
  if (call == nullptr || call->phase == Phase::kRinging || call->phase == Phase::kOffered) return;
  call->recording = wav_path;
  ++counters_.recordings;
}

void SimulatedTelephony::StopRecording(CallId id) {
  if (Call* call = Live(id)) call->recording.reset();
}

std::optional<std::string> SimulatedTelephony::RecordingOf(CallId id) const {
  auto it = calls_.find(id);
  if (it == calls_.end() || it->second.phase == Phase::kHangingUp) return std::nullopt;
  return it->second.recording;
}

// Reported from a timer: CallEvents are never called from inside a command.
void SimulatedTelephony::Hangup(CallId id) {
  Call* call = Live(id);
  if (call == nullptr) return;
  CancelTimer(call->life_timer);
  CancelTimer(call->prompt_timer);
  call->phase = Phase::kHangingUp;
  call->life_timer = After(base::Duration::zero(), id, &SimulatedTelephony::LocalHangup);
}

SimulatedTelephony::Call* SimulatedTelephony::Live(CallId id) {
  auto it = calls_.find(id);
  if (it == calls_.end() || it->second.phase == Phase::kHangingUp) return nullptr;
  return &it->second;
}

base::TimerId SimulatedTelephony::After(base::Duration delay, CallId id, Step step) {
  return clock_.RunAfter(delay, [this, id, step] { (this->*step)(id); });
}

void SimulatedTelephony::CancelTimer(base::TimerId& timer) {
  if (timer != 0) clock_.Cancel(timer);
  timer = 0;
}

void SimulatedTelephony::RingOutcome(CallId id) {
  Call& call = calls_.at(id);
  call.life_timer = 0;
  switch (call.fate.kind) {
    case FateKind::kHuman:
    case FateKind::kMachine:
      return Answer(id, call);
    case FateKind::kBusy:
      return End(id, EndCause::kBusy);
    case FateKind::kFailed:
      return End(id, EndCause::kFailed);
    case FateKind::kNoAnswer:
      return End(id, EndCause::kNoAnswer);
  }
}

// The state moves before the event goes out, so that commands from inside OnAnswered see it.
void SimulatedTelephony::Answer(CallId id, Call& call) {
  if (call.fate.kind == FateKind::kHuman) {
    call.phase = Phase::kWaiting;
    call.patience_left = call.fate.patience;
    StartWaiting(id, call);
    ++counters_.answered_human;
    events_->OnAnswered(id, AnswerKind::kHuman);
    return;
  }
  call.phase = Phase::kMachine;
  call.life_timer = After(call.fate.machine_hangup, id, &SimulatedTelephony::RemoteHangup);
  ++counters_.answered_machine;
  events_->OnAnswered(id, AnswerKind::kMachine);
}

void SimulatedTelephony::StartWaiting(CallId id, Call& call) {
  call.waiting_since = clock_.Now();
  call.life_timer = After(call.patience_left, id, &SimulatedTelephony::RemoteHangup);
}

// A person listening to a prompt is not waiting: the patience clock stops until it ends.
void SimulatedTelephony::PauseWaiting(Call& call) {
  if (call.life_timer == 0) return;  // already paused by an earlier prompt
  CancelTimer(call.life_timer);
  call.patience_left -= clock_.Now() - call.waiting_since;
}

void SimulatedTelephony::PromptDone(CallId id) {
  Call& call = calls_.at(id);
  call.prompt_timer = 0;
  if (call.phase == Phase::kWaiting && !call.inbound) StartWaiting(id, call);
  events_->OnPlayed(id);
}

void SimulatedTelephony::RemoteHangup(CallId id) { End(id, EndCause::kRemoteHangup); }

void SimulatedTelephony::LocalHangup(CallId id) { End(id, EndCause::kLocalHangup); }

// The call is gone before the event goes out: commands from inside OnEnded are ignored.
void SimulatedTelephony::End(CallId id, EndCause cause) {
  auto it = calls_.find(id);
  assert(it != calls_.end() && "a call ends once");
  CancelTimer(it->second.life_timer);
  CancelTimer(it->second.prompt_timer);
  calls_.erase(it);
  Count(cause);
  events_->OnEnded(id, cause);
}

void SimulatedTelephony::Count(EndCause cause) {
  switch (cause) {
    case EndCause::kBusy:
      ++counters_.busy;
      return;
    case EndCause::kNoAnswer:
      ++counters_.no_answer;
      return;
    case EndCause::kFailed:
      ++counters_.failed;
      return;
    case EndCause::kRemoteHangup:
      ++counters_.remote_hangups;
      return;
    case EndCause::kLocalHangup:
      ++counters_.local_hangups;
      return;
  }
}

}  // namespace telephony::sim
