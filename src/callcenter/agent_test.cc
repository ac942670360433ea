#include "callcenter/agent.h"

#include <gtest/gtest.h>

#include <array>
#include <chrono>
#include <memory>
#include <optional>
#include <random>
#include <string>
#include <tuple>
#include <vector>

#include "fakes/fake_clock.h"

namespace callcenter {
namespace {

using std::chrono::hours;
using std::chrono::microseconds;
using std::chrono::minutes;
using std::chrono::seconds;

constexpr telephony::CallId kCall = 42;

constexpr std::array<AgentState, kAgentStateCount> kStates = {
    AgentState::kOffline, AgentState::kReady,  AgentState::kReserved,
    AgentState::kTalking, AgentState::kWrapUp, AgentState::kPaused};

enum class Command {
  kLogIn,
  kSetReady,
  kPause,
  kLogOut,
  kReserve,
  kConnect,
  kEndCall,
  kDispose,
  kLoseLine
};
constexpr std::array<Command, 9> kCommands = {
    Command::kLogIn,   Command::kSetReady, Command::kPause,   Command::kLogOut,  Command::kReserve,
    Command::kConnect, Command::kEndCall,  Command::kDispose, Command::kLoseLine};

std::string CommandName(Command command) {
  switch (command) {
    case Command::kLogIn:
      return "LogIn";
    case Command::kSetReady:
      return "SetReady";
    case Command::kPause:
      return "Pause";
    case Command::kLogOut:
      return "LogOut";
    case Command::kReserve:
      return "Reserve";
    case Command::kConnect:
      return "Connect";
    case Command::kEndCall:
      return "EndCall";
    case Command::kDispose:
      return "Dispose";
    case Command::kLoseLine:
      return "LoseLine";
  }
  return "?";
}

base::Status Apply(Agent& agent, Command command, telephony::CallId call = kCall) {
  switch (command) {
    case Command::kLogIn:
      return agent.LogIn();
    case Command::kSetReady:
      return agent.SetReady();
    case Command::kPause:
      return agent.Pause("tea");
    case Command::kLogOut:
      return agent.LogOut();
    case Command::kReserve:
      return agent.Reserve(call);
    case Command::kConnect:
      return agent.Connect();
    case Command::kEndCall:
      return agent.EndCall();
    case Command::kDispose:
      return agent.Dispose("supporter");
    case Command::kLoseLine:
      return agent.LoseLine();
  }
  return base::Internal("unknown command");
}

bool InCall(AgentState state) {
  return state == AgentState::kReserved || state == AgentState::kTalking ||
         state == AgentState::kWrapUp;
}

bool HasTimeout(AgentState state) { return InCall(state) || state == AgentState::kPaused; }

AgentTimeouts TestTimeouts() {
  AgentTimeouts timeouts;
  timeouts.reserve = seconds(5);
  timeouts.talk = minutes(10);
  timeouts.wrap_up = minutes(2);
  timeouts.pause = minutes(30);
  return timeouts;
}

base::Duration TimeoutOf(AgentState state, const AgentTimeouts& timeouts) {
  switch (state) {
    case AgentState::kReserved:
      return timeouts.reserve;
    case AgentState::kTalking:
      return timeouts.talk;
    case AgentState::kWrapUp:
      return timeouts.wrap_up;
    case AgentState::kPaused:
      return timeouts.pause;
    default:
      return base::Duration::max();
  }
}

AgentProfile Asha() {
  AgentProfile profile;
  profile.id = "a1";
  profile.name = "Asha (synthetic)";
  profile.line = "sip:a1@desk";
  profile.languages = {"hi", "en"};
  return profile;
}

struct Change {
  AgentState from;
  AgentState to;
  AgentChangeCause cause;
  base::TimePoint at;

  bool operator==(const Change&) const = default;
};

struct TalkTimeout {
  AgentState state_then;
  telephony::CallId call;
};

class RecordingListener : public AgentListener {
 public:
  explicit RecordingListener(const base::Clock& clock) : clock_(clock) {}

  void OnAgentStateChanged(const Agent& agent, AgentState from, AgentChangeCause cause) override {
    changes.push_back({from, agent.state(), cause, clock_.Now()});
    if (on_change) on_change(agent);
  }
  void OnTalkTimedOut(const Agent& agent, telephony::CallId call) override {
    talk_timeouts.push_back({agent.state(), call});
  }

