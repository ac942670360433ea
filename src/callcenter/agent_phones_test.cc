// Agents on their own phones, on a fake clock against a scripted network: the leg to the
// agent's phone is dialled on Ready, becomes their line when answered, and takes them offline
// when it ends. The last tests run a real Dialer beside AgentPhones on one CallControlMux.
#include "callcenter/agent_phones.h"

#include <gtest/gtest.h>

#include <deque>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "callcenter/beep_on_bridge.h"
#include "callcenter/call_control_mux.h"
#include "callcenter/dialer.h"
#include "fakes/fake_clock.h"
#include "fakes/scripted_call_control.h"
#include "fakes/scripted_pacer.h"

namespace callcenter {
namespace {

using std::chrono::milliseconds;
using std::chrono::seconds;
using telephony::AnswerKind;
using telephony::CallId;
using telephony::EndCause;

// Synthetic numbers.
constexpr char kAgentPhone[] = "+919800000001";
constexpr char kCampaignNumber[] = "+911140000000";

// Hands out exactly the targets the test queued.
class QueuedContacts : public ContactSource {
 public:
  void Queue(const std::string& id, const std::string& number) {
    DialTarget target;
    target.contact_id = id;
    target.number = number;
    target.language = "hi";
    queue_.push_back(target);
  }
  std::optional<DialTarget> Next(base::TimePoint /*now*/) override {
    if (queue_.empty()) return std::nullopt;
    DialTarget next = queue_.front();
    queue_.pop_front();
    return next;
  }
  void Report(const DialTarget& target, AttemptOutcome outcome, base::TimePoint /*now*/) override {
    outcomes[target.contact_id] = outcome;
  }
  std::map<std::string, AttemptOutcome> outcomes;

 private:
  std::deque<DialTarget> queue_;
};

using fakes::ScriptedPacer;

class AgentPhonesTest : public ::testing::Test {
 protected:
  AgentPhonesTest() {
    AgentProfile profile{"a1", "Synthetic agent", "", {"hi"}, {}, {}};
    profile.phone = kAgentPhone;
    agent_ = *pool_.Add(profile);
    phones_.SetOnChange([this](const std::string& id, const PhoneState& state) {
      told_.push_back(id + " " + std::string(PhoneStatusName(state.status)) +
                      (state.reason.empty() ? "" : ": " + state.reason));
    });
  }

  // The leg AgentPhones dialled last.
  CallId Leg() const { return network_.dial_order().back(); }
  PhoneState State() const { return phones_.StateOf("a1"); }
  // The agent answers their phone.
  CallId ReadyAndAnswer() {
    EXPECT_TRUE(phones_.Ready("a1").ok());
    clock_.AdvanceBy(seconds(3));
    network_.Answer(Leg());
    return Leg();
  }

