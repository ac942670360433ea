// One call through an IVR flow on a fake clock against a scripted network: prompt names in
// the caller's language, keys, timeouts and their retries, the end of the flow, and teardown.
#include "callcenter/ivr_call.h"

#include <gtest/gtest.h>

#include "fakes/fake_clock.h"
#include "fakes/scripted_call_control.h"
#include "telephony/ivr/flow_parser.h"

namespace callcenter {
namespace {

using std::chrono::seconds;
using telephony::ivr::RouteToQueue;

// examples/ivr/helpline.json, with a PIN to collect and a recording on the way for English.
constexpr std::string_view kFlow = R"({
  "start": "welcome",
  "steps": {
    "welcome": { "play": "welcome", "next": "language" },
    "language": { "menu": { "prompt": "language_menu", "options": { "1": "hindi", "2": "english" },
                            "timeout_seconds": 5, "attempts": 3, "otherwise": "hindi" } },
    "hindi": { "language": "hi", "next": "hold" },
    "english": { "language": "en", "next": "pin" },
    "pin": { "collect": { "prompt": "enter_pin", "digits": 2, "into": "pin", "timeout_seconds": 10,
                          "attempts": 1 }, "next": "message" },
    "message": { "record": { "consent_prompt": "recording_consent", "max_seconds": 60 },
                 "next": "hold" },
    "hold": { "play": "please_hold", "next": "queue" },
    "queue": { "queue": "helpline" }
  }
})";

// A menu whose only way out, without a key, is to hang up.
constexpr std::string_view kStrictFlow = R"({
  "start": "menu",
  "steps": {
    "menu": { "menu": { "prompt": "main_menu", "options": { "1": "queue" }, "attempts": 2 } },
    "queue": { "queue": "helpline" }
  }
})";

class IvrCallTest : public ::testing::Test, public telephony::CallEvents {
 protected:
  IvrCallTest() { control_.SetEvents(this); }

  // Answers a call from a synthetic number and starts `flow` on it, "hi" before a choice.
  void Begin(std::string_view flow = kFlow) {
    base::Result<telephony::ivr::Flow> parsed = telephony::ivr::ParseFlow(flow);
    ASSERT_TRUE(parsed.ok()) << parsed.status().ToString();
    id_ = control_.Incoming("+919812300000", "+911800100100");
    IvrCall::Callbacks callbacks;
    callbacks.on_queue = [this](const RouteToQueue& route) { routed_.push_back(route); };
    callbacks.on_hangup = [this] { ++hangups_; };
    if (record_) {
      callbacks.recording_path = [](const std::string& step) { return "/rec/" + step + ".wav"; };
    }
    ivr_ = std::make_unique<IvrCall>(
        clock_, control_, id_, std::make_shared<const telephony::ivr::Flow>(*std::move(parsed)),
        "hi", callbacks);
    ivr_->Start();
  }
  const std::vector<std::string>& Prompts() const { return control_.call(id_).prompts; }

  // telephony::CallEvents: this call's events go to the IvrCall, as the dialer routes them.
  void OnAnswered(telephony::CallId, telephony::AnswerKind) override {}
  void OnEnded(telephony::CallId, telephony::EndCause) override {}
  void OnPlayed(telephony::CallId call) override {
    if (ivr_ && call == id_) ivr_->OnPlayed();
  }
  void OnDigit(telephony::CallId call, char digit) override {
    if (ivr_ && call == id_) ivr_->OnDigit(digit);
  }
  void OnIncoming(telephony::CallId call, const telephony::IncomingCall&) override {
    control_.Accept(call);
  }

  fakes::FakeClock clock_;
  fakes::ScriptedCallControl control_{clock_};  // prompts play for 3 s
  telephony::CallId id_ = 0;
  std::unique_ptr<IvrCall> ivr_;
  std::vector<RouteToQueue> routed_;
  int hangups_ = 0;
  bool record_ = false;  // whether Begin gives the call somewhere to record
};

