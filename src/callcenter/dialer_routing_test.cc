// The dialer's routing on a fake clock against a scripted network: language and territory,
// callbacks first, preview dialling, and what an agent's wrap-up records. Each test a timeline.
#include <gtest/gtest.h>

#include <deque>
#include <map>

#include "callcenter/dialer.h"
#include "fakes/fake_clock.h"
#include "fakes/scripted_call_control.h"
#include "fakes/scripted_pacer.h"

namespace callcenter {
namespace {

using std::chrono::milliseconds;
using std::chrono::minutes;
using std::chrono::seconds;
using telephony::AnswerKind;
using telephony::EndCause;

// Hands out exactly the targets the test queued, and records what the dialer tells it.
class QueuedContacts : public ContactSource {
 public:
  void Queue(const std::string& id, const std::string& language, const std::string& seat = "",
             bool callback = false) {
    DialTarget target;
    target.contact_id = id;
    target.number = "+9190000" + std::to_string(10000 + queue_.size() + handed_);
    target.language = language;
    target.seat_id = seat;
    target.state_code = seat.substr(0, seat.find('-'));
    target.callback = callback;
    queue_.push_back(target);
  }
  std::optional<DialTarget> Next(base::TimePoint /*now*/) override {
    if (queue_.empty()) return std::nullopt;
    DialTarget next = queue_.front();
    queue_.pop_front();
    ++handed_;
    return next;
  }
  void Report(const DialTarget& target, AttemptOutcome outcome, base::TimePoint /*now*/) override {
    outcomes[target.contact_id] = outcome;
  }
  base::Status ScheduleCallback(const DialTarget& target, base::TimePoint at) override {
    callbacks[target.contact_id] = at;
    return base::OkStatus();
  }
  base::Status ScheduleRetry(const DialTarget& target, base::TimePoint at) override {
    retries[target.contact_id] = at;
    return base::OkStatus();
  }
  base::Status OptOut(std::string_view e164) override {
    opted_out.emplace_back(e164);
    return base::OkStatus();
  }

  std::map<std::string, AttemptOutcome> outcomes;
  std::map<std::string, base::TimePoint> callbacks;
  std::map<std::string, base::TimePoint> retries;
  std::vector<std::string> opted_out;

 private:
  std::deque<DialTarget> queue_;
  std::size_t handed_ = 0;
};

using fakes::ScriptedPacer;

class DialerRoutingTest : public ::testing::Test {
 protected:
  Agent& AddAgent(const std::string& id, std::vector<std::string> languages,
                  std::vector<std::string> territories = {}) {
    Agent* agent =
        *pool_.Add({id, "Synthetic agent " + id, "line-" + id, languages, territories, {}});
    EXPECT_TRUE(agent->LogIn().ok());
    clock_.AdvanceBy(milliseconds(10));  // agents added first have been ready longest
    return *agent;
  }
  void Start(DialerSettings settings = {}) {
    dialer_ = std::make_unique<Dialer>(clock_, calls_, pool_, contacts_, pacer_, settings);
    dialer_->Start();
  }
  // Lets the pacer place `n` calls at the next tick.
  void PlaceCalls(int n) {
    pacer_.next = n;
    clock_.AdvanceBy(seconds(1));
  }
  telephony::CallId Nth(std::size_t n) { return calls_.dial_order().at(n); }
  // One agent reaches contact c1, and the person hangs up: the agent is in wrap-up.
  Agent& ReachOnePerson(DialerSettings settings = {}) {
    Agent& agent = AddAgent("a1", {"hi"});
    contacts_.Queue("c1", "hi");
    Start(std::move(settings));
    PlaceCalls(1);
    calls_.Answer(Nth(0));
    calls_.End(Nth(0), EndCause::kRemoteHangup);
    return agent;
  }
  const std::string& BridgedTo(std::size_t n) { return calls_.call(Nth(n)).bridged_to; }

