#include "telephony/ivr/ivr_session.h"

#include <gtest/gtest.h>

#include <map>
#include <string>

#include "telephony/ivr/flow_parser.h"

namespace telephony::ivr {
namespace {

// The flow of docs/ivr.md, with a menu of every kind of step after the language is chosen.
constexpr std::string_view kFlow = R"({
  "start": "welcome",
  "steps": {
    "welcome":  { "play": "welcome", "next": "language" },
    "language": { "menu": { "prompt": "language_menu", "options": { "1": "hindi", "2": "english" },
                            "timeout_seconds": 5, "attempts": 3, "otherwise": "hindi" } },
    "hindi":    { "language": "hi", "next": "main" },
    "english":  { "language": "en", "next": "main" },
    "main":     { "menu": { "prompt": "main_menu",
                            "options": { "1": "pin", "2": "q1", "3": "consent", "0": "queue" },
                            "attempts": 2 } },
    "pin":      { "collect": { "prompt": "enter_pin", "digits": 6, "into": "pin",
                               "timeout_seconds": 10, "attempts": 2 }, "next": "q1" },
    "q1":       { "survey": { "question": "satisfaction", "prompt": "q1", "timeout_seconds": 8,
                              "attempts": 2 }, "next": "thanks" },
    "consent":  { "record": { "consent_prompt": "recording_consent", "max_seconds": 120 },
                  "next": "queue" },
    "queue":    { "queue": "helpline" },
    "thanks":   { "play": "thank_you", "next": "bye" },
    "bye":      { "hangup": true } } })";

class IvrSessionTest : public ::testing::Test {
 protected:
  static Flow Load(std::string_view text) {
    base::Result<Flow> flow = ParseFlow(text);
    EXPECT_TRUE(flow.ok()) << flow.status().ToString();
    return std::move(flow).value();
  }

  std::string Start() { return ToString(session_.Start()); }
  std::string Played() { return ToString(session_.OnPlayed()); }
  std::string Digit(char digit) { return ToString(session_.OnDigit(digit)); }
  std::string Timeout() { return ToString(session_.OnTimeout()); }
  std::string Keys(std::string_view keys) {
    std::string last;
    for (char key : keys) last = Digit(key);
    return last;
  }

  // Through the welcome and the language menu (choosing `key`) to the main menu's prompt.
  void ToMainMenu(char key) {
    ASSERT_EQ(Start(), "play welcome");
    ASSERT_EQ(Played(), "play language_menu");
    ASSERT_EQ(Played(), "wait 1 digit 5s");
    ASSERT_EQ(Digit(key), "play main_menu");
  }

  Flow flow_ = Load(kFlow);
  IvrSession session_{flow_};
};

TEST_F(IvrSessionTest, LanguageIsChosenByDigit) {
  EXPECT_EQ(session_.step(), "");
  EXPECT_EQ(Start(), "play welcome");
  EXPECT_EQ(Played(), "play language_menu");
  EXPECT_EQ(Played(), "wait 1 digit 5s");
  EXPECT_EQ(session_.language(), "");
  EXPECT_EQ(Digit('2'), "play main_menu");
  EXPECT_EQ(session_.language(), "en");
  EXPECT_EQ(session_.step(), "main");
}

TEST_F(IvrSessionTest, RouteToQueueCarriesTheLanguage) {
  ToMainMenu('1');
  EXPECT_EQ(Played(), "wait 1 digit 5s");
  EXPECT_EQ(session_.OnDigit('0'), Action(RouteToQueue{"helpline", "hi"}));
  EXPECT_TRUE(session_.ended());
  EXPECT_EQ(Digit('1'), "continue");
  EXPECT_EQ(Played(), "continue");
  EXPECT_EQ(Timeout(), "continue");
}

TEST_F(IvrSessionTest, MenuRetriesThenGoesToOtherwise) {
  EXPECT_EQ(Start(), "play welcome");
  EXPECT_EQ(Played(), "play language_menu");
  EXPECT_EQ(Played(), "wait 1 digit 5s");
  EXPECT_EQ(Timeout(), "play language_menu");  // attempt 2
  EXPECT_EQ(Played(), "wait 1 digit 5s");
  EXPECT_EQ(Digit('7'), "play language_menu");  // not an option: attempt 3
  EXPECT_EQ(Played(), "wait 1 digit 5s");
  EXPECT_EQ(Timeout(), "play main_menu");  // otherwise: hindi
  EXPECT_EQ(session_.language(), "hi");
}

TEST_F(IvrSessionTest, MenuWithoutOtherwiseHangsUpAfterTheLastAttempt) {
  ToMainMenu('1');
  EXPECT_EQ(Played(), "wait 1 digit 5s");
  EXPECT_EQ(Digit('#'), "play main_menu");
  EXPECT_EQ(Played(), "wait 1 digit 5s");
  EXPECT_EQ(Timeout(), "hangup");
  EXPECT_TRUE(session_.ended());
}

TEST_F(IvrSessionTest, SurveyStoresTheDigitPressed) {
  ToMainMenu('1');
  EXPECT_EQ(Digit('2'), "play q1");  // barge-in at the main menu
  EXPECT_EQ(Played(), "wait 1 digit 8s");
  EXPECT_EQ(Digit('4'), "play thank_you");
  EXPECT_EQ(Played(), "hangup");
  EXPECT_EQ(session_.answers(), (std::map<std::string, std::string>{{"satisfaction", "4"}}));
}