TEST_F(IvrCallTest, PlaysPromptsInTheLinesLanguageUntilTheCallerChoosesOne) {
  Begin();
  EXPECT_EQ(Prompts(), std::vector<std::string>{"welcome_hi"});
  clock_.AdvanceBy(seconds(3));
  EXPECT_EQ(Prompts().back(), "language_menu_hi");
  EXPECT_EQ(ivr_->chosen_language(), "");
  control_.Digit(id_, '1');
  EXPECT_EQ(ivr_->chosen_language(), "hi");
  EXPECT_EQ(Prompts().back(), "please_hold_hi");
  clock_.AdvanceBy(seconds(3));
  ASSERT_EQ(routed_.size(), 1u);
  EXPECT_EQ(routed_[0], (RouteToQueue{"helpline", "hi"}));
  EXPECT_TRUE(ivr_->ended());
}

TEST_F(IvrCallTest, DigitChoosesTheLanguageOfTheNextPrompts) {
  Begin();
  clock_.AdvanceBy(seconds(1));
  control_.Digit(id_, '2');  // barge-in during the welcome: a plain prompt ignores keys
  EXPECT_EQ(Prompts().size(), 1u);
  clock_.AdvanceBy(seconds(2));
  control_.Digit(id_, '2');  // during the menu prompt: counts
  EXPECT_EQ(ivr_->chosen_language(), "en");
  EXPECT_EQ(ivr_->prompt_language(), "en");
  EXPECT_EQ(Prompts().back(), "enter_pin_en");
}

TEST_F(IvrCallTest, NoKeyReplaysTheMenuOnTheClockThenTakesOtherwise) {
  Begin();
  clock_.AdvanceBy(seconds(3));  // welcome played; the menu prompt starts
  clock_.AdvanceBy(seconds(3));  // menu played; 5 s for a key
  clock_.AdvanceBy(seconds(4));
  EXPECT_EQ(Prompts().size(), 2u);
  clock_.AdvanceBy(seconds(1));  // timed out: second attempt
  EXPECT_EQ(Prompts().size(), 3u);
  EXPECT_EQ(Prompts().back(), "language_menu_hi");
  clock_.AdvanceBy(seconds(8));  // played and timed out again: third attempt
  EXPECT_EQ(Prompts().size(), 4u);
  clock_.AdvanceBy(seconds(8));  // the last attempt times out: otherwise (Hindi)
  EXPECT_EQ(Prompts().back(), "please_hold_hi");
  EXPECT_EQ(ivr_->chosen_language(), "hi");
  clock_.AdvanceBy(seconds(3));
  ASSERT_EQ(routed_.size(), 1u);
  EXPECT_EQ(routed_[0].language, "hi");
}

TEST_F(IvrCallTest, KeyTheFlowIgnoresDoesNotRestartTheTimer) {
  Begin();
  clock_.AdvanceBy(seconds(3));
  control_.Digit(id_, '2');                   // English: the PIN prompt
  clock_.AdvanceBy(seconds(3) + seconds(9));  // played, then 9 s of the 10 s wait
  control_.Digit(id_, '*');                   // ignored by a collect step
  clock_.AdvanceBy(seconds(1));               // the first timeout still stands: give up
  EXPECT_EQ(ivr_->answers().count("pin"), 0u);
  EXPECT_EQ(Prompts().back(), "recording_consent_en");
}

TEST_F(IvrCallTest, CollectedDigitsAreTheAnswerAndARecordingWithNowhereToGoIsSkipped) {
  Begin();
  clock_.AdvanceBy(seconds(3));
  control_.Digit(id_, '2');
  clock_.AdvanceBy(seconds(3));
  control_.Digit(id_, '4');
  clock_.AdvanceBy(seconds(9));  // a digit restarts the 10 s wait
  control_.Digit(id_, '2');
  EXPECT_EQ(ivr_->answers().at("pin"), "42");
  EXPECT_EQ(Prompts().back(), "recording_consent_en");
  // No recording_path: once consent is played the flow goes on at once.
  clock_.AdvanceBy(seconds(3));
  EXPECT_EQ(Prompts().back(), "please_hold_en");
  EXPECT_EQ(clock_.pending_timers(), 1u);  // only the hold prompt playing
  clock_.AdvanceBy(seconds(3));
  ASSERT_EQ(routed_.size(), 1u);
  EXPECT_EQ(routed_[0], (RouteToQueue{"helpline", "en"}));
}

