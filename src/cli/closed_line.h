#pragma once

#include "telephony/call_control.h"

namespace cli {

// What serve's SIP does with calls while no call centre takes them: refuses each incoming call
// unanswered (480 Temporarily Unavailable), so a caller is never left ringing.
class ClosedLine : public telephony::CallEvents {
 public:
  explicit ClosedLine(telephony::CallControl& calls) : calls_(calls) {}

  void OnIncoming(telephony::CallId call, const telephony::IncomingCall& /*incoming*/) override {
    calls_.Hangup(call);
  }
  void OnAnswered(telephony::CallId call, telephony::AnswerKind /*kind*/) override {
    calls_.Hangup(call);
  }
  void OnEnded(telephony::CallId /*call*/, telephony::EndCause /*cause*/) override {}
  void OnPlayed(telephony::CallId /*call*/) override {}
  void OnDigit(telephony::CallId /*call*/, char /*digit*/) override {}

 private:
  telephony::CallControl& calls_;
};

}  // namespace cli
