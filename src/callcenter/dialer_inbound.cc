// Inbound calls of a helpline or blended campaign: answered, taken through their line's IVR
// flow if it has one (dialer_ivr.cc), queued at the Acd by the language (the caller's choice,
// else the line's) and the line's territory, and put through to an agent, or let go after the
// longest wait.
#include <algorithm>

#include "base/logging.h"
#include "callcenter/dialer.h"

namespace callcenter {
namespace {

double Seconds(base::Duration duration) { return std::chrono::duration<double>(duration).count(); }

}  // namespace

void Dialer::OnIncoming(telephony::CallId id, const telephony::IncomingCall& incoming) {
  const std::vector<InboundLine>& lines = settings_.inbound_lines;
  auto line = std::find_if(lines.begin(), lines.end(),
                           [&](const InboundLine& l) { return l.number == incoming.to; });
  if (line == lines.end() || calls_.contains(id)) {
    ++stats_.inbound_refused;
    control_.Hangup(id);
    return;
  }
  control_.Accept(id);
  Call& call = calls_[id];
  call.id = id;
  call.inbound = true;
  call.target.number = incoming.from;
  call.answered = clock_.Now();
  call.line = &*line;
  if (line->flow) {
    StartIvr(id, call);  // dialer_ivr.cc; queued when the flow says so
    return;
  }
  QueueInbound(id, call, line->language);
}

// The caller joins the queue of `language` with their line's fallback and territory, and is
// put through at once if an agent is free.
void Dialer::QueueInbound(telephony::CallId id, Call& call, const std::string& language) {
  call.phase = Phase::kWaiting;
  call.queued = clock_.Now();
  ++stats_.inbound_offered;
  CallerNeeds needs{language, call.line->fallback_language, call.line->territory, false,
                    settings_.inbound_tiers};
  base::Result<Agent*> offered = acd_.Offer(id, std::move(needs));
  if (offered.ok() && *offered != nullptr) {
    Connect(id, call, **offered);
    return;
  }
  if (!offered.ok()) {
    JS_LOG(kError) << "inbound call " << id << ": " << offered.status().ToString();
  }
  control_.Play(id, settings_.queue_prompt);
  call.deadline = clock_.RunAfter(settings_.max_queue_wait, [this, id] { LetInboundCallerGo(id); });
}

// Nobody was free for the longest wait a caller is asked to bear: say so and end the call.
void Dialer::LetInboundCallerGo(telephony::CallId id) {
  auto it = calls_.find(id);
  if (it == calls_.end() || it->second.phase != Phase::kWaiting) return;
  it->second.deadline.reset();
  EndInboundWait(id, it->second);
  it->second.phase = Phase::kAbandoning;
  control_.Play(id, settings_.closed_prompt);
}

// The caller leaves the queue without reaching an agent (hung up, or let go).
void Dialer::EndInboundWait(telephony::CallId id, Call& call) {
  if (call.deadline) clock_.Cancel(*call.deadline);
  call.deadline.reset();
  (void)acd_.Withdraw(id);
  ++stats_.inbound_abandoned;
  stats_.inbound_waits_s.push_back(Seconds(clock_.Now() - call.queued));
}

base::Result<int> Dialer::QueuePosition(telephony::CallId call) const {
  return acd_.Position(call);
}

base::Result<base::Duration> Dialer::ExpectedWait(telephony::CallId call) const {
  return acd_.ExpectedWait(call);
}

}  // namespace callcenter
