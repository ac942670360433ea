// Inbound helpline calls on a fake clock against a scripted network: routing by the line's
// language and territory, the overflow tiers, the queue, and blending with outbound calls.
#include <gtest/gtest.h>

#include "callcenter/dialer.h"
#include "fakes/fake_clock.h"
#include "fakes/scripted_call_control.h"

namespace callcenter {
namespace {

using std::chrono::milliseconds;
using std::chrono::minutes;
using std::chrono::seconds;
using telephony::EndCause;

// Synthetic helpline numbers.
const std::string kHindiLine = "+911800100100";
const std::string kTamilLine = "+911800100200";
const std::string kCaller = "+919812300000";

// An outbound list that never runs dry: synthetic numbers, all in Hindi.
class EndlessContacts : public ContactSource {
 public:
  std::optional<DialTarget> Next(base::TimePoint /*now*/) override {
    ++handed;
    DialTarget target;
    target.contact_id = "c" + std::to_string(handed);
    target.number = "+91900000" + std::to_string(1000 + handed);
    target.language = "hi";
    return target;
  }
  void Report(const DialTarget&, AttemptOutcome, base::TimePoint) override {}
  int handed = 0;
};

class DialerInboundTest : public ::testing::Test {
 protected:
  Agent& AddAgent(const std::string& id, std::vector<std::string> languages,
                  std::vector<std::string> territories = {}) {
    Agent* agent =
        *pool_.Add({id, "Synthetic agent " + id, "line-" + id, languages, territories, {}});
    EXPECT_TRUE(agent->LogIn().ok());
    clock_.AdvanceBy(milliseconds(10));
    return *agent;
  }
  // A helpline campaign; `outbound` blends in progressive dialling.
  void Start(bool outbound = false) {
    DialerSettings settings;
    settings.inbound_lines = {{kHindiLine, "hi", "S12", std::nullopt},
                              {kTamilLine, "ta", "", std::string("en")}};
    pacer_ = MakeProgressivePacer();
    dialer_ = std::make_unique<Dialer>(clock_, calls_, pool_, contacts_, *pacer_, settings);
    if (outbound) dialer_->Start();
  }
  const fakes::ScriptedCallControl::Dialled& Call(telephony::CallId id) { return calls_.call(id); }

