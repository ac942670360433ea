#include "callcenter/vicidial_adaptive_pacer.h"

#include <gtest/gtest.h>

#include <chrono>

namespace callcenter {
namespace {

using std::chrono::hours;
using std::chrono::seconds;

struct Floor {
  int agents = 10;  // logged in, not paused
  int ready = 0;
  int ringing = 0;
  int waiting = 0;
  int talking = 0;
};

class VicidialAdaptivePacerTest : public ::testing::Test {
 protected:
  PacingInput Input(const Floor& floor) const {
    PacingInput input;
    input.now = now_;
    input.agents_logged_in = floor.agents + paused_;
    input.agents_paused = paused_;
    input.agents_ready = floor.ready;
    input.ringing_elapsed.assign(static_cast<std::size_t>(floor.ringing), seconds(2));
    input.waiting_calls = floor.waiting;
    input.talking_calls = floor.talking;
    input.abandon_target = abandon_target_;
    return input;
  }

  // One dialer tick: a second passes and the pacer is asked.
  int Tick(VicidialAdaptivePacer& pacer, const Floor& floor) {
    now_ += seconds(1);
    return pacer.CallsToPlace(Input(floor), measured_);
  }

  void Ticks(VicidialAdaptivePacer& pacer, const Floor& floor, int count) {
    for (int i = 0; i < count; ++i) Tick(pacer, floor);
  }

  // `calls` placed calls ended, `answered` of them by a person, `abandoned` of those dropped.
  void Calls(int calls, int answered, int abandoned) {
    for (int i = 0; i < calls; ++i) {
      measured_.RecordResult(i < answered ? CallResult::kHuman : CallResult::kNoAnswer, seconds(6));
      if (i < answered) measured_.RecordHumanAnswer(now_, /*abandoned=*/i < abandoned);
    }
  }

