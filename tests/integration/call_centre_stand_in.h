#pragma once

#include <chrono>
#include <condition_variable>
#include <functional>
#include <mutex>
#include <string>
#include <vector>

#include "telephony/call_control.h"

// Stands in for the call centre in the SIP tests: records every CallEvents callback as a line
// ("incoming 3 from +919800000001 to 1800110001", "digit 3 2", "ended 3 remote-hangup") and
// runs the reaction a test installed. Callbacks arrive on the Clock's thread; tests wait on
// the test thread.
class CallCentreStandIn : public telephony::CallEvents {
 public:
  std::function<void(telephony::CallId, const telephony::IncomingCall&)> on_incoming;
  std::function<void(telephony::CallId)> on_answered;
  std::function<void(telephony::CallId)> on_played;
  std::function<void(telephony::CallId, char)> on_digit;

  void OnAnswered(telephony::CallId call, telephony::AnswerKind kind) override;
  void OnEnded(telephony::CallId call, telephony::EndCause cause) override;
  void OnPlayed(telephony::CallId call) override;
  void OnDigit(telephony::CallId call, char digit) override;
  void OnIncoming(telephony::CallId call, const telephony::IncomingCall& incoming) override;
  void OnRecordingFailed(telephony::CallId call, const std::string& reason) override;

  // Waits until a line starting with `prefix` has been recorded; returns it, or "" on timeout.
  std::string WaitFor(const std::string& prefix, int seconds = 10);
  std::vector<std::string> Lines();

 private:
  void Record(std::string line);

  std::mutex mutex_;
  std::condition_variable changed_;
  std::vector<std::string> lines_;
};
