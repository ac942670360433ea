#include "simulation/compliance_checker.h"

#include <gtest/gtest.h>

#include <optional>

#include "callcenter/calling_hours.h"

namespace simulation {
namespace {

using std::chrono::hours;
using std::chrono::microseconds;
using std::chrono::minutes;
using std::chrono::seconds;

constexpr auto kDay = std::chrono::year(2026) / std::chrono::April / 5;

base::TimePoint Ist(std::chrono::year_month_day date, int hh, int mm) {
  return callcenter::FromIst(date, hours(hh) + minutes(mm));
}
base::TimePoint Ist(int hh, int mm) { return Ist(kDay, hh, mm); }

ScenarioContact ContactOf(std::string id, std::string number, std::string state, std::string seat) {
  return {{std::move(id), std::move(number), "hi", std::move(state), std::move(seat)}, {}};
}

// Three synthetic contacts, c-4 sharing c-3's number; the default window; at most 2 attempts
// by the rule (the list would allow 3).
ComplianceScenario SmallScenario() {
  ComplianceScenario scenario;
  scenario.window_open = hours(9);
  scenario.window_close = hours(21);
  scenario.max_attempts = 2;
  scenario.retry.max_attempts = 3;
  scenario.contacts = {ContactOf("c-1", "+919000000001", "S01", "S01-1"),
                       ContactOf("c-2", "+919000000002", "S02", ""),
                       ContactOf("c-3", "+919000000003", "S03", "S03-2"),
                       ContactOf("c-4", "+919000000003", "S03", "S03-2")};
  scenario.dnd = {"+919000000002"};
  scenario.do_not_call = {"+919000000001"};
  return scenario;
}

class ComplianceCheckerTest : public testing::Test {
 protected:
  // Tests that change the scenario start the checker again.
  void SetUp() override { Start(); }
  void Start() { checker_.emplace(scenario_); }

  // The list hands out `contact` and its number is dialled at `at`.
  void Dial(const std::string& contact, base::TimePoint at) {
    std::string number = NumberOf(contact);
    checker_->OnHandedOut({contact, number, 1, "hi", "", ""});
    checker_->OnDial(number, at);
  }
  std::string NumberOf(const std::string& contact) const {
    for (const ScenarioContact& entry : scenario_.contacts) {
      if (entry.contact.id == contact) return entry.contact.number;
    }
    return "+919999999999";
  }
  std::int64_t Count(Rule rule) const { return checker_->count_of(rule); }

  ComplianceScenario scenario_ = SmallScenario();
  std::optional<ComplianceChecker> checker_;
};

TEST_F(ComplianceCheckerTest, AllowsADialThatKeepsEveryRule) {
  Dial("c-3", Ist(12, 0));
  EXPECT_EQ(checker_->violation_count(), 0);
  EXPECT_EQ(checker_->dials(), 1);
}

TEST_F(ComplianceCheckerTest, WindowIsHalfOpen) {
  Dial("c-3", Ist(9, 0));
  Dial("c-4", Ist(21, 0) - microseconds(1));
  EXPECT_EQ(checker_->violation_count(), 0);
  Dial("c-4", Ist(21, 0));
  EXPECT_EQ(Count(Rule::kOutsideHours), 1);
  ASSERT_EQ(checker_->violations().size(), 1u);
  EXPECT_EQ(checker_->violations()[0].subject, "c-4 (+919000000003)");
}

TEST_F(ComplianceCheckerTest, QuietBandHoldsInAWindowAcrossMidnight) {
  scenario_.window_open = hours(20);
  scenario_.window_close = hours(8);
  scenario_.max_attempts = 10;
  scenario_.retry.max_attempts = 10;
  Start();
  Dial("c-3", Ist(21, 59));
  Dial("c-3", Ist(6, 0));
  Dial("c-3", Ist(7, 59));
  EXPECT_EQ(checker_->violation_count(), 0);
  Dial("c-3", Ist(22, 0));
  Dial("c-3", Ist(5, 59));
  EXPECT_EQ(Count(Rule::kQuietBand), 2);
  EXPECT_EQ(Count(Rule::kOutsideHours), 0);  // both inside the window, only the band refuses
  Dial("c-3", Ist(8, 0));
  Dial("c-3", Ist(12, 0));
  EXPECT_EQ(Count(Rule::kOutsideHours), 2);
}

TEST_F(ComplianceCheckerTest, SilencePeriodIsClosedAtBothEnds) {
  base::TimePoint close = Ist(kDay, 18, 0) + hours(24);
  scenario_.polls = {{"S03-2", close}};
  scenario_.max_attempts = scenario_.retry.max_attempts = 10;
  Start();
  Dial("c-3", close - hours(48) - seconds(1));
  Dial("c-3", close + microseconds(1));
  EXPECT_EQ(checker_->violation_count(), 0);
  Dial("c-3", close - hours(48));
  Dial("c-3", close);
  EXPECT_EQ(Count(Rule::kSilencePeriod), 2);
}

TEST_F(ComplianceCheckerTest, StatePollSilencesEverySeatOfTheState) {
  scenario_.polls = {{"S03", Ist(20, 0)}, {"S02", Ist(20, 0)}};
  Start();
  Dial("c-3", Ist(12, 0));  // seat S03-2 of state S03
  EXPECT_EQ(Count(Rule::kSilencePeriod), 1);
  Dial("c-1", Ist(12, 0));  // S01: no poll
  EXPECT_EQ(Count(Rule::kSilencePeriod), 1);
}

TEST_F(ComplianceCheckerTest, ListedNumbersAreNeverToBeDialled) {
  Dial("c-2", Ist(12, 0));
  Dial("c-1", Ist(12, 0));
  EXPECT_EQ(Count(Rule::kDnd), 1);
  EXPECT_EQ(Count(Rule::kDoNotCall), 1);
}

TEST_F(ComplianceCheckerTest, AnOptOutStopsEveryLaterDialOfTheNumber) {
  Dial("c-3", Ist(12, 0));
  checker_->OnOptOut("+919000000003");
  EXPECT_EQ(checker_->violation_count(), 0);
  Dial("c-4", Ist(12, 5));  // another contact with the same number
  EXPECT_EQ(Count(Rule::kOptedOut), 1);
}

TEST_F(ComplianceCheckerTest, CountsAttemptsPerContactAgainstTheStricterMaximum) {
  Dial("c-3", Ist(10, 0));
  Dial("c-3", Ist(11, 0));
  Dial("c-4", Ist(11, 0));  // same number, another contact: its own attempts
  EXPECT_EQ(checker_->violation_count(), 0);
  Dial("c-3", Ist(12, 0));  // third of at most 2 (the list's 3 does not matter)
  EXPECT_EQ(Count(Rule::kMaxAttempts), 1);
}

TEST_F(ComplianceCheckerTest, ADialNotJustHandedOutIsUnattributed) {
  checker_->OnDial("+919000000003", Ist(12, 0));
  checker_->OnHandedOut({"c-1", "+919000000001", 1, "hi", "S01", "S01-1"});
  checker_->OnDial("+919000000003", Ist(12, 0));
  checker_->OnHandedOut({"c-1", "+919000000003", 1, "hi", "S01", "S01-1"});  // not c-1's number
  checker_->OnDial("+919000000003", Ist(12, 0));
  EXPECT_EQ(Count(Rule::kUnattributedDial), 3);
}

}  // namespace
}  // namespace simulation
