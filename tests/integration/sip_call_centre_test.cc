// The call centre on real SIP: a helpline caller (SIPp) reaches an agent who works on their own
// phone (SIPp behind a trunk, called by AgentPhones), through the real Dialer, ACD and media
// engine; each far end's RTP is checked byte for byte.

#include <gtest/gtest.h>

#include <functional>
#include <future>
#include <map>
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
#include "telephony/ivr/flow_parser.h"
#include "telephony/sip/sip_call_control.h"

namespace {

using rtp_ears::HeardStream;
using rtp_ears::Listen;
using rtp_ears::TalkUntilHeard;
using sip_peers::Sipp;
using sip_peers::UdpPeer;

constexpr char kHelpline[] = "1800110001";

// Synthetic contacts, handed out once each in order; remembers how each attempt ended.
class ListedContacts : public callcenter::ContactSource {
 public:
  explicit ListedContacts(std::vector<std::string> numbers) : numbers_(std::move(numbers)) {}
  std::optional<callcenter::DialTarget> Next(base::TimePoint /*now*/) override {
    if (next_ >= numbers_.size()) return std::nullopt;
    callcenter::DialTarget target;
    target.contact_id = "c" + std::to_string(next_ + 1);
    target.number = numbers_[next_++];
    target.language = "hi";
    return target;
  }
  void Report(const callcenter::DialTarget& target, callcenter::AttemptOutcome outcome,
              base::TimePoint /*now*/) override {
    outcomes[target.contact_id] = outcome;
  }
  std::map<std::string, callcenter::AttemptOutcome> outcomes;

 private:
  std::vector<std::string> numbers_;
  std::size_t next_ = 0;
};

// Everything the call centre is, built and used on the Clock's thread, as serve will:
// SipCallControl -> CallControlMux -> {Dialer (through BeepOnBridge), AgentPhones}.
struct CallCentre {
  CallCentre(base::Clock& clock, telephony::CallControl& network,
             std::unique_ptr<callcenter::Pacer> pacing, std::vector<std::string> numbers,
             std::shared_ptr<const telephony::ivr::Flow> flow)
      : pool(clock),
        mux(network),
        dialer_view(mux.NewView()),
        phones_view(mux.NewView()),
        phones(phones_view, pool, {"+911140000000"}),
        beeping(dialer_view, "beep"),
        contacts(std::move(numbers)),
        pacer(std::move(pacing)) {
    mux.RouteIncomingTo(dialer_view);
    callcenter::DialerSettings settings;
    settings.caller_id = "+911140000000";
    settings.inbound_lines = {{kHelpline, "hi", "", std::nullopt, std::move(flow)}};
    dialer = std::make_unique<callcenter::Dialer>(clock, beeping, pool, contacts, *pacer, settings);
  }

  callcenter::AgentPool pool;
  callcenter::CallControlMux mux;
  telephony::CallControl& dialer_view;
  telephony::CallControl& phones_view;
  callcenter::AgentPhones phones;
  callcenter::BeepOnBridge beeping;
  ListedContacts contacts;
  std::unique_ptr<callcenter::Pacer> pacer;
  std::unique_ptr<callcenter::Dialer> dialer;
};

// A prompt of `frames` 20 ms frames of one byte value, so a far end can tell it from others.
telephony::rtp::PromptRef Tone(std::uint8_t value, std::size_t frames) {
  auto prompt = std::make_shared<telephony::rtp::Prompt>();
  prompt->pcmu.assign(frames * 160, value);
  prompt->pcma.assign(frames * 160, value);
  return prompt;
}

class SipCallCentreTest : public ::testing::Test {
 protected:
  SipCallCentreTest() {
    prompts_.Add("beep", Tone(0x7e, 2));
    prompts_.Add("abandon", Tone(0x5a, 10));
    prompts_.Add("queue", Tone(0x3c, 10));
  }

  // Runs `work` on the Clock's thread and waits for it: the call centre is single-threaded.
  void OnClock(const std::function<void()>& work) {
    std::promise<void> done;
    clock_.RunAfter(base::Duration(0), [&] {
      work();
      done.set_value();
    });
    done.get_future().wait();
  }

  // A carrier (SIPp) on a free port whose callee answers with media to `media`, as a trunk of
  // `channels` channels; trunks are tried in the order they are added.
  std::unique_ptr<Sipp> Carrier(UdpPeer& media, int channels) {
    int port = sip_peers::FreePort();
    std::string scenario =
        sip_peers::WriteFile(dir_.path().string(), "carrier" + std::to_string(port) + ".xml",
                             sipp_scenarios::CarrierAnswersAndStays(media.port()));
    auto carrier = std::make_unique<Sipp>(
        std::vector<std::string>{"-sf", scenario, "-p", std::to_string(port), "-m", "1"},
        dir_.path().string());
    EXPECT_TRUE(sip_peers::WaitUntilBound(port)) << carrier->Output();
    config_.trunks.push_back(
        {"carrier", "127.0.0.1", port, "udp", "", "", "+911140000000", channels});
    return carrier;
  }

