// The call centre on real SIP: a helpline caller (SIPp) reaches an agent who works on their own
// phone (SIPp behind a trunk, called by AgentPhones), through the real Dialer, ACD and media
// engine; each far end's RTP is checked byte for byte.

#include <gtest/gtest.h>

#include <functional>
#include <future>
#include <memory>
#include <string>
#include <vector>

#include "base/real_clock.h"
#include "callcenter/agent_phones.h"
#include "callcenter/agent_pool.h"
#include "callcenter/beep_on_bridge.h"
#include "callcenter/call_control_mux.h"
#include "callcenter/contact_source.h"
#include "callcenter/dialer.h"
#include "callcenter/pacer.h"
#include "fakes/temp_dir.h"
#include "integration/rtp_ears.h"
#include "integration/sip_peers.h"
#include "integration/sipp_scenarios.h"
#include "telephony/sip/sip_call_control.h"

namespace {

using rtp_ears::HeardStream;
using rtp_ears::Listen;
using rtp_ears::TalkUntilHeard;
using sip_peers::Sipp;
using sip_peers::UdpPeer;

constexpr char kHelpline[] = "1800110001";

// A helpline takes no outbound contacts.
class NoContacts : public callcenter::ContactSource {
 public:
  std::optional<callcenter::DialTarget> Next(base::TimePoint /*now*/) override {
    return std::nullopt;
  }
  void Report(const callcenter::DialTarget& /*target*/, callcenter::AttemptOutcome /*outcome*/,
              base::TimePoint /*now*/) override {}
};

// Everything the call centre is, built and used on the Clock's thread, as serve will:
// SipCallControl -> CallControlMux -> {Dialer (through BeepOnBridge), AgentPhones}.
struct CallCentre {
  CallCentre(base::Clock& clock, telephony::CallControl& network)
      : pool(clock),
        mux(network),
        dialer_view(mux.NewView()),
        phones_view(mux.NewView()),
        phones(phones_view, pool, {"+911140000000"}),
        beeping(dialer_view, "beep"),
        pacer(callcenter::MakeProgressivePacer()) {
    mux.RouteIncomingTo(dialer_view);
    callcenter::DialerSettings settings;
    settings.caller_id = "+911140000000";
    settings.inbound_lines = {{kHelpline, "hi", "", std::nullopt}};
    dialer = std::make_unique<callcenter::Dialer>(clock, beeping, pool, contacts, *pacer, settings);
  }

  callcenter::AgentPool pool;
  callcenter::CallControlMux mux;
  telephony::CallControl& dialer_view;
  telephony::CallControl& phones_view;
  callcenter::AgentPhones phones;
  callcenter::BeepOnBridge beeping;
  NoContacts contacts;
  std::unique_ptr<callcenter::Pacer> pacer;
  std::unique_ptr<callcenter::Dialer> dialer;
};

class SipCallCentreTest : public ::testing::Test {
 protected:
  // Runs `work` on the Clock's thread and waits for it: the call centre is single-threaded.
  void OnClock(const std::function<void()>& work) {
    std::promise<void> done;
    clock_.RunAfter(base::Duration(0), [&] {
      work();
      done.set_value();
    });
    done.get_future().wait();
  }

  void TearDown() override {
    if (sip_ != nullptr) {
      OnClock([&] {
        sip_->SetEvents(nullptr);
        centre_.reset();
      });
    }
    sip_.reset();  // hangs up whatever is still up
  }

  fakes::TempDir dir_;
  base::RealClock clock_;
  telephony::rtp::PromptLibrary prompts_;
  std::unique_ptr<telephony::sip::SipCallControl> sip_;
  std::unique_ptr<CallCentre> centre_;
};

TEST_F(SipCallCentreTest, HelplineCallerReachesAnAgentOnTheirOwnPhone) {
  auto beep = std::make_shared<telephony::rtp::Prompt>();
  beep->pcmu.assign(320, 0x7e);
  beep->pcma.assign(320, 0x7e);
  prompts_.Add("beep", beep);

  UdpPeer agent_media;
  int trunk_port = sip_peers::FreePort();
  std::string agent_scenario =
      sip_peers::WriteFile(dir_.path().string(), "agent.xml",
                           sipp_scenarios::CarrierAnswersAndStays(agent_media.port()));
  Sipp agent_phone({"-sf", agent_scenario, "-p", std::to_string(trunk_port), "-m", "1"},
                   dir_.path().string());
  ASSERT_TRUE(sip_peers::WaitUntilBound(trunk_port)) << agent_phone.Output();

  telephony::sip::SipConfig config;
  config.listen_port = sip_peers::FreePort(true);
  config.media.port_low = 21000;
  config.media.port_high = 29998;
  config.trunks.push_back({"carrier", "127.0.0.1", trunk_port, "udp", "", "", "+911140000000", 4});
  auto started = telephony::sip::SipCallControl::Start(config, clock_, prompts_);
  ASSERT_TRUE(started.ok()) << started.status().message();
  sip_ = std::move(*started);
  OnClock([&] {
    centre_ = std::make_unique<CallCentre>(clock_, *sip_);
    sip_->SetEvents(&centre_->mux);
    auto agent = centre_->pool.Add({"a1", "Synthetic agent", "", {"hi"}, {}, {}, "+919811100001"});
    ASSERT_TRUE(agent.ok()) << agent.status().message();
    ASSERT_TRUE(centre_->phones.Ready("a1").ok());
  });

  // The agent's phone rings, is answered, and the agent hears the log-in beep.
  HeardStream agent_heard = Listen(agent_media, 320);
  ASSERT_EQ(agent_heard.payload, beep->pcmu);
  ASSERT_TRUE(sip_peers::WaitUntil([&] {
    bool connected = false;
    OnClock([&] {
      connected = centre_->phones.StateOf("a1").status == callcenter::PhoneStatus::kConnected;
    });
    return connected;
  }));

  // A caller rings the helpline; the ACD puts them through to the agent, who hears a beep.
  UdpPeer caller_media;
  std::string caller_scenario = sip_peers::WriteFile(
      dir_.path().string(), "caller.xml", sipp_scenarios::CallerHungUpOn(caller_media.port()));
  Sipp caller({"-sf", caller_scenario, "127.0.0.1:" + std::to_string(config.listen_port), "-s",
               kHelpline, "-m", "1", "-p", std::to_string(sip_peers::FreePort())},
              dir_.path().string());
  EXPECT_EQ(Listen(agent_media, 320).payload, beep->pcmu) << "the beep as the caller comes in";

  // They hear each other.
  HeardStream caller_hears = TalkUntilHeard(agent_media, agent_heard, 0x33, caller_media, 10);
  EXPECT_EQ(caller_hears.payload, std::vector<std::uint8_t>(1600, 0x33));
  HeardStream agent_hears = TalkUntilHeard(caller_media, caller_hears, 0x44, agent_media, 10);
  EXPECT_EQ(agent_hears.payload, std::vector<std::uint8_t>(1600, 0x44));
  EXPECT_EQ(agent_hears.ssrc, agent_heard.ssrc) << "the agent's leg keeps one stream";

  OnClock([&] {
    EXPECT_EQ(centre_->dialer->stats().inbound_offered, 1);
    EXPECT_EQ(centre_->dialer->stats().inbound_connected, 1);
    EXPECT_EQ(centre_->pool.Find("a1")->state(), callcenter::AgentState::kTalking);
  });

  TearDown();
  EXPECT_EQ(caller.Wait(20), 0) << caller.Output();
  EXPECT_EQ(agent_phone.Wait(20), 0) << agent_phone.Output();
}

}  // namespace
