#include "simulation/checked_call_control.h"

namespace simulation {

CheckedCallControl::CheckedCallControl(telephony::CallControl& inner, base::Clock& clock,
                                       ComplianceChecker& checker)
    : inner_(inner), clock_(clock), checker_(checker) {}

telephony::CallId CheckedCallControl::Dial(const telephony::DialRequest& request) {
  // Checked before it is passed on: the moment that counts is the moment of dialling.
  checker_.OnDial(request.number, clock_.Now());
  telephony::CallId call = inner_.Dial(request);
  numbers_[call] = request.number;
  return call;
}

void CheckedCallControl::Bridge(telephony::CallId call, const std::string& agent_line) {
  inner_.Bridge(call, agent_line);
  auto number = numbers_.find(call);
  if (on_bridge_ && number != numbers_.end()) on_bridge_(number->second);
}

void CheckedCallControl::Play(telephony::CallId call, const std::string& prompt) {
  inner_.Play(call, prompt);
}

void CheckedCallControl::Hangup(telephony::CallId call) { inner_.Hangup(call); }

std::optional<callcenter::DialTarget> CheckedContacts::Next(base::TimePoint now) {
  std::optional<callcenter::DialTarget> target = inner_.Next(now);
  if (target) checker_.OnHandedOut(*target);
  return target;
}

base::Status CheckedContacts::OptOut(std::string_view e164) {
  // The person asked: from now on no dial of the number is allowed, whatever the list does.
  checker_.OnOptOut(std::string(e164));
  return inner_.OptOut(e164);
}

}  // namespace simulation
