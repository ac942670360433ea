#pragma once

#include <string>

#include "telephony/call_control.h"

namespace callcenter {

// A CallControl that passes every command through to `inner` and, when a call is bridged to an
// agent line that is a phone leg (the decimal CallId of an open call, as AgentPhones and
// SipCallControl write it), plays `prompt` on that leg right after the Bridge: the agent, who
// keeps their phone at their ear between customers, hears a short beep as each customer comes
// in. The media engine gives a prompt on a bridged leg the floor over the forwarded audio until
// it ends, so the customer's first words follow the beep. Lines that are not call ids (a
// softphone's, the test lines "line-a1") get no beep.
//
// The Dialer's CallControl goes through this. OnPlayed for the beep is reported to whoever
// owns the agent leg (AgentPhones, through the CallControlMux), not to the Dialer. SetEvents
// sets `inner`'s events. `inner` must outlive this object. Single-threaded, like `inner`.
class BeepOnBridge : public telephony::CallControl {
 public:
  explicit BeepOnBridge(telephony::CallControl& inner, std::string prompt = "beep");

  void SetEvents(telephony::CallEvents* events) override { inner_.SetEvents(events); }
  telephony::CallId Dial(const telephony::DialRequest& request) override {
    return inner_.Dial(request);
  }
  void Accept(telephony::CallId call) override { inner_.Accept(call); }
  void Bridge(telephony::CallId call, const std::string& agent_line) override;
  void Play(telephony::CallId call, const std::string& prompt) override {
    inner_.Play(call, prompt);
  }
  void Hangup(telephony::CallId call) override { inner_.Hangup(call); }
  void Record(telephony::CallId call, const std::string& wav_path) override {
    inner_.Record(call, wav_path);
  }
  void StopRecording(telephony::CallId call) override { inner_.StopRecording(call); }

 private:
  telephony::CallControl& inner_;
  std::string prompt_;
};

}  // namespace callcenter
