#include "analysis/seat_strength.h"

#include <gtest/gtest.h>

namespace analysis {
namespace {

TEST(SeatStrengthTest, MarginAloneWhenNoOtherSignal) {
  StrengthParts parts = ComputeStrength(-4.0, std::nullopt, std::nullopt);
  EXPECT_DOUBLE_EQ(parts.strength, -4.0);
  EXPECT_DOUBLE_EQ(parts.trend, 0.0);
  EXPECT_DOUBLE_EQ(parts.assembly, 0.0);
}

TEST(SeatStrengthTest, WeightsAndClampsTheAdjustments) {
  StrengthParts parts = ComputeStrength(2.0, -5.0, 10.0);
  EXPECT_DOUBLE_EQ(parts.trend, -1.0);
  EXPECT_DOUBLE_EQ(parts.assembly, 1.5);
  EXPECT_DOUBLE_EQ(parts.strength, 2.5);
  StrengthParts extreme = ComputeStrength(0.0, 40.0, -90.0);
  EXPECT_DOUBLE_EQ(extreme.trend, 2.0);
  EXPECT_DOUBLE_EQ(extreme.assembly, -3.0);
}

TEST(SeatStrengthTest, AnyLossScoresBelowAnyWinByMoreThanTenPoints) {
  StrengthParts best_loss = ComputeStrength(-0.001, 1000.0, 1000.0);
  StrengthParts worst_big_win = ComputeStrength(10.001, -1000.0, -1000.0);
  EXPECT_LT(best_loss.strength, worst_big_win.strength);
}

TEST(SeatStrengthTest, ExplanationNamesTheVersionAndWeights) {
  std::string text = ExplainStrength();
  EXPECT_NE(text.find("version 1"), std::string::npos);
  EXPECT_NE(text.find("0.20"), std::string::npos);
  EXPECT_NE(text.find("0.15"), std::string::npos);
}

}  // namespace
}  // namespace analysis
