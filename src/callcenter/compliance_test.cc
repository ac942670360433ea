#include "callcenter/compliance.h"

#include <gtest/gtest.h>

namespace callcenter {
namespace {

using namespace std::chrono_literals;  // NOLINT(google-build-using-namespace)
using std::chrono::April;

constexpr auto kPollDay = 2026y / April / 11;
constexpr auto kWeekBefore = 2026y / April / 4;
const std::string kNumber = "+919812345678";
const std::string kDndNumber = "+919800000001";
const std::string kListedNumber = "+919800000002";

class CallingRulesTest : public ::testing::Test {
 protected:
  CallingRulesTest() {
    EXPECT_TRUE(dnd_.Add(kDndNumber).ok());
    InMemoryBlocklist do_not_call;
    EXPECT_TRUE(do_not_call.Add(kListedNumber).ok());
    PollSchedule polls = *PollSchedule::FromPollDates({{"S12-19", kPollDay}});
    rules_ = std::make_unique<CallingRules>(dnd_, std::move(do_not_call), CallingHours(),
                                            std::move(polls), /*max_attempts=*/3);
  }

  static DialTarget Target(std::string number = kNumber, int attempt = 1) {
    return DialTarget{"c1", std::move(number), attempt, "hi", "S12", "S12-19"};
  }
  static base::TimePoint Noon() { return FromIst(kWeekBefore, 12h); }

