#include "telephony/sim/simulated_telephony.h"

#include <gtest/gtest.h>

#include <chrono>
#include <functional>
#include <map>
#include <random>
#include <string>
#include <vector>

#include "fakes/fake_clock.h"

namespace telephony::sim {
namespace {

using std::chrono::hours;
using std::chrono::microseconds;
using std::chrono::seconds;

constexpr base::Duration kRingTimeout = seconds(30);
constexpr base::Duration kTick = microseconds(1);

// Records what the simulator reports and fails the test on an event for a call that has ended,
// a second end, or an event delivered from inside another event's command.
class RecordingEvents : public CallEvents {
 public:
  void OnAnswered(CallId call, AnswerKind kind) override {
    Enter(call);
    answered[call] = kind;
    if (on_answered) on_answered(call, kind);
    in_event_ = false;
  }
  void OnEnded(CallId call, EndCause cause) override {
    Enter(call);
    ended[call] = cause;
    if (on_ended) on_ended(call, cause);
    in_event_ = false;
  }
  void OnPlayed(CallId call) override {
    Enter(call);
    ++played[call];
    if (on_played) on_played(call);
    in_event_ = false;
  }
  void OnDigit(CallId call, char /*digit*/) override {
    Enter(call);
    in_event_ = false;
  }
  void OnIncoming(CallId call, const IncomingCall& /*incoming*/) override {
    Enter(call);
    in_event_ = false;
  }

  int events() const { return events_; }

  std::map<CallId, AnswerKind> answered;
  std::map<CallId, EndCause> ended;
  std::map<CallId, int> played;
  std::function<void(CallId, AnswerKind)> on_answered;
  std::function<void(CallId, EndCause)> on_ended;
  std::function<void(CallId)> on_played;

 private:
  void Enter(CallId call) {
    EXPECT_FALSE(in_event_) << "event for call " << call << " delivered re-entrantly";
    EXPECT_FALSE(ended.contains(call)) << "event for call " << call << " after its end";
    in_event_ = true;
    ++events_;
  }

  bool in_event_ = false;
  int events_ = 0;
};

class SimulatedTelephonyTest : public ::testing::Test {
 protected:
  SimulatedTelephonyTest() { sim_.SetEvents(&events_); }

  // A number whose first dial meets `kind` within kRingTimeout.
  std::string NumberWith(FateKind kind) {
    for (int i = 0; i < 10000; ++i) {
      std::string number = "+9197" + std::to_string(10000000 + i);
      if (Fate(number).kind == kind) return number;
    }
    ADD_FAILURE() << "no number meets that fate";
    return "";
  }
  CallFate Fate(const std::string& number, int attempt = 1) {
    return WithinRingTimeout(FateOf(params_, number, attempt), kRingTimeout);
  }
  CallId Dial(const std::string& number, base::Duration ring_timeout = kRingTimeout) {
    return sim_.Dial({number, "+911140000000", ring_timeout});
  }

