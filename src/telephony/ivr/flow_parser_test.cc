#include "telephony/ivr/flow_parser.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <string>

namespace telephony::ivr {
namespace {

using nlohmann::json;
using ::testing::ElementsAre;

// Every kind of step, every one reachable; the tests below break it one way at a time.
json ValidFlow() {
  return json::parse(R"({
    "start": "welcome",
    "steps": {
      "welcome":  { "play": "welcome", "next": "language" },
      "language": { "menu": { "prompt": "language_menu", "options": { "1": "hindi", "2": "english",
                              "3": "pin", "4": "consent" },
                              "timeout_seconds": 5, "attempts": 3, "otherwise": "hindi" } },
      "hindi":    { "language": "hi", "next": "queue" },
      "english":  { "language": "en", "next": "q1" },
      "pin":      { "collect": { "prompt": "enter_pin", "digits": 6, "into": "pin",
                                 "timeout_seconds": 10 }, "next": "q1" },
      "q1":       { "survey": { "question": "satisfaction", "prompt": "q1", "timeout_seconds": 8 },
                    "next": "thanks" },
      "consent":  { "record": { "consent_prompt": "recording_consent", "max_seconds": 120 },
                    "next": "queue" },
      "queue":    { "queue": "helpline" },
      "thanks":   { "play": "thank_you", "next": "bye" },
      "bye":      { "hangup": true } } })");
}

std::string ErrorOfText(std::string_view text) {
  base::Result<Flow> flow = ParseFlow(text);
  if (flow.ok()) return "(parsed)";
  EXPECT_EQ(flow.status().code(), base::StatusCode::kInvalidArgument);
  return flow.status().message();
}

std::string ErrorOf(const json& flow) { return ErrorOfText(flow.dump()); }

TEST(FlowParserTest, ReadsEveryKindOfStep) {
  base::Result<Flow> flow = ParseFlow(ValidFlow().dump());
  ASSERT_TRUE(flow.ok()) << flow.status().ToString();
  EXPECT_EQ(flow->start(), "welcome");
  EXPECT_EQ(flow->steps().size(), 10U);
  const auto& menu = std::get<MenuStep>(flow->Find("language")->action);
  EXPECT_EQ(menu.options.at('2'), "english");
  EXPECT_EQ(menu.otherwise, "hindi");
  EXPECT_EQ(menu.timeout, std::chrono::seconds(5));
  const auto& collect = std::get<CollectStep>(flow->Find("pin")->action);
  EXPECT_EQ(collect.digits, 6);
  EXPECT_EQ(collect.into, "pin");
  const auto& survey = std::get<SurveyStep>(flow->Find("q1")->action);
  EXPECT_EQ(survey.min, 1);
  EXPECT_EQ(survey.max, 5);
  EXPECT_EQ(survey.attempts, 3);
  EXPECT_EQ(std::get<RecordStep>(flow->Find("consent")->action).max, std::chrono::seconds(120));
  EXPECT_EQ(flow->Find("nowhere"), nullptr);
}

TEST(FlowParserTest, ListsThePromptsAndQueuesItUses) {
  base::Result<Flow> flow = ParseFlow(ValidFlow().dump());
  ASSERT_TRUE(flow.ok());
  EXPECT_THAT(flow->PromptNames(), ElementsAre("enter_pin", "language_menu", "q1",
                                               "recording_consent", "thank_you", "welcome"));
  EXPECT_THAT(flow->QueueNames(), ElementsAre("helpline"));
}

TEST(FlowParserTest, TakesDefaultsForOptionalBounds) {
  json flow = ValidFlow();
  flow["steps"]["language"]["menu"].erase("timeout_seconds");
  flow["steps"]["language"]["menu"].erase("attempts");
  flow["steps"]["consent"]["record"].erase("max_seconds");
  base::Result<Flow> parsed = ParseFlow(flow.dump());
  ASSERT_TRUE(parsed.ok()) << parsed.status().ToString();
  const auto& menu = std::get<MenuStep>(parsed->Find("language")->action);
  EXPECT_EQ(menu.timeout, std::chrono::seconds(5));
  EXPECT_EQ(menu.attempts, 3);
}

TEST(FlowParserTest, RefusesTextThatIsNotAFlowDocument) {
  EXPECT_EQ(ErrorOfText("{\n  \"start\": \"welcome\",\n  \"steps\": {,}\n}"),
            "line 3, column 13: malformed JSON: syntax error while parsing object key - "
            "unexpected ','; expected string literal");
  EXPECT_THAT(ErrorOfText(""), ::testing::StartsWith("line 1, column 1: malformed JSON: "));
  EXPECT_EQ(ErrorOfText("[1, 2]"), "expected an object at the top of the document");
  EXPECT_EQ(
      ErrorOfText(R"({"start": "a", "steps": {"a": {"hangup": true}, "a": {"hangup": true}}})"),
      "key 'a' is given twice in one object");
}

TEST(FlowParserTest, RefusesTextOver256KiB) {
  std::string text = ValidFlow().dump();
  text.append(kMaxFlowBytes + 1 - text.size(), ' ');
  EXPECT_EQ(ErrorOfText(text), "flow is 262145 bytes; at most 262144 (256 KiB) are allowed");
  text.pop_back();
  EXPECT_EQ(ErrorOfText(text), "(parsed)");
}

TEST(FlowParserTest, RefusesMoreThan200Steps) {
  json flow = {{"start", "s0"}, {"steps", json::object()}};
  for (int i = 0; i < 201; ++i) {
    flow["steps"]["s" + std::to_string(i)] = {{"play", "p"}, {"next", "s" + std::to_string(i + 1)}};
  }
  EXPECT_EQ(ErrorOf(flow), "steps: 201 steps; at most 200 are allowed");
  flow["steps"].erase("s200");
  flow["steps"]["s199"] = {{"hangup", true}};
  EXPECT_EQ(ErrorOf(flow), "(parsed)");
}

TEST(FlowParserTest, RefusesMissingAndMistypedTopLevelKeys) {
  json flow = ValidFlow();
  flow["strat"] = "welcome";
  EXPECT_EQ(ErrorOf(flow), "strat: unknown key; did you mean start?");
  flow = ValidFlow();
  flow.erase("start");
  EXPECT_EQ(ErrorOf(flow), "start: required key is missing");
  flow["start"] = 7;
  EXPECT_EQ(ErrorOf(flow), "start: expected a string");
  flow = ValidFlow();
  flow["steps"] = json::array();
  EXPECT_EQ(ErrorOf(flow), "steps: expected an object");
  flow["steps"] = json::object();
  EXPECT_EQ(ErrorOf(flow), "steps: at least one step is required");
  flow = ValidFlow();
  flow["note"] = 1;
  EXPECT_EQ(ErrorOf(flow), "note: expected a string");
}

TEST(FlowParserTest, RefusesAStartOrNextThatNamesNoStep) {
  json flow = ValidFlow();
  flow["start"] = "welcom";
  EXPECT_EQ(ErrorOf(flow), "start: no step named 'welcom' (did you mean 'welcome'?)");
  flow = ValidFlow();
  flow["steps"]["welcome"]["next"] = "langauge";
  EXPECT_EQ(ErrorOf(flow),
            "steps.welcome.next: no step named 'langauge' (did you mean 'language'?)");
  flow["steps"]["welcome"]["next"] = "zzzzzzzz";
  EXPECT_EQ(ErrorOf(flow), "steps.welcome.next: no step named 'zzzzzzzz'");
  flow = ValidFlow();
  flow["steps"]["language"]["menu"]["options"]["2"] = "englsh";
  EXPECT_EQ(ErrorOf(flow),
            "steps.language.menu.options.2: no step named 'englsh' (did you mean 'english'?)");
  flow = ValidFlow();
  flow["steps"]["language"]["menu"]["otherwise"] = "hindu";
  EXPECT_EQ(ErrorOf(flow),
            "steps.language.menu.otherwise: no step named 'hindu' (did you mean 'hindi'?)");
}

TEST(FlowParserTest, RefusesUnknownKeysNamingTheNearest) {
  json flow = ValidFlow();
  flow["steps"]["welcome"]["paly"] = "welcome";
  EXPECT_EQ(ErrorOf(flow), "steps.welcome.paly: unknown key; did you mean play?");
  flow = ValidFlow();
  flow["steps"]["language"]["menu"]["timeout"] = 5;
  EXPECT_EQ(ErrorOf(flow),
            "steps.language.menu.timeout: unknown key; did you mean timeout_seconds?");
  flow = ValidFlow();
  flow["steps"]["consent"]["record"]["zzz"] = 5;
  EXPECT_EQ(ErrorOf(flow),
            "steps.consent.record.zzz: unknown key; expected one of consent_prompt, max_seconds");
}

TEST(FlowParserTest, RefusesAStepWithTwoActionsOrNone) {
  json flow = ValidFlow();
  flow["steps"]["welcome"]["queue"] = "helpline";
  EXPECT_EQ(ErrorOf(flow), "steps.welcome: has both play and queue; a step has exactly one action");
  flow["steps"]["welcome"]["hangup"] = true;
  EXPECT_EQ(ErrorOf(flow),
            "steps.welcome: has both play, queue and hangup; a step has exactly one action");
  flow = ValidFlow();
  flow["steps"]["welcome"] = {{"next", "language"}};
  EXPECT_EQ(ErrorOf(flow),
            "steps.welcome: no action; a step has one of play, menu, collect, survey, language, "
            "record, queue or hangup");
  flow["steps"]["welcome"] = "play";
  EXPECT_EQ(ErrorOf(flow), "steps.welcome: expected an object");
}

TEST(FlowParserTest, RequiresNextExactlyWhereTheFlowGoesOn) {
  json flow = ValidFlow();
  flow["steps"]["welcome"].erase("next");
  EXPECT_EQ(ErrorOf(flow),
            "steps.welcome.next: required key is missing (a play step goes on to another step)");
  flow = ValidFlow();
  flow["steps"]["pin"].erase("next");
  EXPECT_EQ(ErrorOf(flow),
            "steps.pin.next: required key is missing (a collect step goes on to another step)");
  flow = ValidFlow();
  flow["steps"]["queue"]["next"] = "bye";
  EXPECT_EQ(ErrorOf(flow), "steps.queue.next: a queue step ends the flow, so it has no next");
  flow = ValidFlow();
  flow["steps"]["bye"]["next"] = "bye";
  EXPECT_EQ(ErrorOf(flow), "steps.bye.next: a hangup step ends the flow, so it has no next");
  flow = ValidFlow();
  flow["steps"]["language"]["next"] = "hindi";
  EXPECT_EQ(ErrorOf(flow),
            "steps.language.next: a menu step goes on by its options and otherwise, so it has no "
            "next");
  flow = ValidFlow();
  flow["steps"]["welcome"]["next"] = 3;
  EXPECT_EQ(ErrorOf(flow), "steps.welcome.next: expected a string");
  flow["steps"]["welcome"]["next"] = "";
  EXPECT_EQ(ErrorOf(flow), "steps.welcome.next: expected a step name");
}

TEST(FlowParserTest, RefusesMenuOptionsThatAreNotOneKey) {
  json flow = ValidFlow();
  flow["steps"]["language"]["menu"]["options"]["12"] = "hindi";
  EXPECT_EQ(ErrorOf(flow), "steps.language.menu.options: '12' is not a single key 0-9, * or #");
  flow["steps"]["language"]["menu"]["options"] = {{"a", "hindi"}};
  EXPECT_EQ(ErrorOf(flow), "steps.language.menu.options: 'a' is not a single key 0-9, * or #");
  flow["steps"]["language"]["menu"]["options"] = {{"*", "hindi"}, {"#", 1}};
  EXPECT_EQ(ErrorOf(flow), "steps.language.menu.options.#: expected a string");
  flow["steps"]["language"]["menu"]["options"] = json::object();
  EXPECT_EQ(ErrorOf(flow), "steps.language.menu.options: at least one option is required");
  flow["steps"]["language"]["menu"].erase("options");
  EXPECT_EQ(ErrorOf(flow), "steps.language.menu.options: required key is missing");
}

TEST(FlowParserTest, RefusesNumbersOutOfBounds) {
  auto with = [](const char* step, const char* action, const char* key, const json& value) {
    json flow = ValidFlow();
    flow["steps"][step][action][key] = value;
    return ErrorOf(flow);
  };
  EXPECT_EQ(with("pin", "collect", "digits", 40),
            "steps.pin.collect.digits: must be from 1 to 32, not 40");
  EXPECT_EQ(with("pin", "collect", "digits", 0),
            "steps.pin.collect.digits: must be from 1 to 32, not 0");
  EXPECT_EQ(with("pin", "collect", "digits", 1.5),
            "steps.pin.collect.digits: expected a whole number");
  EXPECT_EQ(with("pin", "collect", "timeout_seconds", 121),
            "steps.pin.collect.timeout_seconds: must be from 1 to 120, not 121");
  EXPECT_EQ(with("language", "menu", "timeout_seconds", 0),
            "steps.language.menu.timeout_seconds: must be from 1 to 120, not 0");
  EXPECT_EQ(with("language", "menu", "attempts", 10),
            "steps.language.menu.attempts: must be from 1 to 9, not 10");
  EXPECT_EQ(with("language", "menu", "attempts", -1),
            "steps.language.menu.attempts: must be from 1 to 9, not -1");
  EXPECT_EQ(with("language", "menu", "attempts", 18446744073709551615ULL),
            "steps.language.menu.attempts: must be from 1 to 9, not 18446744073709551615");
  EXPECT_EQ(with("q1", "survey", "max", 10), "steps.q1.survey.max: must be from 0 to 9, not 10");
  EXPECT_EQ(with("q1", "survey", "min", 5), "steps.q1.survey: min (5) must be below max (5)");
  EXPECT_EQ(with("consent", "record", "max_seconds", 601),
            "steps.consent.record.max_seconds: must be from 1 to 600, not 601");
  EXPECT_EQ(with("pin", "collect", "digits", nullptr),
            "steps.pin.collect.digits: expected a whole number");
}

TEST(FlowParserTest, RefusesMissingActionFields) {
  json flow = ValidFlow();
  flow["steps"]["pin"]["collect"].erase("digits");
  EXPECT_EQ(ErrorOf(flow), "steps.pin.collect.digits: required key is missing");
  flow = ValidFlow();
  flow["steps"]["pin"]["collect"].erase("into");
  EXPECT_EQ(ErrorOf(flow), "steps.pin.collect.into: required key is missing");
  flow = ValidFlow();
  flow["steps"]["q1"]["survey"].erase("question");
  EXPECT_EQ(ErrorOf(flow), "steps.q1.survey.question: required key is missing");
  flow = ValidFlow();
  flow["steps"]["consent"]["record"].erase("consent_prompt");
  EXPECT_EQ(ErrorOf(flow), "steps.consent.record.consent_prompt: required key is missing");
  flow = ValidFlow();
  flow["steps"]["language"]["menu"] = "language_menu";
  EXPECT_EQ(ErrorOf(flow), "steps.language.menu: expected an object");
}

TEST(FlowParserTest, RefusesBadNames) {
  json flow = ValidFlow();
  flow["steps"]["welcome"]["play"] = "Welcome!";
  EXPECT_EQ(ErrorOf(flow),
            "steps.welcome.play: 'Welcome!' is not a valid prompt name (1 to 64 of a-z, 0-9, '_' "
            "and '-', starting with a letter)");
  flow = ValidFlow();
  flow["steps"]["queue"]["queue"] = "";
  EXPECT_EQ(ErrorOf(flow),
            "steps.queue.queue: '' is not a valid queue name (1 to 64 of a-z, 0-9, '_' and '-', "
            "starting with a letter)");
  flow = ValidFlow();
  flow["steps"]["Bad Step"] = {{"hangup", true}};
  EXPECT_EQ(ErrorOf(flow),
            "steps.Bad Step: 'Bad Step' is not a valid step name (1 to 64 of a-z, 0-9, '_' and "
            "'-', starting with a letter)");
  flow = ValidFlow();
  flow["steps"]["hindi"]["language"] = "hindi";
  EXPECT_EQ(ErrorOf(flow),
            "steps.hindi.language: 'hindi' is not a language code (ISO 639: two or three "
            "lower-case letters, such as hi)");
  flow = ValidFlow();
  flow["steps"]["bye"]["hangup"] = false;
  EXPECT_EQ(ErrorOf(flow), "steps.bye.hangup: expected true");
  flow["steps"]["bye"]["hangup"] = "yes";
  EXPECT_EQ(ErrorOf(flow), "steps.bye.hangup: expected true");
  flow = ValidFlow();
  flow["steps"]["pin"]["collect"]["into"] = "PIN";
  EXPECT_EQ(ErrorOf(flow),
            "steps.pin.collect.into: 'PIN' is not a valid answer name (1 to 64 of a-z, 0-9, '_' "
            "and '-', starting with a letter)");
  flow = ValidFlow();
  flow["steps"]["q1"]["survey"]["question"] = "1st";
  EXPECT_EQ(ErrorOf(flow),
            "steps.q1.survey.question: '1st' is not a valid question name (1 to 64 of a-z, 0-9, "
            "'_' and '-', starting with a letter)");
  flow = ValidFlow();
  flow["steps"]["welcome"]["play"] = 1;
  EXPECT_EQ(ErrorOf(flow), "steps.welcome.play: expected a string");
}

TEST(FlowParserTest, RefusesStepsThatCannotBeReached) {
  json flow = ValidFlow();
  flow["steps"]["spare"] = {{"hangup", true}};
  flow["steps"]["orphan"] = {{"play", "welcome"}, {"next", "spare"}};
  EXPECT_EQ(ErrorOf(flow), "steps: not reachable from start 'welcome': orphan, spare");
}

TEST(FlowParserTest, RefusesALoopThatNeverWaitsForTheCaller) {
  json flow = ValidFlow();
  flow["steps"]["thanks"]["next"] = "again";
  flow["steps"]["again"] = {{"language", "hi"}, {"next", "thanks"}};
  flow["steps"].erase("bye");
  EXPECT_EQ(ErrorOf(flow),
            "steps.again: the loop again -> thanks -> again never waits for the "
            "caller or ends");
  flow = ValidFlow();
  flow["steps"]["thanks"]["next"] = "thanks";
  flow["steps"].erase("bye");
  EXPECT_EQ(ErrorOf(flow),
            "steps.thanks: the loop thanks -> thanks never waits for the caller "
            "or ends");
}

TEST(FlowParserTest, AcceptsALoopThroughAStepThatWaits) {
  json flow = ValidFlow();
  flow["steps"]["thanks"]["next"] = "language";  // back to the menu: the caller chooses again
  flow["steps"].erase("bye");
  EXPECT_EQ(ErrorOf(flow), "(parsed)");
}

}  // namespace
}  // namespace telephony::ivr
