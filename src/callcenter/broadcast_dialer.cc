#include "callcenter/broadcast_dialer.h"

#include <algorithm>
#include <utility>

#include "base/logging.h"
#include "base/text.h"

namespace callcenter {
namespace {

constexpr base::Duration kTick = std::chrono::seconds(1);

AttemptOutcome OutcomeBeforeAnswer(telephony::EndCause cause) {
  switch (cause) {
    case telephony::EndCause::kBusy:
      return AttemptOutcome::kBusy;
    case telephony::EndCause::kNoAnswer:
      return AttemptOutcome::kNoAnswer;
    default:
      return AttemptOutcome::kFailed;
  }
}

}  // namespace

BroadcastDialer::BroadcastDialer(base::Clock& clock, telephony::CallControl& control,
                                 ContactSource& contacts, store::BroadcastAnswerStore& answers,
                                 BroadcastSettings settings)
    : clock_(clock),
      control_(control),
      contacts_(contacts),
      answers_(answers),
      settings_(std::move(settings)) {
  control_.SetEvents(this);
}

BroadcastDialer::~BroadcastDialer() {
  if (tick_timer_) clock_.Cancel(*tick_timer_);
  for (auto& [id, call] : calls_) CancelTimer(call);
}

// Checked again here, not only by Campaign::Validate: whatever builds the settings, no call
// of an uncertified message is ever placed.
base::Status BroadcastDialer::CheckSettings() const {
  std::string campaign = "broadcast of campaign " + settings_.campaign_id + ": ";
  if (base::Trim(settings_.mcmc_certificate).empty()) {
    return base::Conflict(campaign +
                          "refusing to start without the message's MCMC pre-certification "
                          "number (broadcast.mcmc_certificate)");
  }
  if (settings_.message_prompt.empty()) return base::Conflict(campaign + "no message prompt");
  if (settings_.max_calls_in_progress < 1 || settings_.calls_per_second < 1) {
    return base::InvalidArgument(campaign +
                                 "max_calls_in_progress and calls_per_second must be "
                                 "at least 1");
  }
  const std::optional<BroadcastQuestion>& question = settings_.question;
  if (question && (question->choices < 1 || question->choices > BroadcastQuestion::kMaxChoices ||
                   question->prompt.empty())) {
    return base::InvalidArgument(campaign + "the question needs a prompt and 1 to 5 choices");
  }
  return base::OkStatus();
}

base::Status BroadcastDialer::Start() {
  if (running_) return base::OkStatus();
  JS_RETURN_IF_ERROR(CheckSettings());
  running_ = true;
  Tick();
  return base::OkStatus();
}

void BroadcastDialer::Stop() {
  running_ = false;
  if (tick_timer_) clock_.Cancel(*tick_timer_);
  tick_timer_.reset();
}

void BroadcastDialer::Tick() {
  tick_timer_.reset();
  if (!running_) return;
  PlaceCalls();
  tick_timer_ = clock_.RunAfter(kTick, [this] { Tick(); });
}

void BroadcastDialer::PlaceCalls() {
  int room = settings_.max_calls_in_progress - static_cast<int>(calls_.size());
  int to_place = std::min(room, settings_.calls_per_second);
  for (int i = 0; i < to_place; ++i) {
    std::optional<DialTarget> target = contacts_.Next(clock_.Now());
    if (!target) return;
    telephony::DialRequest request{target->number, settings_.caller_id, settings_.ring_timeout};
    telephony::CallId id = control_.Dial(request);
    Call call;
    call.target = std::move(*target);
    calls_[id] = std::move(call);
    ++stats_.dialled;
  }
}

void BroadcastDialer::OnAnswered(telephony::CallId id, telephony::AnswerKind kind) {
  auto found = calls_.find(id);
  if (found == calls_.end()) return;
  Call& call = found->second;
  if (kind == telephony::AnswerKind::kMachine) {
    call.machine = true;
    ++stats_.machines;
    HangUp(id, call);
    return;
  }
  ++stats_.answered;
  call.phase = Phase::kMessage;
  control_.Play(id, settings_.message_prompt);
}

void BroadcastDialer::OnPlayed(telephony::CallId id) {
  auto found = calls_.find(id);
  if (found == calls_.end()) return;
  Call& call = found->second;
  switch (call.phase) {
    case Phase::kMessage:
      if (settings_.question) {
        Ask(id, call);
      } else {
        HangUp(id, call);
      }
      return;
    case Phase::kAsking:
      call.phase = Phase::kWaitingForKey;
      call.timer = clock_.RunAfter(settings_.digit_timeout, [this, id] { OnKeyTimeout(id); });
      return;
    case Phase::kThanking:
      HangUp(id, call);
      return;
    default:
      return;
  }
}

void BroadcastDialer::Ask(telephony::CallId id, Call& call) {
  CancelTimer(call);
  call.phase = Phase::kAsking;
  control_.Play(id, settings_.question->prompt);
}

void BroadcastDialer::OnDigit(telephony::CallId id, char digit) {
  auto found = calls_.find(id);
  if (found == calls_.end()) return;
  Call& call = found->second;
  // A key during the question counts (people answer before it ends); during the message not.
  if (call.phase != Phase::kAsking && call.phase != Phase::kWaitingForKey) return;
  OnKey(id, call, digit);
}

void BroadcastDialer::OnKey(telephony::CallId id, Call& call, char digit) {
  char highest = static_cast<char>('0' + settings_.question->choices);
  if (digit >= '1' && digit <= highest) {
    CancelTimer(call);
    RecordAnswer(call, digit);
    call.phase = Phase::kThanking;
    control_.Play(id, settings_.thank_you_prompt);
    return;
  }
  ++stats_.wrong_digits;
  if (call.asked_again) {
    HangUp(id, call);
    return;
  }
  call.asked_again = true;
  Ask(id, call);
}

void BroadcastDialer::RecordAnswer(const Call& call, char digit) {
  store::BroadcastAnswer answer{settings_.campaign_id, call.target.number, settings_.question->id,
                                digit, clock_.Now()};
  base::Status stored = answers_.AddBroadcastAnswer(answer);
  if (stored.ok()) {
    ++stats_.answers;
    return;
  }
  ++stats_.answers_lost;
  JS_LOG(kError) << "broadcast of campaign " << settings_.campaign_id << ": answer of contact "
                 << call.target.contact_id << " not stored: " << stored.ToString();
}

void BroadcastDialer::OnKeyTimeout(telephony::CallId id) {
  auto found = calls_.find(id);
  if (found == calls_.end()) return;
  found->second.timer.reset();
  ++stats_.timeouts;
  HangUp(id, found->second);
}

void BroadcastDialer::HangUp(telephony::CallId id, Call& call) {
  CancelTimer(call);
  call.phase = Phase::kHangingUp;
  control_.Hangup(id);
}

void BroadcastDialer::CancelTimer(Call& call) {
  if (call.timer) clock_.Cancel(*call.timer);
  call.timer.reset();
}

void BroadcastDialer::OnEnded(telephony::CallId id, telephony::EndCause cause) {
  auto found = calls_.find(id);
  if (found == calls_.end()) return;
  Call call = std::move(found->second);
  calls_.erase(found);
  CancelTimer(call);
  AttemptOutcome outcome = AttemptOutcome::kConnected;
  if (call.machine) {
    outcome = AttemptOutcome::kMachine;
  } else if (call.phase == Phase::kRinging) {
    outcome = OutcomeBeforeAnswer(cause);
    if (outcome == AttemptOutcome::kBusy) ++stats_.busy;
    if (outcome == AttemptOutcome::kNoAnswer) ++stats_.no_answer;
    if (outcome == AttemptOutcome::kFailed) ++stats_.failed;
  }
  contacts_.Report(call.target, outcome, clock_.Now());
}

// A broadcast takes no calls: anything ringing in on its CallControl is refused.
void BroadcastDialer::OnIncoming(telephony::CallId id, const telephony::IncomingCall& incoming) {
  (void)incoming;
  control_.Hangup(id);
}

}  // namespace callcenter