  fakes::FakeClock clock_;
  fakes::ScriptedCallControl calls_{clock_};
  AgentPool pool_{clock_};
  EndlessContacts contacts_;
  std::unique_ptr<Pacer> pacer_;
  std::unique_ptr<Dialer> dialer_;
};

TEST_F(DialerInboundTest, CallerIsAnsweredAndPutThroughToAnAgentOfTheLinesLanguage) {
  AddAgent("hindi", {"hi"});
  AddAgent("tamil", {"ta"});
  Start();
  telephony::CallId id = calls_.Incoming(kCaller, kTamilLine);
  EXPECT_TRUE(Call(id).accepted);
  EXPECT_EQ(Call(id).bridged_to, "line-tamil");
  EXPECT_EQ(dialer_->stats().inbound_connected, 1);
}

TEST_F(DialerInboundTest, CallerWaitsForALocalAgentThenWidensToAnySpeakerAfterTwentySeconds) {
  AddAgent("far", {"hi"}, {"S01"});
  Start();
  telephony::CallId id = calls_.Incoming(kCaller, kHindiLine);
  EXPECT_EQ(Call(id).prompts, std::vector<std::string>{"queue"});
  clock_.AdvanceBy(seconds(19));
  EXPECT_EQ(Call(id).bridged_to, "");
  EXPECT_EQ(*dialer_->QueuePosition(id), 1);
  clock_.AdvanceBy(seconds(1));
  EXPECT_EQ(Call(id).bridged_to, "line-far");
  EXPECT_EQ(pool_.Find("far")->state(), AgentState::kTalking);
  EXPECT_DOUBLE_EQ(dialer_->stats().inbound_waits_s.back(), 20.0);
}

TEST_F(DialerInboundTest, CallerWhoStaysOnReachesTheFallbackLanguageAfterSixtySeconds) {
  AddAgent("english", {"en"});
  Start();
  telephony::CallId id = calls_.Incoming(kCaller, kTamilLine);
  clock_.AdvanceBy(seconds(59));
  EXPECT_EQ(Call(id).bridged_to, "");
  clock_.AdvanceBy(seconds(1));
  EXPECT_EQ(Call(id).bridged_to, "line-english");
}

TEST_F(DialerInboundTest, WaitingCallersKnowTheirPlaceAndExpectedWait) {
  AddAgent("busy", {"hi"}, {"S12"});
  Start();
  telephony::CallId first = calls_.Incoming(kCaller, kHindiLine);  // takes the only agent
  telephony::CallId second = calls_.Incoming("+919812300001", kHindiLine);
  telephony::CallId third = calls_.Incoming("+919812300002", kHindiLine);
  EXPECT_EQ(Call(first).bridged_to, "line-busy");
  EXPECT_EQ(*dialer_->QueuePosition(second), 1);
  EXPECT_EQ(*dialer_->QueuePosition(third), 2);
  // Nothing measured yet: the assumed 3-minute handle time, per working agent.
  EXPECT_EQ(*dialer_->ExpectedWait(third), minutes(6));
  EXPECT_EQ(dialer_->QueuePosition(first).status().code(), base::StatusCode::kNotFound);
}

TEST_F(DialerInboundTest, CallerWhoHangsUpLeavesTheQueue) {
  Agent& agent = AddAgent("a1", {"hi"}, {"S12"});
  ASSERT_TRUE(agent.Pause("tea").ok());
  Start();
  telephony::CallId id = calls_.Incoming(kCaller, kHindiLine);
  clock_.AdvanceBy(seconds(5));
  calls_.End(id, EndCause::kRemoteHangup);
  EXPECT_EQ(dialer_->stats().inbound_abandoned, 1);
  ASSERT_TRUE(agent.SetReady().ok());
  EXPECT_EQ(agent.state(), AgentState::kReady);  // nobody left waiting for it
}

TEST_F(DialerInboundTest, CallerIsLetGoPolitelyAfterTheLongestWait) {
  Start();  // no agent logged in
  telephony::CallId id = calls_.Incoming(kCaller, kHindiLine);
  clock_.AdvanceBy(minutes(10));
  EXPECT_EQ(Call(id).prompts.back(), "closed");
  EXPECT_FALSE(Call(id).hung_up);
  clock_.AdvanceBy(calls_.prompt_length);
  EXPECT_TRUE(Call(id).hung_up);
  EXPECT_EQ(dialer_->stats().inbound_abandoned, 1);
}

TEST_F(DialerInboundTest, CallToANumberOfNoLineIsRefused) {
  AddAgent("a1", {"hi"});
  Start();
  telephony::CallId id = calls_.Incoming(kCaller, "+911800999999");
  EXPECT_FALSE(Call(id).accepted);
  EXPECT_TRUE(Call(id).hung_up);
  EXPECT_EQ(dialer_->stats().inbound_refused, 1);
  EXPECT_EQ(pool_.Find("a1")->state(), AgentState::kReady);
}

TEST_F(DialerInboundTest, BlendedWaitingCallerTakesTheNextFreeAgentAndHoldsBackDialling) {
  Agent& agent = AddAgent("a1", {"hi"}, {"S12"});
  Start(/*outbound=*/true);
  ASSERT_EQ(calls_.dialled(), 1u);  // progressive: one outbound call for the one agent
  telephony::CallId outbound = calls_.dial_order()[0];
  calls_.Answer(outbound);
  telephony::CallId caller = calls_.Incoming(kCaller, kHindiLine);
  calls_.End(outbound, EndCause::kRemoteHangup);
  ASSERT_TRUE(agent.Dispose("done").ok());
  EXPECT_EQ(Call(caller).bridged_to, "line-a1");
  clock_.AdvanceBy(seconds(5));
  EXPECT_EQ(calls_.dialled(), 1u);  // the agent is with the caller: nothing more dialled
}

}  // namespace
}  // namespace callcenter
