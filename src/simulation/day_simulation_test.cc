#include "simulation/day_simulation.h"

#include <gtest/gtest.h>

namespace simulation {
namespace {

DayParams SmallDay(const std::string& mode) {
  DayParams params;
  params.agents = 10;
  params.hours = 1;
  params.mode = mode;
  params.seed = 7;
  return params;
}

TEST(DaySimulationTest, SameSeedSameDay) {
  auto first = SimulateDay(SmallDay("predictive"));
  auto second = SimulateDay(SmallDay("predictive"));
  ASSERT_TRUE(first.ok() && second.ok()) << first.status().ToString();
  EXPECT_EQ(first->placed, second->placed);
  EXPECT_EQ(first->connected, second->connected);
  EXPECT_EQ(first->abandoned, second->abandoned);
  EXPECT_GT(first->placed, 0);
}

TEST(DaySimulationTest, ProgressiveNeverAbandons) {
  auto report = SimulateDay(SmallDay("progressive"));
  ASSERT_TRUE(report.ok()) << report.status().ToString();
  EXPECT_GT(report->connected, 0);
  EXPECT_EQ(report->abandoned, 0);
}

TEST(DaySimulationTest, CountsAddUp) {
  for (const std::string mode :
       {"preview", "progressive", "power:2", "predictive", "vicidial-adaptive", "oracle"}) {
    auto report = SimulateDay(SmallDay(mode));
    ASSERT_TRUE(report.ok()) << mode << ": " << report.status().ToString();
    EXPECT_EQ(report->connected + report->abandoned, report->answered_human) << mode;
    EXPECT_LE(report->answered_human + report->answered_machine, report->placed) << mode;
    EXPECT_GE(report->agent_utilization, 0.0) << mode;
    EXPECT_LE(report->agent_utilization, 1.0) << mode;
    EXPECT_NEAR(report->agent_hours, 10.0, 0.01) << mode;
  }
}

TEST(DaySimulationTest, PredictiveKeepsAgentsBusierThanProgressiveWithinTheAbandonTarget) {
  DayParams params = SmallDay("progressive");
  params.agents = 50;
  params.hours = 4;
  auto progressive = SimulateDay(params);
  params.mode = "predictive";
  auto predictive = SimulateDay(params);
  ASSERT_TRUE(progressive.ok() && predictive.ok());
  EXPECT_GT(predictive->talk_seconds_per_agent_hour, progressive->talk_seconds_per_agent_hour);
  EXPECT_LE(predictive->abandon_rate, 0.03);
}

TEST(DaySimulationTest, OracleIsTheUpperBoundAndNeverAbandons) {
  DayParams params = SmallDay("oracle");
  params.agents = 30;
  params.hours = 3;
  auto oracle = SimulateDay(params);
  ASSERT_TRUE(oracle.ok()) << oracle.status().ToString();
  EXPECT_EQ(oracle->abandoned, 0);
  EXPECT_EQ(oracle->answered_machine, 0);  // it never dials a number no person will answer
  for (const std::string mode : {"progressive", "predictive", "vicidial-adaptive"}) {
    params.mode = mode;
    auto other = SimulateDay(params);
    ASSERT_TRUE(other.ok());
    EXPECT_GE(oracle->talk_seconds_per_agent_hour, other->talk_seconds_per_agent_hour) << mode;
  }
}

TEST(DaySimulationTest, PreviewNeverAbandonsAndNobodyWaitsForAnAgent) {
  auto report = SimulateDay(SmallDay("preview"));
  ASSERT_TRUE(report.ok()) << report.status().ToString();
  EXPECT_GT(report->connected, 0);
  EXPECT_EQ(report->abandoned, 0);
  EXPECT_EQ(report->p95_customer_wait_s, 0.0);  // the agent was there from the dial
}

TEST(DaySimulationTest, BlendedDayPutsCallersThroughAndDialsLessForThem) {
  DayParams params = SmallDay("predictive");
  params.agents = 20;
  params.hours = 2;
  auto outbound_only = SimulateDay(params);
  params.inbound_per_hour = 120;
  auto blended = SimulateDay(params);
  ASSERT_TRUE(outbound_only.ok() && blended.ok()) << blended.status().ToString();
  EXPECT_EQ(outbound_only->inbound_offered, 0);
  EXPECT_GT(blended->inbound_offered, 150);  // about 240 expected in two hours
  EXPECT_EQ(blended->inbound_connected + blended->inbound_abandoned, blended->inbound_offered);
  EXPECT_GT(blended->inbound_connected, blended->inbound_offered * 9 / 10);
  EXPECT_LT(blended->placed, outbound_only->placed);
  EXPECT_LE(blended->abandon_rate, 0.03);
}

TEST(DaySimulationTest, BadParametersAreNamed) {
  DayParams params = SmallDay("predictive");
  params.agents = 0;
  EXPECT_NE(SimulateDay(params).status().message().find("agents"), std::string::npos);
  params = SmallDay("sideways");
  auto unknown = SimulateDay(params);
  ASSERT_FALSE(unknown.ok());
  EXPECT_NE(unknown.status().message().find("modes: preview, progressive"), std::string::npos);
  params = SmallDay("power:0.5");
  EXPECT_FALSE(SimulateDay(params).ok());
  params = SmallDay("predictive");
  params.answer_rate = 1.5;
  EXPECT_FALSE(SimulateDay(params).ok());
  params = SmallDay("predictive");
  params.inbound_per_hour = -3;
  EXPECT_NE(SimulateDay(params).status().message().find("inbound"), std::string::npos);
}

}  // namespace
}  // namespace simulation
