#include "integration/call_centre_stand_in.h"

namespace {

const char* CauseName(telephony::EndCause cause) {
  switch (cause) {
    case telephony::EndCause::kBusy:
      return "busy";
    case telephony::EndCause::kNoAnswer:
      return "no-answer";
    case telephony::EndCause::kFailed:
      return "failed";
    case telephony::EndCause::kRemoteHangup:
      return "remote-hangup";
    case telephony::EndCause::kLocalHangup:
      return "local-hangup";
  }
  return "?";
}

}  // namespace

void CallCentreStandIn::OnAnswered(telephony::CallId call, telephony::AnswerKind kind) {
  Record("answered " + std::to_string(call) +
         (kind == telephony::AnswerKind::kHuman ? " human" : " machine"));
  if (on_answered) on_answered(call);
}

void CallCentreStandIn::OnEnded(telephony::CallId call, telephony::EndCause cause) {
  Record("ended " + std::to_string(call) + " " + CauseName(cause));
}

void CallCentreStandIn::OnPlayed(telephony::CallId call) {
  Record("played " + std::to_string(call));
  if (on_played) on_played(call);
}

void CallCentreStandIn::OnDigit(telephony::CallId call, char digit) {
  Record("digit " + std::to_string(call) + " " + std::string(1, digit));
  if (on_digit) on_digit(call, digit);
}

void CallCentreStandIn::OnRecordingFailed(telephony::CallId call, const std::string& reason) {
  Record("recording-failed " + std::to_string(call) + " " + reason);
}

void CallCentreStandIn::OnIncoming(telephony::CallId call,
                                   const telephony::IncomingCall& incoming) {
  Record("incoming " + std::to_string(call) + " from " + incoming.from + " to " + incoming.to);
  if (on_incoming) on_incoming(call, incoming);
}

std::string CallCentreStandIn::WaitFor(const std::string& prefix, int seconds) {
  std::unique_lock lock(mutex_);
  std::string found;
  changed_.wait_for(lock, std::chrono::seconds(seconds), [&] {
    for (const std::string& line : lines_) {
      if (line.rfind(prefix, 0) == 0) {
        found = line;
        return true;
      }
    }
    return false;
  });
  return found;
}

std::vector<std::string> CallCentreStandIn::Lines() {
  std::lock_guard lock(mutex_);
  return lines_;
}

void CallCentreStandIn::Record(std::string line) {
  {
    std::lock_guard lock(mutex_);
    lines_.push_back(std::move(line));
  }
  changed_.notify_all();
}
