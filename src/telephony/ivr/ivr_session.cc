#include "telephony/ivr/ivr_session.h"

#include <cassert>

namespace telephony::ivr {
namespace {

bool IsDecimalDigit(char key) { return key >= '0' && key <= '9'; }

const std::string& EmptyName() {
  static const std::string empty;
  return empty;
}

}  // namespace

IvrSession::IvrSession(const Flow& flow) : flow_(flow) {}

const std::string& IvrSession::step() const { return step_ == nullptr ? EmptyName() : step_->name; }

Action IvrSession::Start() {
  assert(phase_ == Phase::kNotStarted && "Start() is called once");
  if (phase_ != Phase::kNotStarted) return Continue{};
  return Enter(flow_.start());
}

// Language steps are taken here without returning: they need nothing from the call. A Flow has
// no loop of steps that neither wait nor end, so this runs at most once per step.
Action IvrSession::Enter(const std::string& name) {
  const std::string* next = &name;  // names live in the Flow, which outlives the session
  for (std::size_t hops = 0; hops <= flow_.steps().size(); ++hops) {
    step_ = flow_.Find(*next);
    assert(step_ != nullptr && "a Flow names only its own steps");
    if (step_ == nullptr) return End(Hangup{});
    const auto* language = std::get_if<LanguageStep>(&step_->action);
    if (language == nullptr) return Begin(*step_);
    language_ = language->language;
    next = &step_->next;
  }
  assert(false && "a Flow has no loop of language steps");
  return End(Hangup{});
}

Action IvrSession::Begin(const Step& step) {
  attempt_ = 0;
  digits_.clear();
  if (const auto* queue = std::get_if<QueueStep>(&step.action)) {
    return End(RouteToQueue{queue->queue, language_});
  }
  if (std::holds_alternative<HangupStep>(step.action)) return End(Hangup{});
  return PlayPromptOf(step);
}

Action IvrSession::PlayPromptOf(const Step& step) {
  ++attempt_;
  phase_ = Phase::kPlaying;
  return PlayPrompt{step.Prompts().front()};
}

Action IvrSession::End(Action action) {
  phase_ = Phase::kEnded;
  return action;
}

WaitForDigits IvrSession::WaitAfterPrompt() const {
  if (const auto* menu = std::get_if<MenuStep>(&step_->action)) return {1, menu->timeout};
  if (const auto* survey = std::get_if<SurveyStep>(&step_->action)) return {1, survey->timeout};
  const auto& collect = std::get<CollectStep>(step_->action);
  return {collect.digits - static_cast<int>(digits_.size()), collect.timeout};
}

Action IvrSession::OnPlayed() {
  if (phase_ != Phase::kPlaying) return Continue{};
  if (std::holds_alternative<PlayStep>(step_->action)) return Enter(step_->next);
  if (const auto* record = std::get_if<RecordStep>(&step_->action)) {
    phase_ = Phase::kRecording;
    return StartRecording{record->max};
  }
  phase_ = Phase::kWaiting;
  return WaitAfterPrompt();
}

Action IvrSession::OnDigit(char digit) {
  if (phase_ == Phase::kRecording) return Enter(step_->next);
  if (phase_ != Phase::kPlaying && phase_ != Phase::kWaiting) return Continue{};
  // Barge-in: at a menu, survey or collect a key counts whether or not the prompt has finished.
  if (const auto* menu = std::get_if<MenuStep>(&step_->action)) return OnMenuKey(*menu, digit);
  if (const auto* survey = std::get_if<SurveyStep>(&step_->action)) {
    return OnSurveyKey(*survey, digit);
  }
  if (const auto* collect = std::get_if<CollectStep>(&step_->action)) {
    return OnCollectKey(*collect, digit);
  }
  return Continue{};  // a play or a consent prompt is heard in full
}

Action IvrSession::OnTimeout() {
  if (phase_ == Phase::kRecording) return Enter(step_->next);
  if (phase_ != Phase::kWaiting) return Continue{};
  return Retry();
}

Action IvrSession::OnMenuKey(const MenuStep& menu, char digit) {
  auto option = menu.options.find(digit);
  if (option == menu.options.end()) return Retry();
  return Enter(option->second);
}

Action IvrSession::OnSurveyKey(const SurveyStep& survey, char digit) {
  if (!IsDecimalDigit(digit) || digit - '0' < survey.min || digit - '0' > survey.max) {
    return Retry();
  }
  answers_[survey.question] = std::string(1, digit);
  return Enter(step_->next);
}

Action IvrSession::OnCollectKey(const CollectStep& collect, char digit) {
  if (!IsDecimalDigit(digit)) return Continue{};
  digits_.push_back(digit);
  if (static_cast<int>(digits_.size()) < collect.digits) {
    phase_ = Phase::kWaiting;
    return WaitAfterPrompt();
  }
  answers_[collect.into] = digits_;
  return Enter(step_->next);
}

Action IvrSession::Retry() {
  digits_.clear();
  int attempts = std::visit(
      [](const auto& action) {
        if constexpr (requires { action.attempts; }) {
          return action.attempts;
        } else {
          return 1;
        }
      },
      step_->action);
  if (attempt_ < attempts) return PlayPromptOf(*step_);
  return GiveUp();
}

// Out of attempts: a menu falls back to `otherwise` (or hangs up: there is nowhere sensible to
// guess); a survey or collect goes on without the answer, since the rest of the flow may still
// be worth the caller's time.
Action IvrSession::GiveUp() {
  if (const auto* menu = std::get_if<MenuStep>(&step_->action)) {
    if (menu->otherwise) return Enter(*menu->otherwise);
    return End(Hangup{});
  }
  return Enter(step_->next);
}

}  // namespace telephony::ivr
