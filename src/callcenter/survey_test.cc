// Survey questions: the rules of each answer type, and the answers each accepts.
#include "callcenter/survey.h"

#include <gtest/gtest.h>

namespace callcenter {
namespace {

SurveyQuestion Question(std::string id, std::string text, AnswerType type) {
  SurveyQuestion question;
  question.id = std::move(id);
  question.text = std::move(text);
  question.type = type;
  return question;
}

SurveyQuestion YesNo() { return Question("will-vote", "Will you vote?", AnswerType::kYesNo); }

SurveyQuestion Choice() {
  SurveyQuestion question = Question("issue", "Which issue matters most?", AnswerType::kChoice);
  question.options = {"jobs", "water", "roads"};
  return question;
}

SurveyQuestion Number() {
  SurveyQuestion question =
      Question("voters", "How many voters live in your home?", AnswerType::kNumber);
  question.max = 20;
  return question;
}

SurveyQuestion Text() {
  SurveyQuestion question = Question("comment", "Anything else?", AnswerType::kText);
  question.max_length = 5;
  return question;
}

std::string Error(const SurveyQuestion& question) {
  return ValidateQuestion(question, "survey[0]").message();
}

TEST(SurveyTest, WellFormedQuestionsOfEachTypePass) {
  for (const SurveyQuestion& question : {YesNo(), Choice(), Number(), Text()}) {
    EXPECT_TRUE(ValidateQuestion(question, "survey[0]").ok()) << Error(question);
  }
}

TEST(SurveyTest, ChoiceNeedsTwoDistinctNonEmptyOptions) {
  SurveyQuestion one = Choice();
  one.options = {"jobs"};
  EXPECT_EQ(Error(one), "survey[0].options must list at least 2 choices for a choice question");
  SurveyQuestion twice = Choice();
  twice.options = {"jobs", "water", "jobs"};
  EXPECT_EQ(Error(twice), "survey[0].options lists 'jobs' twice");
  SurveyQuestion blank = Choice();
  blank.options = {"jobs", " "};
  EXPECT_EQ(Error(blank), "survey[0].options must not hold an empty choice");
}

TEST(SurveyTest, NumberNeedsMinBelowMax) {
  SurveyQuestion equal = Number();
  equal.min = 20;
  EXPECT_EQ(Error(equal), "survey[0].min must be below max (20 is not below 20)");
}

TEST(SurveyTest, TextLengthIsFromOneToTwoThousand) {
  SurveyQuestion none = Text();
  none.max_length = 0;
  EXPECT_EQ(Error(none), "survey[0].max_length must be from 1 to 2000, not 0");
  SurveyQuestion huge = Text();
  huge.max_length = 2001;
  EXPECT_FALSE(ValidateQuestion(huge, "survey[0]").ok());
}

TEST(SurveyTest, TextOfTheQuestionIsRequired) {
  SurveyQuestion blank = YesNo();
  blank.text = "";
  EXPECT_EQ(Error(blank), "survey[0].text must not be empty");
}

TEST(SurveyTest, FieldsOfAnotherTypeAreRefused) {
  SurveyQuestion options = YesNo();
  options.options = {"a", "b"};
  EXPECT_EQ(Error(options), "survey[0].options is only for a choice question, not yes_no");
  SurveyQuestion bounds = Text();
  bounds.max = 3;
  EXPECT_NE(Error(bounds).find("only for a number question"), std::string::npos);
  SurveyQuestion length = Number();
  length.max_length = 3;
  EXPECT_NE(Error(length).find("only for a text question"), std::string::npos);
}

TEST(SurveyTest, YesNoTakesYesOrNo) {
  EXPECT_TRUE(CheckAnswer(YesNo(), "yes").ok());
  EXPECT_TRUE(CheckAnswer(YesNo(), "no").ok());
  base::Status maybe = CheckAnswer(YesNo(), "maybe");
  EXPECT_EQ(maybe.code(), base::StatusCode::kInvalidArgument);
  EXPECT_EQ(maybe.message(), "question will-vote: answer 'maybe' must be yes or no");
  EXPECT_FALSE(CheckAnswer(YesNo(), "Yes").ok());
}

TEST(SurveyTest, ChoiceTakesOneOptionExactly) {
  EXPECT_TRUE(CheckAnswer(Choice(), "water").ok());
  EXPECT_EQ(CheckAnswer(Choice(), "Water").message(),
            "question issue: answer 'Water' is not one of jobs, water, roads");
}

TEST(SurveyTest, NumberTakesAWholeNumberInRange) {
  EXPECT_TRUE(CheckAnswer(Number(), "0").ok());
  EXPECT_TRUE(CheckAnswer(Number(), "20").ok());
  EXPECT_EQ(CheckAnswer(Number(), "21").message(),
            "question voters: answer '21' must be a whole number from 0 to 20");
  EXPECT_FALSE(CheckAnswer(Number(), "-1").ok());
  EXPECT_FALSE(CheckAnswer(Number(), "2.5").ok());
  EXPECT_FALSE(CheckAnswer(Number(), "three").ok());
  EXPECT_FALSE(CheckAnswer(Number(), "").ok());
}

TEST(SurveyTest, TextTakesOneToMaxLengthCharacters) {
  EXPECT_TRUE(CheckAnswer(Text(), "hello").ok());
  EXPECT_TRUE(CheckAnswer(Text(), "a").ok());
}

TEST(SurveyTest, TextCountsCodePointsNotBytes) {
  EXPECT_EQ(CountCharacters("नमस"), 3u);  // 9 bytes
  EXPECT_TRUE(CheckAnswer(Text(), "नमस").ok());
  EXPECT_EQ(CheckAnswer(Text(), "hello!").message(),
            "question comment: answer has 6 characters; at most 5 are allowed");
  EXPECT_EQ(CheckAnswer(Text(), "  ").message(), "question comment: answer is empty");
}

}  // namespace
}  // namespace callcenter
