// The live call centre that serve runs, on a fake clock against a scripted network: helpline
// callers reach the agent of their line's state, and every helpline call leaves one record.

#include "callcenter/live_call_centre.h"

#include <gtest/gtest.h>

#include <vector>

#include "fakes/fake_clock.h"
#include "fakes/scripted_call_control.h"
#include "telephony/ivr/flow_parser.h"

namespace callcenter {
namespace {

using std::chrono::seconds;
using telephony::CallId;
using telephony::EndCause;

constexpr char kUpHelpline[] = "18001100101";
constexpr char kTnHelpline[] = "18001100133";

// Synthetic agents.
store::StoredAgent RosterAgent(const std::string& id, const std::string& state,
                               std::vector<std::string> languages) {
  return {id, "Synthetic " + id, std::move(languages), state, {}, "+9198111000" + id.substr(1), {}};
}

class LiveCallCentreTest : public ::testing::Test {
 protected:
  explicit LiveCallCentreTest(bool trunks = true) {
    LiveCallCentreSettings settings;
    settings.caller_id = "+911140000000";
    settings.can_call_agents = trunks;
    settings.helplines = {{kUpHelpline, "S24", "hi", nullptr}, {kTnHelpline, "S22", "ta", nullptr}};
    centre_ = std::make_unique<LiveCallCentre>(
        clock_, network_, settings,
        [this](const store::CallRecord& record) { records_.push_back(record); });
    network_.SetEvents(&centre_->events());
    EXPECT_TRUE(centre_->AddAgent(RosterAgent("a01", "S22", {"hi", "ta"})).ok());
    EXPECT_TRUE(centre_->AddAgent(RosterAgent("a02", "S24", {"hi"})).ok());
  }

  // The agent's phone is called and answered; the leg.
  CallId ReadyAndAnswer(const std::string& id) {
    EXPECT_TRUE(centre_->Ready(id).ok());
    CallId leg = network_.dial_order().back();
    clock_.AdvanceBy(seconds(2));
    network_.Answer(leg);
    return leg;
  }

