#pragma once

#include <chrono>
#include <string>
#include <variant>

// What an IvrSession asks of the call next. Each action replaces whatever the call was doing:
// a prompt still playing is stopped, a digit timer or a recording running is ended.
namespace telephony::ivr {

// Play the prompt `name` in the session's language (file `<name>_<language>`); report
// IvrSession::OnPlayed() when it has played in full.
struct PlayPrompt {
  std::string name;
  bool operator==(const PlayPrompt&) const = default;
};

// Wait for `count` more digits: start (or restart) a timer of `timeout` and report
// IvrSession::OnTimeout() if it runs out; report each key with IvrSession::OnDigit().
struct WaitForDigits {
  int count = 1;
  std::chrono::seconds timeout{5};
  bool operator==(const WaitForDigits&) const = default;
};

// Record the caller for at most `max`; report IvrSession::OnTimeout() when `max` is reached,
// or IvrSession::OnDigit() when the caller presses a key to finish.
struct StartRecording {
  std::chrono::seconds max{120};
  bool operator==(const StartRecording&) const = default;
};

// Hand the call to the queue `queue`; `language` is the caller's choice, empty if none was made.
// The flow has ended.
struct RouteToQueue {
  std::string queue;
  std::string language;
  bool operator==(const RouteToQueue&) const = default;
};

// Hang up. The flow has ended.
struct Hangup {
  bool operator==(const Hangup&) const = default;
};

// Nothing changes: keep doing what the call is doing (an event that this point of the flow
// ignores, such as a key pressed during a plain prompt, or any event after the flow ended).
struct Continue {
  bool operator==(const Continue&) const = default;
};

using Action =
    std::variant<PlayPrompt, WaitForDigits, StartRecording, RouteToQueue, Hangup, Continue>;

// One line for logs and test timelines: "play welcome", "wait 1 digit 5s", "wait 6 digits 10s",
// "record 120s", "queue helpline hi", "hangup", "continue".
std::string ToString(const Action& action);

}  // namespace telephony::ivr
