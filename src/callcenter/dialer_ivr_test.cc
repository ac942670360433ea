// Inbound helpline callers who hear the line's IVR flow before the queue, on a fake clock
// against a scripted network: the language they choose picks the agent; no key takes the
// flow's `otherwise`; hanging up in the flow leaves nothing behind.
#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

#include "callcenter/dialer.h"
#include "fakes/fake_clock.h"
#include "fakes/scripted_call_control.h"
#include "telephony/ivr/flow_parser.h"

namespace callcenter {
namespace {

using std::chrono::milliseconds;
using std::chrono::seconds;
using telephony::EndCause;

// Synthetic numbers.
const std::string kHelpline = "+911800100300";
const std::string kCaller = "+919812300000";

// The flow of examples/ivr/helpline.json: welcome (3 s here), "1 Hindi, 2 English" (5 s for a
// key, 3 plays, then Hindi), please_hold, queue.
std::shared_ptr<const telephony::ivr::Flow> HelplineFlow() {
  std::ifstream file(std::string(JANSAMPARK_EXAMPLES_DIR) + "/ivr/helpline.json");
  std::stringstream text;
  text << file.rdbuf();
  base::Result<telephony::ivr::Flow> flow = telephony::ivr::ParseFlow(text.str());
  EXPECT_TRUE(flow.ok()) << flow.status().ToString();
  return std::make_shared<const telephony::ivr::Flow>(*std::move(flow));
}

// A menu with no `otherwise`: a caller who presses nothing is hung up on.
std::shared_ptr<const telephony::ivr::Flow> StrictFlow() {
  base::Result<telephony::ivr::Flow> flow = telephony::ivr::ParseFlow(R"({
    "start": "menu",
    "steps": {
      "menu": { "menu": { "prompt": "main_menu", "options": { "1": "queue" }, "attempts": 1 } },
      "queue": { "queue": "helpline" } } })");
  EXPECT_TRUE(flow.ok()) << flow.status().ToString();
  return std::make_shared<const telephony::ivr::Flow>(*std::move(flow));
}

class NoContacts : public ContactSource {
 public:
  std::optional<DialTarget> Next(base::TimePoint /*now*/) override { return std::nullopt; }
  void Report(const DialTarget&, AttemptOutcome, base::TimePoint) override {}
};

class DialerIvrTest : public ::testing::Test {
 protected:
  Agent& AddAgent(const std::string& id, std::vector<std::string> languages) {
    Agent* agent = *pool_.Add({id, "Synthetic agent " + id, "line-" + id, languages, {}, {}});
    EXPECT_TRUE(agent->LogIn().ok());
    clock_.AdvanceBy(milliseconds(10));
    return *agent;
  }
  // A Hindi helpline line that plays `flow` first.
  void Start(std::shared_ptr<const telephony::ivr::Flow> flow, DialerSettings settings = {}) {
    settings.inbound_lines = {{kHelpline, "hi", "", std::nullopt, std::move(flow)}};
    pacer_ = MakeProgressivePacer();
    dialer_ = std::make_unique<Dialer>(clock_, calls_, pool_, contacts_, *pacer_, settings);
  }
  const fakes::ScriptedCallControl::Dialled& Call(telephony::CallId id) { return calls_.call(id); }