  InMemoryBlocklist dnd_;
  std::unique_ptr<CallingRules> rules_;
};

TEST_F(CallingRulesTest, AllowsAnOrdinaryNumberInHours) {
  Verdict verdict = rules_->Check(Target(), Noon());
  EXPECT_TRUE(verdict.allowed);
  EXPECT_EQ(verdict.reason, GateReason::kAllowed);
  EXPECT_TRUE(verdict.detail.empty());
  EXPECT_FALSE(verdict.retry_at);
}

TEST_F(CallingRulesTest, RefusesANumberOnTheDndRegistryForGood) {
  Verdict verdict = rules_->Check(Target(kDndNumber), Noon());
  EXPECT_FALSE(verdict.allowed);
  EXPECT_EQ(verdict.reason, GateReason::kDnd);
  EXPECT_FALSE(verdict.retry_at);
  EXPECT_EQ(verdict.detail.find(kDndNumber), std::string::npos);  // no number in messages
}

TEST_F(CallingRulesTest, RefusesANumberOnTheCampaignsDoNotCallList) {
  Verdict verdict = rules_->Check(Target(kListedNumber), Noon());
  EXPECT_EQ(verdict.reason, GateReason::kDoNotCall);
  EXPECT_FALSE(verdict.retry_at);
}

TEST_F(CallingRulesTest, OptOutRefusesEveryLaterCallAtOnce) {
  ASSERT_TRUE(rules_->Check(Target(), Noon()).allowed);
  ASSERT_TRUE(rules_->RecordOptOut(kNumber).ok());
  EXPECT_EQ(rules_->Check(Target(), Noon()).reason, GateReason::kDoNotCall);
  EXPECT_TRUE(rules_->do_not_call().Contains(kNumber));
}

TEST_F(CallingRulesTest, OptOutOfAMalformedNumberIsAnError) {
  EXPECT_EQ(rules_->RecordOptOut("98123").code(), base::StatusCode::kInvalidArgument);
}

TEST_F(CallingRulesTest, RefusesANumberNotInE164Form) {
  EXPECT_EQ(rules_->Check(Target("09812345678"), Noon()).reason, GateReason::kInvalidNumber);
}

TEST_F(CallingRulesTest, AllowsTheLastAttemptAndRefusesOneMore) {
  EXPECT_TRUE(rules_->Check(Target(kNumber, 3), Noon()).allowed);
  Verdict verdict = rules_->Check(Target(kNumber, 4), Noon());
  EXPECT_EQ(verdict.reason, GateReason::kMaxAttempts);
  EXPECT_FALSE(verdict.retry_at);
  EXPECT_EQ(verdict.detail, "attempt 4 is over the maximum of 3");
}

TEST_F(CallingRulesTest, RefusesOutsideHoursUntilTheNextOpening) {
  Verdict verdict = rules_->Check(Target(), FromIst(kWeekBefore, 21h));
  EXPECT_EQ(verdict.reason, GateReason::kOutsideHours);
  EXPECT_EQ(verdict.retry_at, FromIst(2026y / April / 5, 9h));
  EXPECT_EQ(verdict.detail, "2026-04-04 21:00 IST is outside calling hours 09:00-21:00 IST");
  EXPECT_EQ(rules_->Check(Target(), FromIst(kWeekBefore, 8h + 59min) + 59s).reason,
            GateReason::kOutsideHours);
  EXPECT_TRUE(rules_->Check(Target(), FromIst(kWeekBefore, 9h)).allowed);
}

TEST_F(CallingRulesTest, SaysWhenTheQuietBandRefuses) {
  Verdict verdict = rules_->Check(Target(), FromIst(kWeekBefore, 23h));
  EXPECT_EQ(verdict.detail, "2026-04-04 23:00 IST is in the quiet band 22:00-06:00 IST");
}

TEST_F(CallingRulesTest, RefusesInTheSilencePeriodUntilThePollCloses) {
  base::TimePoint close = FromIst(kPollDay, 18h);
  EXPECT_TRUE(rules_->Check(Target(), close - 48h - 1us).allowed);
  Verdict verdict = rules_->Check(Target(), close - 48h);
  EXPECT_EQ(verdict.reason, GateReason::kSilencePeriod);
  EXPECT_EQ(verdict.retry_at, close + 1us);
  EXPECT_EQ(verdict.detail, "silence period of S12-19: the poll closes at 2026-04-11 18:00 IST");
  EXPECT_EQ(rules_->Check(Target(), close).reason, GateReason::kSilencePeriod);
  EXPECT_TRUE(rules_->Check(Target(), close + 1us).allowed);
}

TEST_F(CallingRulesTest, SilenceEndingAfterHoursRetriesAtTheNextOpening) {
  PollSchedule polls;
  ASSERT_TRUE(polls.AddPollClose("S12-19", FromIst(kPollDay, 21h + 30min)).ok());
  CallingRules rules(dnd_, InMemoryBlocklist(), CallingHours(), std::move(polls), 3);
  Verdict verdict = rules.Check(Target(), FromIst(kPollDay, 12h));
  EXPECT_EQ(verdict.reason, GateReason::kSilencePeriod);
  EXPECT_EQ(verdict.retry_at, FromIst(2026y / April / 12, 9h));
}

TEST_F(CallingRulesTest, PermanentReasonsComeBeforePassingOnes) {
  // At night, in the silence period, a DND number is refused as DND: it is closed, not retried.
  EXPECT_EQ(rules_->Check(Target(kDndNumber), FromIst(kPollDay, 23h) - 24h).reason,
            GateReason::kDnd);
  EXPECT_EQ(rules_->Check(Target(kNumber, 4), FromIst(kPollDay, 23h)).reason,
            GateReason::kMaxAttempts);
  // Silence is named before the hours, since it says more.
  EXPECT_EQ(rules_->Check(Target(), FromIst(kPollDay, 23h) - 24h).reason,
            GateReason::kSilencePeriod);
}

TEST(GateReasonTest, HasStableNamesAndKnowsWhichRefusalsLast) {
  EXPECT_EQ(GateReasonName(GateReason::kAllowed), "allowed");
  EXPECT_EQ(GateReasonName(GateReason::kInvalidNumber), "invalid_number");
  EXPECT_EQ(GateReasonName(GateReason::kDnd), "dnd");
  EXPECT_EQ(GateReasonName(GateReason::kDoNotCall), "do_not_call");
  EXPECT_EQ(GateReasonName(GateReason::kMaxAttempts), "max_attempts");
  EXPECT_EQ(GateReasonName(GateReason::kSilencePeriod), "silence_period");
  EXPECT_EQ(GateReasonName(GateReason::kOutsideHours), "outside_hours");
  EXPECT_TRUE(IsPermanent(GateReason::kDnd));
  EXPECT_TRUE(IsPermanent(GateReason::kDoNotCall));
  EXPECT_TRUE(IsPermanent(GateReason::kMaxAttempts));
  EXPECT_TRUE(IsPermanent(GateReason::kInvalidNumber));
  EXPECT_FALSE(IsPermanent(GateReason::kSilencePeriod));
  EXPECT_FALSE(IsPermanent(GateReason::kOutsideHours));
  EXPECT_FALSE(IsPermanent(GateReason::kAllowed));
}

}  // namespace
}  // namespace callcenter
