#include "callcenter/helpline_recorder.h"

#include <utility>

namespace callcenter {

HelplineRecorder::HelplineRecorder(telephony::CallControl& inner, const base::Clock& clock,
                                   const AgentPool& agents,
                                   std::map<std::string, RecordedLine> lines,
                                   std::string queue_prompt, Sink sink, QueuedFn is_queued)
    : inner_(inner),
      clock_(clock),
      agents_(agents),
      lines_(std::move(lines)),
      queue_prompt_(std::move(queue_prompt)),
      sink_(std::move(sink)),
      is_queued_(std::move(is_queued)) {}

void HelplineRecorder::SetEvents(telephony::CallEvents* events) {
  events_ = events;
  inner_.SetEvents(events == nullptr ? nullptr : this);
}

telephony::CallId HelplineRecorder::Dial(const telephony::DialRequest& request) {
  return inner_.Dial(request);
}

void HelplineRecorder::Accept(telephony::CallId call) {
  if (Followed* followed = Find(call); followed != nullptr && !followed->record.answered_at) {
    followed->record.answered_at = clock_.Now();
  }
  inner_.Accept(call);
}

void HelplineRecorder::Bridge(telephony::CallId call, const std::string& agent_line) {
  if (Followed* followed = Find(call); followed != nullptr) {
    StopWaiting(*followed);
    followed->record.connected_at = clock_.Now();
    followed->record.agent_id = AgentOf(call);
  }
  inner_.Bridge(call, agent_line);
}

void HelplineRecorder::Play(telephony::CallId call, const std::string& prompt) {
  Followed* followed = Find(call);
  if (followed != nullptr && prompt == queue_prompt_ && !followed->in_queue &&
      !followed->record.connected_at && (!is_queued_ || is_queued_(call))) {
    followed->waited = true;
    followed->in_queue = true;
    ++waiting_;
  }
  inner_.Play(call, prompt);
}

void HelplineRecorder::Hangup(telephony::CallId call) { inner_.Hangup(call); }

void HelplineRecorder::OnAnswered(telephony::CallId call, telephony::AnswerKind kind) {
  if (events_ != nullptr) events_->OnAnswered(call, kind);
}

// The record is written before the Dialer hears of the end, so that it is written even if the
// Dialer drives more calls from inside its handler.
void HelplineRecorder::OnEnded(telephony::CallId call, telephony::EndCause cause) {
  auto it = calls_.find(call);
  if (it != calls_.end()) {
    Followed followed = std::move(it->second);
    calls_.erase(it);
    StopWaiting(followed);
    followed.record.ended_at = clock_.Now();
    followed.record.outcome = OutcomeOf(followed);
    sink_(followed.record);
  }
  if (events_ != nullptr) events_->OnEnded(call, cause);
}

void HelplineRecorder::OnPlayed(telephony::CallId call) {
  if (events_ != nullptr) events_->OnPlayed(call);
}

void HelplineRecorder::Record(telephony::CallId call, const std::string& wav_path) {
  if (Followed* followed = Find(call)) followed->record.recording = wav_path;
  inner_.Record(call, wav_path);
}

void HelplineRecorder::StopRecording(telephony::CallId call) { inner_.StopRecording(call); }

void HelplineRecorder::OnRecordingFailed(telephony::CallId call, const std::string& reason) {
  if (events_ != nullptr) events_->OnRecordingFailed(call, reason);
}

void HelplineRecorder::OnDigit(telephony::CallId call, char digit) {
  if (events_ != nullptr) events_->OnDigit(call, digit);
}

void HelplineRecorder::OnIncoming(telephony::CallId call, const telephony::IncomingCall& incoming) {
  if (auto line = lines_.find(incoming.to); line != lines_.end()) {
    Followed& followed = calls_[call];
    followed.has_flow = line->second.has_flow;
    store::CallRecord& record = followed.record;
    record.direction = "inbound";
    record.kind = "helpline";
    record.from = incoming.from;
    record.to = incoming.to;
    record.state = line->second.state;
    record.language = line->second.language;
    record.started_at = clock_.Now();
  }
  if (events_ != nullptr) events_->OnIncoming(call, incoming);
}

HelplineRecorder::Followed* HelplineRecorder::Find(telephony::CallId call) {
  auto it = calls_.find(call);
  return it == calls_.end() ? nullptr : &it->second;
}

// The agent the dialer reserved for the call: bridging comes right after the reservation.
std::string HelplineRecorder::AgentOf(telephony::CallId call) const {
  std::string id;
  agents_.ForEach([&](Agent& agent) {
    if (id.empty() && agent.call() == call) id = agent.profile().id;
  });
  return id;
}

void HelplineRecorder::StopWaiting(Followed& followed) {
  if (!followed.in_queue) return;
  followed.in_queue = false;
  --waiting_;
}

std::string HelplineRecorder::OutcomeOf(const Followed& followed) {
  const store::CallRecord& record = followed.record;
  if (record.connected_at) return "talked";
  if (!record.answered_at) return "refused";
  if (followed.waited) return "abandoned";
  return followed.has_flow ? "left_in_ivr" : "abandoned";
}

}  // namespace callcenter