  fakes::FakeClock clock_;
  fakes::ScriptedCallControl calls_{clock_};  // every prompt plays for 3 s
  AgentPool pool_{clock_};
  NoContacts contacts_;
  std::unique_ptr<Pacer> pacer_;
  std::unique_ptr<Dialer> dialer_;
};

TEST_F(DialerIvrTest, CallerWhoPressesTwoForEnglishReachesTheEnglishSpeakingAgent) {
  Agent& hindi = AddAgent("hindi", {"hi"});
  Agent& english = AddAgent("english", {"en"});  // ready for less time than the Hindi agent
  Start(HelplineFlow());
  telephony::CallId id = calls_.Incoming(kCaller, kHelpline);
  EXPECT_TRUE(Call(id).accepted);
  EXPECT_EQ(Call(id).prompts, std::vector<std::string>{"welcome_hi"});
  EXPECT_EQ(Call(id).bridged_to, "");  // not queued while in the flow
  clock_.AdvanceBy(seconds(3));
  EXPECT_EQ(Call(id).prompts.back(), "language_menu_hi");
  clock_.AdvanceBy(seconds(4));
  calls_.Digit(id, '2');
  EXPECT_EQ(Call(id).prompts.back(), "please_hold_en");
  EXPECT_EQ(dialer_->QueuePosition(id).status().code(), base::StatusCode::kNotFound);
  clock_.AdvanceBy(seconds(3));
  EXPECT_EQ(Call(id).bridged_to, "line-english");
  EXPECT_EQ(english.state(), AgentState::kTalking);
  EXPECT_EQ(hindi.state(), AgentState::kReady);
  EXPECT_EQ(dialer_->stats().inbound_ivr, 1);
  EXPECT_EQ(dialer_->stats().inbound_offered, 1);
  EXPECT_EQ(dialer_->stats().inbound_connected, 1);
  EXPECT_DOUBLE_EQ(dialer_->stats().inbound_waits_s.back(), 0.0);  // the flow is no wait
}

TEST_F(DialerIvrTest, CallerWhoPressesNothingGetsTheFlowsOtherwise) {
  AddAgent("english", {"en"});
  AddAgent("hindi", {"hi"});
  Start(HelplineFlow());
  telephony::CallId id = calls_.Incoming(kCaller, kHelpline);
  // welcome 3 s, then three plays of the menu, each 3 s and 5 s for a key.
  clock_.AdvanceBy(seconds(3 + 3 * (3 + 5) - 1));
  EXPECT_EQ(Call(id).prompts, (std::vector<std::string>{"welcome_hi", "language_menu_hi",
                                                        "language_menu_hi", "language_menu_hi"}));
  clock_.AdvanceBy(seconds(1));  // otherwise: Hindi
  EXPECT_EQ(Call(id).prompts.back(), "please_hold_hi");
  clock_.AdvanceBy(seconds(3));
  EXPECT_EQ(Call(id).bridged_to, "line-hindi");
  EXPECT_EQ(pool_.Find("english")->state(), AgentState::kReady);
}

TEST_F(DialerIvrTest, CallerWhoChoseALanguageNobodySpeaksYetWaitsInItsQueue) {
  AddAgent("hindi", {"hi"});
  Start(HelplineFlow());
  telephony::CallId id = calls_.Incoming(kCaller, kHelpline);
  clock_.AdvanceBy(seconds(3));
  calls_.Digit(id, '2');
  clock_.AdvanceBy(seconds(3));
  EXPECT_EQ(Call(id).prompts.back(), "queue");
  EXPECT_EQ(*dialer_->QueuePosition(id), 1);
  clock_.AdvanceBy(seconds(30));
  EXPECT_EQ(Call(id).bridged_to, "");  // the Hindi agent is free, but not for this caller
  Agent& english = AddAgent("english", {"en"});
  EXPECT_EQ(Call(id).bridged_to, "line-english");
  EXPECT_EQ(english.state(), AgentState::kTalking);
  EXPECT_DOUBLE_EQ(dialer_->stats().inbound_waits_s.back(), 30.0);
}

TEST_F(DialerIvrTest, CallerWhoHangsUpMidMenuLeavesNoQueueEntryAndNoAgentReserved) {
  Agent& hindi = AddAgent("hindi", {"hi"});
  Start(HelplineFlow());
  telephony::CallId id = calls_.Incoming(kCaller, kHelpline);
  clock_.AdvanceBy(seconds(5));  // in the menu prompt
  calls_.End(id, EndCause::kRemoteHangup);
  EXPECT_EQ(dialer_->stats().inbound_left_in_ivr, 1);
  EXPECT_EQ(dialer_->stats().inbound_offered, 0);
  EXPECT_EQ(dialer_->stats().inbound_abandoned, 0);
  EXPECT_EQ(dialer_->calls_in_progress(), 0u);
  EXPECT_EQ(dialer_->QueuePosition(id).status().code(), base::StatusCode::kNotFound);
  EXPECT_EQ(hindi.state(), AgentState::kReady);
  clock_.AdvanceBy(seconds(1));            // the prompt's own end, from the scripted network
  EXPECT_EQ(clock_.pending_timers(), 0u);  // no digit timer of the flow left behind
  clock_.AdvanceBy(seconds(60));
  EXPECT_EQ(Call(id).prompts.size(), 2u);
  EXPECT_EQ(hindi.state(), AgentState::kReady);
}

TEST_F(DialerIvrTest, CallerWhoHangsUpWhileWaitingForAKeyCancelsTheTimer) {
  AddAgent("hindi", {"hi"});
  Start(HelplineFlow());
  telephony::CallId id = calls_.Incoming(kCaller, kHelpline);
  clock_.AdvanceBy(seconds(8));  // the menu played; 5 s for a key
  ASSERT_EQ(clock_.pending_timers(), 1u);
  calls_.End(id, EndCause::kRemoteHangup);
  EXPECT_EQ(clock_.pending_timers(), 0u);
  EXPECT_EQ(dialer_->stats().inbound_left_in_ivr, 1);
}

TEST_F(DialerIvrTest, FlowThatHangsUpEndsTheCallWithoutQueueing) {
  Agent& hindi = AddAgent("hindi", {"hi"});
  Start(StrictFlow());
  telephony::CallId id = calls_.Incoming(kCaller, kHelpline);
  EXPECT_EQ(Call(id).prompts, std::vector<std::string>{"main_menu_hi"});
  clock_.AdvanceBy(seconds(3 + 5));  // one play and no key: the flow hangs up
  EXPECT_TRUE(Call(id).hung_up);
  EXPECT_TRUE(Call(id).ended);
  EXPECT_EQ(dialer_->stats().inbound_hung_up_by_ivr, 1);
  EXPECT_EQ(dialer_->stats().inbound_left_in_ivr, 0);
  EXPECT_EQ(dialer_->stats().inbound_offered, 0);
  EXPECT_EQ(dialer_->calls_in_progress(), 0u);
  EXPECT_EQ(hindi.state(), AgentState::kReady);
}

TEST_F(DialerIvrTest, DialerDestroyedMidFlowLeavesNoTimer) {
  AddAgent("hindi", {"hi"});
  Start(HelplineFlow());
  calls_.Incoming(kCaller, kHelpline);
  clock_.AdvanceBy(seconds(8));
  ASSERT_EQ(clock_.pending_timers(), 1u);
  dialer_.reset();
  EXPECT_EQ(clock_.pending_timers(), 0u);
}

// A message for the campaign, then the queue.
std::shared_ptr<const telephony::ivr::Flow> MessageFlow() {
  base::Result<telephony::ivr::Flow> flow = telephony::ivr::ParseFlow(R"({
    "start": "message",
    "steps": {
      "message": { "record": { "consent_prompt": "recording_consent", "max_seconds": 30 },
                   "next": "queue" },
      "queue": { "queue": "helpline" } } })");
  EXPECT_TRUE(flow.ok()) << flow.status().ToString();
  return std::make_shared<const telephony::ivr::Flow>(*std::move(flow));
}