  fakes::FakeClock clock_;
  fakes::ScriptedCallControl network_{clock_};
  std::vector<store::CallRecord> records_;
  std::unique_ptr<LiveCallCentre> centre_;
};

TEST_F(LiveCallCentreTest, HelplineCallerReachesTheAgentOfTheLinesStateAndIsRecorded) {
  // a01 has waited longer, but a02 covers the caller's state (UP, S24).
  ReadyAndAnswer("a01");
  clock_.AdvanceBy(seconds(5));
  CallId a02_leg = ReadyAndAnswer("a02");
  clock_.AdvanceBy(seconds(5));
  base::TimePoint rang = clock_.Now();
  CallId caller = network_.Incoming("+919000000001", kUpHelpline);

  EXPECT_TRUE(network_.call(caller).accepted);
  EXPECT_EQ(network_.call(caller).bridged_to, std::to_string(a02_leg));
  EXPECT_EQ(centre_->AgentOf("a02")->agent_state, AgentState::kTalking);
  EXPECT_EQ(centre_->Snapshot().calls_in_progress, 1u);

  clock_.AdvanceBy(seconds(30));
  network_.End(caller, EndCause::kRemoteHangup);
  ASSERT_EQ(records_.size(), 1u);
  const store::CallRecord& record = records_.front();
  EXPECT_EQ(record.kind, "helpline");
  EXPECT_EQ(record.direction, "inbound");
  EXPECT_EQ(record.from, "+919000000001");
  EXPECT_EQ(record.to, kUpHelpline);
  EXPECT_EQ(record.state, "S24");
  EXPECT_EQ(record.language, "hi");
  EXPECT_EQ(record.agent_id, "a02");
  EXPECT_EQ(record.outcome, "talked");
  EXPECT_EQ(record.started_at, rang);
  EXPECT_EQ(record.answered_at, rang);
  EXPECT_EQ(record.connected_at, rang);
  EXPECT_EQ(record.ended_at, rang + seconds(30));
  EXPECT_TRUE(store::CheckCallRecord(record).ok());
  EXPECT_EQ(centre_->Snapshot().calls_in_progress, 0u);
  EXPECT_EQ(centre_->Snapshot().stats.inbound_connected, 1);
}

TEST_F(LiveCallCentreTest, CallerWithNoAgentReadyHearsTheQueuePromptAndIsRecordedAbandoned) {
  CallId caller = network_.Incoming("+919000000002", kTnHelpline);
  EXPECT_EQ(network_.call(caller).prompts, std::vector<std::string>{"please_hold_hi"});
  EXPECT_EQ(centre_->Snapshot().callers_waiting, 1);

  clock_.AdvanceBy(seconds(40));
  network_.End(caller, EndCause::kRemoteHangup);
  ASSERT_EQ(records_.size(), 1u);
  EXPECT_EQ(records_[0].outcome, "abandoned");
  EXPECT_EQ(records_[0].state, "S22");
  EXPECT_EQ(records_[0].language, "ta");
  EXPECT_TRUE(records_[0].answered_at.has_value());
  EXPECT_FALSE(records_[0].connected_at.has_value());
  EXPECT_EQ(records_[0].agent_id, "");
  EXPECT_EQ(centre_->Snapshot().callers_waiting, 0);
}

TEST_F(LiveCallCentreTest, CallerWaitingIsPutThroughWhenAnAgentComesReady) {
  CallId caller = network_.Incoming("+919000000003", kTnHelpline);
  clock_.AdvanceBy(seconds(10));
  ReadyAndAnswer("a01");
  EXPECT_FALSE(network_.call(caller).bridged_to.empty());
  EXPECT_EQ(centre_->Snapshot().callers_waiting, 0);
  network_.End(caller, EndCause::kRemoteHangup);
  ASSERT_EQ(records_.size(), 1u);
  EXPECT_EQ(records_[0].outcome, "talked");
  EXPECT_EQ(records_[0].agent_id, "a01");
  EXPECT_EQ(*records_[0].connected_at - *records_[0].answered_at, seconds(12));
}

TEST_F(LiveCallCentreTest, CallsToOtherNumbersAreRefusedAndNotRecorded) {
  CallId caller = network_.Incoming("+919000000004", "18009999999");
  EXPECT_TRUE(network_.call(caller).hung_up);
  EXPECT_FALSE(network_.call(caller).accepted);
  clock_.AdvanceBy(seconds(1));
  EXPECT_TRUE(records_.empty());
  EXPECT_EQ(centre_->Snapshot().stats.inbound_refused, 1);
}

TEST_F(LiveCallCentreTest, UnknownAgentsAndTakenIdsAreRefusedNamingTheAgent) {
  base::Status ready = centre_->Ready("nobody");
  EXPECT_EQ(ready.code(), base::StatusCode::kNotFound);
  EXPECT_NE(ready.message().find("'nobody'"), std::string::npos);
  EXPECT_EQ(centre_->AddAgent(RosterAgent("a01", "S24", {"hi"})).code(),
            base::StatusCode::kConflict);
  EXPECT_EQ(centre_->AgentOf("nobody").status().code(), base::StatusCode::kNotFound);
}

TEST_F(LiveCallCentreTest, ReleaseHangsUpTheAgentsPhone) {
  CallId leg = ReadyAndAnswer("a02");
  EXPECT_EQ(centre_->AgentOf("a02")->phone.status, PhoneStatus::kConnected);
  ASSERT_TRUE(centre_->Release("a02").ok());
  EXPECT_TRUE(network_.call(leg).hung_up);
  EXPECT_EQ(centre_->AgentOf("a02")->agent_state, AgentState::kOffline);
}

// A line whose flow first plays the same prompt as the queue's ("please_hold" in Hindi).
class LiveCallCentreIvrTest : public ::testing::Test {
 protected:
  LiveCallCentreIvrTest() {
    auto flow = telephony::ivr::ParseFlow(R"({"start": "hold", "steps": {
        "hold": {"play": "please_hold", "next": "queue"},
        "queue": {"queue": "helpline"}}})");
    EXPECT_TRUE(flow.ok()) << flow.status().message();
    LiveCallCentreSettings settings;
    settings.can_call_agents = true;
    settings.helplines = {
        {kUpHelpline, "S24", "hi", std::make_shared<const telephony::ivr::Flow>(std::move(*flow))}};
    centre_ = std::make_unique<LiveCallCentre>(
        clock_, network_, settings,
        [this](const store::CallRecord& record) { records_.push_back(record); });
    network_.SetEvents(&centre_->events());
  }

