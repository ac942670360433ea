#pragma once

#include <functional>
#include <map>
#include <optional>
#include <string>
#include <unordered_map>

#include "base/clock.h"
#include "callcenter/agent_pool.h"
#include "store/store.h"
#include "telephony/call_control.h"

namespace callcenter {

// What the recorder knows of a helpline number.
struct RecordedLine {
  std::string state;      // state code
  std::string language;   // ISO 639
  bool has_flow = false;  // callers go through an IVR flow before the queue
};

// Writes a call detail record (kind "helpline", inbound) for every call to a helpline number
// when it ends, without the Dialer knowing: it sits between the Dialer and its CallControl,
// passes every command and event through unchanged, and watches them.
//
//   OnIncoming to a known line  -> the call is followed: from, to, started_at
//   Accept                      -> answered_at
//   Play(queue_prompt)          -> the caller waited in the queue (if is_queued agrees)
//   Bridge                      -> connected_at, and the agent reserved for the call
//   Record                      -> the recording's path
//   OnEnded                     -> ended_at and the outcome; the record goes to `sink`
//
// The outcome: "talked" once bridged; "refused" when never answered (a hang-up instead of
// Accept); "abandoned" when the caller waited in the queue and reached nobody (they hung up, or
// the dialer let them go after its longest wait); "left_in_ivr" when answered into a flow and
// never queued. Calls to numbers that are not helplines are passed through and not recorded.
//
// The Dialer is given this as its CallControl; SetEvents sets `inner`'s events to this object
// and remembers the Dialer's. `inner`, `clock` and `agents` must outlive this object.
// Single-threaded: the Clock's thread, like the Dialer.
class HelplineRecorder : public telephony::CallControl, public telephony::CallEvents {
 public:
  using Sink = std::function<void(const store::CallRecord& record)>;

  // Whether the call waits in the Dialer's queue now (Dialer::QueuePosition), so that an IVR
  // prompt of the same name as the queue prompt is not taken for it. Empty: not asked.
  using QueuedFn = std::function<bool(telephony::CallId call)>;

  HelplineRecorder(telephony::CallControl& inner, const base::Clock& clock, const AgentPool& agents,
                   std::map<std::string, RecordedLine> lines, std::string queue_prompt, Sink sink,
                   QueuedFn is_queued = {});

  // Callers waiting in the queue now: queued, not yet put through, not gone.
  int callers_waiting() const { return waiting_; }
  // Helpline calls not yet ended.
  std::size_t calls_in_progress() const { return calls_.size(); }

  // telephony::CallControl
  void SetEvents(telephony::CallEvents* events) override;
  telephony::CallId Dial(const telephony::DialRequest& request) override;
  void Accept(telephony::CallId call) override;
  void Bridge(telephony::CallId call, const std::string& agent_line) override;
  void Play(telephony::CallId call, const std::string& prompt) override;
  void Hangup(telephony::CallId call) override;
  // Passed through; the record keeps the path of the call's (last) recording.
  void Record(telephony::CallId call, const std::string& wav_path) override;
  void StopRecording(telephony::CallId call) override;

  // telephony::CallEvents
  void OnAnswered(telephony::CallId call, telephony::AnswerKind kind) override;
  void OnEnded(telephony::CallId call, telephony::EndCause cause) override;
  void OnPlayed(telephony::CallId call) override;
  void OnDigit(telephony::CallId call, char digit) override;
  void OnIncoming(telephony::CallId call, const telephony::IncomingCall& incoming) override;
  void OnRecordingFailed(telephony::CallId call, const std::string& reason) override;

 private:
  struct Followed {
    store::CallRecord record;
    bool has_flow = false;
    bool waited = false;    // heard the queue prompt at some time
    bool in_queue = false;  // waiting now: counted in waiting_
  };
  Followed* Find(telephony::CallId call);
  std::string AgentOf(telephony::CallId call) const;
  void StopWaiting(Followed& followed);
  static std::string OutcomeOf(const Followed& followed);

  telephony::CallControl& inner_;
  const base::Clock& clock_;
  const AgentPool& agents_;
  const std::map<std::string, RecordedLine> lines_;
  const std::string queue_prompt_;
  Sink sink_;
  QueuedFn is_queued_;
  telephony::CallEvents* events_ = nullptr;
  std::unordered_map<telephony::CallId, Followed> calls_;
  int waiting_ = 0;
};

}  // namespace callcenter