  // Starts SIP and the call centre, and has agent a1 called on their phone (the first trunk);
  // returns what the agent heard on answering (the log-in beep).
  HeardStream StartWithAgentOnPhone(UdpPeer& agent_media, std::unique_ptr<callcenter::Pacer> pacer,
                                    std::vector<std::string> numbers) {
    return StartWithAgentsOnPhones({&agent_media}, std::move(pacer), std::move(numbers), nullptr)
        .front();
  }

  // Agents a1, a2, ... (speaking `languages[i]`) are called on their phones in turn, each
  // through the next trunk; what each heard on answering.
  std::vector<HeardStream> StartWithAgentsOnPhones(
      const std::vector<UdpPeer*>& media, std::unique_ptr<callcenter::Pacer> pacer,
      std::vector<std::string> numbers, std::shared_ptr<const telephony::ivr::Flow> flow,
      const std::vector<std::string>& languages = {"hi", "en"}) {
    config_.listen_port = sip_peers::FreePort(true);
    config_.media.port_low = 21000;
    config_.media.port_high = 29998;
    auto started = telephony::sip::SipCallControl::Start(config_, clock_, prompts_);
    EXPECT_TRUE(started.ok()) << started.status().message();
    if (!started.ok()) return std::vector<HeardStream>(media.size());
    sip_ = std::move(*started);
    OnClock([&] {
      centre_ = std::make_unique<CallCentre>(clock_, *sip_, std::move(pacer), std::move(numbers),
                                             std::move(flow));
      sip_->SetEvents(&centre_->mux);
    });
    std::vector<HeardStream> heard;
    for (std::size_t i = 0; i < media.size(); ++i) {
      std::string id = "a" + std::to_string(i + 1);
      OnClock([&] {
        auto agent = centre_->pool.Add({id,
                                        "Synthetic agent",
                                        "",
                                        {languages[i]},
                                        {},
                                        {},
                                        "+91981110000" + std::to_string(i + 1)});
        ASSERT_TRUE(agent.ok()) << agent.status().message();
        ASSERT_TRUE(centre_->phones.Ready(id).ok());
      });
      heard.push_back(Listen(*media[i], 320));
      EXPECT_EQ(heard.back().payload, prompts_.Find("beep")->pcmu) << "the log-in beep of " << id;
      EXPECT_TRUE(sip_peers::WaitUntil([&] {
        bool connected = false;
        OnClock([&] {
          connected = centre_->phones.StateOf(id).status == callcenter::PhoneStatus::kConnected;
        });
        return connected;
      }));
    }
    return heard;
  }

  // A caller (SIPp) rings the helpline, with their media at `media`, and waits for our BYE.
  std::unique_ptr<Sipp> CallHelpline(UdpPeer& media) {
    std::string scenario = sip_peers::WriteFile(dir_.path().string(), "caller.xml",
                                                sipp_scenarios::CallerHungUpOn(media.port()));
    return std::make_unique<Sipp>(
        std::vector<std::string>{"-sf", scenario,
                                 "127.0.0.1:" + std::to_string(config_.listen_port), "-s",
                                 kHelpline, "-m", "1", "-p", std::to_string(sip_peers::FreePort())},
        dir_.path().string());
  }

  void Stop() {
    if (sip_ == nullptr) return;
    OnClock([&] {
      sip_->SetEvents(nullptr);
      centre_.reset();
    });
    sip_.reset();  // hangs up whatever is still up
  }
  void TearDown() override { Stop(); }

