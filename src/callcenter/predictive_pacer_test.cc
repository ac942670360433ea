#include "callcenter/predictive_pacer.h"

#include <gtest/gtest.h>

#include <chrono>
#include <cstdint>

namespace callcenter {
namespace {

using std::chrono::milliseconds;
using std::chrono::seconds;

// A campaign that has seen `results` calls, 30% answered by a person after 6 to 10 s, and 200
// handle times from 50 to 70 s.
void Learned(Measurements& measured, int results = 300) {
  for (int i = 0; i < results; ++i) {
    if (i % 10 < 3) {
      measured.RecordResult(CallResult::kHuman, milliseconds(6000 + 40 * (i % 100)));
    } else {
      measured.RecordResult(CallResult::kNoAnswer, seconds(25));
    }
  }
  for (int i = 0; i < 200; ++i) measured.RecordHandle(milliseconds(50000 + 100 * (i % 200)));
}

// `answered` people answered, `abandoned` of them abandoned, one a second up to `now`.
void Answers(Measurements& measured, base::TimePoint now, int answered, int abandoned) {
  for (int i = 0; i < answered; ++i) {
    measured.RecordHumanAnswer(now - seconds(answered - i), i < abandoned);
  }
}

PacingInput Team(int ready, int busy, base::Duration busy_for) {
  PacingInput input;
  input.now = base::TimePoint{} + std::chrono::hours(1);
  input.agents_logged_in = ready + busy;
  input.agents_ready = ready;
  input.busy_elapsed.assign(static_cast<std::size_t>(busy), busy_for);
  input.talking_calls = busy;
  return input;
}

TEST(PredictivePacerTest, PlacesAtLeastOneCallPerFreeAgentWithNothingMeasured) {
  PredictivePacer pacer;
  Measurements measured;
  EXPECT_GE(pacer.CallsToPlace(Team(5, 0, seconds(0)), measured), 5);
}

TEST(PredictivePacerTest, PlacesMoreThanProgressiveWhenFewAnswer) {
  PredictivePacer pacer;
  Measurements measured;
  Learned(measured);
  EXPECT_GT(pacer.CallsToPlace(Team(5, 0, seconds(0)), measured), 5);
}

TEST(PredictivePacerTest, CountsCallsAlreadyInFlight) {
  PredictivePacer fresh;
  PredictivePacer loaded;
  Measurements measured;
  Learned(measured);
  PacingInput input = Team(5, 0, seconds(0));
  int alone = fresh.CallsToPlace(input, measured);
  input.ringing_elapsed.assign(6, seconds(1));
  EXPECT_LT(loaded.CallsToPlace(input, measured), alone);
}

TEST(PredictivePacerTest, PlacesMoreWhenBusyAgentsAreAboutToFinish) {
  PredictivePacer early_pacer;
  PredictivePacer late_pacer;
  Measurements measured;
  Learned(measured);
  int early = early_pacer.CallsToPlace(Team(0, 20, seconds(5)), measured);
  int late = late_pacer.CallsToPlace(Team(0, 20, seconds(62)), measured);
  EXPECT_EQ(early, 0);
  EXPECT_GT(late, 5);
}

TEST(PredictivePacerTest, PlacesNothingWithoutWorkingAgents) {
  PredictivePacer pacer;
  Measurements measured;
  Learned(measured);
  PacingInput input = Team(0, 0, seconds(0));
  input.agents_logged_in = 3;
  input.agents_paused = 3;
  EXPECT_EQ(pacer.CallsToPlace(input, measured), 0);
}

TEST(PredictivePacerTest, NeverRingsMoreThanTheLineLimitPerAgent) {
  PredictiveParams params;
  params.max_lines_per_agent = 2.0;
  params.initial_risk = params.max_risk;
  PredictivePacer pacer(params);
  Measurements measured;
  Learned(measured);
  EXPECT_LE(pacer.CallsToPlace(Team(10, 0, seconds(0)), measured), 20);
}

TEST(PredictivePacerTest, DialsProgressivelyAtTheAbandonTarget) {
  PredictivePacer pacer;
  Measurements measured;
  Learned(measured);
  PacingInput input = Team(5, 0, seconds(0));
  Answers(measured, input.now, 100, 3);  // 3% over the last 24 hours
  EXPECT_EQ(pacer.CallsToPlace(input, measured), 5);
}

TEST(PredictivePacerTest, StopsAddingRiskInTheGuardBandOnceTheDayRateMeansSomething) {
  PredictivePacer pacer;
  Measurements measured;
  Learned(measured);
  PacingInput input = Team(5, 0, seconds(0));
  Answers(measured, input.now, 2000, 57);  // 2.85%: under the target, in the guard band
  EXPECT_EQ(pacer.CallsToPlace(input, measured), 5);
}

TEST(PredictivePacerTest, KeepsAddingRiskBelowTheGuardBandOrOnFewAnswers) {
  PredictivePacer well_below;
  PredictivePacer few_answers;
  Measurements measured_2000;
  Measurements measured_50;
  Learned(measured_2000);
  Learned(measured_50);
  PacingInput input = Team(5, 0, seconds(0));
  Answers(measured_2000, input.now, 2000, 40);  // 2%
  Answers(measured_50, input.now, 50, 1);       // 2.9%, but only 50 answers
  EXPECT_GT(well_below.CallsToPlace(input, measured_2000), 5);
  EXPECT_GT(few_answers.CallsToPlace(input, measured_50), 5);
}

// Runs `ticks` one-second ticks of a team whose calls carry some risk; every call asked for
// is placed.
void RunRiskyTicks(PredictivePacer& pacer, const Measurements& measured, int ticks) {
  PacingInput input = Team(2, 18, seconds(55));
  for (int i = 0; i < ticks; ++i) {
    input.now += seconds(1);
    pacer.Placed(pacer.CallsToPlace(input, measured));
  }
}

TEST(PredictivePacerTest, RaisesRiskWhileItsCallsAreSaferThanTheAim) {
  PredictiveParams params;
  params.initial_risk = 0.001;
  PredictivePacer pacer(params);
  Measurements measured;
  Learned(measured);
  Answers(measured, Team(0, 0, seconds(0)).now, 1000, 0);
  RunRiskyTicks(pacer, measured, 200);
  EXPECT_GT(pacer.risk(), 0.001);
}

TEST(PredictivePacerTest, LearnsNothingFromCallsItAskedForThatWereNeverPlaced) {
  PredictiveParams params;
  params.initial_risk = 0.001;
  PredictivePacer pacer(params);
  Measurements measured;
  Learned(measured);
  Answers(measured, Team(0, 0, seconds(0)).now, 1000, 0);
  PacingInput input = Team(2, 18, seconds(55));
  for (int i = 0; i < 200; ++i) {
    input.now += seconds(1);
    ASSERT_GT(pacer.CallsToPlace(input, measured), 0);
    pacer.Placed(0);  // the list had nobody due: nothing was dialled
  }
  EXPECT_DOUBLE_EQ(pacer.risk(), 0.001);
  EXPECT_DOUBLE_EQ(pacer.calibration(), 1.0);
}

TEST(PredictivePacerTest, LowersRiskWhenMoreAreAbandonedThanForecast) {
  PredictivePacer clean_pacer;
  PredictivePacer dropping_pacer;
  Measurements clean;
  Measurements dropping;
  Learned(clean);
  Learned(dropping);
  base::TimePoint now = Team(0, 0, seconds(0)).now;
  Answers(clean, now, 1000, 0);
  Answers(dropping, now, 1000, 25);  // 2.5%, where the model forecast almost none
  RunRiskyTicks(clean_pacer, clean, 200);
  RunRiskyTicks(dropping_pacer, dropping, 200);
  EXPECT_GT(dropping_pacer.calibration(), 1.0);
  EXPECT_LT(dropping_pacer.risk(), clean_pacer.risk());
  EXPECT_LT(dropping_pacer.risk(), PredictiveParams{}.initial_risk);
}

TEST(PredictivePacerTest, IsDeterministic) {
  PredictivePacer first;
  PredictivePacer second;
  Measurements measured;
  Learned(measured);
  PacingInput input = Team(3, 17, seconds(40));
  input.ringing_elapsed = {seconds(1), seconds(4), seconds(9), seconds(20)};
  for (int i = 0; i < 50; ++i) {
    input.now += seconds(1);
    ASSERT_EQ(first.CallsToPlace(input, measured), second.CallsToPlace(input, measured));
  }
  EXPECT_EQ(first.risk(), second.risk());
}

// Measured apart: talks of 40 to 60 s, then wrap-ups of 10 to 14 s.
void LearnedParts(Measurements& measured) {
  for (int i = 0; i < 200; ++i) {
    measured.RecordTalk(milliseconds(40000 + 100 * (i % 200)));
    measured.RecordWrapUp(milliseconds(10000 + 20 * (i % 200)));
  }
}

TEST(PredictivePacerTest, PlacesMoreWhenBusyAgentsAreInWrapUp) {
  // Twenty agents connected 30 s ago: still talking, none will be free within the next answers;
  // in wrap-up for 8 s, most of them will.
  PredictivePacer talking_pacer;
  PredictivePacer wrapping_pacer;
  Measurements measured;
  Learned(measured);
  LearnedParts(measured);
  PacingInput talking = Team(0, 20, seconds(30));
  talking.wrap_up_elapsed.assign(20, std::nullopt);
  PacingInput wrapping = talking;
  wrapping.wrap_up_elapsed.assign(20, seconds(8));
  EXPECT_EQ(talking_pacer.CallsToPlace(talking, measured), 0);
  EXPECT_GT(wrapping_pacer.CallsToPlace(wrapping, measured), 5);
}

TEST(PredictivePacerTest, CountsOnTalkingAgentsThroughTheirWrapUp) {
  // Talking for 58 s, with talks of at most 60: the talk ends now, but the wrap-up of 10 s or
  // more after it keeps the agent busy through most answers. Counted by handle times alone (50
  // to 70 s) the same agents look about to be free.
  PredictivePacer parts_pacer;
  PredictivePacer handle_pacer;
  Measurements measured;
  Learned(measured);
  LearnedParts(measured);
  PacingInput by_handle = Team(0, 20, seconds(58));
  PacingInput by_parts = by_handle;
  by_parts.wrap_up_elapsed.assign(20, std::nullopt);
  EXPECT_LT(parts_pacer.CallsToPlace(by_parts, measured),
            handle_pacer.CallsToPlace(by_handle, measured));
}

TEST(PredictivePacerTest, DoesNotFloodAgentsBeforeTheAnswerRateIsKnown) {
  // Nothing measured: the list may be answered far more often than the prior says, so the first
  // tick places hardly more than one call per free agent.
  PredictivePacer pacer;
  Measurements measured;
  EXPECT_LE(pacer.CallsToPlace(Team(200, 0, seconds(0)), measured), 220);
}

TEST(PredictivePacerTest, DialsCautiouslyWhenOneAbandonWouldReachTheTarget) {
  // 1 abandon in 40 answers (2.5%): one more would reach 3% and stop the campaign. With the
  // same rate over 2,000 answers there is room for many.
  PredictivePacer tight_pacer;
  PredictivePacer roomy_pacer;
  Measurements tight;
  Measurements roomy;
  Learned(tight);
  Learned(roomy);
  PacingInput input = Team(2, 18, seconds(55));
  Answers(tight, input.now, 40, 1);
  Answers(roomy, input.now, 2000, 50);
  EXPECT_LT(tight_pacer.CallsToPlace(input, tight), roomy_pacer.CallsToPlace(input, roomy));
}

TEST(PredictivePacerTest, LargeTeamsUseTheApproximationConsistently) {
  // The same team, computed exactly and by the skew-corrected normal approximation, places
  // about as many calls.
  PredictiveParams exact_params;
  exact_params.exact_limit = 100000;
  PredictiveParams normal_params;
  normal_params.exact_limit = 0;
  PredictivePacer exact(exact_params);
  PredictivePacer normal(normal_params);
  Measurements measured;
  Learned(measured);
  PacingInput input = Team(4, 60, seconds(50));
  int by_exact = exact.CallsToPlace(input, measured);
  int by_normal = normal.CallsToPlace(input, measured);
  EXPECT_GT(by_exact, 4);
  EXPECT_NEAR(by_normal, by_exact, 2);
}

}  // namespace
}  // namespace callcenter
