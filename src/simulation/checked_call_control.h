#pragma once

#include <functional>
#include <string>
#include <string_view>
#include <unordered_map>

#include "base/clock.h"
#include "callcenter/contact_source.h"
#include "simulation/compliance_checker.h"
#include "telephony/call_control.h"

namespace simulation {

// A CallControl that shows every Dial to a ComplianceChecker at the moment it is placed, then
// passes it, and every other command, to the CallControl it wraps. SetEvents goes straight to
// the wrapped object, so events reach the caller's CallEvents unchanged. Also tells an observer
// of every Bridge (a person reaching an agent), with the number of the call, so that a
// simulated day can hear opt-outs there. Single-threaded.
class CheckedCallControl : public telephony::CallControl {
 public:
  // `inner`, `clock` and `checker` must outlive this object.
  CheckedCallControl(telephony::CallControl& inner, base::Clock& clock, ComplianceChecker& checker);

  // Called after every Bridge has been passed on; may be empty.
  void SetBridgeObserver(std::function<void(const std::string& number)> observer) {
    on_bridge_ = std::move(observer);
  }

  void SetEvents(telephony::CallEvents* events) override { inner_.SetEvents(events); }
  telephony::CallId Dial(const telephony::DialRequest& request) override;
  void Accept(telephony::CallId call) override { inner_.Accept(call); }
  void Bridge(telephony::CallId call, const std::string& agent_line) override;
  void Play(telephony::CallId call, const std::string& prompt) override;
  void Hangup(telephony::CallId call) override;
  void Record(telephony::CallId call, const std::string& wav_path) override {
    inner_.Record(call, wav_path);
  }
  void StopRecording(telephony::CallId call) override { inner_.StopRecording(call); }

 private:
  telephony::CallControl& inner_;
  base::Clock& clock_;
  ComplianceChecker& checker_;
  std::function<void(const std::string&)> on_bridge_;
  // Every call of the day; a day places a few thousand.
  std::unordered_map<telephony::CallId, std::string> numbers_;
};

// A ContactSource that tells a ComplianceChecker which contact it hands out, so that the dial
// that follows can be laid to that contact, and of every opt-out that reaches the list through
// it; it passes everything on to the source it wraps.
class CheckedContacts : public callcenter::ContactSource {
 public:
  // `inner` and `checker` must outlive this object.
  CheckedContacts(callcenter::ContactSource& inner, ComplianceChecker& checker)
      : inner_(inner), checker_(checker) {}

  std::optional<callcenter::DialTarget> Next(base::TimePoint now) override;
  void Report(const callcenter::DialTarget& target, callcenter::AttemptOutcome outcome,
              base::TimePoint now) override {
    inner_.Report(target, outcome, now);
  }
  base::Status ScheduleCallback(const callcenter::DialTarget& target, base::TimePoint at) override {
    return inner_.ScheduleCallback(target, at);
  }
  base::Status OptOut(std::string_view e164) override;

 private:
  callcenter::ContactSource& inner_;
  ComplianceChecker& checker_;
};

}  // namespace simulation