  fakes::TempDir dir_;
  base::RealClock clock_;
  telephony::rtp::PromptLibrary prompts_;
  telephony::sip::SipConfig config_;
  std::unique_ptr<telephony::sip::SipCallControl> sip_;
  std::unique_ptr<CallCentre> centre_;
};

TEST_F(SipCallCentreTest, HelplineCallerReachesAnAgentOnTheirOwnPhone) {
  UdpPeer agent_media;
  auto agent_phone = Carrier(agent_media, 4);
  HeardStream agent_heard =
      StartWithAgentOnPhone(agent_media, callcenter::MakeProgressivePacer(), {});
  ASSERT_NE(sip_, nullptr);

  // A caller rings the helpline; the ACD puts them through to the agent, who hears a beep.
  UdpPeer caller_media;
  std::unique_ptr<Sipp> caller = CallHelpline(caller_media);
  EXPECT_EQ(Listen(agent_media, 320).payload, prompts_.Find("beep")->pcmu)
      << "the beep as the caller comes in";

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

  Stop();
  EXPECT_EQ(caller->Wait(20), 0) << caller->Output();
  EXPECT_EQ(agent_phone->Wait(20), 0) << agent_phone->Output();
}

// Power dialling two calls for one agent: both people answer; one reaches the agent, the other
// hears the abandon message and is hung up on, and counts as abandoned.
TEST_F(SipCallCentreTest, OutboundPersonReachesTheAgentOrHearsTheAbandonMessage) {
  UdpPeer agent_media;
  UdpPeer first_media;
  UdpPeer second_media;
  auto agent_phone = Carrier(agent_media, 1);
  auto first = Carrier(first_media, 1);
  auto second = Carrier(second_media, 1);
  HeardStream agent_heard = StartWithAgentOnPhone(agent_media, callcenter::MakePowerPacer(2.0),
                                                  {"+919000010001", "+919000010002"});
  ASSERT_NE(sip_, nullptr);
  OnClock([&] { centre_->dialer->Start(); });

  // Whoever is put through hears the agent; whoever is not hears the abandon message.
  const std::vector<std::uint8_t>& abandon = prompts_.Find("abandon")->pcmu;
  HeardStream first_hears = Listen(first_media, abandon.size(), 4000);
  HeardStream second_hears = Listen(second_media, abandon.size(), 4000);
  bool first_abandoned = first_hears.payload == abandon;
  EXPECT_NE(first_abandoned, second_hears.payload == abandon) << "exactly one is abandoned";
  UdpPeer& connected_media = first_abandoned ? second_media : first_media;
  HeardStream customer_hears = TalkUntilHeard(agent_media, agent_heard, 0x33, connected_media, 10);
  EXPECT_EQ(customer_hears.payload, std::vector<std::uint8_t>(1600, 0x33));

  EXPECT_EQ((first_abandoned ? first : second)->Wait(20), 0) << "hung up after the message";
  OnClock([&] {
    EXPECT_EQ(centre_->dialer->stats().connected, 1);
    EXPECT_EQ(centre_->dialer->stats().abandoned, 1);
    EXPECT_EQ(centre_->contacts.outcomes.size(), 1u) << "the connected call is still on";
  });
  Stop();
  EXPECT_EQ((first_abandoned ? second : first)->Wait(20), 0);
  EXPECT_EQ(agent_phone->Wait(20), 0) << agent_phone->Output();
}

// The helpline's IVR: the caller hears the welcome and the language menu, presses 2 for
// English, and is put through to the English-speaking agent, not the Hindi one.
TEST_F(SipCallCentreTest, HelplineCallerChoosesEnglishByDigitAndReachesTheEnglishAgent) {
  prompts_.Add("welcome_hi", Tone(0x11, 5));
  prompts_.Add("menu_hi", Tone(0x22, 5));
  auto flow = telephony::ivr::ParseFlow(R"({
    "start": "welcome",
    "steps": {
      "welcome": { "play": "welcome", "next": "menu" },
      "menu": { "menu": { "prompt": "menu", "options": { "1": "hindi", "2": "english" },
                          "timeout_seconds": 10, "attempts": 1, "otherwise": "hindi" } },
      "hindi": { "language": "hi", "next": "queue" },
      "english": { "language": "en", "next": "queue" },
      "queue": { "queue": "helpline" } } })");
  ASSERT_TRUE(flow.ok()) << flow.status().message();
  UdpPeer hindi_agent_media;
  UdpPeer english_agent_media;
  auto hindi_phone = Carrier(hindi_agent_media, 1);
  auto english_phone = Carrier(english_agent_media, 1);
  std::vector<HeardStream> agents_heard = StartWithAgentsOnPhones(
      {&hindi_agent_media, &english_agent_media}, callcenter::MakeProgressivePacer(), {},
      std::make_shared<const telephony::ivr::Flow>(std::move(*flow)));
  ASSERT_NE(sip_, nullptr);

  UdpPeer caller_media;
  std::unique_ptr<Sipp> caller = CallHelpline(caller_media);
  HeardStream caller_heard = Listen(caller_media, 1600);
  std::vector<std::uint8_t> expected = prompts_.Find("welcome_hi")->pcmu;
  expected.insert(expected.end(), prompts_.Find("menu_hi")->pcmu.begin(),
                  prompts_.Find("menu_hi")->pcmu.end());
  EXPECT_EQ(caller_heard.payload, expected) << "the welcome, then the language menu";
  EXPECT_TRUE(caller_heard.continuous);

  rtp_ears::Press(caller_media, caller_heard, '2');
  EXPECT_EQ(Listen(english_agent_media, 320).payload, prompts_.Find("beep")->pcmu)
      << "the English agent's beep as the caller comes in";
  HeardStream agent_hears =
      TalkUntilHeard(caller_media, caller_heard, 0x44, english_agent_media, 10);
  EXPECT_EQ(agent_hears.payload, std::vector<std::uint8_t>(1600, 0x44));
  EXPECT_TRUE(Listen(hindi_agent_media, 160, 300).payload.empty()) << "the Hindi agent hears none";
  OnClock([&] {
    EXPECT_EQ(centre_->pool.Find("a2")->state(), callcenter::AgentState::kTalking);
    EXPECT_EQ(centre_->pool.Find("a1")->state(), callcenter::AgentState::kReady);
  });
  Stop();
  EXPECT_EQ(caller->Wait(20), 0) << caller->Output();
}

}  // namespace
