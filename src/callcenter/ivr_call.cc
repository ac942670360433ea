#include "callcenter/ivr_call.h"

#include <cassert>
#include <utility>

#include "base/logging.h"
#include "telephony/ivr/overloaded.h"

namespace callcenter {

using telephony::ivr::Action;

IvrCall::IvrCall(base::Clock& clock, telephony::CallControl& control, telephony::CallId call,
                 std::shared_ptr<const telephony::ivr::Flow> flow, std::string default_language,
                 Callbacks callbacks)
    : clock_(clock),
      control_(control),
      call_(call),
      flow_(std::move(flow)),
      session_(*flow_),
      default_language_(std::move(default_language)),
      callbacks_(std::move(callbacks)) {}

IvrCall::~IvrCall() { CancelTimer(); }

void IvrCall::Start() { Carry(session_.Start()); }

void IvrCall::OnPlayed() { Carry(session_.OnPlayed()); }

void IvrCall::OnDigit(char digit) { Carry(session_.OnDigit(digit)); }

const std::string& IvrCall::prompt_language() const {
  return session_.language().empty() ? default_language_ : session_.language();
}

void IvrCall::OnTimeout() {
  timer_.reset();
  Carry(session_.OnTimeout());
}

void IvrCall::CancelTimer() {
  if (timer_) clock_.Cancel(*timer_);
  timer_.reset();
}

bool IvrCall::StartRecording(const telephony::ivr::StartRecording& recording) {
  if (!callbacks_.recording_path) {
    JS_LOG(kWarning) << "call " << call_ << ": IVR step " << session_.step()
                     << " asks for a recording of up to " << recording.max.count()
                     << " s, and this line has nowhere to record; going on without one";
    return false;
  }
  std::string path = callbacks_.recording_path(session_.step());
  control_.Record(call_, path);
  recordings_.push_back(std::move(path));
  recording_ = true;
  timer_ = clock_.RunAfter(recording.max, [this] { OnTimeout(); });
  return true;
}

void IvrCall::StopRecording() {
  if (!recording_) return;
  recording_ = false;
  control_.StopRecording(call_);
}

void IvrCall::Carry(Action action) {
  // A recording with nowhere to go ends at once, which can lead to another recording, hence
  // the loop. Flow::Make forbids loops that never wait for the caller, and every record step
  // waits for a timeout, so this ends.
  while (true) {
    // Continue keeps what the call is doing, a running digit timer included: a key the flow
    // ignores ('*' while collecting) must not stop the caller from timing out.
    if (std::holds_alternative<telephony::ivr::Continue>(action)) return;
    CancelTimer();
    StopRecording();  // a key or the longest time ended it; the flow moves on
    if (const auto* recording = std::get_if<telephony::ivr::StartRecording>(&action)) {
      if (StartRecording(*recording)) return;
      action = session_.OnTimeout();
      continue;
    }
    break;
  }
  std::visit(telephony::ivr::Overloaded{
                 [&](const telephony::ivr::PlayPrompt& play) {
                   control_.Play(call_, play.name + "_" + prompt_language());
                 },
                 [&](const telephony::ivr::WaitForDigits& wait) {
                   timer_ = clock_.RunAfter(wait.timeout, [this] { OnTimeout(); });
                 },
                 [&](const telephony::ivr::RouteToQueue& queue) {
                   // The callback may destroy this object, and with it callbacks_: call a
                   // copy. `queue` lives in `action`, a local.
                   auto on_queue = callbacks_.on_queue;
                   if (on_queue) on_queue(queue);
                 },
                 [&](const telephony::ivr::Hangup&) {
                   auto on_hangup = callbacks_.on_hangup;
                   if (on_hangup) on_hangup();
                 },
                 [](const telephony::ivr::StartRecording&) { assert(false); },
                 [](const telephony::ivr::Continue&) {},
             },
             action);
}

}  // namespace callcenter
