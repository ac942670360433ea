// Agents' softphones against jansampark's registrar, on loopback: SIPp registers (digest
// authentication with SIPp's own [authentication]), a second SIPp answers the calls that come
// to the registered contact, and a UDP socket is the softphone's media, checked byte for byte.
// Accounts and passwords are synthetic.

#include <gtest/gtest.h>

#include <functional>
#include <future>
#include <memory>
#include <string>
#include <vector>

#include "base/real_clock.h"
#include "callcenter/agent_phones.h"
#include "callcenter/agent_pool.h"
#include "fakes/temp_dir.h"
#include "integration/call_centre_stand_in.h"
#include "integration/rtp_ears.h"
#include "integration/sip_peers.h"
#include "integration/sipp_scenarios.h"
#include "telephony/sip/sip_call_control.h"

namespace {

using sip_peers::Datagram;
using sip_peers::Sipp;
using sip_peers::UdpPeer;
using telephony::CallId;

constexpr char kUser[] = "agent-ravi";
constexpr char kPassword[] = "synthetic-pw-7731";

// A REGISTER from the softphone [service] (SIPp's -s), its Contact at `contact_port`.
// `cseq` 1 goes out bare; later ones carry SIPp's answer to the last challenge (its -au, -ap).
std::string Register(int contact_port, int expires, int cseq) {
  std::string authentication = cseq == 1 ? "" : "[authentication]\n";
  return R"(  <send retrans="500"><![CDATA[
REGISTER sip:[remote_ip]:[remote_port] SIP/2.0
Via: SIP/2.0/[transport] [local_ip]:[local_port];branch=[branch]
From: <sip:[service]@[remote_ip]>;tag=[pid]SIPpTag00[call_number]
To: <sip:[service]@[remote_ip]>
Call-ID: [call_id]
CSeq: )" +
         std::to_string(cseq) +
         R"( REGISTER
Contact: <sip:[service]@[local_ip]:)" +
         std::to_string(contact_port) + R"(>
Expires: )" +
         std::to_string(expires) + "\n" + authentication + R"(Max-Forwards: 70
Content-Length: 0

  ]]></send>
)";
}

std::string Scenario(const std::string& body) {
  return "<?xml version=\"1.0\" encoding=\"ISO-8859-1\" ?>\n<scenario name=\"softphone\">\n" +
         body + "</scenario>\n";
}

// Registers `contact_port` for `expires` seconds: challenged 401, then answered with SIPp's
// credentials. The final response must be `status`; a 200 must carry the binding's expiry (none
// for an expiry of 0: nothing stays bound).
std::string Registers(int contact_port, int expires, int status = 200) {
  std::string check;
  if (status == 200 && expires > 0) {
    check = "    <ereg regexp=\"expires=" + std::to_string(expires) +
            "\" search_in=\"hdr\" header=\"Contact:\" check_it=\"true\" assign_to=\"bound\"/>\n"
            "    <log message=\"bound: [$bound]\"/>\n";
  } else if (status == 200) {
    check =
        "    <ereg regexp=\"expires=\" search_in=\"hdr\" header=\"Contact:\" "
        "check_it_inverse=\"true\" assign_to=\"bound\"/>\n"
        "    <log message=\"nothing bound: [$bound]\"/>\n";
  }
  std::string final_response = "  <recv response=\"" + std::to_string(status) + "\">\n" +
                               "    <action>\n" + check + "    </action>\n  </recv>\n";
  if (check.empty()) final_response = "  <recv response=\"" + std::to_string(status) + "\"/>\n";
  return Scenario(Register(contact_port, expires, 1) +
                  "  <recv response=\"100\" optional=\"true\"/>\n"
                  "  <recv response=\"401\" auth=\"true\"/>\n" +
                  Register(contact_port, expires, 2) +
                  "  <recv response=\"100\" optional=\"true\"/>\n" + final_response);
}