  std::vector<Change> changes;
  std::vector<TalkTimeout> talk_timeouts;
  std::function<void(const Agent&)> on_change;

 private:
  const base::Clock& clock_;
};

class AgentTest : public ::testing::Test {
 protected:
  // Drives the agent from offline into `state` by commands, then forgets the changes it took.
  void BringTo(AgentState state) {
    switch (state) {
      case AgentState::kOffline:
        break;
      case AgentState::kReady:
        ASSERT_TRUE(agent_.LogIn().ok());
        break;
      case AgentState::kReserved:
        BringTo(AgentState::kReady);
        ASSERT_TRUE(agent_.Reserve(kCall).ok());
        break;
      case AgentState::kTalking:
        BringTo(AgentState::kReserved);
        ASSERT_TRUE(agent_.Connect().ok());
        break;
      case AgentState::kWrapUp:
        BringTo(AgentState::kTalking);
        ASSERT_TRUE(agent_.EndCall().ok());
        break;
      case AgentState::kPaused:
        BringTo(AgentState::kReady);
        ASSERT_TRUE(agent_.Pause("lunch").ok());
        break;
    }
    ASSERT_EQ(agent_.state(), state);
    listener_.changes.clear();
  }

  base::TimePoint Now() const { return clock_.Now(); }

