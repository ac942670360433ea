#include "simulation/compliance_day.h"

#include <gtest/gtest.h>

#include <cstdlib>
#include <iostream>
#include <optional>
#include <string>
#include <vector>

#include "callcenter/compliance.h"

namespace simulation {
namespace {

using callcenter::GateReason;

// Optimised builds run 2,000 days, of every dial mode. Unoptimised builds (Debug, and the
// sanitizer build) run 1,000, leaving out the days of the predictive pacer: it rebuilds its
// risk tables at every tick, which there costs about a second per simulated day against a few
// dozen milliseconds for the other pacers. JANSAMPARK_COMPLIANCE_SEED=N runs day N alone,
// whatever its pacer: the replay of a failure.
#ifdef NDEBUG
constexpr int kDays = 2000;
constexpr bool kPredictiveDays = true;
#else
constexpr int kDays = 1000;
constexpr bool kPredictiveDays = false;
#endif

bool Affordable(const ComplianceScenario& scenario) {
  return kPredictiveDays || scenario.dial_mode != "predictive";
}

std::string Explain(const ComplianceDayResult& day) {
  std::string text = day.summary + ": " + std::to_string(day.violation_count) + " violations";
  for (const Violation& violation : day.violations) text += "\n  " + Describe(violation);
  return text;
}

// What the days did between them, to show that the property was not kept by doing nothing.
struct Totals {
  int days = 0;
  int days_with_calls = 0;
  std::int64_t placed = 0;
  std::array<std::int64_t, callcenter::kGateReasonCount> refused{};
  std::int64_t opt_outs = 0;
  std::int64_t closed_by_shared_opt_out = 0;
  std::int64_t exhausted = 0;

  void Add(const ComplianceDayResult& day) {
    ++days;
    if (day.placed > 0) ++days_with_calls;
    placed += day.placed;
    for (int i = 0; i < callcenter::kGateReasonCount; ++i) {
      refused[static_cast<std::size_t>(i)] += day.list.refused[static_cast<std::size_t>(i)];
    }
    opt_outs += day.opt_outs;
    closed_by_shared_opt_out += day.closed_by_shared_opt_out;
    exhausted += day.list.exhausted;
  }
  std::int64_t refused_for(GateReason reason) const {
    return refused[static_cast<std::size_t>(reason)];
  }
};

// The day asked for by JANSAMPARK_COMPLIANCE_SEED, if any.
std::optional<std::uint64_t> SeedToReplay() {
  const char* seed = std::getenv("JANSAMPARK_COMPLIANCE_SEED");
  if (seed == nullptr) return std::nullopt;
  return std::strtoull(seed, nullptr, 10);
}

TEST(ComplianceDayTest, NoSeededDayBreaksACallingRuleOrLeavesAnythingStuck) {
  std::optional<std::uint64_t> replay = SeedToReplay();
  int days_wanted = replay ? 1 : kDays;
  Totals totals;
  int failing_days = 0;
  for (std::uint64_t seed = replay.value_or(1); totals.days < days_wanted && failing_days < 5;
       ++seed) {
    ComplianceScenario scenario = DrawScenario(seed);
    if (!replay && !Affordable(scenario)) continue;
    base::Result<ComplianceDayResult> day = RunComplianceDay(scenario);
    ASSERT_TRUE(day.ok()) << "seed " << seed << ": " << day.status().ToString();
    if (day->violation_count > 0) {
      ++failing_days;
      ADD_FAILURE() << Explain(*day) << "\n  replay: JANSAMPARK_COMPLIANCE_SEED=" << seed
                    << " compliance_day_test --gtest_filter='*NoSeededDay*'";
    }
    totals.Add(*day);
  }
  if (!replay) {
    // Not vacuous: calls were placed on nearly every day, and every gate that the list records
    // refused someone somewhere.
    EXPECT_GE(totals.days_with_calls, totals.days * 9 / 10);
    for (GateReason reason : {GateReason::kDnd, GateReason::kDoNotCall, GateReason::kMaxAttempts,
                              GateReason::kSilencePeriod, GateReason::kOutsideHours}) {
      EXPECT_GT(totals.refused_for(reason), 0) << callcenter::GateReasonName(reason);
    }
    EXPECT_GT(totals.opt_outs, 0);
    EXPECT_GT(totals.closed_by_shared_opt_out, 0);
    EXPECT_GT(totals.exhausted, 0);
  }
  std::cout << "[ compliance ] " << totals.days << " days, " << totals.placed << " calls placed, "
            << totals.opt_outs << " opt-outs\n";
}

// The first `count` seeds of days without the predictive pacer (cheap in every build), for
// the tests that break a day on purpose.
std::vector<std::uint64_t> FirstSeeds(std::size_t count) {
  std::vector<std::uint64_t> seeds;
  for (std::uint64_t seed = 1; seeds.size() < count; ++seed) {
    if (DrawScenario(seed).dial_mode != "predictive") seeds.push_back(seed);
  }
  return seeds;
}

TEST(ComplianceDayTest, SameSeedSameDay) {
  std::uint64_t seed = FirstSeeds(5).back();
  base::Result<ComplianceDayResult> first = RunComplianceDay(DrawScenario(seed));
  base::Result<ComplianceDayResult> second = RunComplianceDay(DrawScenario(seed));
  ASSERT_TRUE(first.ok() && second.ok());
  EXPECT_EQ(first->summary, second->summary);
  EXPECT_EQ(first->placed, second->placed);
  EXPECT_EQ(first->list.done, second->list.done);
  EXPECT_EQ(first->list.refused, second->list.refused);
  EXPECT_EQ(first->opt_outs, second->opt_outs);
}

// The checks can fail: with the engine's DND registry emptied (the checker's truth keeps it),
// the numbers on it are dialled and every such dial is caught, and nothing else is blamed.
TEST(ComplianceDayTest, CatchesDialsOfDndNumbersWhenTheRegistryIsEmptied) {
  std::int64_t dnd = 0;
  for (std::uint64_t seed : FirstSeeds(20)) {
    base::Result<ComplianceDayResult> day =
        RunComplianceDay(DrawScenario(seed), Fault::kDndRegistryEmptied);
    ASSERT_TRUE(day.ok());
    std::int64_t of_dnd = day->violations_by_rule[static_cast<std::size_t>(Rule::kDnd)];
    EXPECT_EQ(day->violation_count, of_dnd) << Explain(*day);
    dnd += of_dnd;
  }
  EXPECT_GT(dnd, 0);
}

// With a contact list that checks no rule at all, every rule about whom and when to call is
// broken, and the checker says so, rule by rule.
TEST(ComplianceDayTest, CatchesEveryRuleWhenTheGatesAreBypassed) {
  std::array<std::int64_t, kRuleCount> broken{};
  for (std::uint64_t seed : FirstSeeds(3)) {
    base::Result<ComplianceDayResult> day =
        RunComplianceDay(DrawScenario(seed), Fault::kGatesBypassed);
    ASSERT_TRUE(day.ok());
    for (std::size_t i = 0; i < broken.size(); ++i) broken[i] += day->violations_by_rule[i];
  }
  for (Rule rule : {Rule::kDnd, Rule::kDoNotCall, Rule::kOptedOut, Rule::kQuietBand,
                    Rule::kOutsideHours, Rule::kSilencePeriod, Rule::kMaxAttempts}) {
    EXPECT_GT(broken[static_cast<std::size_t>(rule)], 0) << RuleName(rule);
  }
}

}  // namespace
}  // namespace simulation