  fakes::FakeClock clock_;
  fakes::ScriptedCallControl calls_{clock_};
  AgentPool pool_{clock_};
  QueuedContacts contacts_;
  ScriptedPacer pacer_;
  std::unique_ptr<Dialer> dialer_;
};

TEST_F(DialerRoutingTest, PersonReachesAnAgentWhoSpeaksTheirLanguage) {
  AddAgent("hindi", {"hi"});
  AddAgent("tamil", {"ta", "en"});
  contacts_.Queue("c1", "ta");
  Start();
  PlaceCalls(1);
  calls_.Answer(Nth(0));
  EXPECT_EQ(BridgedTo(0), "line-tamil");  // though the Hindi speaker was ready longer
}

TEST_F(DialerRoutingTest, AgentCoveringTheContactsSeatIsPreferred) {
  AddAgent("elsewhere", {"hi"}, {"S01"});
  AddAgent("local", {"hi"}, {"S12-19"});
  contacts_.Queue("c1", "hi", "S12-19");
  Start();
  PlaceCalls(1);
  calls_.Answer(Nth(0));
  EXPECT_EQ(BridgedTo(0), "line-local");
}

TEST_F(DialerRoutingTest, WithNoLocalAgentReadyAnySpeakerTakesThePersonAtOnce) {
  AddAgent("elsewhere", {"hi"}, {"S01"});
  contacts_.Queue("c1", "hi", "S12-19");
  Start();
  PlaceCalls(1);
  calls_.Answer(Nth(0));
  EXPECT_EQ(BridgedTo(0), "line-elsewhere");
  EXPECT_TRUE(dialer_->stats().customer_waits_s.back() == 0.0);
}

TEST_F(DialerRoutingTest, NobodyReadySpeaksTheLanguageSoThePersonIsAbandonedAfterTwoSeconds) {
  AddAgent("hindi", {"hi"});
  contacts_.Queue("c1", "bn");
  Start();
  PlaceCalls(1);
  calls_.Answer(Nth(0));
  clock_.AdvanceBy(milliseconds(1999));
  EXPECT_TRUE(calls_.call(Nth(0)).prompts.empty());
  clock_.AdvanceBy(milliseconds(1));
  EXPECT_EQ(calls_.call(Nth(0)).prompts, std::vector<std::string>{"abandon_bn"});
  EXPECT_EQ(pool_.Find("hindi")->state(), AgentState::kReady);
  EXPECT_EQ(dialer_->stats().abandoned, 1);
}

TEST_F(DialerRoutingTest, ContactWithoutALanguageIsRoutedInTheDefaultLanguage) {
  AddAgent("tamil", {"ta"});
  AddAgent("hindi", {"hi"});
  contacts_.Queue("c1", "");
  Start();
  PlaceCalls(1);
  calls_.Answer(Nth(0));
  EXPECT_EQ(BridgedTo(0), "line-hindi");
}

TEST_F(DialerRoutingTest, AWaitingCallbackIsServedBeforeAPersonWhoAnsweredEarlier) {
  Agent& only = AddAgent("a1", {"hi"});
  contacts_.Queue("busy-maker", "hi");
  contacts_.Queue("ordinary", "hi");
  contacts_.Queue("callback", "hi", "", /*callback=*/true);
  Start();
  PlaceCalls(3);
  calls_.Answer(Nth(0));  // the agent is busy with this one
  calls_.Answer(Nth(1));
  clock_.AdvanceBy(milliseconds(300));
  calls_.Answer(Nth(2));
  calls_.End(Nth(0), EndCause::kRemoteHangup);
  ASSERT_TRUE(only.Dispose("done").ok());
  EXPECT_EQ(BridgedTo(2), "line-a1");
  EXPECT_EQ(BridgedTo(1), "");
}

TEST_F(DialerRoutingTest, PreviewBindsTheAgentFromTheDialAndNeverAbandons) {
  Agent& agent = AddAgent("a1", {"hi"});
  contacts_.Queue("c1", "hi");
  contacts_.Queue("c2", "hi");
  DialerSettings settings;
  settings.preview = true;
  Start(settings);
  ASSERT_EQ(calls_.dialled(), 1u);  // one call per ready agent
  EXPECT_EQ(agent.state(), AgentState::kReserved);
  EXPECT_EQ(agent.call(), Nth(0));
  clock_.AdvanceBy(seconds(20));  // rings long past the usual reservation
  EXPECT_EQ(calls_.dialled(), 1u);
  calls_.Answer(Nth(0));
  EXPECT_EQ(BridgedTo(0), "line-a1");
  EXPECT_EQ(agent.state(), AgentState::kTalking);
  EXPECT_EQ(dialer_->stats().abandoned, 0);
}

TEST_F(DialerRoutingTest, PreviewAgentIsFreedWhenTheCallIsNotAnsweredByAPerson) {
  Agent& agent = AddAgent("a1", {"hi"});
  contacts_.Queue("c1", "hi");
  contacts_.Queue("c2", "hi");
  contacts_.Queue("c3", "hi");
  DialerSettings settings;
  settings.preview = true;
  Start(settings);
  calls_.End(Nth(0), EndCause::kNoAnswer);
  EXPECT_EQ(agent.state(), AgentState::kReady);
  clock_.AdvanceBy(seconds(1));
  ASSERT_EQ(calls_.dialled(), 2u);
  calls_.Answer(Nth(1), AnswerKind::kMachine);
  EXPECT_EQ(agent.state(), AgentState::kReady);
  EXPECT_EQ(contacts_.outcomes["c1"], AttemptOutcome::kNoAnswer);
  EXPECT_EQ(contacts_.outcomes["c2"], AttemptOutcome::kMachine);
}

TEST_F(DialerRoutingTest, PreviewContactNobodyReadySpeaksIsDialledUnboundAndRoutedOnAnswer) {
  Agent& hindi = AddAgent("hindi", {"hi"});
  contacts_.Queue("c1", "ta");
  DialerSettings settings;
  settings.preview = true;
  Start(settings);
  ASSERT_GE(calls_.dialled(), 1u);
  EXPECT_EQ(contacts_.outcomes.count("c1"), 0u);
  EXPECT_EQ(hindi.state(), AgentState::kReady);
  Agent& tamil = AddAgent("tamil", {"ta"});
  calls_.Answer(Nth(0));
  EXPECT_EQ(BridgedTo(0), "line-tamil");
  EXPECT_EQ(tamil.state(), AgentState::kTalking);
}

TEST_F(DialerRoutingTest, PreviewPlacesNoMoreUnboundCallsThanAgentsReady) {
  AddAgent("hindi", {"hi"});
  for (int i = 0; i < 5; ++i) contacts_.Queue("c" + std::to_string(i), "ta");
  DialerSettings settings;
  settings.preview = true;
  Start(settings);
  clock_.AdvanceBy(seconds(3));
  EXPECT_EQ(calls_.dialled(), 1u);
}

TEST_F(DialerRoutingTest, DoNotCallDispositionPutsTheNumberOnTheList) {
  Agent& agent = ReachOnePerson();
  EXPECT_TRUE(contacts_.opted_out.empty());  // not until the agent says so
  ASSERT_TRUE(agent.Dispose("do_not_call").ok());
  EXPECT_EQ(contacts_.opted_out, std::vector<std::string>{calls_.call(Nth(0)).request.number});
  EXPECT_EQ(dialer_->stats().opted_out, 1);
}

TEST_F(DialerRoutingTest, RetryDispositionHasTheContactCalledAgainLater) {
  DialerSettings settings;
  settings.retry_dispositions = {"call-later"};
  settings.retry_after = minutes(90);
  Agent& agent = ReachOnePerson(settings);
  clock_.AdvanceBy(seconds(20));
  ASSERT_TRUE(agent.Dispose("call-later").ok());
  EXPECT_EQ(contacts_.retries.at("c1"), clock_.Now() + minutes(90));
  EXPECT_TRUE(contacts_.opted_out.empty());
}

TEST_F(DialerRoutingTest, OtherDispositionsOptNobodyOut) {
  Agent& agent = ReachOnePerson();
  ASSERT_TRUE(agent.Dispose("supporter").ok());
  EXPECT_TRUE(contacts_.opted_out.empty());
  EXPECT_TRUE(contacts_.retries.empty());
}

TEST_F(DialerRoutingTest, AgentInWrapUpSchedulesACallbackForThePersonJustReached) {
  Agent& agent = AddAgent("a1", {"hi"});
  contacts_.Queue("c1", "hi");
  Start();
  PlaceCalls(1);
  calls_.Answer(Nth(0));
  base::TimePoint tomorrow = clock_.Now() + std::chrono::hours(24);
  // While talking there is nothing to schedule yet: the call's outcome is not known.
  EXPECT_EQ(dialer_->ScheduleCallback("a1", tomorrow).code(), base::StatusCode::kConflict);
  calls_.End(Nth(0), EndCause::kRemoteHangup);
  ASSERT_TRUE(dialer_->ScheduleCallback("a1", tomorrow).ok());
  EXPECT_EQ(contacts_.callbacks.at("c1"), tomorrow);
  ASSERT_TRUE(agent.Dispose("callback").ok());
  EXPECT_EQ(dialer_->ScheduleCallback("a1", tomorrow).code(), base::StatusCode::kConflict);
  EXPECT_EQ(dialer_->ScheduleCallback("nobody", tomorrow).code(), base::StatusCode::kNotFound);
}

}  // namespace
}  // namespace callcenter