  fakes::FakeClock clock_;
  RecordingListener listener_{clock_};
  AgentTimeouts timeouts_ = TestTimeouts();
  Agent agent_{Asha(), clock_, timeouts_, &listener_};
};

// ---- Every (state, command) pair -------------------------------------------------------------

enum class Kind { kRefused, kPending, kMoves };
struct Outcome {
  Kind kind;
  AgentState to = AgentState::kOffline;
};
constexpr Outcome To(AgentState to) { return {Kind::kMoves, to}; }

// The table's words: refused, pending (applied after the call), or the state moved to.
constexpr Outcome kNo{Kind::kRefused};
constexpr Outcome kLtr{Kind::kPending};
constexpr Outcome kOff = To(AgentState::kOffline);
constexpr Outcome kRdy = To(AgentState::kReady);
constexpr Outcome kRes = To(AgentState::kReserved);
constexpr Outcome kTlk = To(AgentState::kTalking);
constexpr Outcome kWrp = To(AgentState::kWrapUp);
constexpr Outcome kPsd = To(AgentState::kPaused);

// Rows in the order of kStates, columns in the order of kCommands: the contract of agent.h.
// clang-format off
constexpr Outcome kTable[kAgentStateCount][kCommands.size()] = {
  //              LogIn SetRdy Pause LogOut Reserve Connect EndCall Dispose LoseLine
  /* offline  */ {kRdy, kNo,   kNo,  kNo,   kNo,    kNo,    kNo,    kNo,    kNo},
  /* ready    */ {kNo,  kNo,   kPsd, kOff,  kRes,   kNo,    kNo,    kNo,    kOff},
  /* reserved */ {kNo,  kNo,   kLtr, kLtr,  kNo,    kTlk,   kRdy,   kNo,    kOff},
  /* talking  */ {kNo,  kNo,   kLtr, kLtr,  kNo,    kNo,    kWrp,   kNo,    kOff},
  /* wrap-up  */ {kNo,  kNo,   kLtr, kLtr,  kNo,    kNo,    kNo,    kRdy,   kOff},
  /* paused   */ {kNo,  kRdy,  kNo,  kOff,  kNo,    kNo,    kNo,    kNo,    kOff},
};
// clang-format on

AgentChangeCause CauseOf(Command command) {
  if (command == Command::kLoseLine) return AgentChangeCause::kLineLost;
  if (command == Command::kEndCall) return AgentChangeCause::kCallEnded;
  return AgentChangeCause::kCommand;
}

class AgentCommandTable : public AgentTest,
                          public ::testing::WithParamInterface<std::tuple<int, int>> {};

TEST_P(AgentCommandTable, MovesAsDocumentedOrRefusesAndChangesNothing) {
  auto [state_index, command_index] = GetParam();
  AgentState state = kStates[static_cast<std::size_t>(state_index)];
  Command command = kCommands[static_cast<std::size_t>(command_index)];
  Outcome expected = kTable[state_index][command_index];

  BringTo(state);
  base::TimePoint since = agent_.state_since();
  std::optional<telephony::CallId> call = agent_.call();
  std::size_t timers = clock_.pending_timers();
  clock_.AdvanceBy(seconds(1));

  base::Status status = Apply(agent_, command);

  switch (expected.kind) {
    case Kind::kRefused:
      EXPECT_EQ(status.code(), base::StatusCode::kConflict);
      EXPECT_NE(status.message().find("cannot " + CommandName(command) + " while " +
                                      std::string(AgentStateName(state))),
                std::string::npos)
          << status.message();
      EXPECT_EQ(agent_.state(), state);
      EXPECT_EQ(agent_.state_since(), since);
      EXPECT_EQ(agent_.call(), call);
      EXPECT_FALSE(agent_.pause_pending());
      EXPECT_FALSE(agent_.logout_pending());
      EXPECT_EQ(clock_.pending_timers(), timers);
      EXPECT_TRUE(listener_.changes.empty());
      break;
    case Kind::kPending:
      EXPECT_TRUE(status.ok()) << status.ToString();
      EXPECT_EQ(agent_.state(), state);
      EXPECT_EQ(agent_.state_since(), since);
      EXPECT_EQ(agent_.call(), call);
      EXPECT_EQ(agent_.pause_pending(), command == Command::kPause);
      EXPECT_EQ(agent_.logout_pending(), command == Command::kLogOut);
      EXPECT_EQ(clock_.pending_timers(), timers);
      EXPECT_TRUE(listener_.changes.empty());
      break;
    case Kind::kMoves:
      EXPECT_TRUE(status.ok()) << status.ToString();
      EXPECT_EQ(agent_.state(), expected.to);
      EXPECT_EQ(agent_.state_since(), Now());
      EXPECT_EQ(agent_.call().has_value(), InCall(expected.to));
      EXPECT_EQ(clock_.pending_timers(), HasTimeout(expected.to) ? 1U : 0U);
      EXPECT_EQ(listener_.changes,
                (std::vector<Change>{{state, expected.to, CauseOf(command), Now()}}));
      break;
  }
}

std::string TableCaseName(const ::testing::TestParamInfo<std::tuple<int, int>>& info) {
  std::string name(AgentStateName(kStates[static_cast<std::size_t>(std::get<0>(info.param))]));
  for (char& c : name) {
    if (c == '-') c = '_';
  }
  return name + "_" + CommandName(kCommands[static_cast<std::size_t>(std::get<1>(info.param))]);
}

INSTANTIATE_TEST_SUITE_P(EveryStateAndCommand, AgentCommandTable,
                         ::testing::Combine(::testing::Range(0, kAgentStateCount),
                                            ::testing::Range(0,
                                                             static_cast<int>(kCommands.size()))),
                         TableCaseName);

// ---- The main paths ------------------------------------------------------------------------

TEST_F(AgentTest, StartsOfflineWithNoCallAndNoTimer) {
  EXPECT_EQ(agent_.state(), AgentState::kOffline);
  EXPECT_EQ(agent_.state_since(), Now());
  EXPECT_FALSE(agent_.call().has_value());
  EXPECT_EQ(clock_.pending_timers(), 0U);
}

TEST_F(AgentTest, CallCycleFromLogInToDisposition) {
  ASSERT_TRUE(agent_.LogIn().ok());
  clock_.AdvanceBy(seconds(30));
  ASSERT_TRUE(agent_.Reserve(kCall).ok());
  EXPECT_EQ(agent_.call(), kCall);
  clock_.AdvanceBy(seconds(1));
  ASSERT_TRUE(agent_.Connect().ok());
  clock_.AdvanceBy(minutes(3));
  ASSERT_TRUE(agent_.EndCall().ok());
  EXPECT_EQ(agent_.call(), kCall);  // still wrapping up this call
  clock_.AdvanceBy(seconds(20));
  ASSERT_TRUE(agent_.Dispose("will volunteer").ok());

  EXPECT_EQ(agent_.state(), AgentState::kReady);
  EXPECT_FALSE(agent_.call().has_value());
  EXPECT_EQ(agent_.last_disposition(), "will volunteer");
  ASSERT_EQ(listener_.changes.size(), 5U);
  EXPECT_EQ(listener_.changes[2].from, AgentState::kReserved);
  EXPECT_EQ(listener_.changes[2].to, AgentState::kTalking);
  EXPECT_EQ(listener_.changes[3].cause, AgentChangeCause::kCallEnded);
  EXPECT_EQ(listener_.changes[4].to, AgentState::kReady);
}

TEST_F(AgentTest, RefusalNamesTheCommandAndTheState) {
  BringTo(AgentState::kReady);
  base::Status status = agent_.Connect();
  EXPECT_EQ(status.code(), base::StatusCode::kConflict);
  EXPECT_EQ(status.message(), "agent a1: cannot Connect while ready");
}

// Phone-as-headset: the line is the leg opened for this shift, known only at log-in.
TEST_F(AgentTest, LogInOnALineMakesItTheAgentsLine) {
  ASSERT_TRUE(agent_.LogIn("4711").ok());
  EXPECT_EQ(agent_.state(), AgentState::kReady);
  EXPECT_EQ(agent_.profile().line, "4711");

  EXPECT_EQ(agent_.LogIn("4712").code(), base::StatusCode::kConflict);
  EXPECT_EQ(agent_.profile().line, "4711");  // a refused log-in changes nothing
}

TEST_F(AgentTest, ReserveRefusesCallZero) {
  BringTo(AgentState::kReady);
  EXPECT_EQ(agent_.Reserve(0).code(), base::StatusCode::kInvalidArgument);
  EXPECT_EQ(agent_.state(), AgentState::kReady);
  EXPECT_TRUE(listener_.changes.empty());
}

TEST_F(AgentTest, DisposeRefusesAnEmptyDisposition) {
  BringTo(AgentState::kWrapUp);
  EXPECT_EQ(agent_.Dispose("").code(), base::StatusCode::kInvalidArgument);
  EXPECT_EQ(agent_.state(), AgentState::kWrapUp);
  EXPECT_TRUE(listener_.changes.empty());
}

TEST_F(AgentTest, CallEndingBeforeConnectFreesTheAgent) {
  BringTo(AgentState::kReserved);
  ASSERT_TRUE(agent_.EndCall().ok());
  EXPECT_EQ(agent_.state(), AgentState::kReady);
  EXPECT_FALSE(agent_.call().has_value());
  EXPECT_EQ(listener_.changes.back().cause, AgentChangeCause::kCallEnded);
}

TEST_F(AgentTest, LosingTheLineDropsTheCallAndWhatWasPending) {
  BringTo(AgentState::kTalking);
  ASSERT_TRUE(agent_.Pause("lunch").ok());
  ASSERT_TRUE(agent_.LogOut().ok());
  ASSERT_TRUE(agent_.LoseLine().ok());
  EXPECT_EQ(agent_.state(), AgentState::kOffline);
  EXPECT_FALSE(agent_.call().has_value());
  EXPECT_FALSE(agent_.pause_pending());
  EXPECT_FALSE(agent_.logout_pending());
  EXPECT_EQ(clock_.pending_timers(), 0U);
  EXPECT_EQ(listener_.changes.back().cause, AgentChangeCause::kLineLost);

  ASSERT_TRUE(agent_.LogIn().ok());
  EXPECT_EQ(agent_.state(), AgentState::kReady);
}

TEST_F(AgentTest, PauseReasonIsKeptWhilePaused) {
  BringTo(AgentState::kReady);
  ASSERT_TRUE(agent_.Pause("training").ok());
  EXPECT_EQ(agent_.pause_reason(), "training");
  ASSERT_TRUE(agent_.SetReady().ok());
  EXPECT_EQ(agent_.pause_reason(), "");
}

// ---- Timeouts --------------------------------------------------------------------------------

TEST_F(AgentTest, ReservationThatNeverConnectsGoesBackToReady) {
  BringTo(AgentState::kReserved);
  clock_.AdvanceBy(seconds(5) - microseconds(1));
  EXPECT_EQ(agent_.state(), AgentState::kReserved);
  clock_.AdvanceBy(microseconds(1));
  EXPECT_EQ(agent_.state(), AgentState::kReady);
  EXPECT_FALSE(agent_.call().has_value());
  EXPECT_EQ(listener_.changes, (std::vector<Change>{{AgentState::kReserved, AgentState::kReady,
                                                     AgentChangeCause::kTimeout, Now()}}));
}

TEST_F(AgentTest, CallThatNeverEndsIsHandedBackAtTheTalkTimeout) {
  BringTo(AgentState::kTalking);
  clock_.AdvanceBy(minutes(10) - microseconds(1));
  EXPECT_TRUE(listener_.talk_timeouts.empty());
  clock_.AdvanceBy(microseconds(1));

  ASSERT_EQ(listener_.talk_timeouts.size(), 1U);
  EXPECT_EQ(listener_.talk_timeouts[0].call, kCall);
  EXPECT_EQ(listener_.talk_timeouts[0].state_then, AgentState::kWrapUp);
  EXPECT_EQ(agent_.state(), AgentState::kWrapUp);
  EXPECT_EQ(agent_.call(), kCall);
  EXPECT_EQ(listener_.changes, (std::vector<Change>{{AgentState::kTalking, AgentState::kWrapUp,
                                                     AgentChangeCause::kTimeout, Now()}}));
  // The owner's hang-up then reports the end of a call the agent has already left.
  EXPECT_EQ(agent_.EndCall().code(), base::StatusCode::kConflict);
}

TEST_F(AgentTest, WrapUpNeverClosedIsDisposedAsWrapUpTimeout) {
  BringTo(AgentState::kWrapUp);
  clock_.AdvanceBy(minutes(2));
  EXPECT_EQ(agent_.state(), AgentState::kReady);
  EXPECT_EQ(agent_.last_disposition(), "wrap-up timeout");
  EXPECT_FALSE(agent_.call().has_value());
  EXPECT_EQ(listener_.changes.back().cause, AgentChangeCause::kTimeout);
}

TEST_F(AgentTest, PauseNeverEndedLogsTheAgentOut) {
  BringTo(AgentState::kPaused);
  clock_.AdvanceBy(minutes(30) - microseconds(1));
  EXPECT_EQ(agent_.state(), AgentState::kPaused);
  clock_.AdvanceBy(microseconds(1));
  EXPECT_EQ(agent_.state(), AgentState::kOffline);
  EXPECT_EQ(listener_.changes.back().cause, AgentChangeCause::kTimeout);
}

TEST_F(AgentTest, ReadyAndOfflineNeverTimeOut) {
  clock_.AdvanceBy(hours(100));
  EXPECT_EQ(clock_.pending_timers(), 0U);
  BringTo(AgentState::kReady);
  EXPECT_EQ(clock_.pending_timers(), 0U);
  clock_.AdvanceBy(hours(100));
  EXPECT_EQ(agent_.state(), AgentState::kReady);
  EXPECT_TRUE(listener_.changes.empty());
}

// ---- Pause and log-out asked for during a call ------------------------------------------------

TEST_F(AgentTest, PauseDuringACallAppliesAtDispose) {
  BringTo(AgentState::kTalking);
  ASSERT_TRUE(agent_.Pause("lunch").ok());
  ASSERT_TRUE(agent_.EndCall().ok());
  EXPECT_EQ(agent_.state(), AgentState::kWrapUp);
  ASSERT_TRUE(agent_.Dispose("supporter").ok());
  EXPECT_EQ(agent_.state(), AgentState::kPaused);
  EXPECT_EQ(agent_.pause_reason(), "lunch");
  EXPECT_FALSE(agent_.pause_pending());
  EXPECT_EQ(listener_.changes.back().from, AgentState::kWrapUp);
}

TEST_F(AgentTest, LogOutDuringACallAppliesAtDispose) {
  BringTo(AgentState::kWrapUp);
  ASSERT_TRUE(agent_.LogOut().ok());
  ASSERT_TRUE(agent_.Dispose("supporter").ok());
  EXPECT_EQ(agent_.state(), AgentState::kOffline);
  EXPECT_FALSE(agent_.logout_pending());
  EXPECT_EQ(clock_.pending_timers(), 0U);
}

TEST_F(AgentTest, LogOutWinsOverPause) {
  BringTo(AgentState::kTalking);
  ASSERT_TRUE(agent_.LogOut().ok());
  ASSERT_TRUE(agent_.Pause("lunch").ok());
  ASSERT_TRUE(agent_.EndCall().ok());
  ASSERT_TRUE(agent_.Dispose("supporter").ok());
  EXPECT_EQ(agent_.state(), AgentState::kOffline);
  EXPECT_FALSE(agent_.pause_pending());
}

TEST_F(AgentTest, PendingPauseAppliesAtTheWrapUpTimeout) {
  BringTo(AgentState::kWrapUp);
  ASSERT_TRUE(agent_.Pause("lunch").ok());
  clock_.AdvanceBy(minutes(2));
  EXPECT_EQ(agent_.state(), AgentState::kPaused);
  EXPECT_EQ(agent_.pause_reason(), "lunch");
  EXPECT_EQ(agent_.last_disposition(), "wrap-up timeout");
  EXPECT_EQ(listener_.changes.back().cause, AgentChangeCause::kTimeout);
}

TEST_F(AgentTest, PendingLogOutAppliesAtTheWrapUpTimeout) {
  BringTo(AgentState::kWrapUp);
  ASSERT_TRUE(agent_.LogOut().ok());
  clock_.AdvanceBy(minutes(2));
  EXPECT_EQ(agent_.state(), AgentState::kOffline);
  EXPECT_EQ(agent_.last_disposition(), "wrap-up timeout");
}

TEST_F(AgentTest, PendingPauseAppliesWhenTheReservedCallEndsUnconnected) {
  BringTo(AgentState::kReserved);
  ASSERT_TRUE(agent_.Pause("lunch").ok());
  ASSERT_TRUE(agent_.EndCall().ok());
  EXPECT_EQ(agent_.state(), AgentState::kPaused);
  EXPECT_EQ(agent_.pause_reason(), "lunch");
}

TEST_F(AgentTest, PendingLogOutAppliesAtTheReserveTimeout) {
  BringTo(AgentState::kReserved);
  ASSERT_TRUE(agent_.LogOut().ok());
  clock_.AdvanceBy(seconds(5));
  EXPECT_EQ(agent_.state(), AgentState::kOffline);
  EXPECT_EQ(listener_.changes.back().cause, AgentChangeCause::kTimeout);
}

// ---- Timers are cancelled on leaving a state -------------------------------------------------

TEST_F(AgentTest, ConnectCancelsTheReserveTimeout) {
  BringTo(AgentState::kReserved);
  clock_.AdvanceBy(seconds(4));
  ASSERT_TRUE(agent_.Connect().ok());
  clock_.AdvanceBy(seconds(10));
  EXPECT_EQ(agent_.state(), AgentState::kTalking);
  EXPECT_EQ(listener_.changes.size(), 1U);
  EXPECT_EQ(clock_.pending_timers(), 1U);
}

TEST_F(AgentTest, EndCallCancelsTheTalkTimeout) {
  BringTo(AgentState::kTalking);
  ASSERT_TRUE(agent_.EndCall().ok());
  ASSERT_TRUE(agent_.Dispose("supporter").ok());
  clock_.AdvanceBy(hours(3));
  EXPECT_TRUE(listener_.talk_timeouts.empty());
  EXPECT_EQ(agent_.state(), AgentState::kReady);
  EXPECT_EQ(listener_.changes.size(), 2U);
}

TEST_F(AgentTest, DisposeCancelsTheWrapUpTimeout) {
  BringTo(AgentState::kWrapUp);
  ASSERT_TRUE(agent_.Dispose("supporter").ok());
  clock_.AdvanceBy(minutes(5));
  EXPECT_EQ(agent_.last_disposition(), "supporter");
  EXPECT_EQ(clock_.pending_timers(), 0U);
}

TEST_F(AgentTest, SetReadyCancelsThePauseTimeout) {
  BringTo(AgentState::kPaused);
  ASSERT_TRUE(agent_.SetReady().ok());
  clock_.AdvanceBy(hours(2));
  EXPECT_EQ(agent_.state(), AgentState::kReady);
}

TEST_F(AgentTest, LoseLineCancelsTheTimer) {
  BringTo(AgentState::kTalking);
  ASSERT_TRUE(agent_.LoseLine().ok());
  clock_.AdvanceBy(hours(3));
  EXPECT_TRUE(listener_.talk_timeouts.empty());
  EXPECT_EQ(listener_.changes.size(), 1U);
}

TEST_F(AgentTest, DestroyingTheAgentCancelsItsTimer) {
  auto agent = std::make_unique<Agent>(Asha(), clock_, timeouts_, &listener_);
  ASSERT_TRUE(agent->LogIn().ok());
  ASSERT_TRUE(agent->Reserve(kCall).ok());
  EXPECT_EQ(clock_.pending_timers(), 1U);
  agent.reset();
  EXPECT_EQ(clock_.pending_timers(), 0U);
  clock_.AdvanceBy(minutes(1));
}

// ---- Time accounting -------------------------------------------------------------------------

TEST_F(AgentTest, TimeInCountsEveryStayIncludingTheCurrentOne) {
  clock_.AdvanceBy(seconds(10));
  ASSERT_TRUE(agent_.LogIn().ok());
  clock_.AdvanceBy(seconds(30));
  ASSERT_TRUE(agent_.Reserve(kCall).ok());
  clock_.AdvanceBy(seconds(2));
  ASSERT_TRUE(agent_.Connect().ok());
  clock_.AdvanceBy(seconds(60));
  ASSERT_TRUE(agent_.EndCall().ok());
  clock_.AdvanceBy(seconds(20));
  ASSERT_TRUE(agent_.Dispose("supporter").ok());
  clock_.AdvanceBy(seconds(5));

  EXPECT_EQ(agent_.TimeIn(AgentState::kOffline), seconds(10));
  EXPECT_EQ(agent_.TimeIn(AgentState::kReady), seconds(35));
  EXPECT_EQ(agent_.TimeIn(AgentState::kReserved), seconds(2));
  EXPECT_EQ(agent_.TimeIn(AgentState::kTalking), seconds(60));
  EXPECT_EQ(agent_.TimeIn(AgentState::kWrapUp), seconds(20));
  EXPECT_EQ(agent_.TimeIn(AgentState::kPaused), seconds(0));
  EXPECT_EQ(agent_.state_since(), Now() - seconds(5));
}

TEST_F(AgentTest, TimeInCountsTimeoutsAtTheirDueTime) {
  BringTo(AgentState::kReserved);
  clock_.AdvanceBy(seconds(8));  // the reservation lapsed after 5
  EXPECT_EQ(agent_.TimeIn(AgentState::kReserved), seconds(5));
  EXPECT_EQ(agent_.TimeIn(AgentState::kReady), seconds(3));
}

// ---- Small things ----------------------------------------------------------------------------

TEST(AgentStateNameTest, NamesEveryState) {
  EXPECT_EQ(AgentStateName(AgentState::kOffline), "offline");
  EXPECT_EQ(AgentStateName(AgentState::kReady), "ready");
  EXPECT_EQ(AgentStateName(AgentState::kReserved), "reserved");
  EXPECT_EQ(AgentStateName(AgentState::kTalking), "talking");
  EXPECT_EQ(AgentStateName(AgentState::kWrapUp), "wrap-up");
  EXPECT_EQ(AgentStateName(AgentState::kPaused), "paused");
}

TEST_F(AgentTest, SpeaksTheLanguagesOfItsProfile) {
  EXPECT_TRUE(agent_.SpeaksLanguage("hi"));
  EXPECT_TRUE(agent_.SpeaksLanguage("en"));
  EXPECT_FALSE(agent_.SpeaksLanguage("ta"));
}

TEST_F(AgentTest, WorksWithoutAListener) {
  Agent alone(Asha(), clock_, timeouts_, nullptr);
  ASSERT_TRUE(alone.LogIn().ok());
  ASSERT_TRUE(alone.Reserve(kCall).ok());
  ASSERT_TRUE(alone.Connect().ok());
  clock_.AdvanceBy(minutes(13));  // talk timeout, then wrap-up timeout
  EXPECT_EQ(alone.state(), AgentState::kReady);
}

// The dialer reserves an agent from inside the notice that it became ready.
TEST_F(AgentTest, ListenerMayDriveTheAgentFromInsideTheCallback) {
  BringTo(AgentState::kWrapUp);
  listener_.on_change = [this](const Agent& agent) {
    if (agent.state() == AgentState::kReady) {
      EXPECT_TRUE(agent_.Reserve(kCall + 1).ok());
    }
  };
  ASSERT_TRUE(agent_.Dispose("supporter").ok());

  EXPECT_EQ(agent_.state(), AgentState::kReserved);
  EXPECT_EQ(agent_.call(), kCall + 1);
  EXPECT_EQ(clock_.pending_timers(), 1U);
  ASSERT_EQ(listener_.changes.size(), 2U);
  EXPECT_EQ(listener_.changes[0].to, AgentState::kReady);
  EXPECT_EQ(listener_.changes[1].from, AgentState::kReady);
  EXPECT_EQ(listener_.changes[1].to, AgentState::kReserved);
}

// ---- Property: random commands and clock moves never get an agent stuck -----------------------

// Checks each notice against the one before it: every change is seen once, from where the last
// one left the agent, to where the agent is now, stamped with the time it happened.
class ConsistencyChecker : public AgentListener {
 public:
  explicit ConsistencyChecker(const base::Clock& clock) : clock_(clock) {}

