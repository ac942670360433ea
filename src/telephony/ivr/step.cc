#include "telephony/ivr/step.h"

#include <algorithm>

#include "telephony/ivr/overloaded.h"

namespace telephony::ivr {

std::string_view Step::Kind() const {
  return std::visit(
      Overloaded{
          [](const PlayStep&) { return "play"; }, [](const MenuStep&) { return "menu"; },
          [](const CollectStep&) { return "collect"; }, [](const SurveyStep&) { return "survey"; },
          [](const LanguageStep&) { return "language"; },
          [](const RecordStep&) { return "record"; }, [](const QueueStep&) { return "queue"; },
          [](const HangupStep&) { return "hangup"; }},
      action);
}

bool Step::WaitsForCaller() const {
  return std::holds_alternative<MenuStep>(action) || std::holds_alternative<CollectStep>(action) ||
         std::holds_alternative<SurveyStep>(action) || std::holds_alternative<RecordStep>(action);
}

bool Step::Ends() const {
  return std::holds_alternative<QueueStep>(action) || std::holds_alternative<HangupStep>(action);
}

bool Step::NeedsNext() const { return !Ends() && !std::holds_alternative<MenuStep>(action); }

std::vector<std::string> Step::Successors() const {
  std::vector<std::string> successors;
  auto add = [&](const std::string& step) {
    if (std::find(successors.begin(), successors.end(), step) == successors.end()) {
      successors.push_back(step);
    }
  };
  if (!next.empty()) add(next);
  if (const auto* menu = std::get_if<MenuStep>(&action)) {
    for (const auto& [key, target] : menu->options) add(target);
    if (menu->otherwise) add(*menu->otherwise);
  }
  return successors;
}

std::vector<std::string> Step::Prompts() const {
  return std::visit(
      Overloaded{[](const PlayStep& s) { return std::vector<std::string>{s.prompt}; },
                 [](const MenuStep& s) { return std::vector<std::string>{s.prompt}; },
                 [](const CollectStep& s) { return std::vector<std::string>{s.prompt}; },
                 [](const SurveyStep& s) { return std::vector<std::string>{s.prompt}; },
                 [](const RecordStep& s) { return std::vector<std::string>{s.consent_prompt}; },
                 [](const auto&) { return std::vector<std::string>{}; }},
      action);
}

}  // namespace telephony::ivr
