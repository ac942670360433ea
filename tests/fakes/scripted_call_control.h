#pragma once

#include <map>
#include <string>
#include <vector>

#include "base/clock.h"
#include "telephony/call_control.h"

namespace fakes {

// A CallControl whose far ends do exactly what the test says: Dial() only records, and the
// test then calls Answer()/End() to report what the network did. Commands that the network
// would confirm (Hangup, Play) are confirmed on the clock, never from inside the command.
class ScriptedCallControl : public telephony::CallControl {
 public:
  struct Dialled {
    telephony::CallId id = 0;
    telephony::DialRequest request;
    std::string bridged_to;  // the agent line, once bridged
    std::vector<std::string> prompts;
    bool hung_up = false;
    bool ended = false;
    bool incoming = false;  // came in through Incoming(), not dialled
    bool accepted = false;  // an incoming call the call centre answered
    // Play, Bridge, Record and StopRecording in the order commanded: "play NAME",
    // "bridge LINE", "record PATH", "stop recording".
    std::vector<std::string> commands;
    std::string recording;  // the path of the recording running, empty when none
  };

  explicit ScriptedCallControl(base::Clock& clock) : clock_(clock) {}

  void SetEvents(telephony::CallEvents* events) override { events_ = events; }
  telephony::CallId Dial(const telephony::DialRequest& request) override;
  void Accept(telephony::CallId call) override;
  void Bridge(telephony::CallId call, const std::string& agent_line) override;
  void Play(telephony::CallId call, const std::string& prompt) override;
  void Hangup(telephony::CallId call) override;
  void Record(telephony::CallId call, const std::string& wav_path) override;
  void StopRecording(telephony::CallId call) override;

  // What the network does, reported to the events at once.
  void Answer(telephony::CallId call, telephony::AnswerKind kind = telephony::AnswerKind::kHuman);
  void End(telephony::CallId call, telephony::EndCause cause);
  // The recording of `call` could not be written: reported to the events at once.
  void RecordingFails(telephony::CallId call, const std::string& reason);
  // The far end of an answered call presses `digit`: reported to the events at once.
  void Digit(telephony::CallId call, char digit);
  // A caller rings `to` from `from`: reported to the events at once. The new call's id.
  telephony::CallId Incoming(const std::string& from, const std::string& to);

  // Calls dialled, in order; incoming calls are not among them.
  const std::vector<telephony::CallId>& dial_order() const { return order_; }
  const Dialled& call(telephony::CallId id) const { return calls_.at(id); }
  std::size_t dialled() const { return order_.size(); }
  // Calls dialled and not yet ended.
  std::vector<telephony::CallId> Live() const;

  // How long a prompt plays before OnPlayed; a Play() before then replaces it.
  base::Duration prompt_length = std::chrono::seconds(3);

 private:
  base::Clock& clock_;
  telephony::CallEvents* events_ = nullptr;
  telephony::CallId next_id_ = 1;
  std::map<telephony::CallId, Dialled> calls_;
  std::vector<telephony::CallId> order_;
};

}  // namespace fakes
