#include "callcenter/contact_source.h"

#include <array>

namespace callcenter {
namespace {

constexpr std::array kOutcomes = {AttemptOutcome::kConnected, AttemptOutcome::kAbandoned,
                                  AttemptOutcome::kMachine,   AttemptOutcome::kBusy,
                                  AttemptOutcome::kNoAnswer,  AttemptOutcome::kFailed};

}  // namespace

std::string_view AttemptOutcomeName(AttemptOutcome outcome) {
  switch (outcome) {
    case AttemptOutcome::kConnected:
      return "connected";
    case AttemptOutcome::kAbandoned:
      return "abandoned";
    case AttemptOutcome::kMachine:
      return "machine";
    case AttemptOutcome::kBusy:
      return "busy";
    case AttemptOutcome::kNoAnswer:
      return "no answer";
    case AttemptOutcome::kFailed:
      return "failed";
  }
  return "unknown";
}

std::optional<AttemptOutcome> ParseAttemptOutcome(std::string_view name) {
  for (AttemptOutcome outcome : kOutcomes) {
    if (AttemptOutcomeName(outcome) == name) return outcome;
  }
  return std::nullopt;
}

}  // namespace callcenter
