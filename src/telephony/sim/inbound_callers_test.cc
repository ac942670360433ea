// Callers ringing in to the simulated world's helpline.
#include <gtest/gtest.h>

#include <chrono>
#include <functional>
#include <limits>
#include <map>
#include <memory>
#include <vector>

#include "fakes/fake_clock.h"
#include "telephony/sim/simulated_telephony.h"

namespace telephony::sim {
namespace {

using std::chrono::hours;
using std::chrono::microseconds;
using std::chrono::seconds;

constexpr base::Duration kTick = microseconds(1);

// Records incoming calls and ends; optionally accepts every caller at once.
class Helpline : public CallEvents {
 public:
  explicit Helpline(CallControl& control) : control_(control) {}
  void OnAnswered(CallId, AnswerKind) override { ADD_FAILURE() << "nothing was dialled"; }
  void OnEnded(CallId call, EndCause cause) override { ended[call] = cause; }
  void OnPlayed(CallId call) override { ++played[call]; }
  void OnDigit(CallId, char) override {}
  void OnIncoming(CallId call, const IncomingCall& incoming) override {
    incoming_at[call] = now();
    callers.push_back(incoming);
    if (accept) control_.Accept(call);
  }

  std::function<base::TimePoint()> now;
  bool accept = false;
  std::map<CallId, base::TimePoint> incoming_at;
  std::vector<IncomingCall> callers;
  std::map<CallId, EndCause> ended;
  std::map<CallId, int> played;

 private:
  CallControl& control_;
};

class InboundCallersTest : public ::testing::Test {
 protected:
  void Open(double per_hour) {
    params_.inbound_per_hour = per_hour;
    sim_ = std::make_unique<SimulatedTelephony>(clock_, params_);
    helpline_ = std::make_unique<Helpline>(*sim_);
    helpline_->now = [this] { return clock_.Now(); };
    sim_->SetEvents(helpline_.get());
  }
  CallerFate Caller(int n) { return InboundCallerFate(params_, n); }

  fakes::FakeClock clock_;
  WorldParams params_;
  std::unique_ptr<SimulatedTelephony> sim_;
  std::unique_ptr<Helpline> helpline_;
};

TEST(InboundCallerFateTest, IsAPureFunctionOfTheWorldAndTheCallersPlace) {
  WorldParams params;
  params.inbound_per_hour = 60;
  EXPECT_EQ(InboundCallerFate(params, 7), InboundCallerFate(params, 7));
  EXPECT_NE(InboundCallerFate(params, 7), InboundCallerFate(params, 8));
  WorldParams other = params;
  other.seed = 2;
  EXPECT_NE(InboundCallerFate(params, 7), InboundCallerFate(other, 7));
  EXPECT_EQ(InboundCallerFate(params, 7).from.size(), 13u);  // +9170 and 8 digits
}

TEST(InboundCallerFateTest, GapsAverageAnHourOverTheRate) {
  WorldParams params;
  params.inbound_per_hour = 120;
  double total_s = 0;
  constexpr int kCallers = 20000;
  for (int n = 1; n <= kCallers; ++n) {
    total_s += std::chrono::duration<double>(InboundCallerFate(params, n).gap).count();
  }
  EXPECT_NEAR(total_s / kCallers, 30.0, 1.0);
}

TEST_F(InboundCallersTest, NobodyRingsInWhenTheRateIsZero) {
  Open(0);
  clock_.AdvanceBy(hours(8));
  EXPECT_EQ(sim_->counters().incoming, 0);
}

TEST_F(InboundCallersTest, CallersRingInAtTheirFatesTimes) {
  Open(60);
  clock_.AdvanceBy(Caller(1).gap - kTick);
  EXPECT_TRUE(helpline_->callers.empty());
  clock_.AdvanceBy(kTick);
  ASSERT_EQ(helpline_->callers.size(), 1u);
  EXPECT_EQ(helpline_->callers[0].from, Caller(1).from);
  EXPECT_EQ(helpline_->callers[0].to, params_.inbound_number);
  clock_.AdvanceBy(Caller(2).gap);
  EXPECT_EQ(helpline_->callers.size(), 2u);
}

TEST_F(InboundCallersTest, UnansweredCallerHangsUpAfterTheRing) {
  Open(60);
  clock_.AdvanceBy(Caller(1).gap);
  CallId call = helpline_->incoming_at.begin()->first;
  clock_.AdvanceBy(params_.inbound_ring - kTick);
  EXPECT_FALSE(helpline_->ended.contains(call));
  clock_.AdvanceBy(kTick);
  EXPECT_EQ(helpline_->ended.at(call), EndCause::kRemoteHangup);
}

TEST_F(InboundCallersTest, QueuedCallerHoldsForTheirPatienceEvenThroughPrompts) {
  Open(60);
  helpline_->accept = true;
  clock_.AdvanceBy(Caller(1).gap);
  CallId call = helpline_->incoming_at.begin()->first;
  sim_->Play(call, "queue");  // a prompt does not stop a queued caller's clock
  clock_.AdvanceBy(Caller(1).queue_patience - kTick);
  EXPECT_FALSE(helpline_->ended.contains(call));
  clock_.AdvanceBy(kTick);
  EXPECT_EQ(helpline_->ended.at(call), EndCause::kRemoteHangup);
}

TEST_F(InboundCallersTest, BridgedCallerTalksForTheirTalkTime) {
  Open(60);
  helpline_->accept = true;
  clock_.AdvanceBy(Caller(1).gap);
  CallId call = helpline_->incoming_at.begin()->first;
  sim_->Bridge(call, "line-1");
  clock_.AdvanceBy(Caller(1).talk_time - kTick);
  EXPECT_FALSE(helpline_->ended.contains(call));
  clock_.AdvanceBy(kTick);
  EXPECT_EQ(helpline_->ended.at(call), EndCause::kRemoteHangup);
}

TEST_F(InboundCallersTest, BridgeBeforeAcceptIsIgnored) {
  Open(60);
  clock_.AdvanceBy(Caller(1).gap);
  CallId call = helpline_->incoming_at.begin()->first;
  sim_->Bridge(call, "line-1");
  clock_.AdvanceBy(params_.inbound_ring);
  EXPECT_EQ(helpline_->ended.at(call), EndCause::kRemoteHangup);  // still rang out
}

TEST_F(InboundCallersTest, StopArrivalsLetsThoseInFinish) {
  Open(3600);
  clock_.AdvanceBy(seconds(30));
  std::int64_t rang = sim_->counters().incoming;
  ASSERT_GT(rang, 0);
  sim_->StopArrivals();
  clock_.AdvanceBy(hours(1));
  EXPECT_EQ(sim_->counters().incoming, rang);
  EXPECT_EQ(sim_->calls_in_progress(), 0);
}

TEST_F(InboundCallersTest, NegativeOrAbsurdRatesAreRefused) {
  WorldParams params;
  params.inbound_per_hour = -1;
  EXPECT_NE(Validate(params).message().find("inbound_per_hour"), std::string::npos);
  params.inbound_per_hour = std::numeric_limits<double>::quiet_NaN();
  EXPECT_FALSE(Validate(params).ok());
  params.inbound_per_hour = 2e6;
  EXPECT_FALSE(Validate(params).ok());
}

}  // namespace
}  // namespace telephony::sim