TEST_F(DialerIvrTest, RecordStepRecordsTheCallerUnderTheCampaignsDirectory) {
  AddAgent("hindi", {"hi"});
  DialerSettings settings;
  settings.recording_directory = "/rec";
  settings.campaign_id = "voter-helpline";
  Start(MessageFlow(), settings);
  telephony::CallId call = calls_.Incoming(kCaller, kHelpline);
  EXPECT_TRUE(Call(call).recording.empty());  // the consent plays first
  clock_.AdvanceBy(seconds(3));
  std::string path = "/rec/voter-helpline/ivr-call-" + std::to_string(call) + "-message.wav";
  EXPECT_EQ(Call(call).recording, path);
  calls_.Digit(call, '#');
  EXPECT_TRUE(Call(call).recording.empty());
  // The flow went on to the queue, and the caller to the agent.
  EXPECT_EQ(Call(call).bridged_to, "line-hindi");
  EXPECT_EQ(Call(call).commands,
            (std::vector<std::string>{"play recording_consent_hi", "record " + path,
                                      "stop recording", "bridge line-hindi"}));
}

TEST_F(DialerIvrTest, RecordingCampaignPlaysTheConsentToAHelplineCallerBeforeTheAgent) {
  AddAgent("english", {"en", "hi"});
  DialerSettings settings;
  settings.record_calls = true;
  settings.recording_directory = "/rec";
  settings.campaign_id = "voter-helpline";
  Start(HelplineFlow(), settings);
  telephony::CallId call = calls_.Incoming(kCaller, kHelpline);
  clock_.AdvanceBy(seconds(3));  // welcome
  calls_.Digit(call, '2');       // English
  clock_.AdvanceBy(seconds(3));  // please hold, then the queue: the agent is reserved
  EXPECT_TRUE(Call(call).bridged_to.empty());
  EXPECT_EQ(Call(call).prompts.back(), "call_recording_consent_en");
  clock_.AdvanceBy(seconds(3));
  EXPECT_EQ(Call(call).bridged_to, "line-english");
  EXPECT_EQ(Call(call).recording, "/rec/voter-helpline/call-" + std::to_string(call) + ".wav");
  EXPECT_EQ(dialer_->stats().inbound_connected, 1);
}

}  // namespace
}  // namespace callcenter
