// The mux and the beep decorator on a scripted network: which view hears of which call.
#include "callcenter/call_control_mux.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "callcenter/beep_on_bridge.h"
#include "fakes/fake_clock.h"
#include "fakes/scripted_call_control.h"

namespace callcenter {
namespace {

using std::chrono::seconds;
using telephony::AnswerKind;
using telephony::CallId;
using telephony::EndCause;

// Writes down every event, one line each.
class RecordingEvents : public telephony::CallEvents {
 public:
  void OnAnswered(CallId call, AnswerKind /*kind*/) override { Note("answered", call); }
  void OnEnded(CallId call, EndCause /*cause*/) override { Note("ended", call); }
  void OnPlayed(CallId call) override { Note("played", call); }
  void OnDigit(CallId call, char digit) override { Note(std::string("digit ") + digit, call); }
  void OnIncoming(CallId call, const telephony::IncomingCall& incoming) override {
    Note("incoming " + incoming.to, call);
  }
  std::vector<std::string> heard;

 private:
  void Note(const std::string& what, CallId call) {
    heard.push_back(what + " " + std::to_string(call));
  }
};

class CallControlMuxTest : public ::testing::Test {
 protected:
  CallControlMuxTest() {
    dialer_view_.SetEvents(&dialer_);
    phones_view_.SetEvents(&phones_);
  }
  CallId DialFrom(telephony::CallControl& view, const std::string& number) {
    return view.Dial({number, "+911140000000", seconds(30)});
  }

  fakes::FakeClock clock_;
  fakes::ScriptedCallControl network_{clock_};
  CallControlMux mux_{network_};
  telephony::CallControl& dialer_view_ = mux_.NewView();
  telephony::CallControl& phones_view_ = mux_.NewView();
  RecordingEvents dialer_;
  RecordingEvents phones_;
};

TEST_F(CallControlMuxTest, EventsOfADialledCallGoToTheViewThatDialledIt) {
  CallId customer = DialFrom(dialer_view_, "+919000010001");
  CallId agent_leg = DialFrom(phones_view_, "+919800000001");
  EXPECT_EQ(network_.call(agent_leg).request.number, "+919800000001");

  network_.Answer(agent_leg);
  network_.Answer(customer);
  network_.End(customer, EndCause::kRemoteHangup);

  EXPECT_EQ(dialer_.heard, (std::vector<std::string>{"answered " + std::to_string(customer),
                                                     "ended " + std::to_string(customer)}));
  EXPECT_EQ(phones_.heard, (std::vector<std::string>{"answered " + std::to_string(agent_leg)}));
  EXPECT_EQ(mux_.calls(), 1u);  // the customer's call is forgotten once it ended
}

TEST_F(CallControlMuxTest, IncomingCallsGoToTheChosenView) {
  mux_.RouteIncomingTo(dialer_view_);
  CallId caller = network_.Incoming("+919000020002", "1950");
  dialer_view_.Accept(caller);
  network_.End(caller, EndCause::kRemoteHangup);

  EXPECT_TRUE(network_.call(caller).accepted);
  EXPECT_EQ(dialer_.heard, (std::vector<std::string>{"incoming 1950 " + std::to_string(caller),
                                                     "ended " + std::to_string(caller)}));
  EXPECT_TRUE(phones_.heard.empty());
}

TEST_F(CallControlMuxTest, RefusesIncomingCallsWhenNoViewTakesThem) {
  CallId caller = network_.Incoming("+919000020002", "1950");
  clock_.AdvanceBy(seconds(1));

  EXPECT_TRUE(network_.call(caller).hung_up);
  EXPECT_TRUE(network_.call(caller).ended);
  EXPECT_TRUE(dialer_.heard.empty());
  EXPECT_TRUE(phones_.heard.empty());
}

// The Dialer plays on and bridges to an agent leg it did not dial: the commands reach the
// network, and what follows is told to the leg's owner.
TEST_F(CallControlMuxTest, CommandsPassThroughAndTheOwnerHearsWhatFollows) {
  network_.prompt_length = seconds(1);
  CallId agent_leg = DialFrom(phones_view_, "+919800000001");
  CallId customer = DialFrom(dialer_view_, "+919000010001");
  network_.Answer(agent_leg);
  network_.Answer(customer);

  dialer_view_.Bridge(customer, std::to_string(agent_leg));
  dialer_view_.Play(agent_leg, "beep");
  clock_.AdvanceBy(seconds(2));
  dialer_view_.Hangup(agent_leg);
  clock_.AdvanceBy(seconds(1));

  EXPECT_EQ(network_.call(customer).bridged_to, std::to_string(agent_leg));
  EXPECT_EQ(network_.call(agent_leg).prompts, std::vector<std::string>{"beep"});
  EXPECT_EQ(phones_.heard, (std::vector<std::string>{"answered " + std::to_string(agent_leg),
                                                     "played " + std::to_string(agent_leg),
                                                     "ended " + std::to_string(agent_leg)}));
  EXPECT_EQ(dialer_.heard, (std::vector<std::string>{"answered " + std::to_string(customer)}));
}

TEST_F(CallControlMuxTest, DropsEventsOfCallsItDoesNotKnow) {
  CallId stranger = network_.Dial({"+919000030003", "", seconds(30)});  // not through a view
  network_.Answer(stranger);
  network_.End(stranger, EndCause::kRemoteHangup);

  EXPECT_TRUE(dialer_.heard.empty());
  EXPECT_TRUE(phones_.heard.empty());
}

TEST_F(CallControlMuxTest, BeepOnBridgePlaysThePromptOnTheAgentLegAfterBridging) {
  BeepOnBridge beeping(dialer_view_, "tone");
  CallId agent_leg = DialFrom(phones_view_, "+919800000001");
  CallId customer = DialFrom(beeping, "+919000010001");
  network_.Answer(agent_leg);
  network_.Answer(customer);

  beeping.Bridge(customer, std::to_string(agent_leg));

  EXPECT_EQ(network_.call(customer).bridged_to, std::to_string(agent_leg));
  EXPECT_EQ(network_.call(agent_leg).prompts, std::vector<std::string>{"tone"});
  EXPECT_TRUE(network_.call(customer).prompts.empty());
  EXPECT_EQ(dialer_.heard, (std::vector<std::string>{"answered " + std::to_string(customer)}));
}

TEST_F(CallControlMuxTest, BeepOnBridgeLeavesLinesThatAreNoCallIdAlone) {
  BeepOnBridge beeping(dialer_view_);
  CallId customer = DialFrom(beeping, "+919000010001");
  network_.Answer(customer);

  beeping.Bridge(customer, "line-a1");
  beeping.Bridge(customer, "12x");

  EXPECT_EQ(network_.call(customer).bridged_to, "12x");
  EXPECT_TRUE(network_.call(customer).prompts.empty());
}

}  // namespace
}  // namespace callcenter