  fakes::FakeClock clock_;
  fakes::ScriptedCallControl network_{clock_};
  std::vector<store::CallRecord> records_;
  std::unique_ptr<LiveCallCentre> centre_;
};

TEST_F(LiveCallCentreIvrTest, ACallerWhoHangsUpInTheFlowLeftInIvrEvenOnTheQueuesPrompt) {
  CallId caller = network_.Incoming("+919000000005", kUpHelpline);
  EXPECT_EQ(network_.call(caller).prompts, std::vector<std::string>{"please_hold_hi"});
  EXPECT_EQ(centre_->Snapshot().callers_waiting, 0) << "still in the flow";
  clock_.AdvanceBy(seconds(1));
  network_.End(caller, EndCause::kRemoteHangup);
  ASSERT_EQ(records_.size(), 1u);
  EXPECT_EQ(records_[0].outcome, "left_in_ivr");
}

TEST_F(LiveCallCentreIvrTest, ACallerQueuedByTheFlowWhoHangsUpAbandoned) {
  CallId caller = network_.Incoming("+919000000006", kUpHelpline);
  clock_.AdvanceBy(seconds(4));  // the flow's prompt ends; the caller is queued
  EXPECT_EQ(centre_->Snapshot().callers_waiting, 1);
  network_.End(caller, EndCause::kRemoteHangup);
  ASSERT_EQ(records_.size(), 1u);
  EXPECT_EQ(records_[0].outcome, "abandoned");
}

TEST(LiveCallCentreRecordingTest, AMessageLeftInTheFlowIsNamedInTheCallsRecord) {
  auto flow = telephony::ivr::ParseFlow(R"({"start": "message", "steps": {
      "message": {"record": {"consent_prompt": "recording_consent", "max_seconds": 60},
                  "next": "bye"},
      "bye": {"hangup": true}}})");
  ASSERT_TRUE(flow.ok()) << flow.status().message();
  fakes::FakeClock clock;
  fakes::ScriptedCallControl network{clock};
  std::vector<store::CallRecord> records;
  LiveCallCentreSettings settings;
  settings.recording_directory = "/var/rec";
  settings.helplines = {
      {kUpHelpline, "S24", "hi", std::make_shared<const telephony::ivr::Flow>(std::move(*flow))}};
  LiveCallCentre centre(clock, network, settings,
                        [&](const store::CallRecord& record) { records.push_back(record); });
  network.SetEvents(&centre.events());

  CallId caller = network.Incoming("+919000000007", kUpHelpline);
  clock.AdvanceBy(seconds(5));  // the consent prompt ends; recording starts
  std::string path = "/var/rec/helpline/ivr-call-" + std::to_string(caller) + "-message.wav";
  EXPECT_EQ(network.call(caller).recording, path);
  network.Digit(caller, '#');
  clock.AdvanceBy(seconds(1));
  network.End(caller, EndCause::kRemoteHangup);
  ASSERT_EQ(records.size(), 1u);
  EXPECT_EQ(records[0].recording, path);
  EXPECT_EQ(records[0].outcome, "left_in_ivr");
}

class LiveCallCentreWithoutTrunksTest : public LiveCallCentreTest {
 protected:
  LiveCallCentreWithoutTrunksTest() : LiveCallCentreTest(false) {}
};

TEST_F(LiveCallCentreWithoutTrunksTest, ReadyIsUnavailableAndSaysWhy) {
  base::Status ready = centre_->Ready("a01");
  EXPECT_EQ(ready.code(), base::StatusCode::kUnavailable);
  EXPECT_NE(ready.message().find("sip.trunks"), std::string::npos) << ready.message();
  EXPECT_EQ(network_.dialled(), 0u);
}

}  // namespace
}  // namespace callcenter