class SipRegisterTest : public ::testing::Test {
 protected:
  void SetUp() override {
    config_.listen_port = sip_peers::FreePort(/*also_tcp=*/true);
    config_.media.port_low = 21000;
    config_.media.port_high = 29998;
    config_.realm = "jansampark.test";
    config_.accounts = {{kUser, kPassword}, {"agent-meena", "synthetic-pw-9902"}};
    auto prompt = std::make_shared<telephony::rtp::Prompt>();
    for (std::size_t i = 0; i < 20 * 160; ++i) {
      prompt->pcmu.push_back(static_cast<std::uint8_t>(i % 251));
      prompt->pcma.push_back(static_cast<std::uint8_t>(i % 241));
    }
    prompts_.Add("welcome", prompt);
  }

  void StartServer() {
    auto started = telephony::sip::SipCallControl::Start(config_, clock_, prompts_);
    ASSERT_TRUE(started.ok()) << started.status().message();
    sip_ = std::move(*started);
    sip_->SetEvents(&centre_);
  }

  void TearDown() override { sip_.reset(); }

  std::string Target() const { return "127.0.0.1:" + std::to_string(config_.listen_port); }

  std::string File(const std::string& xml) {
    return sip_peers::WriteFile(dir_.path().string(),
                                "scenario" + std::to_string(++scenarios_) + ".xml", xml);
  }

  // Runs a REGISTER scenario as `user` with `password` to the end; SIPp's exit status (0: as
  // the scenario said).
  int RunRegister(const std::string& xml, const std::string& user = kUser,
                  const std::string& password = kPassword) {
    Sipp sipp({"-sf", File(xml), Target(), "-s", user, "-au", user, "-ap", password, "-m", "1",
               "-p", std::to_string(sip_peers::FreePort())},
              dir_.path().string());
    int status = sipp.Wait(20);
    if (status != 0) ADD_FAILURE() << sipp.Output();
    return status;
  }

  // The softphone's user agent: answers one call with media to `media_port`, stays until BYE.
  std::unique_ptr<Sipp> Softphone(int sip_port, int media_port) {
    auto phone = std::make_unique<Sipp>(
        std::vector<std::string>{"-sf", File(sipp_scenarios::CarrierAnswersAndStays(media_port)),
                                 "-p", std::to_string(sip_port), "-m", "1"},
        dir_.path().string());
    EXPECT_TRUE(sip_peers::WaitUntilBound(sip_port)) << phone->Output();
    return phone;
  }

  CallId DialSoftphone(const std::string& user = kUser) {
    telephony::DialRequest request;
    request.number = std::string("sip:") + user;
    request.caller_id = "+911140000000";
    request.ring_timeout = std::chrono::seconds(20);
    return sip_->Dial(request);
  }

  fakes::TempDir dir_;
  base::RealClock clock_;
  telephony::rtp::PromptLibrary prompts_;
  telephony::sip::SipConfig config_;
  CallCentreStandIn centre_;
  std::unique_ptr<telephony::sip::SipCallControl> sip_;
  int scenarios_ = 0;
};

TEST_F(SipRegisterTest, RegisteredSoftphoneIsChallengedThenRingsAndHearsAPrompt) {
  StartServer();
  int phone_port = sip_peers::FreePort();
  UdpPeer phone_media;
  auto phone = Softphone(phone_port, phone_media.port());
  ASSERT_EQ(RunRegister(Registers(phone_port, 600)), 0);

  CallId call = DialSoftphone();
  ASSERT_NE(centre_.WaitFor("answered " + std::to_string(call) + " human"), "");
  sip_->Play(call, "welcome");
  rtp_ears::HeardStream heard =
      rtp_ears::Listen(phone_media, prompts_.Find("welcome")->pcmu.size());
  EXPECT_EQ(heard.payload, prompts_.Find("welcome")->pcmu);
  EXPECT_TRUE(heard.continuous);
  EXPECT_NE(centre_.WaitFor("played " + std::to_string(call)), "");
  sip_->Hangup(call);
  EXPECT_NE(centre_.WaitFor("ended " + std::to_string(call) + " local-hangup"), "");
  EXPECT_EQ(phone->Wait(20), 0) << phone->Output();
}

