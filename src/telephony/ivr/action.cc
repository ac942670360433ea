#include "telephony/ivr/action.h"

#include "telephony/ivr/overloaded.h"

namespace telephony::ivr {
namespace {

std::string Seconds(std::chrono::seconds duration) {
  return std::to_string(duration.count()) + "s";
}

}  // namespace

std::string ToString(const Action& action) {
  return std::visit(
      Overloaded{[](const PlayPrompt& a) { return "play " + a.name; },
                 [](const WaitForDigits& a) {
                   return "wait " + std::to_string(a.count) +
                          (a.count == 1 ? " digit " : " digits ") + Seconds(a.timeout);
                 },
                 [](const StartRecording& a) { return "record " + Seconds(a.max); },
                 [](const RouteToQueue& a) {
                   return "queue " + a.queue + (a.language.empty() ? "" : " " + a.language);
                 },
                 [](const Hangup&) { return std::string("hangup"); },
                 [](const Continue&) { return std::string("continue"); }},
      action);
}

}  // namespace telephony::ivr
