#include "callcenter/call_control_mux.h"

#include <cassert>
#include <utility>

#include "base/logging.h"

namespace callcenter {

class CallControlMux::View : public telephony::CallControl {
 public:
  explicit View(CallControlMux& mux) : mux_(mux) {}

  void SetEvents(telephony::CallEvents* events) override { events_ = events; }

  // The owner is recorded before any event can arrive: events come later, on the Clock's
  // thread, never from inside Dial.
  telephony::CallId Dial(const telephony::DialRequest& request) override {
    telephony::CallId call = mux_.network_.Dial(request);
    if (call != 0) mux_.owners_[call] = this;
    return call;
  }
  void Accept(telephony::CallId call) override { mux_.network_.Accept(call); }
  void Bridge(telephony::CallId call, const std::string& agent_line) override {
    mux_.network_.Bridge(call, agent_line);
  }
  void Play(telephony::CallId call, const std::string& prompt) override {
    mux_.network_.Play(call, prompt);
  }
  void Hangup(telephony::CallId call) override { mux_.network_.Hangup(call); }
  void Record(telephony::CallId call, const std::string& wav_path) override {
    mux_.network_.Record(call, wav_path);
  }
  void StopRecording(telephony::CallId call) override { mux_.network_.StopRecording(call); }

  telephony::CallEvents* events() const { return events_; }

 private:
  CallControlMux& mux_;
  telephony::CallEvents* events_ = nullptr;
};

CallControlMux::CallControlMux(telephony::CallControl& network) : network_(network) {
  network_.SetEvents(this);
}

CallControlMux::~CallControlMux() = default;

telephony::CallControl& CallControlMux::NewView() {
  views_.push_back(std::make_unique<View>(*this));
  return *views_.back();
}

void CallControlMux::RouteIncomingTo(telephony::CallControl& view) {
  for (const auto& mine : views_) {
    if (mine.get() == &view) {
      incoming_view_ = mine.get();
      return;
    }
  }
  assert(false && "RouteIncomingTo: not a view of this mux");
}

telephony::CallEvents* CallControlMux::OwnerOf(telephony::CallId call) const {
  auto it = owners_.find(call);
  return it == owners_.end() ? nullptr : it->second->events();
}

void CallControlMux::OnAnswered(telephony::CallId call, telephony::AnswerKind kind) {
  if (telephony::CallEvents* owner = OwnerOf(call)) owner->OnAnswered(call, kind);
}

// The call is forgotten before its owner hears of the end, so that whatever the owner does
// from the callback (dial again, and get this id back from a network that reuses ids) starts
// afresh.
void CallControlMux::OnEnded(telephony::CallId call, telephony::EndCause cause) {
  telephony::CallEvents* owner = OwnerOf(call);
  owners_.erase(call);
  if (owner != nullptr) owner->OnEnded(call, cause);
}

void CallControlMux::OnPlayed(telephony::CallId call) {
  if (telephony::CallEvents* owner = OwnerOf(call)) owner->OnPlayed(call);
}

void CallControlMux::OnRecordingFailed(telephony::CallId call, const std::string& reason) {
  if (telephony::CallEvents* owner = OwnerOf(call)) owner->OnRecordingFailed(call, reason);
}

void CallControlMux::OnDigit(telephony::CallId call, char digit) {
  if (telephony::CallEvents* owner = OwnerOf(call)) owner->OnDigit(call, digit);
}

// A caller left ringing with nobody to answer would ring until the network gives up: refuse
// at once instead. Its OnEnded then finds no owner and is dropped.
void CallControlMux::OnIncoming(telephony::CallId call, const telephony::IncomingCall& incoming) {
  if (incoming_view_ == nullptr || incoming_view_->events() == nullptr) {
    JS_LOG(kWarning) << "call " << call << " to " << incoming.to
                     << ": no view takes incoming calls; refused";
    network_.Hangup(call);
    return;
  }
  owners_[call] = incoming_view_;
  incoming_view_->events()->OnIncoming(call, incoming);
}

}  // namespace callcenter