TEST_F(SipRegisterTest, SoftphoneCallsTakeNoTrunkChannel) {
  // One trunk with one channel, its callee answering: the softphone's call must leave it free.
  int carrier_port = sip_peers::FreePort();
  config_.trunks.push_back(
      {"test-carrier", "127.0.0.1", carrier_port, "udp", "", "", "+911140000000", 1});
  Sipp carrier({"-sn", "uas", "-p", std::to_string(carrier_port), "-m", "1"}, dir_.path().string());
  ASSERT_TRUE(sip_peers::WaitUntilBound(carrier_port)) << carrier.Output();
  StartServer();
  int phone_port = sip_peers::FreePort();
  UdpPeer phone_media;
  auto phone = Softphone(phone_port, phone_media.port());
  ASSERT_EQ(RunRegister(Registers(phone_port, 600)), 0);

  CallId to_agent = DialSoftphone();
  ASSERT_NE(centre_.WaitFor("answered " + std::to_string(to_agent)), "");
  telephony::DialRequest voter;
  voter.number = "+919800000002";
  CallId to_voter = sip_->Dial(voter);
  EXPECT_NE(centre_.WaitFor("answered " + std::to_string(to_voter)), "");
  sip_->Hangup(to_voter);
  sip_->Hangup(to_agent);
  EXPECT_NE(centre_.WaitFor("ended " + std::to_string(to_agent) + " local-hangup"), "");
  EXPECT_NE(centre_.WaitFor("ended " + std::to_string(to_voter) + " local-hangup"), "");
  EXPECT_EQ(phone->Wait(20), 0) << phone->Output();
  EXPECT_EQ(carrier.Wait(20), 0) << carrier.Output();
}

TEST_F(SipRegisterTest, WrongPasswordIsRefusedAndBindsNothing) {
  StartServer();
  int phone_port = sip_peers::FreePort();
  ASSERT_EQ(RunRegister(Registers(phone_port, 600, 403), kUser, "not-the-password"), 0);
  CallId call = DialSoftphone();
  EXPECT_NE(centre_.WaitFor("ended " + std::to_string(call) + " failed"), "");
}

TEST_F(SipRegisterTest, UnknownUserIsChallengedThenRefused) {
  StartServer();
  ASSERT_EQ(RunRegister(Registers(sip_peers::FreePort(), 600, 403), "agent-nobody"), 0);
}

TEST_F(SipRegisterTest, DialToAnUnregisteredSoftphoneFailsAtOnce) {
  StartServer();
  CallId call = DialSoftphone("agent-meena");
  EXPECT_NE(centre_.WaitFor("ended " + std::to_string(call) + " failed", 2), "");
  CallId unknown = DialSoftphone("agent-nobody");
  EXPECT_NE(centre_.WaitFor("ended " + std::to_string(unknown) + " failed", 2), "");
}

TEST_F(SipRegisterTest, ExpiresZeroRemovesTheBinding) {
  StartServer();
  int phone_port = sip_peers::FreePort();
  ASSERT_EQ(RunRegister(Registers(phone_port, 600)), 0);
  ASSERT_EQ(RunRegister(Registers(phone_port, 0)), 0);
  CallId call = DialSoftphone();
  EXPECT_NE(centre_.WaitFor("ended " + std::to_string(call) + " failed", 2), "");
}

