// The dialer on a fake clock against a scripted network: each test is a timeline.
#include "callcenter/dialer.h"

#include <gtest/gtest.h>

#include <map>

#include "callcenter/predictive_pacer.h"
#include "fakes/fake_clock.h"
#include "fakes/in_memory_database.h"
#include "fakes/scripted_call_control.h"

namespace callcenter {
namespace {

using std::chrono::milliseconds;
using std::chrono::seconds;
using telephony::AnswerKind;
using telephony::EndCause;

// Made-up numbers; the outcomes reported back are recorded per number.
class ListedContacts : public ContactSource {
 public:
  std::optional<DialTarget> Next(base::TimePoint /*now*/) override {
    ++next_;
    DialTarget target;
    target.contact_id = "c" + std::to_string(next_);
    target.number = "+91900000" + std::to_string(1000 + next_);
    target.language = "hi";
    target.state_code = "S12";
    return target;
  }
  void Report(const DialTarget& target, AttemptOutcome outcome, base::TimePoint /*now*/) override {
    outcomes[target.number] = outcome;
  }
  base::Status OptOut(std::string_view e164) override {
    opted_out.emplace_back(e164);
    return base::OkStatus();
  }
  std::map<std::string, AttemptOutcome> outcomes;
  std::vector<std::string> opted_out;

 private:
  int next_ = 0;
};

class DialerTest : public ::testing::Test {
 protected:
  void Start(std::unique_ptr<Pacer> pacer, int agents, DialerSettings settings = {}) {
    pacer_ = std::move(pacer);
    dialer_ = std::make_unique<Dialer>(clock_, calls_, pool_, contacts_, *pacer_, settings);
    for (int i = 1; i <= agents; ++i) {
      std::string n = std::to_string(i);
      Agent* agent = *pool_.Add({"a" + n, "Synthetic agent " + n, "line-" + n, {"hi"}, {}, {}});
      ASSERT_TRUE(agent->LogIn().ok());
      clock_.AdvanceBy(milliseconds(10));  // a1 has been ready longest
    }
    dialer_->Start();
  }
  Agent& agent(int n) { return *pool_.Find("a" + std::to_string(n)); }
  const DialerStats& stats() { return dialer_->stats(); }
  telephony::CallId Nth(std::size_t n) { return calls_.dial_order().at(n); }

