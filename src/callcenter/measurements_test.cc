#include "callcenter/measurements.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <chrono>

namespace callcenter {
namespace {

using std::chrono::hours;
using std::chrono::minutes;
using std::chrono::seconds;
using ::testing::DoubleNear;
using ::testing::ElementsAre;
using ::testing::IsEmpty;

const base::TimePoint kStart{hours(24 * 365 * 50)};

void RecordMany(Measurements& m, int count, CallResult result, base::Duration ring = seconds(5)) {
  for (int i = 0; i < count; ++i) m.RecordResult(result, ring);
}

TEST(MeasurementsTest, AnswerRateIsThePriorWithNoResults) {
  Measurements m;
  EXPECT_DOUBLE_EQ(m.HumanAnswerRate(0.3), 0.3);
  EXPECT_DOUBLE_EQ(m.HumanAnswerRate(0.6), 0.6);
}

TEST(MeasurementsTest, AnswerRateLeansOnThePriorWithFewResults) {
  Measurements m;
  RecordMany(m, 10, CallResult::kHuman);
  // Ten results: the prior still weighs 20 x (1 - 10/50) = 16 results.
  EXPECT_NEAR(m.HumanAnswerRate(0.3), (10 + 0.3 * 16) / (10 + 16.0), 1e-12);
  EXPECT_GT(m.HumanAnswerRate(0.3), 0.3);
  EXPECT_LT(m.HumanAnswerRate(0.3), 1.0);
}

TEST(MeasurementsTest, AnswerRateIsMeasuredOnceEnoughResults) {
  Measurements m;
  RecordMany(m, 20, CallResult::kHuman);
  RecordMany(m, 20, CallResult::kMachine);
  RecordMany(m, 10, CallResult::kNoAnswer);
  EXPECT_DOUBLE_EQ(m.HumanAnswerRate(0.9), 0.4);
  EXPECT_EQ(m.results_seen(), 50u);
}

TEST(MeasurementsTest, AnswerRateMovesWithoutJumpingAsThePriorFades) {
  Measurements m;
  double previous = m.HumanAnswerRate(0.0);
  for (int i = 0; i < 60; ++i) {
    m.RecordResult(CallResult::kHuman, seconds(3));
    const double now = m.HumanAnswerRate(0.0);
    EXPECT_GE(now, previous);
    EXPECT_LE(now - previous, 0.1) << "after " << i + 1 << " results";
    previous = now;
  }
  EXPECT_DOUBLE_EQ(previous, 1.0);
}

TEST(MeasurementsTest, AnswerRateWindowRollsOffOldResults) {
  Measurements m(/*window=*/100);
  RecordMany(m, 100, CallResult::kHuman);
  EXPECT_DOUBLE_EQ(m.HumanAnswerRate(), 1.0);
  RecordMany(m, 75, CallResult::kBusy);
  EXPECT_DOUBLE_EQ(m.HumanAnswerRate(), 0.25);
  RecordMany(m, 100, CallResult::kFailed);
  EXPECT_DOUBLE_EQ(m.HumanAnswerRate(), 0.0);
  EXPECT_EQ(m.results_seen(), 275u);
}

TEST(MeasurementsTest, SmallWindowIsTrustedWhenFull) {
  Measurements m(/*window=*/10);
  RecordMany(m, 5, CallResult::kHuman);
  RecordMany(m, 5, CallResult::kMachine);
  EXPECT_DOUBLE_EQ(m.HumanAnswerRate(0.9), 0.5);
}

TEST(MeasurementsTest, ZeroWindowIsTakenAsOne) {
  Measurements m(/*window=*/0);
  EXPECT_EQ(m.window(), 1u);
  m.RecordResult(CallResult::kMachine, seconds(1));
  m.RecordResult(CallResult::kHuman, seconds(2));
  EXPECT_DOUBLE_EQ(m.HumanAnswerRate(0.0), 1.0);
  EXPECT_THAT(m.HumanRingTimes(), ElementsAre(2.0));
}

TEST(MeasurementsTest, RingTimesAreThoseOfHumanAnswersSorted) {
  Measurements m;
  EXPECT_THAT(m.HumanRingTimes(), IsEmpty());
  m.RecordResult(CallResult::kHuman, seconds(9));
  m.RecordResult(CallResult::kMachine, seconds(1));
  m.RecordResult(CallResult::kHuman, std::chrono::milliseconds(2500));
  m.RecordResult(CallResult::kNoAnswer, seconds(30));
  m.RecordResult(CallResult::kHuman, seconds(4));
  EXPECT_THAT(m.HumanRingTimes(), ElementsAre(2.5, 4.0, 9.0));
}

TEST(MeasurementsTest, RingTimesAreRecomputedAfterNewResults) {
  Measurements m;
  m.RecordResult(CallResult::kHuman, seconds(5));
  EXPECT_THAT(m.HumanRingTimes(), ElementsAre(5.0));
  m.RecordResult(CallResult::kHuman, seconds(1));
  EXPECT_THAT(m.HumanRingTimes(), ElementsAre(1.0, 5.0));
}

TEST(MeasurementsTest, RingTimesKeepTheLastWindowOfHumanAnswers) {
  Measurements m(/*window=*/3);
  for (int s : {10, 20, 30, 1, 2}) m.RecordResult(CallResult::kHuman, seconds(s));
  EXPECT_THAT(m.HumanRingTimes(), ElementsAre(1.0, 2.0, 30.0));
}

TEST(MeasurementsTest, TalkAndWrapUpTimesAreSortedAndRollApart) {
  Measurements m(2);
  EXPECT_THAT(m.TalkTimes(), IsEmpty());
  EXPECT_THAT(m.WrapUpTimes(), IsEmpty());
  m.RecordTalk(seconds(50));
  m.RecordTalk(seconds(40));
  m.RecordWrapUp(seconds(12));
  EXPECT_THAT(m.TalkTimes(), ElementsAre(40.0, 50.0));
  EXPECT_THAT(m.WrapUpTimes(), ElementsAre(12.0));
  m.RecordTalk(seconds(30));
  EXPECT_THAT(m.TalkTimes(), ElementsAre(30.0, 40.0));
  EXPECT_THAT(m.HandleTimes(), IsEmpty());
}

TEST(MeasurementsTest, HandleTimesAreSortedAndRoll) {
  Measurements m(/*window=*/3);
  EXPECT_THAT(m.HandleTimes(), IsEmpty());
  m.RecordHandle(seconds(120));
  m.RecordHandle(seconds(60));
  m.RecordHandle(seconds(90));
  EXPECT_THAT(m.HandleTimes(), ElementsAre(60.0, 90.0, 120.0));
  m.RecordHandle(seconds(30));
  EXPECT_THAT(m.HandleTimes(), ElementsAre(30.0, 60.0, 90.0));
}

TEST(MeasurementsTest, AbandonRateIsZeroWithNoAnswers) {
  Measurements m;
  EXPECT_DOUBLE_EQ(m.AbandonRate24h(kStart), 0.0);
}

TEST(MeasurementsTest, AbandonRateCountsTheLastDay) {
  Measurements m;
  m.RecordHumanAnswer(kStart, /*abandoned=*/true);
  m.RecordHumanAnswer(kStart + minutes(1), /*abandoned=*/false);
  m.RecordHumanAnswer(kStart + minutes(2), /*abandoned=*/false);
  m.RecordHumanAnswer(kStart + minutes(3), /*abandoned=*/false);
  EXPECT_DOUBLE_EQ(m.AbandonRate24h(kStart + minutes(3)), 0.25);
  EXPECT_DOUBLE_EQ(m.AbandonRate24h(kStart + hours(23)), 0.25);
}

TEST(MeasurementsTest, AbandonRateForgetsAnswersADayOld) {
  Measurements m;
  m.RecordHumanAnswer(kStart, /*abandoned=*/true);
  m.RecordHumanAnswer(kStart + hours(12), /*abandoned=*/false);
  EXPECT_DOUBLE_EQ(m.AbandonRate24h(kStart + hours(24) - seconds(1)), 0.5);
  EXPECT_DOUBLE_EQ(m.AbandonRate24h(kStart + hours(24)), 0.0);
  EXPECT_DOUBLE_EQ(m.AbandonRate24h(kStart + hours(36)), 0.0);
}

TEST(MeasurementsTest, NewAnswersExpireOldOnes) {
  Measurements m;
  m.RecordHumanAnswer(kStart, /*abandoned=*/true);
  m.RecordHumanAnswer(kStart + hours(25), /*abandoned=*/false);
  m.RecordHumanAnswer(kStart + hours(25), /*abandoned=*/true);
  EXPECT_DOUBLE_EQ(m.AbandonRate24h(kStart + hours(25)), 0.5);
}

TEST(MeasurementsTest, CountsTheAnswersOfTheLastDay) {
  Measurements m;
  m.RecordHumanAnswer(kStart, /*abandoned=*/true);
  m.RecordHumanAnswer(kStart + hours(12), /*abandoned=*/false);
  m.RecordHumanAnswer(kStart + hours(13), /*abandoned=*/true);
  EXPECT_EQ(m.Answered24h(kStart + hours(14)), 3);
  EXPECT_EQ(m.Abandoned24h(kStart + hours(14)), 2);
  EXPECT_EQ(m.Answered24h(kStart + hours(24)), 2);
  EXPECT_EQ(m.Abandoned24h(kStart + hours(24)), 1);
}

TEST(MeasurementsTest, TotalsKeepEveryAnswer) {
  Measurements m;
  m.RecordHumanAnswer(kStart, /*abandoned=*/true);
  m.RecordHumanAnswer(kStart + hours(30), /*abandoned=*/false);
  m.RecordHumanAnswer(kStart + hours(31), /*abandoned=*/true);
  EXPECT_EQ(m.answered_total(), 3);
  EXPECT_EQ(m.abandoned_total(), 2);
  EXPECT_THAT(m.AbandonRate24h(kStart + hours(31)), DoubleNear(0.5, 1e-12));
}

}  // namespace
}  // namespace callcenter
