#include "callcenter/pacer.h"

#include <gtest/gtest.h>

#include <chrono>
#include <limits>

namespace callcenter {
namespace {

using std::chrono::seconds;

PacingInput Input(int ready, int ringing, int waiting) {
  PacingInput input;
  input.agents_logged_in = ready;
  input.agents_ready = ready;
  input.ringing_elapsed.assign(static_cast<std::size_t>(ringing), seconds(3));
  input.waiting_calls = waiting;
  return input;
}

class PacerTest : public ::testing::Test {
 protected:
  Measurements measured_;
};

TEST_F(PacerTest, ProgressivePlacesOneCallPerReadyAgent) {
  auto pacer = MakeProgressivePacer();
  EXPECT_EQ(pacer->name(), "progressive");
  EXPECT_EQ(pacer->CallsToPlace(Input(5, 0, 0), measured_), 5);
}

TEST_F(PacerTest, ProgressiveCountsCallsAlreadyInFlight) {
  auto pacer = MakeProgressivePacer();
  EXPECT_EQ(pacer->CallsToPlace(Input(5, 2, 1), measured_), 2);
  EXPECT_EQ(pacer->CallsToPlace(Input(5, 3, 2), measured_), 0);
}

TEST_F(PacerTest, ProgressiveIsNeverNegative) {
  auto pacer = MakeProgressivePacer();
  EXPECT_EQ(pacer->CallsToPlace(Input(2, 4, 3), measured_), 0);
  EXPECT_EQ(pacer->CallsToPlace(Input(0, 0, 0), measured_), 0);
}

TEST_F(PacerTest, ProgressiveIgnoresTalkingCalls) {
  auto pacer = MakeProgressivePacer();
  PacingInput input = Input(3, 0, 0);
  input.agents_logged_in = 10;
  input.talking_calls = 7;
  EXPECT_EQ(pacer->CallsToPlace(input, measured_), 3);
}

TEST_F(PacerTest, PowerKeepsRatioCallsInFlightPerReadyAgent) {
  auto pacer = MakePowerPacer(2.0);
  EXPECT_EQ(pacer->name(), "power");
  EXPECT_EQ(pacer->CallsToPlace(Input(4, 0, 0), measured_), 8);
  EXPECT_EQ(pacer->CallsToPlace(Input(4, 3, 1), measured_), 4);
}

TEST_F(PacerTest, PowerRoundsTheGoal) {
  EXPECT_EQ(MakePowerPacer(1.5)->CallsToPlace(Input(3, 0, 0), measured_), 5);  // 4.5
  EXPECT_EQ(MakePowerPacer(1.2)->CallsToPlace(Input(3, 0, 0), measured_), 4);  // 3.6
  EXPECT_EQ(MakePowerPacer(1.1)->CallsToPlace(Input(4, 0, 0), measured_), 4);  // 4.4
}

TEST_F(PacerTest, PowerIsNeverNegative) {
  auto pacer = MakePowerPacer(3.0);
  EXPECT_EQ(pacer->CallsToPlace(Input(1, 5, 2), measured_), 0);
  EXPECT_EQ(pacer->CallsToPlace(Input(0, 1, 0), measured_), 0);
}

TEST_F(PacerTest, PowerRatioIsClampedToOneToTen) {
  EXPECT_EQ(MakePowerPacer(0.2)->CallsToPlace(Input(4, 0, 0), measured_), 4);
  EXPECT_EQ(MakePowerPacer(-3.0)->CallsToPlace(Input(4, 0, 0), measured_), 4);
  EXPECT_EQ(MakePowerPacer(25.0)->CallsToPlace(Input(4, 0, 0), measured_), 40);
  const double nan = std::numeric_limits<double>::quiet_NaN();
  EXPECT_EQ(MakePowerPacer(nan)->CallsToPlace(Input(4, 0, 0), measured_), 4);
}

}  // namespace
}  // namespace callcenter