  fakes::FakeClock clock_;
  fakes::ScriptedCallControl calls_{clock_};
  AgentPool pool_{clock_};
  ListedContacts contacts_;
  std::unique_ptr<Pacer> pacer_;
  std::unique_ptr<Dialer> dialer_;
};

TEST_F(DialerTest, ProgressivePlacesOneCallPerReadyAgent) {
  Start(MakeProgressivePacer(), 2);
  EXPECT_EQ(calls_.dialled(), 2u);
  clock_.AdvanceBy(seconds(5));
  EXPECT_EQ(calls_.dialled(), 2u);  // both still ringing: no third call
}

TEST_F(DialerTest, AnsweredCallGoesToTheAgentReadyLongest) {
  Start(MakeProgressivePacer(), 2);
  calls_.Answer(Nth(1));
  EXPECT_EQ(calls_.call(Nth(1)).bridged_to, "line-1");
  EXPECT_EQ(agent(1).state(), AgentState::kTalking);
  EXPECT_EQ(agent(2).state(), AgentState::kReady);
  EXPECT_EQ(stats().connected, 1);
}

TEST_F(DialerTest, PersonIsHungUpWhenTheirAgentLosesTheLine) {
  Start(MakeProgressivePacer(), 1);
  calls_.Answer(Nth(0));
  clock_.AdvanceBy(seconds(30));
  ASSERT_TRUE(agent(1).LoseLine().ok());  // the agent's phone dropped mid-call
  clock_.AdvanceBy(milliseconds(1));
  EXPECT_TRUE(calls_.call(Nth(0)).hung_up);
  EXPECT_EQ(contacts_.outcomes[calls_.call(Nth(0)).request.number], AttemptOutcome::kConnected);
  EXPECT_EQ(dialer_->calls_in_progress(), 0u);
  EXPECT_EQ(agent(1).state(), AgentState::kOffline);
}

TEST_F(DialerTest, PersonWithNoFreeAgentHearsTheMessageAfterTwoSecondsAndIsAbandoned) {
  Start(MakePowerPacer(3.0), 1);
  ASSERT_EQ(calls_.dialled(), 3u);
  calls_.Answer(Nth(0));
  calls_.Answer(Nth(1));
  clock_.AdvanceBy(milliseconds(1999));
  EXPECT_TRUE(calls_.call(Nth(1)).prompts.empty());
  clock_.AdvanceBy(milliseconds(1));
  EXPECT_EQ(calls_.call(Nth(1)).prompts, std::vector<std::string>{"abandon_hi"});
  EXPECT_EQ(stats().abandoned, 1);
  EXPECT_DOUBLE_EQ(stats().customer_waits_s.back(), 2.0);
  clock_.AdvanceBy(calls_.prompt_length);
  EXPECT_TRUE(calls_.call(Nth(1)).hung_up);
  EXPECT_EQ(contacts_.outcomes[calls_.call(Nth(1)).request.number], AttemptOutcome::kAbandoned);
}

TEST_F(DialerTest, PressingNineDuringTheAbandonMessageOptsThePersonOutAtOnce) {
  fakes::InMemoryDatabase db;
  Start(MakePowerPacer(3.0), 1);
  dialer_->SetDoNotCallStore(&db.do_not_call(), "test-campaign");
  calls_.Answer(Nth(0));
  calls_.Answer(Nth(1));
  calls_.Answer(Nth(2));
  calls_.Digit(Nth(1), '9');  // still waiting for an agent: not an opt-out yet
  clock_.AdvanceBy(seconds(2));
  ASSERT_EQ(calls_.call(Nth(1)).prompts, std::vector<std::string>{"abandon_hi"});
  calls_.Digit(Nth(1), '9');
  calls_.Digit(Nth(1), '9');  // once is enough
  calls_.Digit(Nth(2), '5');  // another key is nothing
  std::string number = calls_.call(Nth(1)).request.number;
  EXPECT_EQ(contacts_.opted_out, std::vector<std::string>{number});
  EXPECT_EQ(stats().opted_out, 1);
  std::vector<store::DoNotCallEntry> listed = *db.do_not_call().ListDoNotCall("test-campaign");
  ASSERT_EQ(listed.size(), 1u);
  EXPECT_EQ(listed[0].number, number);
  EXPECT_EQ(listed[0].reason, "pressed 9 during the abandon message");
  clock_.AdvanceBy(calls_.prompt_length);
  EXPECT_TRUE(calls_.call(Nth(1)).hung_up);  // the message plays out; the call ends as before
  EXPECT_EQ(contacts_.outcomes[number], AttemptOutcome::kAbandoned);
}

TEST_F(DialerTest, WithNoOptOutKeyTheAbandonMessageTakesNoKey) {
  DialerSettings settings;
  settings.abandon_opt_out_key = '\0';
  Start(MakePowerPacer(2.0), 1, settings);
  calls_.Answer(Nth(0));
  calls_.Answer(Nth(1));
  clock_.AdvanceBy(seconds(2));
  calls_.Digit(Nth(1), '9');
  EXPECT_TRUE(contacts_.opted_out.empty());
  EXPECT_EQ(stats().opted_out, 0);
}

TEST_F(DialerTest, WaitingPersonTakesTheAgentThatFreesUpWithinTwoSeconds) {
  Start(MakePowerPacer(2.0), 1);
  calls_.Answer(Nth(0));
  calls_.End(Nth(0), EndCause::kRemoteHangup);  // a short call: the agent is in wrap-up
  calls_.Answer(Nth(1));
  clock_.AdvanceBy(milliseconds(1500));
  ASSERT_TRUE(agent(1).Dispose("done").ok());
  EXPECT_EQ(calls_.call(Nth(1)).bridged_to, "line-1");
  clock_.AdvanceBy(seconds(5));
  EXPECT_EQ(stats().abandoned, 0);
  EXPECT_EQ(stats().connected, 2);
  EXPECT_DOUBLE_EQ(stats().customer_waits_s.back(), 1.5);
}

TEST_F(DialerTest, PersonWhoHangsUpWhileWaitingIsAbandoned) {
  Start(MakePowerPacer(2.0), 1);
  calls_.Answer(Nth(0));
  calls_.Answer(Nth(1));
  clock_.AdvanceBy(milliseconds(800));
  calls_.End(Nth(1), EndCause::kRemoteHangup);
  EXPECT_EQ(stats().abandoned, 1);
  clock_.AdvanceBy(seconds(3));
  EXPECT_TRUE(calls_.call(Nth(1)).prompts.empty());  // nobody left to hear it
  EXPECT_EQ(stats().abandoned, 1);
}

TEST_F(DialerTest, MachineIsHungUpAndNeverReachesAnAgent) {
  Start(MakeProgressivePacer(), 1);
  calls_.Answer(Nth(0), AnswerKind::kMachine);
  clock_.AdvanceBy(seconds(1));
  EXPECT_TRUE(calls_.call(Nth(0)).hung_up);
  EXPECT_EQ(agent(1).state(), AgentState::kReady);
  EXPECT_EQ(stats().answered_machine, 1);
  EXPECT_EQ(contacts_.outcomes[calls_.call(Nth(0)).request.number], AttemptOutcome::kMachine);
}

TEST_F(DialerTest, UnansweredCallsAreReportedWithTheirOutcome) {
  Start(MakePowerPacer(3.0), 1);
  calls_.End(Nth(0), EndCause::kBusy);
  calls_.End(Nth(1), EndCause::kNoAnswer);
  calls_.End(Nth(2), EndCause::kFailed);
  EXPECT_EQ(contacts_.outcomes[calls_.call(Nth(0)).request.number], AttemptOutcome::kBusy);
  EXPECT_EQ(contacts_.outcomes[calls_.call(Nth(1)).request.number], AttemptOutcome::kNoAnswer);
  EXPECT_EQ(contacts_.outcomes[calls_.call(Nth(2)).request.number], AttemptOutcome::kFailed);
  EXPECT_EQ(stats().busy + stats().no_answer + stats().failed, 3);
  clock_.AdvanceBy(seconds(1));
  EXPECT_EQ(calls_.dialled(), 6u);  // the lines are free again: three more
}

TEST_F(DialerTest, NumbersRingAtLeastFifteenSeconds) {
  DialerSettings settings;
  settings.ring_timeout = seconds(5);
  Start(MakeProgressivePacer(), 1, settings);
  EXPECT_EQ(calls_.call(Nth(0)).request.ring_timeout, seconds(15));
}

TEST_F(DialerTest, StoppedDialerPlacesNoMoreCallsButFinishesThoseInProgress) {
  Start(MakeProgressivePacer(), 1);
  dialer_->Stop();
  calls_.End(Nth(0), EndCause::kNoAnswer);
  clock_.AdvanceBy(seconds(10));
  EXPECT_EQ(calls_.dialled(), 1u);
  EXPECT_EQ(dialer_->calls_in_progress(), 0u);
}

TEST_F(DialerTest, CallThatOutlivesTheTalkTimeoutIsHungUp) {
  Start(MakeProgressivePacer(), 1);
  calls_.Answer(Nth(0));
  clock_.AdvanceBy(AgentTimeouts{}.talk + seconds(1));
  EXPECT_TRUE(calls_.call(Nth(0)).hung_up);
  EXPECT_NE(agent(1).state(), AgentState::kTalking);
}

TEST_F(DialerTest, PausedAgentsGetNoCalls) {
  Start(MakeProgressivePacer(), 0);
  Agent* only = *pool_.Add({"p1", "Synthetic agent", "line-p1", {"hi"}, {}, {}});
  ASSERT_TRUE(only->LogIn().ok());
  ASSERT_TRUE(only->Pause("tea").ok());
  clock_.AdvanceBy(seconds(10));
  EXPECT_EQ(calls_.dialled(), 0u);
}

TEST_F(DialerTest, PredictiveStartsNoFasterThanOneCallPerAgentWithNothingMeasured) {
  Start(MakePredictivePacer(), 4);
  // With no history it cannot count on anyone freeing up; it may add lines only within risk.
  EXPECT_GE(calls_.dialled(), 4u);
  EXPECT_LE(calls_.dialled(), 16u);
}

// Places one call per ready agent with nothing in flight, and keeps the last snapshot it saw.
class RecordingPacer : public Pacer {
 public:
  std::string_view name() const override { return "recording"; }
  int CallsToPlace(const PacingInput& input, const Measurements& /*measured*/) override {
    last = input;
    return std::max(0, input.agents_ready - static_cast<int>(input.ringing_elapsed.size()) -
                           input.waiting_calls);
  }
  PacingInput last;
};

TEST_F(DialerTest, TellsThePacerWhichAgentsAreInWrapUpAndMeasuresTalkAndWrapUpApart) {
  auto recording = std::make_unique<RecordingPacer>();
  RecordingPacer& pacer = *recording;
  Start(std::move(recording), 1);
  calls_.Answer(Nth(0));
  clock_.AdvanceBy(seconds(10));
  ASSERT_EQ(pacer.last.wrap_up_elapsed.size(), 1u);
  EXPECT_FALSE(pacer.last.wrap_up_elapsed[0].has_value());  // talking
  calls_.End(Nth(0), EndCause::kRemoteHangup);
  clock_.AdvanceBy(seconds(4));
  ASSERT_EQ(agent(1).state(), AgentState::kWrapUp);
  ASSERT_EQ(pacer.last.busy_elapsed.size(), 1u);
  ASSERT_TRUE(pacer.last.wrap_up_elapsed[0].has_value());
  EXPECT_GE(*pacer.last.wrap_up_elapsed[0], seconds(3));
  EXPECT_LE(*pacer.last.wrap_up_elapsed[0], seconds(4));
  EXPECT_GE(pacer.last.busy_elapsed[0], seconds(13));
  ASSERT_TRUE(agent(1).Dispose("done").ok());
  const Measurements& measured = dialer_->measurements();
  ASSERT_EQ(measured.TalkTimes().size(), 1u);
  ASSERT_EQ(measured.WrapUpTimes().size(), 1u);
  EXPECT_NEAR(measured.TalkTimes()[0], 10.0, 1.0);
  EXPECT_NEAR(measured.WrapUpTimes()[0], 4.0, 0.01);
  ASSERT_EQ(measured.HandleTimes().size(), 1u);
  EXPECT_NEAR(measured.HandleTimes()[0], measured.TalkTimes()[0] + 4.0, 0.01);
}

// A journal that cannot be written: the database is down.
class UnavailableAttempts : public store::AttemptStore {
 public:
  base::Result<std::int64_t> BeginAttempt(const store::CallAttempt&) override {
    return base::Unavailable("database connection lost");
  }
  base::Status EndAttempt(std::int64_t, std::string_view, base::TimePoint) override {
    return base::Unavailable("database connection lost");
  }
  base::Status DisposeAttempt(std::int64_t, std::string_view, std::string_view) override {
    return base::Unavailable("database connection lost");
  }
  base::Result<std::vector<store::CallAttempt>> ListAttempts(std::string_view) override {
    return base::Unavailable("database connection lost");
  }
};

class JournaledDialerTest : public DialerTest {
 protected:
  // One agent, progressive dialling, every attempt journaled in `attempts` as campaign "camp".
  void StartJournaled(store::AttemptStore* attempts) {
    pacer_ = MakeProgressivePacer();
    dialer_ = std::make_unique<Dialer>(clock_, calls_, pool_, contacts_, *pacer_, DialerSettings{});
    dialer_->SetAttemptStore(attempts, "camp");
    Agent* agent = *pool_.Add({"a1", "Synthetic agent", "line-1", {"hi"}, {}, {}});
    ASSERT_TRUE(agent->LogIn().ok());
    dialer_->Start();
  }
  Agent& only_agent() { return *pool_.Find("a1"); }
  std::vector<store::CallAttempt> Journal() { return *db_.attempts().ListAttempts("camp"); }
  fakes::InMemoryDatabase db_;
};

TEST_F(JournaledDialerTest, AttemptIsJournaledBeforeTheCallAndEndedAfterIt) {
  ASSERT_NO_FATAL_FAILURE(StartJournaled(&db_.attempts()));
  ASSERT_EQ(calls_.dialled(), 1u);
  ASSERT_EQ(Journal().size(), 1u);
  EXPECT_EQ(Journal()[0].number, calls_.call(Nth(0)).request.number);
  EXPECT_EQ(Journal()[0].outcome, "");
  clock_.AdvanceBy(seconds(4));
  calls_.End(Nth(0), EndCause::kBusy);
  EXPECT_EQ(Journal()[0].outcome, "busy");
  EXPECT_EQ(Journal()[0].ended_at, clock_.Now());
}

TEST_F(JournaledDialerTest, TheAgentsDispositionIsJournaled) {
  ASSERT_NO_FATAL_FAILURE(StartJournaled(&db_.attempts()));
  calls_.Answer(Nth(0));
  calls_.End(Nth(0), EndCause::kRemoteHangup);
  ASSERT_TRUE(only_agent().Dispose("supporter").ok());
  EXPECT_EQ(Journal()[0].outcome, "connected");
  EXPECT_EQ(Journal()[0].disposition, "supporter");
  EXPECT_EQ(Journal()[0].agent_id, "a1");
}

TEST_F(JournaledDialerTest, AnAttemptBegunBeforeARestartIsNeverDialledAgain) {
  store::CallAttempt earlier;
  earlier.campaign_id = "camp";
  earlier.contact_id = "c1";  // ListedContacts hands out c1 first
  earlier.number = "+919000001001";
  ASSERT_TRUE(db_.attempts().BeginAttempt(earlier).ok());
  ASSERT_NO_FATAL_FAILURE(StartJournaled(&db_.attempts()));
  clock_.AdvanceBy(seconds(1));
  ASSERT_EQ(calls_.dialled(), 1u);
  EXPECT_EQ(calls_.call(Nth(0)).request.number, "+919000001002");  // c2, not c1 again
  EXPECT_EQ(dialer_->stats().not_journaled, 1);
}

TEST_F(JournaledDialerTest, NoCallIsPlacedThatCannotBeJournaled) {
  UnavailableAttempts down;
  ASSERT_NO_FATAL_FAILURE(StartJournaled(&down));
  clock_.AdvanceBy(seconds(10));
  EXPECT_EQ(calls_.dialled(), 0u);
  EXPECT_GT(dialer_->stats().not_journaled, 0);
}

}  // namespace
}  // namespace callcenter