  fakes::FakeClock clock_;
  fakes::ScriptedCallControl network_{clock_};
  CallControlMux mux_{network_};
  telephony::CallControl& dialer_view_ = mux_.NewView();
  telephony::CallControl& phones_view_ = mux_.NewView();
  AgentPool pool_{clock_};
  AgentPhones phones_{phones_view_, pool_, {kCampaignNumber, seconds(20), "beep"}};
  Agent* agent_ = nullptr;
  std::vector<std::string> told_;
};

TEST_F(AgentPhonesTest, ReadyCallsTheAgentsPhoneAndLogsThemInWhenAnswered) {
  ASSERT_TRUE(phones_.Ready("a1").ok());
  CallId leg = Leg();
  EXPECT_EQ(network_.call(leg).request.number, kAgentPhone);
  EXPECT_EQ(network_.call(leg).request.caller_id, kCampaignNumber);
  EXPECT_EQ(network_.call(leg).request.ring_timeout, seconds(20));
  EXPECT_EQ(State().status, PhoneStatus::kDialling);
  EXPECT_EQ(agent_->state(), AgentState::kOffline);

  clock_.AdvanceBy(seconds(4));
  network_.Answer(leg);

  EXPECT_EQ(agent_->state(), AgentState::kReady);
  EXPECT_EQ(agent_->profile().line, std::to_string(leg));
  EXPECT_EQ(network_.call(leg).prompts, std::vector<std::string>{"beep"});
  EXPECT_EQ(State().status, PhoneStatus::kConnected);
  EXPECT_EQ(State().leg, leg);
  EXPECT_EQ(told_, (std::vector<std::string>{"a1 dialling", "a1 connected"}));
}

TEST_F(AgentPhonesTest, ABusyPhoneLeavesTheAgentOfflineWithTheReason) {
  ASSERT_TRUE(phones_.Ready("a1").ok());
  network_.End(Leg(), EndCause::kBusy);

  EXPECT_EQ(agent_->state(), AgentState::kOffline);
  EXPECT_EQ(State().status, PhoneStatus::kFailed);
  EXPECT_EQ(State().reason, "busy");
  EXPECT_EQ(State().leg, 0u);
  EXPECT_EQ(told_, (std::vector<std::string>{"a1 dialling", "a1 failed: busy"}));
}

TEST_F(AgentPhonesTest, AnUnansweredPhoneLeavesTheAgentOfflineAndMayBeCalledAgain) {
  ASSERT_TRUE(phones_.Ready("a1").ok());
  clock_.AdvanceBy(seconds(20));
  network_.End(Leg(), EndCause::kNoAnswer);
  EXPECT_EQ(agent_->state(), AgentState::kOffline);
  EXPECT_EQ(State().status, PhoneStatus::kFailed);
  EXPECT_EQ(State().reason, "no answer");

  CallId second = ReadyAndAnswer();
  EXPECT_EQ(network_.dialled(), 2u);
  EXPECT_EQ(agent_->state(), AgentState::kReady);
  EXPECT_EQ(agent_->profile().line, std::to_string(second));
}

TEST_F(AgentPhonesTest, VoicemailIsNoAgent) {
  ASSERT_TRUE(phones_.Ready("a1").ok());
  network_.Answer(Leg(), AnswerKind::kMachine);
  clock_.AdvanceBy(seconds(1));

  EXPECT_TRUE(network_.call(Leg()).hung_up);
  EXPECT_EQ(agent_->state(), AgentState::kOffline);
  EXPECT_EQ(State().status, PhoneStatus::kFailed);
  EXPECT_EQ(State().reason, "answered by a machine");
}

TEST_F(AgentPhonesTest, TheLegEndingTakesTheAgentOffline) {
  CallId leg = ReadyAndAnswer();
  clock_.AdvanceBy(seconds(30));
  network_.End(leg, EndCause::kRemoteHangup);

  EXPECT_EQ(agent_->state(), AgentState::kOffline);
  EXPECT_EQ(State().status, PhoneStatus::kDropped);
  EXPECT_EQ(State().reason, "hung up");
  EXPECT_FALSE(network_.call(leg).hung_up);  // nothing left to hang up
}

TEST_F(AgentPhonesTest, ReleaseOfAReadyAgentLogsOutAndHangsUp) {
  CallId leg = ReadyAndAnswer();
  ASSERT_TRUE(phones_.Release("a1").ok());
  EXPECT_EQ(agent_->state(), AgentState::kOffline);
  clock_.AdvanceBy(seconds(1));

  EXPECT_TRUE(network_.call(leg).hung_up);
  EXPECT_EQ(State().status, PhoneStatus::kOff);
  EXPECT_EQ(State().reason, "");
  EXPECT_EQ(told_.back(), "a1 off");
}

TEST_F(AgentPhonesTest, ReleaseWaitsForTheEndOfTheAgentsCall) {
  CallId leg = ReadyAndAnswer();
  ASSERT_TRUE(agent_->Reserve(99).ok());
  ASSERT_TRUE(agent_->Connect().ok());

  ASSERT_TRUE(phones_.Release("a1").ok());
  clock_.AdvanceBy(seconds(60));
  EXPECT_FALSE(network_.call(leg).hung_up);  // still talking on it
  ASSERT_TRUE(agent_->EndCall().ok());
  clock_.AdvanceBy(seconds(10));
  EXPECT_FALSE(network_.call(leg).hung_up);  // wrapping up
  ASSERT_TRUE(agent_->Dispose("answered_survey").ok());
  clock_.AdvanceBy(seconds(1));

  EXPECT_EQ(agent_->state(), AgentState::kOffline);
  EXPECT_TRUE(network_.call(leg).hung_up);
  EXPECT_EQ(State().status, PhoneStatus::kOff);
}

TEST_F(AgentPhonesTest, ReleaseWhileRingingCancelsTheCall) {
  ASSERT_TRUE(phones_.Ready("a1").ok());
  CallId leg = Leg();
  ASSERT_TRUE(phones_.Release("a1").ok());
  network_.Answer(leg);  // picked up just as it was cancelled: too late
  clock_.AdvanceBy(seconds(1));

  EXPECT_TRUE(network_.call(leg).hung_up);
  EXPECT_EQ(agent_->state(), AgentState::kOffline);
  EXPECT_EQ(State().status, PhoneStatus::kOff);
}

TEST_F(AgentPhonesTest, ALogOutFromTheDesktopHangsUpTheLeg) {
  CallId leg = ReadyAndAnswer();
  ASSERT_TRUE(agent_->LogOut().ok());
  clock_.AdvanceBy(seconds(1));

  EXPECT_TRUE(network_.call(leg).hung_up);
  EXPECT_EQ(State().status, PhoneStatus::kOff);
}

TEST_F(AgentPhonesTest, RefusesWhatCannotBeDone) {
  EXPECT_EQ(phones_.Ready("nobody").code(), base::StatusCode::kNotFound);
  ASSERT_TRUE(pool_.Add({"a2", "Synthetic agent", "line-a2", {"hi"}, {}, {}}).ok());
  EXPECT_EQ(phones_.Ready("a2").code(), base::StatusCode::kInvalidArgument);  // no phone
  EXPECT_EQ(phones_.Release("a1").code(), base::StatusCode::kConflict);       // no leg

  ASSERT_TRUE(phones_.Ready("a1").ok());
  EXPECT_EQ(phones_.Ready("a1").code(), base::StatusCode::kConflict);  // ringing already
  network_.Answer(Leg());
  EXPECT_EQ(phones_.Ready("a1").code(), base::StatusCode::kConflict);  // connected already
  EXPECT_EQ(network_.dialled(), 1u);
}

TEST_F(AgentPhonesTest, AnAgentLoggedInOnAnotherLineIsNotCalled) {
  ASSERT_TRUE(agent_->LogIn("line-desk").ok());
  EXPECT_EQ(phones_.Ready("a1").code(), base::StatusCode::kConflict);
  EXPECT_EQ(network_.dialled(), 0u);
}

// A real Dialer and AgentPhones on one network, wired as serve will wire them.
class AgentPhonesDialerTest : public AgentPhonesTest {
 protected:
  AgentPhonesDialerTest() {
    mux_.RouteIncomingTo(dialer_view_);
    DialerSettings settings;
    settings.caller_id = kCampaignNumber;
    dialer_ = std::make_unique<Dialer>(clock_, beeping_, pool_, contacts_, pacer_, settings);
    dialer_->Start();
  }
  // The dialer places one call to `number` at the next tick; its id.
  CallId DialContact(const std::string& id, const std::string& number) {
    contacts_.Queue(id, number);
    pacer_.next = 1;
    clock_.AdvanceBy(seconds(1));
    return network_.dial_order().back();
  }

