#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <fstream>
#include <sstream>
#include <string>

#include "telephony/ivr/flow_parser.h"
#include "telephony/ivr/ivr_session.h"

namespace telephony::ivr {
namespace {

using ::testing::ElementsAre;

std::string ReadExample(const std::string& name) {
  std::ifstream file(std::string(JANSAMPARK_EXAMPLES_DIR) + "/ivr/" + name);
  EXPECT_TRUE(file) << name;
  std::stringstream text;
  text << file.rdbuf();
  return text.str();
}

TEST(IvrExamplesTest, HelplineGreetsAsksTheLanguageAndQueues) {
  base::Result<Flow> flow = ParseFlow(ReadExample("helpline.json"));
  ASSERT_TRUE(flow.ok()) << flow.status().ToString();
  EXPECT_THAT(flow->PromptNames(), ElementsAre("language_menu", "please_hold", "welcome"));
  IvrSession session(*flow);
  EXPECT_EQ(ToString(session.Start()), "play welcome");
  EXPECT_EQ(ToString(session.OnPlayed()), "play language_menu");
  EXPECT_EQ(ToString(session.OnDigit('2')), "play please_hold");
  EXPECT_EQ(ToString(session.OnPlayed()), "queue helpline en");
}

TEST(IvrExamplesTest, SurveyTakesOneAnswerAndHangsUp) {
  base::Result<Flow> flow = ParseFlow(ReadExample("survey.json"));
  ASSERT_TRUE(flow.ok()) << flow.status().ToString();
  EXPECT_THAT(flow->PromptNames(),
              ElementsAre("language_menu", "survey_satisfaction", "thank_you"));
  IvrSession session(*flow);
  EXPECT_EQ(ToString(session.Start()), "play language_menu");
  EXPECT_EQ(ToString(session.OnDigit('1')), "play survey_satisfaction");
  EXPECT_EQ(ToString(session.OnPlayed()), "wait 1 digit 8s");
  EXPECT_EQ(ToString(session.OnDigit('1')), "play thank_you");
  EXPECT_EQ(ToString(session.OnPlayed()), "hangup");
  EXPECT_EQ(session.answers().at("satisfaction"), "1");
  EXPECT_EQ(session.language(), "hi");
}

}  // namespace
}  // namespace telephony::ivr