  void OnAgentStateChanged(const Agent& agent, AgentState from, AgentChangeCause cause) override {
    EXPECT_EQ(from, believed_);
    EXPECT_NE(agent.state(), from);
    EXPECT_EQ(agent.state_since(), clock_.Now());
    believed_ = agent.state();
    ++changes_;
    ++seen_[static_cast<std::size_t>(agent.state())];
    if (cause == AgentChangeCause::kTimeout) ++timeouts_[static_cast<std::size_t>(from)];
  }
  void OnTalkTimedOut(const Agent& agent, telephony::CallId call) override {
    EXPECT_EQ(agent.state(), AgentState::kWrapUp);
    EXPECT_EQ(agent.call(), call);
    ++talk_timeouts_;
  }

  AgentState believed() const { return believed_; }
  int changes() const { return changes_; }
  int seen(AgentState state) const { return seen_[static_cast<std::size_t>(state)]; }
  int timeouts_from(AgentState state) const { return timeouts_[static_cast<std::size_t>(state)]; }
  int talk_timeouts() const { return talk_timeouts_; }

 private:
  const base::Clock& clock_;
  AgentState believed_ = AgentState::kOffline;
  int changes_ = 0;
  int talk_timeouts_ = 0;
  std::array<int, kAgentStateCount> seen_{};
  std::array<int, kAgentStateCount> timeouts_{};
};

void ExpectNotStuck(const Agent& agent, const fakes::FakeClock& clock,
                    const AgentTimeouts& timeouts, base::TimePoint start) {
  AgentState state = agent.state();
  if (HasTimeout(state)) {
    EXPECT_LE(clock.Now() - agent.state_since(), TimeoutOf(state, timeouts))
        << AgentStateName(state);
  }
  EXPECT_EQ(clock.pending_timers(), HasTimeout(state) ? 1U : 0U) << AgentStateName(state);
  EXPECT_EQ(agent.call().has_value(), InCall(state)) << AgentStateName(state);
  if (!InCall(state)) {
    EXPECT_FALSE(agent.pause_pending());
    EXPECT_FALSE(agent.logout_pending());
  }
  base::Duration total{};
  for (AgentState each : kStates) total += agent.TimeIn(each);
  EXPECT_EQ(total, clock.Now() - start);
}

TEST(AgentPropertyTest, RandomCommandsAndClockMovesNeverGetAnAgentStuck) {
  const std::array<base::Duration, 11> advances = {
      seconds(0),  microseconds(1), seconds(1),  seconds(4),  seconds(5), seconds(6),
      seconds(90), minutes(2),      minutes(10), minutes(31), hours(3)};
  AgentTimeouts timeouts = TestTimeouts();
  for (std::uint32_t seed = 1; seed <= 5; ++seed) {
    SCOPED_TRACE("seed " + std::to_string(seed));
    std::mt19937 random(seed);
    fakes::FakeClock clock;
    ConsistencyChecker checker(clock);
    Agent agent(Asha(), clock, timeouts, &checker);
    base::TimePoint start = clock.Now();
    telephony::CallId next_call = 1;

    for (int step = 0; step < 5000; ++step) {
      std::uniform_int_distribution<std::size_t> pick(0, kCommands.size() + 3);
      std::size_t choice = pick(random);
      if (choice < kCommands.size()) {
        AgentState before = agent.state();
        int changes_before = checker.changes();
        base::Status status = Apply(agent, kCommands[choice], next_call++);
        bool moved = agent.state() != before;
        EXPECT_EQ(checker.changes() - changes_before, moved ? 1 : 0);
        if (!status.ok()) {
          EXPECT_FALSE(moved);
        }
      } else {
        std::uniform_int_distribution<std::size_t> how_far(0, advances.size() - 1);
        clock.AdvanceBy(advances[how_far(random)]);
      }
      EXPECT_EQ(checker.believed(), agent.state());
      ExpectNotStuck(agent, clock, timeouts, start);
      if (::testing::Test::HasFailure()) {
        ADD_FAILURE() << "first failure at step " << step;
        return;
      }
    }
    // The walk went everywhere worth going, timeouts included.
    for (AgentState state : kStates) EXPECT_GT(checker.seen(state), 0) << AgentStateName(state);
    for (AgentState state :
         {AgentState::kReserved, AgentState::kTalking, AgentState::kWrapUp, AgentState::kPaused}) {
      EXPECT_GT(checker.timeouts_from(state), 0) << AgentStateName(state);
    }
    EXPECT_EQ(checker.talk_timeouts(), checker.timeouts_from(AgentState::kTalking));
  }
}

}  // namespace
}  // namespace callcenter