// AgentPhones, unchanged, with agents whose phone is "sip:USER": Ready() rings the softphone.
class SoftphoneAgentTest : public SipRegisterTest {
 protected:
  void SetUp() override {
    SipRegisterTest::SetUp();
    auto beep = std::make_shared<telephony::rtp::Prompt>();
    beep->pcmu.assign(320, 0x7e);
    beep->pcma.assign(320, 0x7e);
    prompts_.Add("beep", beep);
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

  // Starts SIP and AgentPhones with agent `id` (synthetic), whose phone is "sip:`user`".
  void StartWithAgent(const std::string& id, const std::string& user) {
    StartServer();
    OnClock([&] {
      pool_ = std::make_unique<callcenter::AgentPool>(clock_);
      phones_ = std::make_unique<callcenter::AgentPhones>(
          *sip_, *pool_, callcenter::AgentPhoneSettings{"+911140000000"});
      auto agent = pool_->Add({id, "Synthetic agent", "", {"hi"}, {}, {}, "sip:" + user});
      ASSERT_TRUE(agent.ok()) << agent.status().message();
    });
  }

  callcenter::PhoneState StateOf(const std::string& id) {
    callcenter::PhoneState state;
    OnClock([&] { state = phones_->StateOf(id); });
    return state;
  }

  void TearDown() override {
    if (sip_ != nullptr) {
      OnClock([&] {
        sip_->SetEvents(nullptr);
        phones_.reset();
        pool_.reset();
      });
    }
    SipRegisterTest::TearDown();
  }

  std::unique_ptr<callcenter::AgentPool> pool_;
  std::unique_ptr<callcenter::AgentPhones> phones_;
};

TEST_F(SoftphoneAgentTest, ReadyRingsTheRegisteredSoftphoneAndLogsTheAgentIn) {
  StartWithAgent("a1", kUser);
  int phone_port = sip_peers::FreePort();
  UdpPeer phone_media;
  auto phone = Softphone(phone_port, phone_media.port());
  ASSERT_EQ(RunRegister(Registers(phone_port, 600)), 0);

  OnClock([&] { ASSERT_TRUE(phones_->Ready("a1").ok()); });
  EXPECT_EQ(rtp_ears::Listen(phone_media, 320).payload, prompts_.Find("beep")->pcmu)
      << "the log-in beep, on the softphone";
  EXPECT_TRUE(sip_peers::WaitUntil(
      [&] { return StateOf("a1").status == callcenter::PhoneStatus::kConnected; }));
  OnClock([&] {
    EXPECT_EQ(pool_->Find("a1")->state(), callcenter::AgentState::kReady);
    ASSERT_TRUE(phones_->Release("a1").ok());
  });
  EXPECT_TRUE(
      sip_peers::WaitUntil([&] { return StateOf("a1").status == callcenter::PhoneStatus::kOff; }));
  EXPECT_EQ(phone->Wait(20), 0) << phone->Output();
}

TEST_F(SoftphoneAgentTest, ReadyWithNoSoftphoneRegisteredFails) {
  StartWithAgent("a2", "agent-meena");
  OnClock([&] { ASSERT_TRUE(phones_->Ready("a2").ok()); });
  EXPECT_TRUE(sip_peers::WaitUntil(
      [&] { return StateOf("a2").status == callcenter::PhoneStatus::kFailed; }));
  OnClock([&] { EXPECT_EQ(pool_->Find("a2")->state(), callcenter::AgentState::kOffline); });
}

std::vector<std::uint8_t> Bytes(const std::string& text) { return {text.begin(), text.end()}; }

std::string FirstLine(const Datagram& datagram) {
  std::string text(datagram.bytes.begin(), datagram.bytes.end());
  return text.substr(0, text.find("\r\n"));
}

// A REGISTER for agent-ravi with `extra` headers, from `our_port`.
std::string RawRegister(int our_port, const std::string& branch, const std::string& extra) {
  std::string port = std::to_string(our_port);
  return "REGISTER sip:127.0.0.1 SIP/2.0\r\n"
         "Via: SIP/2.0/UDP 127.0.0.1:" +
         port + ";branch=z9hG4bK-" + branch +
         "\r\n"
         "Max-Forwards: 70\r\n"
         "From: <sip:agent-ravi@127.0.0.1>;tag=raw\r\n"
         "To: <sip:agent-ravi@127.0.0.1>\r\n"
         "Call-ID: " +
         branch + "@127.0.0.1\r\nCSeq: 1 REGISTER\r\n" + extra + "Content-Length: 0\r\n\r\n";
}

// The final response to what `probe` sent: its first line, or "" after 2 s of silence.
std::string FinalAnswer(UdpPeer& probe) {
  std::optional<Datagram> answer = probe.Receive(2000);
  while (answer && FirstLine(*answer).rfind("SIP/2.0 1", 0) == 0) answer = probe.Receive(2000);
  return answer ? FirstLine(*answer) : "";
}

TEST_F(SipRegisterTest, MalformedRegistersGet4xxAndTheRegistrarCarriesOn) {
  StartServer();
  UdpPeer probe;
  std::string contact =
      "Contact: <sip:agent-ravi@127.0.0.1:" + std::to_string(probe.port()) + ">\r\n";
  struct Case {
    std::string name;
    std::string extra;
    std::string status;
  };
  std::vector<Case> cases = {
      {"no-auth", contact, "SIP/2.0 401 Unauthorized"},
      {"empty-digest", contact + "Authorization: Digest\r\n", "SIP/2.0 400"},
      {"half-digest", contact + "Authorization: Digest username=\"agent-ravi\", nonce=\"x\"\r\n",
       "SIP/2.0 400 Bad Authorization"},
      {"garbage-auth", contact + "Authorization: \x01\x02 ,,, ===\r\n", "SIP/2.0 400"},
      {"bad-expires", contact + "Expires: soon\r\n", "SIP/2.0 400"},
      {"tel-contact", "Contact: <tel:+919800000001>\r\n", "SIP/2.0 401"},
      {"long-user", "Contact: <sip:" + std::string(5000, 'r') + "@127.0.0.1>\r\n", "SIP/2.0 401"},
  };
  for (const Case& c : cases) {
    probe.SendTo(Bytes(RawRegister(probe.port(), c.name, c.extra)), "127.0.0.1",
                 config_.listen_port);
    std::string answer = FinalAnswer(probe);
    EXPECT_EQ(answer.rfind(c.status, 0), 0u) << c.name << ": " << answer;
  }
  // Still answering, and still challenging properly.
  probe.SendTo(Bytes(RawRegister(probe.port(), "after", contact)), "127.0.0.1",
               config_.listen_port);
  std::optional<Datagram> answer = probe.Receive(5000);
  while (answer && FirstLine(*answer).rfind("SIP/2.0 1", 0) == 0) answer = probe.Receive(2000);
  ASSERT_TRUE(answer.has_value());
  std::string text(answer->bytes.begin(), answer->bytes.end());
  EXPECT_EQ(FirstLine(*answer), "SIP/2.0 401 Unauthorized");
  EXPECT_NE(text.find("WWW-Authenticate: Digest realm=\"jansampark.test\", nonce=\""),
            std::string::npos)
      << text;
  EXPECT_NE(text.find("qop=\"auth\""), std::string::npos) << text;
}

TEST(SipRegistrarOffTest, WithoutAccountsRegisterIsNotAllowed) {
  base::RealClock clock;
  telephony::rtp::PromptLibrary prompts;
  telephony::sip::SipConfig config;
  config.listen_port = sip_peers::FreePort(/*also_tcp=*/true);
  config.media.port_low = 21000;
  config.media.port_high = 29998;
  auto started = telephony::sip::SipCallControl::Start(config, clock, prompts);
  ASSERT_TRUE(started.ok()) << started.status().message();
  UdpPeer probe;
  probe.SendTo(Bytes(RawRegister(
                   probe.port(), "off",
                   "Contact: <sip:agent-ravi@127.0.0.1:" + std::to_string(probe.port()) + ">\r\n")),
               "127.0.0.1", config.listen_port);
  EXPECT_EQ(FinalAnswer(probe), "SIP/2.0 405 Method Not Allowed");
}

}  // namespace