  BeepOnBridge beeping_{dialer_view_, "beep"};
  QueuedContacts contacts_;
  ScriptedPacer pacer_;
  std::unique_ptr<Dialer> dialer_;
};

TEST_F(AgentPhonesDialerTest, EachCustomerIsBridgedToTheAgentsPhoneWithABeep) {
  CallId leg = ReadyAndAnswer();
  CallId first = DialContact("c1", "+919000010001");
  clock_.AdvanceBy(seconds(5));
  network_.Answer(first);

  EXPECT_EQ(network_.call(first).bridged_to, std::to_string(leg));
  EXPECT_EQ(agent_->state(), AgentState::kTalking);
  EXPECT_EQ(network_.call(leg).prompts, (std::vector<std::string>{"beep", "beep"}));
  EXPECT_TRUE(network_.call(first).prompts.empty());  // the customer hears no beep

  clock_.AdvanceBy(seconds(90));
  network_.End(first, EndCause::kRemoteHangup);
  ASSERT_TRUE(agent_->Dispose("answered_survey").ok());
  EXPECT_FALSE(network_.call(leg).ended);  // the leg stays open between customers

  CallId second = DialContact("c2", "+919000010002");
  network_.Answer(second);
  EXPECT_EQ(network_.call(second).bridged_to, std::to_string(leg));
  EXPECT_EQ(network_.call(leg).prompts.size(), 3u);
  EXPECT_EQ(dialer_->stats().connected, 2);
  EXPECT_EQ(State().status, PhoneStatus::kConnected);
}

TEST_F(AgentPhonesDialerTest, TheAgentsPhoneDroppingMidCallTakesThemOffline) {
  CallId leg = ReadyAndAnswer();
  CallId customer = DialContact("c1", "+919000010001");
  network_.Answer(customer);
  ASSERT_EQ(agent_->state(), AgentState::kTalking);

  clock_.AdvanceBy(seconds(40));
  network_.End(leg, EndCause::kRemoteHangup);  // the agent's mobile lost the network
  clock_.AdvanceBy(seconds(1));

  EXPECT_EQ(agent_->state(), AgentState::kOffline);
  EXPECT_EQ(State().status, PhoneStatus::kDropped);
  // The customer, bridged to a leg that is gone, is not left listening to silence.
  EXPECT_TRUE(network_.call(customer).hung_up);
  EXPECT_TRUE(network_.call(customer).ended);
  EXPECT_EQ(contacts_.outcomes.at("c1"), AttemptOutcome::kConnected);
  EXPECT_EQ(dialer_->calls_in_progress(), 0u);

  // No agent, no more calls bridged to the dead line.
  CallId next = DialContact("c2", "+919000010002");
  network_.Answer(next);
  EXPECT_EQ(network_.call(next).bridged_to, "");
}

TEST_F(AgentPhonesDialerTest, AnInboundCallerReachesTheAgentsPhone) {
  DialerSettings settings;
  settings.inbound_lines = {{"1950", "hi", "", std::nullopt}};
  dialer_.reset();  // first, or its destructor would unhook the new one from the pool
  dialer_ = std::make_unique<Dialer>(clock_, beeping_, pool_, contacts_, pacer_, settings);
  CallId leg = ReadyAndAnswer();

  CallId caller = network_.Incoming("+919000020002", "1950");

  EXPECT_TRUE(network_.call(caller).accepted);
  EXPECT_EQ(network_.call(caller).bridged_to, std::to_string(leg));
  EXPECT_EQ(network_.call(leg).prompts, (std::vector<std::string>{"beep", "beep"}));
}

}  // namespace
}  // namespace callcenter