TEST_F(IvrSessionTest, OutOfRangeSurveyDigitAsksAgain) {
  ToMainMenu('1');
  EXPECT_EQ(Digit('2'), "play q1");
  EXPECT_EQ(Played(), "wait 1 digit 8s");
  EXPECT_EQ(Digit('9'), "play q1");
  EXPECT_EQ(Played(), "wait 1 digit 8s");
  EXPECT_EQ(Digit('5'), "play thank_you");
  EXPECT_EQ(session_.answers().at("satisfaction"), "5");
}

TEST_F(IvrSessionTest, SurveyGoesOnWithoutAnAnswerAfterTheLastAttempt) {
  ToMainMenu('1');
  EXPECT_EQ(Digit('2'), "play q1");
  EXPECT_EQ(Digit('0'), "play q1");  // barge-in with an answer out of range
  EXPECT_EQ(Played(), "wait 1 digit 8s");
  EXPECT_EQ(Timeout(), "play thank_you");
  EXPECT_TRUE(session_.answers().empty());
}

TEST_F(IvrSessionTest, CollectsSixDigits) {
  ToMainMenu('1');
  EXPECT_EQ(Digit('1'), "play enter_pin");
  EXPECT_EQ(Played(), "wait 6 digits 10s");
  EXPECT_EQ(Keys("12345"), "wait 1 digit 10s");
  EXPECT_EQ(Digit('6'), "play q1");
  EXPECT_EQ(session_.answers().at("pin"), "123456");
}

TEST_F(IvrSessionTest, CollectBargeInCutsThePromptAndKeepsTheDigits) {
  ToMainMenu('1');
  EXPECT_EQ(Digit('1'), "play enter_pin");
  EXPECT_EQ(Digit('9'), "wait 5 digits 10s");  // pressed while the prompt plays
  EXPECT_EQ(Played(), "continue");             // a stale end of the cut prompt
  EXPECT_EQ(Digit('*'), "continue");           // not a digit: ignored
  EXPECT_EQ(Keys("87654"), "play q1");
  EXPECT_EQ(session_.answers().at("pin"), "987654");
}

TEST_F(IvrSessionTest, CollectTimeoutDiscardsDigitsAndAsksAgain) {
  ToMainMenu('1');
  EXPECT_EQ(Digit('1'), "play enter_pin");
  EXPECT_EQ(Played(), "wait 6 digits 10s");
  EXPECT_EQ(Keys("12"), "wait 4 digits 10s");
  EXPECT_EQ(Timeout(), "play enter_pin");
  EXPECT_EQ(Played(), "wait 6 digits 10s");
  EXPECT_EQ(Timeout(), "play q1");  // out of attempts: on without a pin
  EXPECT_EQ(session_.answers().count("pin"), 0U);
}

TEST_F(IvrSessionTest, PlainPromptIgnoresKeys) {
  EXPECT_EQ(Start(), "play welcome");
  EXPECT_EQ(Digit('1'), "continue");
  EXPECT_EQ(Timeout(), "continue");
  EXPECT_EQ(Played(), "play language_menu");
}

TEST_F(IvrSessionTest, RecordsAfterTheConsentPrompt) {
  ToMainMenu('2');
  EXPECT_EQ(Digit('3'), "play recording_consent");
  EXPECT_EQ(Digit('5'), "continue");  // the consent prompt is heard in full
  EXPECT_EQ(Played(), "record 120s");
  EXPECT_EQ(session_.OnDigit('#'), Action(RouteToQueue{"helpline", "en"}));
}

TEST_F(IvrSessionTest, RecordingEndsWhenItsTimeIsUp) {
  ToMainMenu('2');
  EXPECT_EQ(Digit('3'), "play recording_consent");
  EXPECT_EQ(Played(), "record 120s");
  EXPECT_EQ(Timeout(), "queue helpline en");
}

TEST_F(IvrSessionTest, EventsBeforeStartChangeNothing) {
  EXPECT_EQ(Played(), "continue");
  EXPECT_EQ(Digit('1'), "continue");
  EXPECT_EQ(Timeout(), "continue");
  EXPECT_EQ(Start(), "play welcome");
}

TEST_F(IvrSessionTest, AFlowMayEndAtOnce) {
  Flow flow = Load(R"({"start": "hi", "steps": {
      "hi": {"language": "hi", "next": "q"}, "q": {"queue": "sales"}}})");
  IvrSession session(flow);
  EXPECT_EQ(session.Start(), Action(RouteToQueue{"sales", "hi"}));
  EXPECT_TRUE(session.ended());
}

TEST(ActionTest, DescribesEachActionInOneLine) {
  EXPECT_EQ(ToString(PlayPrompt{"welcome"}), "play welcome");
  EXPECT_EQ(ToString(WaitForDigits{6, std::chrono::seconds(10)}), "wait 6 digits 10s");
  EXPECT_EQ(ToString(StartRecording{std::chrono::seconds(30)}), "record 30s");
  EXPECT_EQ(ToString(RouteToQueue{"helpline", ""}), "queue helpline");
  EXPECT_EQ(ToString(Hangup{}), "hangup");
  EXPECT_EQ(ToString(Continue{}), "continue");
}

}  // namespace
}  // namespace telephony::ivr
