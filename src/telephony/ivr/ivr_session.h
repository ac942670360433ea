#pragma once

#include <map>
#include <string>

#include "telephony/ivr/action.h"
#include "telephony/ivr/flow.h"

namespace telephony::ivr {

// Runs one call through a Flow. Pure: no clock, no I/O, no threads; whoever drives the call
// (the call centre, a simulator, a test) carries out each returned Action and reports what
// happened through the On*() methods, and owns the timers WaitForDigits and StartRecording ask
// for. Keeps a reference to `flow`, which must outlive the session. Not thread-safe: one
// session per call, used from the thread that drives that call.
//
// The timeline, step by step (docs/ivr.md):
//   play      PlayPrompt; OnPlayed -> next. Keys pressed meanwhile are ignored (Continue).
//   menu      PlayPrompt; OnPlayed -> WaitForDigits{1, timeout}. A key that is an option, pressed
//             during the prompt (barge-in) or after it, goes to that option's step. A key that
//             is not, or OnTimeout, plays the prompt again, `attempts` plays in all; after the
//             last it goes to `otherwise`, or hangs up when there is none.
//   survey    as menu, with the keys min..max as options: the key is stored as the answer
//             `question` ("1".."5") and the flow goes to next. After the last failed attempt it
//             goes to next with no answer.
//   collect   PlayPrompt; digits 0-9 count from the first key (barge-in cuts the prompt); each
//             digit short of `digits` returns WaitForDigits{left, timeout} (restarting the
//             timer). The last digit stores them all as the answer `into` and goes to next.
//             '*' and '#' are ignored. OnTimeout discards the digits and asks again, up to
//             `attempts`; then next with no answer.
//   record    PlayPrompt{consent}; OnPlayed -> StartRecording{max}; OnTimeout or any key ends
//             the recording and goes to next. Keys during the consent prompt are ignored.
//   language  sets language() and goes to next at once (never returned as an action).
//   queue     RouteToQueue{queue, language()}; the flow has ended.
//   hangup    Hangup; the flow has ended.
// An event the current point ignores returns Continue, and so does every event before Start()
// and after the flow ended. A stale OnPlayed (the driver could not stop a prompt that a key
// interrupted) is ignored the same way once the session is waiting for digits.
class IvrSession {
 public:
  explicit IvrSession(const Flow& flow);
  explicit IvrSession(Flow&& flow) = delete;  // the session would outlive a temporary flow

  // The first action of the flow. Call once.
  Action Start();
  // The prompt of the last PlayPrompt played in full.
  Action OnPlayed();
  // A key from the caller: '0'-'9', '*' or '#'.
  Action OnDigit(char digit);
  // The timer of the last WaitForDigits or StartRecording ran out.
  Action OnTimeout();

  // The caller's language as last set by a language step; empty until then.
  const std::string& language() const { return language_; }
  // Answers so far: collect `into` -> the digits, survey `question` -> "1".."5".
  const std::map<std::string, std::string>& answers() const { return answers_; }
  // The step the session is at (the last one, once ended); empty before Start().
  const std::string& step() const;
  // Whether the flow has ended (a RouteToQueue or Hangup was returned).
  bool ended() const { return phase_ == Phase::kEnded; }

 private:
  enum class Phase { kNotStarted, kPlaying, kWaiting, kRecording, kEnded };

  // Enters the step `name`, following language steps, and returns its first action.
  Action Enter(const std::string& name);
  Action Begin(const Step& step);
  Action PlayPromptOf(const Step& step);
  Action End(Action action);
  // A wrong key or a timeout at a menu, survey or collect: ask again, or give up.
  Action Retry();
  Action GiveUp();
  Action OnMenuKey(const MenuStep& menu, char digit);
  Action OnSurveyKey(const SurveyStep& survey, char digit);
  Action OnCollectKey(const CollectStep& collect, char digit);
  WaitForDigits WaitAfterPrompt() const;

  const Flow& flow_;
  const Step* step_ = nullptr;
  Phase phase_ = Phase::kNotStarted;
  int attempt_ = 0;     // plays of the current step's prompt so far
  std::string digits_;  // collected so far at a collect step
  std::string language_;
  std::map<std::string, std::string> answers_;
};

}  // namespace telephony::ivr
