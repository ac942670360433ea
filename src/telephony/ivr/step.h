#pragma once

#include <chrono>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

// The steps of an IVR flow as plain values (docs/ivr.md). A step holds exactly one action; the
// action structs carry what its JSON object says, bounds already checked by ParseFlow().
namespace telephony::ivr {

// Plays a prompt, then goes on to `next`.
struct PlayStep {
  std::string prompt;
};

// Plays a prompt and waits for one key; each option sends the caller to a step.
struct MenuStep {
  std::string prompt;
  std::map<char, std::string> options;   // key ('0'-'9', '*', '#') -> step name; at least one
  std::chrono::seconds timeout{5};       // after the prompt, for the key
  int attempts = 3;                      // plays of the prompt in all, the first included
  std::optional<std::string> otherwise;  // after the last attempt; absent: hang up
};

// Plays a prompt and collects exactly `digits` digits (0-9) into the answer `into`.
struct CollectStep {
  std::string prompt;
  int digits = 1;
  std::string into;
  std::chrono::seconds timeout{10};  // for the first digit after the prompt, then between digits
  int attempts = 3;
};

// Plays a question's prompt and takes one digit from `min` to `max` as the answer `question`.
struct SurveyStep {
  std::string question;
  std::string prompt;
  int min = 1;
  int max = 5;
  std::chrono::seconds timeout{8};
  int attempts = 3;
};

// Sets the caller's language (an ISO 639 code, "hi"), then goes on at once.
struct LanguageStep {
  std::string language;
};

// Plays a consent prompt, then records the caller for at most `max`.
struct RecordStep {
  std::string consent_prompt;
  std::chrono::seconds max{120};
};

// Routes the call to a named queue; ends the flow.
struct QueueStep {
  std::string queue;
};

// Hangs up; ends the flow.
struct HangupStep {};

using StepAction = std::variant<PlayStep, MenuStep, CollectStep, SurveyStep, LanguageStep,
                                RecordStep, QueueStep, HangupStep>;

// One named step of a flow.
struct Step {
  std::string name;
  StepAction action;
  // Where the flow goes on after play, collect, survey, language and record; empty for menu
  // (its options decide), queue and hangup (they end the flow).
  std::string next;

  // "play", "menu", ..., the action's key in the flow file.
  std::string_view Kind() const;
  // Whether the step waits for the caller (menu, collect, survey, record).
  bool WaitsForCaller() const;
  // Whether the flow ends here (queue, hangup).
  bool Ends() const;
  // Whether the step needs a `next` (every step that neither ends nor is a menu).
  bool NeedsNext() const;
  // The steps this one may go to, each once: next, menu options, otherwise.
  std::vector<std::string> Successors() const;
  // The prompts this step plays, if any.
  std::vector<std::string> Prompts() const;
};

}  // namespace telephony::ivr