TEST_F(IvrCallTest, RecordStepRecordsAfterTheConsentUntilAKey) {
  record_ = true;
  Begin();
  clock_.AdvanceBy(seconds(3));
  control_.Digit(id_, '2');
  clock_.AdvanceBy(seconds(3));
  control_.Digit(id_, '4');
  control_.Digit(id_, '2');
  EXPECT_EQ(Prompts().back(), "recording_consent_en");
  EXPECT_TRUE(control_.call(id_).recording.empty());  // not while the consent plays
  clock_.AdvanceBy(seconds(3));
  EXPECT_EQ(control_.call(id_).recording, "/rec/message.wav");
  clock_.AdvanceBy(seconds(20));
  EXPECT_EQ(Prompts().back(), "recording_consent_en");  // still recording
  control_.Digit(id_, '#');
  EXPECT_TRUE(control_.call(id_).recording.empty());
  EXPECT_EQ(Prompts().back(), "please_hold_en");
  const std::vector<std::string>& commands = control_.call(id_).commands;
  ASSERT_GE(commands.size(), 3u);
  EXPECT_EQ(commands[commands.size() - 3], "record /rec/message.wav");
  EXPECT_EQ(commands[commands.size() - 2], "stop recording");
  EXPECT_EQ(commands.back(), "play please_hold_en");
  EXPECT_EQ(ivr_->recordings(), std::vector<std::string>{"/rec/message.wav"});
}

TEST_F(IvrCallTest, RecordStepStopsAtItsLongest) {
  record_ = true;
  Begin();
  clock_.AdvanceBy(seconds(3));
  control_.Digit(id_, '2');
  clock_.AdvanceBy(seconds(3));
  control_.Digit(id_, '4');
  control_.Digit(id_, '2');
  clock_.AdvanceBy(seconds(3));  // consent played: recording
  clock_.AdvanceBy(seconds(60) - std::chrono::milliseconds(1));
  EXPECT_EQ(control_.call(id_).recording, "/rec/message.wav");
  clock_.AdvanceBy(std::chrono::milliseconds(1));  // max_seconds
  EXPECT_TRUE(control_.call(id_).recording.empty());
  EXPECT_EQ(Prompts().back(), "please_hold_en");
}

TEST_F(IvrCallTest, MenuWithoutOtherwiseAsksTheOwnerToHangUp) {
  Begin(kStrictFlow);
  EXPECT_EQ(Prompts().back(), "main_menu_hi");
  clock_.AdvanceBy(seconds(3 + 5 + 3 + 5));
  EXPECT_EQ(Prompts().size(), 2u);
  EXPECT_EQ(hangups_, 1);
  EXPECT_TRUE(routed_.empty());
  EXPECT_EQ(clock_.pending_timers(), 0u);
}

TEST_F(IvrCallTest, DestroyedWhileWaitingForAKeyFiresNothing) {
  Begin();
  clock_.AdvanceBy(seconds(6));  // the menu played; its 5 s timer runs
  ASSERT_EQ(clock_.pending_timers(), 1u);
  ivr_.reset();
  EXPECT_EQ(clock_.pending_timers(), 0u);
  clock_.AdvanceBy(seconds(60));
  EXPECT_EQ(Prompts().size(), 2u);
  EXPECT_TRUE(routed_.empty());
  EXPECT_EQ(hangups_, 0);
}

TEST_F(IvrCallTest, OwnerMayDestroyTheCallFromTheQueueCallback) {
  base::Result<telephony::ivr::Flow> flow = telephony::ivr::ParseFlow(kStrictFlow);
  ASSERT_TRUE(flow.ok());
  id_ = control_.Incoming("+919812300001", "+911800100100");
  IvrCall::Callbacks callbacks;
  callbacks.on_queue = [this](const RouteToQueue& route) {
    ivr_.reset();
    routed_.push_back(route);
  };
  ivr_ = std::make_unique<IvrCall>(clock_, control_, id_,
                                   std::make_shared<const telephony::ivr::Flow>(*std::move(flow)),
                                   "en", callbacks);
  ivr_->Start();
  control_.Digit(id_, '1');
  EXPECT_EQ(ivr_, nullptr);
  ASSERT_EQ(routed_.size(), 1u);
  EXPECT_EQ(routed_[0], (RouteToQueue{"helpline", ""}));
}

}  // namespace
}  // namespace callcenter