  base::TimePoint now_{hours(24 * 365 * 50)};
  int paused_ = 0;
  double abandon_target_ = 0.03;
  Measurements measured_;
};

const Floor kIdle{.agents = 10, .ready = 10};        // everyone waits for a call
const Floor kBalanced{.agents = 10, .talking = 10};  // nobody waits, no call waits
const Floor kSwamped{.agents = 10, .waiting = 5, .talking = 10};

TEST_F(VicidialAdaptivePacerTest, FactoryMakesIt) {
  auto pacer = MakeVicidialAdaptivePacer();
  EXPECT_EQ(pacer->name(), "vicidial_adapt");
}

TEST_F(VicidialAdaptivePacerTest, PlacesRoundOfLevelTimesAgentsMinusLiveCalls) {
  VicidialAdaptivePacer pacer({.initial_level = 2.0});
  paused_ = 3;  // paused agents are not dialled for
  // round(2.0 x 5) - (3 ringing + 1 waiting + 2 talking) = 4
  EXPECT_EQ(Tick(pacer, {.agents = 5, .ready = 2, .ringing = 3, .waiting = 1, .talking = 2}), 4);
}

TEST_F(VicidialAdaptivePacerTest, RoundsTheGoal) {
  VicidialAdaptivePacer pacer({.initial_level = 1.5});
  EXPECT_EQ(Tick(pacer, {.agents = 3, .ready = 3}), 5);  // round(4.5)
  VicidialAdaptivePacer lower({.initial_level = 1.2});
  EXPECT_EQ(Tick(lower, {.agents = 3, .ready = 3}), 4);  // round(3.6)
}

TEST_F(VicidialAdaptivePacerTest, NeverPlacesANegativeNumber) {
  VicidialAdaptivePacer pacer;
  EXPECT_EQ(Tick(pacer, {.agents = 2, .ringing = 3, .waiting = 2, .talking = 2}), 0);
  EXPECT_EQ(Tick(pacer, {.agents = 0, .ringing = 1}), 0);
}

TEST_F(VicidialAdaptivePacerTest, StartsAtTheInitialLevelWithinBounds) {
  EXPECT_DOUBLE_EQ(VicidialAdaptivePacer().dial_level(), 1.0);
  EXPECT_DOUBLE_EQ(VicidialAdaptivePacer({.initial_level = 0.2}).dial_level(), 1.0);
  EXPECT_DOUBLE_EQ(VicidialAdaptivePacer({.initial_level = 9.0}).dial_level(), 3.0);
}

TEST_F(VicidialAdaptivePacerTest, LevelRisesEveryFifteenSecondsWhenAgentsSitIdle) {
  VicidialAdaptivePacer pacer;
  Ticks(pacer, kIdle, 14);
  EXPECT_DOUBLE_EQ(pacer.dial_level(), 1.0);
  Tick(pacer, kIdle);
  // All 10 agents ready, no call waiting: m = 10 / 10, so the level doubles.
  EXPECT_DOUBLE_EQ(pacer.dial_level(), 2.0);
  EXPECT_EQ(Tick(pacer, kIdle), 20);
}

TEST_F(VicidialAdaptivePacerTest, LevelFallsWhenCallsWait) {
  VicidialAdaptivePacer pacer({.initial_level = 3.0});
  Ticks(pacer, kSwamped, 15);
  // 5 calls waiting for 10 agents: m = -0.5.
  EXPECT_DOUBLE_EQ(pacer.dial_level(), 1.5);
}

TEST_F(VicidialAdaptivePacerTest, LevelHoldsWhenBalanced) {
  VicidialAdaptivePacer pacer({.initial_level = 1.7});
  Ticks(pacer, kBalanced, 60);
  EXPECT_DOUBLE_EQ(pacer.dial_level(), 1.7);
}

TEST_F(VicidialAdaptivePacerTest, LevelStaysBetweenOneAndTheMaximum) {
  VicidialAdaptivePacer pacer;
  Ticks(pacer, kIdle, 120);
  EXPECT_DOUBLE_EQ(pacer.dial_level(), 3.0);
  Ticks(pacer, kSwamped, 120);
  EXPECT_DOUBLE_EQ(pacer.dial_level(), 1.0);

  VicidialAdaptivePacer capped({.maximum_level = 2.2});
  Ticks(capped, kIdle, 120);
  EXPECT_DOUBLE_EQ(capped.dial_level(), 2.2);
}

TEST_F(VicidialAdaptivePacerTest, AveragesTheLastFifteenSamples) {
  VicidialAdaptivePacer pacer;
  Ticks(pacer, kIdle, 5);
  Ticks(pacer, kBalanced, 10);
  // Average ready = 5 x 10 / 15.
  EXPECT_NEAR(pacer.dial_level(), 1.0 + 1.0 / 3.0, 1e-12);
}

TEST_F(VicidialAdaptivePacerTest, PositiveIntensityClimbsFasterAndFallsSlower) {
  const Floor two_ready{.agents = 10, .ready = 2, .talking = 8};  // m = 0.2
  VicidialAdaptivePacer hot({.intensity = 40});
  Ticks(hot, two_ready, 15);
  EXPECT_DOUBLE_EQ(hot.dial_level(), 1.28);
  VicidialAdaptivePacer cold({.intensity = -40});
  Ticks(cold, two_ready, 15);
  EXPECT_DOUBLE_EQ(cold.dial_level(), 1.12);

  VicidialAdaptivePacer hot_falling({.initial_level = 2.0, .intensity = 40});
  Ticks(hot_falling, kSwamped, 15);  // m = -0.5, bent to -0.3
  EXPECT_DOUBLE_EQ(hot_falling.dial_level(), 1.4);
}

TEST_F(VicidialAdaptivePacerTest, IntensityIsClampedToForty) {
  VicidialAdaptivePacer pacer({.intensity = 500});
  Ticks(pacer, {.agents = 10, .ready = 2, .talking = 8}, 15);
  EXPECT_DOUBLE_EQ(pacer.dial_level(), 1.28);
}

TEST_F(VicidialAdaptivePacerTest, DiffTargetAimsAtAgentsOrCallsWaiting) {
  // -1: one agent ready on average is the goal, so one ready agent holds the level.
  VicidialAdaptivePacer one_agent_waiting({.initial_level = 2.0, .diff_target = -1});
  Ticks(one_agent_waiting, {.agents = 10, .ready = 1, .talking = 9}, 15);
  EXPECT_DOUBLE_EQ(one_agent_waiting.dial_level(), 2.0);
  // +1: one call waiting is the goal, so a balanced floor pushes the level up by 1/10.
  VicidialAdaptivePacer one_call_waiting({.initial_level = 2.0, .diff_target = 1});
  Ticks(one_call_waiting, kBalanced, 15);
  EXPECT_DOUBLE_EQ(one_call_waiting.dial_level(), 2.2);
}

TEST_F(VicidialAdaptivePacerTest, WaitsForAgentsBeforeRecomputing) {
  VicidialAdaptivePacer pacer;
  Ticks(pacer, {.agents = 0}, 20);
  EXPECT_DOUBLE_EQ(pacer.dial_level(), 1.0);
  // The 15 s are long past: the first second with agents recomputes (14 empty samples and one
  // with 10 ready of 10 agents: m = 1).
  Tick(pacer, kIdle);
  EXPECT_DOUBLE_EQ(pacer.dial_level(), 2.0);
}

TEST_F(VicidialAdaptivePacerTest, HardLimitDropGuardGoesBackToOne) {
  VicidialAdaptivePacer pacer({.initial_level = 2.5});
  Calls(/*calls=*/60, /*answered=*/30, /*abandoned=*/3);  // 10% of answers > 3%
  Ticks(pacer, kIdle, 15);
  EXPECT_DOUBLE_EQ(pacer.dial_level(), 1.0);
  Ticks(pacer, kIdle, 15);
  EXPECT_DOUBLE_EQ(pacer.dial_level(), 1.0);
}

TEST_F(VicidialAdaptivePacerTest, AverageDropGuardHalvesTheLevel) {
  VicidialAdaptivePacer pacer(
      {.initial_level = 3.0, .drop_guard = VicidialParams::DropGuard::kAverage});
  Calls(60, 30, 3);
  Ticks(pacer, kBalanced, 15);
  EXPECT_DOUBLE_EQ(pacer.dial_level(), 1.5);
  Ticks(pacer, kBalanced, 15);
  EXPECT_DOUBLE_EQ(pacer.dial_level(), 1.0);  // 0.75, raised to the floor
}

TEST_F(VicidialAdaptivePacerTest, DropGuardSparesALevelUnderTheTarget) {
  VicidialAdaptivePacer pacer({.initial_level = 2.5});
  Calls(60, 50, 1);  // 2% of answers
  Ticks(pacer, kBalanced, 15);
  EXPECT_DOUBLE_EQ(pacer.dial_level(), 2.5);
}

TEST_F(VicidialAdaptivePacerTest, DropGuardWaitsForFiftyCalls) {
  VicidialAdaptivePacer pacer({.initial_level = 2.5});
  Calls(50, 30, 10);
  Ticks(pacer, kBalanced, 15);
  EXPECT_DOUBLE_EQ(pacer.dial_level(), 2.5);
  Calls(1, 0, 0);
  Ticks(pacer, kBalanced, 15);
  EXPECT_DOUBLE_EQ(pacer.dial_level(), 1.0);
}

TEST_F(VicidialAdaptivePacerTest, DropGuardFollowsTheCampaignTarget) {
  VicidialAdaptivePacer pacer({.initial_level = 2.5});
  abandon_target_ = 0.15;
  Calls(60, 30, 3);  // 10% of answers, under 15%
  Ticks(pacer, kBalanced, 15);
  EXPECT_DOUBLE_EQ(pacer.dial_level(), 2.5);
}

TEST_F(VicidialAdaptivePacerTest, DropBurstInTheLastMinuteHalvesTheLevel) {
  VicidialAdaptivePacer pacer({.initial_level = 3.0});
  abandon_target_ = 1.0;  // keep the day's rule out of it
  Ticks(pacer, kBalanced, 14);
  Calls(30, 30, 20);  // 20 of 30 calls in the last minute dropped
  Tick(pacer, kBalanced);
  EXPECT_DOUBLE_EQ(pacer.dial_level(), 1.5);
  // While the burst is within the last minute every rise is halved again...
  Ticks(pacer, kIdle, 45);
  EXPECT_DOUBLE_EQ(pacer.dial_level(), 1.5);
  // ...and once it has left the minute the idle agents double the level.
  Ticks(pacer, kIdle, 15);
  EXPECT_DOUBLE_EQ(pacer.dial_level(), 3.0);
}

TEST_F(VicidialAdaptivePacerTest, FewDropsInTheLastMinuteAreNotABurst) {
  VicidialAdaptivePacer pacer({.initial_level = 3.0});
  abandon_target_ = 1.0;
  Ticks(pacer, kBalanced, 14);
  Calls(20, 20, 20);  // all dropped, but only 20 calls
  Tick(pacer, kBalanced);
  EXPECT_DOUBLE_EQ(pacer.dial_level(), 3.0);
}

TEST_F(VicidialAdaptivePacerTest, PlacesEveryFewSecondsWhenAsked) {
  VicidialAdaptivePacer pacer({.place_every = 3});
  const Floor floor{.agents = 4, .ready = 4};
  EXPECT_EQ(Tick(pacer, floor), 4);
  EXPECT_EQ(Tick(pacer, floor), 0);
  EXPECT_EQ(Tick(pacer, floor), 0);
  EXPECT_EQ(Tick(pacer, floor), 4);
}

}  // namespace
}  // namespace callcenter