  fakes::FakeClock clock_;
  WorldParams params_;
  RecordingEvents events_;
  SimulatedTelephony sim_{clock_, params_};
};

TEST_F(SimulatedTelephonyTest, CallIdsCountFromOne) {
  EXPECT_EQ(Dial("+919800000001"), 1U);
  EXPECT_EQ(Dial("+919800000002"), 2U);
  EXPECT_EQ(sim_.counters().dialled, 2);
  EXPECT_EQ(sim_.calls_in_progress(), 2);
}

TEST_F(SimulatedTelephonyTest, PersonAnswersAtTheFatesTime) {
  std::string number = NumberWith(FateKind::kHuman);
  CallId call = Dial(number);
  clock_.AdvanceBy(Fate(number).delay - kTick);
  EXPECT_TRUE(events_.answered.empty());
  clock_.AdvanceBy(kTick);
  EXPECT_EQ(events_.answered.at(call), AnswerKind::kHuman);
  EXPECT_EQ(sim_.counters().answered_human, 1);
}

TEST_F(SimulatedTelephonyTest, MachineAnswersThenHangsUpAfterItsMessage) {
  std::string number = NumberWith(FateKind::kMachine);
  CallFate fate = Fate(number);
  CallId call = Dial(number);
  clock_.AdvanceBy(fate.delay);
  EXPECT_EQ(events_.answered.at(call), AnswerKind::kMachine);
  clock_.AdvanceBy(fate.machine_hangup - kTick);
  EXPECT_TRUE(events_.ended.empty());
  clock_.AdvanceBy(kTick);
  EXPECT_EQ(events_.ended.at(call), EndCause::kRemoteHangup);
  EXPECT_EQ(sim_.counters().answered_machine, 1);
}

TEST_F(SimulatedTelephonyTest, UnansweredCallEndsAtTheRingTimeout) {
  CallId call = Dial(NumberWith(FateKind::kNoAnswer));
  clock_.AdvanceBy(kRingTimeout - kTick);
  EXPECT_TRUE(events_.ended.empty());
  clock_.AdvanceBy(kTick);
  EXPECT_EQ(events_.ended.at(call), EndCause::kNoAnswer);
  EXPECT_EQ(sim_.counters().no_answer, 1);
}

TEST_F(SimulatedTelephonyTest, AnswerDueAtTheRingTimeoutIsANoAnswer) {
  std::string number = NumberWith(FateKind::kHuman);
  base::Duration ring_timeout = Fate(number).delay;
  CallId call = Dial(number, ring_timeout);
  clock_.AdvanceBy(hours(1));
  EXPECT_TRUE(events_.answered.empty());
  EXPECT_EQ(events_.ended.at(call), EndCause::kNoAnswer);
}

TEST_F(SimulatedTelephonyTest, BusyAndFailedEndAtTheirDelays) {
  std::string busy_number = NumberWith(FateKind::kBusy);
  std::string failed_number = NumberWith(FateKind::kFailed);
  base::TimePoint start = clock_.Now();
  CallId busy = Dial(busy_number);
  CallId failed = Dial(failed_number);
  clock_.AdvanceTo(start + Fate(busy_number).delay - kTick);
  EXPECT_FALSE(events_.ended.contains(busy));
  clock_.AdvanceTo(start + Fate(busy_number).delay);
  EXPECT_EQ(events_.ended.at(busy), EndCause::kBusy);
  clock_.AdvanceTo(start + Fate(failed_number).delay);
  EXPECT_EQ(events_.ended.at(failed), EndCause::kFailed);
  EXPECT_EQ(sim_.counters().busy, 1);
  EXPECT_EQ(sim_.counters().failed, 1);
  EXPECT_TRUE(events_.answered.empty());
}

TEST_F(SimulatedTelephonyTest, BridgedPersonTalksForTheTalkTime) {
  std::string number = NumberWith(FateKind::kHuman);
  CallFate fate = Fate(number);
  CallId call = Dial(number);
  clock_.AdvanceBy(fate.delay);
  EXPECT_FALSE(sim_.PlannedEnd(call).has_value());  // answered, not yet bridged
  sim_.Bridge(call, "agent-7");
  EXPECT_EQ(sim_.PlannedEnd(call), clock_.Now() + fate.talk_time);
  clock_.AdvanceBy(fate.talk_time - kTick);
  EXPECT_TRUE(events_.ended.empty());
  clock_.AdvanceBy(kTick);
  EXPECT_EQ(events_.ended.at(call), EndCause::kRemoteHangup);
  EXPECT_FALSE(sim_.PlannedEnd(call).has_value());
}

TEST_F(SimulatedTelephonyTest, RemembersTheRecordingOfAnAnsweredCallUntilItStopsOrEnds) {
  std::string number = NumberWith(FateKind::kHuman);
  CallFate fate = Fate(number);
  CallId call = Dial(number);
  sim_.Record(call, "ringing.wav");  // not answered yet: nothing to record
  EXPECT_EQ(sim_.RecordingOf(call), std::nullopt);
  clock_.AdvanceBy(fate.delay);
  sim_.Record(call, "rec/a.wav");
  EXPECT_EQ(sim_.RecordingOf(call), "rec/a.wav");
  sim_.StopRecording(call);
  EXPECT_EQ(sim_.RecordingOf(call), std::nullopt);
  sim_.Record(call, "rec/b.wav");
  sim_.Bridge(call, "agent-7");
  EXPECT_EQ(sim_.RecordingOf(call), "rec/b.wav");
  EXPECT_EQ(sim_.counters().recordings, 2);
  clock_.AdvanceBy(fate.talk_time);
  EXPECT_EQ(sim_.RecordingOf(call), std::nullopt);  // over
}

TEST_F(SimulatedTelephonyTest, PersonLeftInSilenceHangsUpAfterThePatience) {
  std::string number = NumberWith(FateKind::kHuman);
  CallFate fate = Fate(number);
  CallId call = Dial(number);
  clock_.AdvanceBy(fate.delay + fate.patience - kTick);
  EXPECT_TRUE(events_.ended.empty());
  clock_.AdvanceBy(kTick);
  EXPECT_EQ(events_.ended.at(call), EndCause::kRemoteHangup);
  EXPECT_EQ(sim_.counters().remote_hangups, 1);
}

TEST_F(SimulatedTelephonyTest, PromptPlaysForFourSecondsAndPausesThePatience) {
  std::string number = NumberWith(FateKind::kHuman);
  CallFate fate = Fate(number);
  CallId call = Dial(number);
  clock_.AdvanceBy(fate.delay + fate.patience / 2);
  sim_.Play(call, "please_hold");
  clock_.AdvanceBy(seconds(4) - kTick);
  EXPECT_FALSE(events_.played.contains(call));
  clock_.AdvanceBy(kTick);
  EXPECT_EQ(events_.played.at(call), 1);
  EXPECT_FALSE(events_.ended.contains(call));
  clock_.AdvanceBy(fate.patience - fate.patience / 2 - kTick);
  EXPECT_FALSE(events_.ended.contains(call));
  clock_.AdvanceBy(kTick);
  EXPECT_EQ(events_.ended.at(call), EndCause::kRemoteHangup);
}

TEST_F(SimulatedTelephonyTest, HangupWhileRingingEndsOnceAndNothingAnswers) {
  std::string number = NumberWith(FateKind::kHuman);
  CallId call = Dial(number);
  clock_.AdvanceBy(Fate(number).delay / 2);
  sim_.Hangup(call);
  sim_.Hangup(call);
  clock_.AdvanceBy(hours(1));
  EXPECT_EQ(events_.ended.at(call), EndCause::kLocalHangup);
  EXPECT_TRUE(events_.answered.empty());
  EXPECT_EQ(events_.events(), 1);
  EXPECT_EQ(sim_.counters().local_hangups, 1);
  EXPECT_EQ(clock_.pending_timers(), 0U);
}

TEST_F(SimulatedTelephonyTest, HangupIsReportedOnlyOnceTheClockRuns) {
  CallId call = Dial(NumberWith(FateKind::kNoAnswer));
  sim_.Hangup(call);
  EXPECT_EQ(events_.events(), 0);
  EXPECT_EQ(sim_.calls_in_progress(), 1);
  clock_.AdvanceBy(base::Duration::zero());
  EXPECT_EQ(events_.ended.at(call), EndCause::kLocalHangup);
  EXPECT_EQ(sim_.calls_in_progress(), 0);
}

TEST_F(SimulatedTelephonyTest, HangupFromInsideAnEventIsReportedAfterIt) {
  std::string number = NumberWith(FateKind::kHuman);
  events_.on_answered = [&](CallId call, AnswerKind) { sim_.Hangup(call); };
  CallId call = Dial(number);
  clock_.AdvanceBy(Fate(number).delay);
  EXPECT_EQ(events_.ended.at(call), EndCause::kLocalHangup);
}

TEST_F(SimulatedTelephonyTest, CommandsOnEndedOrUnknownCallsAreIgnored) {
  std::string number = NumberWith(FateKind::kBusy);
  CallId call = Dial(number);
  clock_.AdvanceBy(seconds(10));
  ASSERT_EQ(events_.ended.at(call), EndCause::kBusy);
  for (CallId id : {call, CallId{0}, CallId{99}}) {
    sim_.Bridge(id, "agent-1");
    sim_.Play(id, "welcome_hi");
    sim_.Hangup(id);
  }
  clock_.AdvanceBy(hours(1));
  EXPECT_EQ(events_.events(), 1);
  EXPECT_EQ(clock_.pending_timers(), 0U);
}

TEST_F(SimulatedTelephonyTest, BridgeAndPlayWhileRingingAreIgnored) {
  std::string number = NumberWith(FateKind::kHuman);
  CallFate fate = Fate(number);
  CallId call = Dial(number);
  sim_.Bridge(call, "agent-1");
  sim_.Play(call, "welcome_hi");
  clock_.AdvanceBy(fate.delay + fate.patience);
  EXPECT_FALSE(events_.played.contains(call));
  EXPECT_EQ(events_.ended.at(call), EndCause::kRemoteHangup);
}

TEST_F(SimulatedTelephonyTest, RedialMeetsTheNextAttemptsFate) {
  std::string number;
  for (int i = 0; number.empty() && i < 10000; ++i) {
    std::string candidate = "+9195" + std::to_string(10000000 + i);
    bool busy_then_human =
        Fate(candidate, 1).kind == FateKind::kBusy && Fate(candidate, 2).kind == FateKind::kHuman;
    if (busy_then_human) number = candidate;
  }
  ASSERT_FALSE(number.empty());
  CallId first = Dial(number);
  clock_.AdvanceBy(Fate(number, 1).delay);
  EXPECT_EQ(events_.ended.at(first), EndCause::kBusy);
  CallId second = Dial(number);
  clock_.AdvanceBy(Fate(number, 2).delay);
  EXPECT_EQ(events_.answered.at(second), AnswerKind::kHuman);
}

TEST_F(SimulatedTelephonyTest, DestroyingTheSimulatorCancelsItsTimers) {
  {
    SimulatedTelephony sim(clock_, params_);
    sim.SetEvents(&events_);
    sim.Dial({"+919800000001", "", kRingTimeout});
    EXPECT_EQ(clock_.pending_timers(), 1U);
  }
  EXPECT_EQ(clock_.pending_timers(), 0U);
}

// A call centre that does something random at every turn, on a thousand calls: every call must
// end exactly once, with nothing reported about it afterwards (RecordingEvents checks that).
TEST_F(SimulatedTelephonyTest, EveryCallEndsExactlyOnceInARandomRun) {
  std::mt19937 rng(7);
  auto chance = [&](double p) { return std::uniform_real_distribution<double>(0, 1)(rng) < p; };
  auto some_time = [&] {
    return microseconds(std::uniform_int_distribution<int>(0, 20'000'000)(rng));
  };
  auto later = [&](CallId call, const std::function<void(CallId)>& command) {
    clock_.RunAfter(some_time(), [call, command] { command(call); });
  };
  auto hangup = [&](CallId call) { sim_.Hangup(call); };
  auto bridge = [&](CallId call) { sim_.Bridge(call, "agent-1"); };
  auto play = [&](CallId call) { sim_.Play(call, "abandon"); };
  events_.on_answered = [&](CallId call, AnswerKind) {
    if (chance(0.3)) bridge(call);
    if (chance(0.3)) later(call, bridge);
    if (chance(0.3)) later(call, play);
    if (chance(0.2)) later(call, hangup);
  };
  events_.on_played = [&](CallId call) {
    if (chance(0.5)) hangup(call);
  };
  constexpr int kCalls = 1000;
  for (int i = 0; i < kCalls; ++i) {
    CallId call = Dial("+9196" + std::to_string(10000000 + i % 700), seconds(10 + i % 30));
    if (chance(0.2)) later(call, hangup);
    if (chance(0.05)) later(call, play);
    clock_.AdvanceBy(microseconds(std::uniform_int_distribution<int>(0, 2'000'000)(rng)));
  }
  clock_.AdvanceBy(hours(2));
  EXPECT_EQ(events_.ended.size(), static_cast<std::size_t>(kCalls));
  EXPECT_EQ(sim_.calls_in_progress(), 0);
  EXPECT_EQ(clock_.pending_timers(), 0U);
  const SimulatedTelephony::Counters& n = sim_.counters();
  EXPECT_EQ(n.busy + n.failed + n.no_answer + n.remote_hangups + n.local_hangups, kCalls);
  EXPECT_GT(n.local_hangups, 0);
  EXPECT_GT(n.remote_hangups, 0);
}

}  // namespace
}  // namespace telephony::sim
