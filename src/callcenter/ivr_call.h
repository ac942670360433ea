#pragma once

#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "base/clock.h"
#include "telephony/call_control.h"
#include "telephony/ivr/action.h"
#include "telephony/ivr/flow.h"
#include "telephony/ivr/ivr_session.h"

namespace callcenter {

// Drives one answered call through an IVR flow (docs/ivr.md): carries out each action of its
// telephony::ivr::IvrSession over CallControl and owns the timers the session asks for.
//   PlayPrompt{name}   -> control.Play(call, name + "_" + language): the caller's language once
//                         a language step chose one, before that `default_language` (the
//                         line's), so "welcome" is played as "welcome_hi" (data/prompts/).
//   WaitForDigits      -> a clock timer of the timeout; OnTimeout() when it runs out. Any
//                         action after it (a key that counts, a replay) replaces the timer.
//   StartRecording     -> control.Record(call, callbacks.recording_path(step)) and a clock
//                         timer of `max`; the recording ends (StopRecording) at the timer or
//                         at any key ('#' by convention), and the flow goes on. Without a
//                         recording_path the step records nothing: it is taken as a recording
//                         that reached its longest at once (logged).
//   RouteToQueue       -> callbacks.on_queue; Hangup -> callbacks.on_hangup. The flow has
//                         ended; the owner hangs up or queues the call. Either callback may
//                         destroy this IvrCall: nothing of it is used after they return.
// The owner feeds it OnPlayed() and OnDigit() of its call. Single-threaded: everything runs on
// the Clock's thread. No timer of it fires after it is destroyed.
class IvrCall {
 public:
  struct Callbacks {
    std::function<void(const telephony::ivr::RouteToQueue&)> on_queue;
    std::function<void()> on_hangup;
    // Where the record step `step` records this call; empty: record steps record nothing.
    std::function<std::string(const std::string& step)> recording_path;
  };

  // `clock` and `control` must outlive it; `flow` is shared and kept alive by it.
  IvrCall(base::Clock& clock, telephony::CallControl& control, telephony::CallId call,
          std::shared_ptr<const telephony::ivr::Flow> flow, std::string default_language,
          Callbacks callbacks);
  ~IvrCall();
  IvrCall(const IvrCall&) = delete;
  IvrCall& operator=(const IvrCall&) = delete;

  // Begins the flow on the answered call. Call once.
  void Start();
  // The prompt last played finished (CallEvents::OnPlayed of this call).
  void OnPlayed();
  // A key from the caller (CallEvents::OnDigit of this call).
  void OnDigit(char digit);

  telephony::CallId call() const { return call_; }
  // The language the caller chose; empty when no language step was reached.
  const std::string& chosen_language() const { return session_.language(); }
  // The language prompts are played in now: the chosen one, else the default.
  const std::string& prompt_language() const;
  // Answers of collect and survey steps (IvrSession::answers).
  const std::map<std::string, std::string>& answers() const { return session_.answers(); }
  // The step the caller is at, or ended at.
  const std::string& step() const { return session_.step(); }
  bool ended() const { return session_.ended(); }
  // The files record steps have recorded to (asked CallControl to), in order.
  const std::vector<std::string>& recordings() const { return recordings_; }

 private:
  // Carries out `action` and whatever follows from it at once.
  void Carry(telephony::ivr::Action action);
  void OnTimeout();
  void CancelTimer();
  // Starts the recording; false when there is nowhere to record.
  bool StartRecording(const telephony::ivr::StartRecording& recording);
  void StopRecording();

  base::Clock& clock_;
  telephony::CallControl& control_;
  telephony::CallId call_;
  std::shared_ptr<const telephony::ivr::Flow> flow_;  // before session_, which refers to it
  telephony::ivr::IvrSession session_;
  std::string default_language_;
  Callbacks callbacks_;
  std::optional<base::TimerId> timer_;
  bool recording_ = false;
  std::vector<std::string> recordings_;
};

}  // namespace callcenter
