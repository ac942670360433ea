// jansampark's SIP and RTP against real peers on loopback: SIPp as callers and as the carrier,
// and UDP sockets as the far ends' media, checked byte for byte.

#include <gtest/gtest.h>

#include <algorithm>
#include <fstream>
#include <iterator>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

#include "base/real_clock.h"
#include "fakes/temp_dir.h"
#include "integration/call_centre_stand_in.h"
#include "integration/rtp_ears.h"
#include "integration/sip_peers.h"
#include "integration/sipp_scenarios.h"
#include "telephony/rtp/g711.h"
#include "telephony/rtp/rtp_packet.h"
#include "telephony/sip/sip_call_control.h"

namespace {

using rtp_ears::HeardStream;
using rtp_ears::Listen;
using rtp_ears::TalkUntilHeard;
using sip_peers::Datagram;
using sip_peers::Sipp;
using sip_peers::UdpPeer;
using telephony::CallId;

constexpr char kHelpline[] = "1800110001";

// A prompt whose bytes say where they are, so a caller can check it heard all of it in order.
telephony::rtp::PromptRef CountingPrompt(std::size_t frames) {
  auto prompt = std::make_shared<telephony::rtp::Prompt>();
  for (std::size_t i = 0; i < frames * 160; ++i) {
    prompt->pcmu.push_back(static_cast<std::uint8_t>(i % 251));
    prompt->pcma.push_back(static_cast<std::uint8_t>(i % 241));
  }
  return prompt;
}

class SipCallTest : public ::testing::Test {
 protected:
  void SetUp() override {
    config_.listen_port = sip_peers::FreePort(/*also_tcp=*/true);
    config_.media.port_low = 21000;
    config_.media.port_high = 29998;
    prompts_.Add("welcome", CountingPrompt(25));
    prompts_.Add("beep", CountingPrompt(2));
  }

  void StartServer() {
    auto started = telephony::sip::SipCallControl::Start(config_, clock_, prompts_);
    ASSERT_TRUE(started.ok()) << started.status().message();
    sip_ = std::move(*started);
    sip_->SetEvents(&centre_);
  }

  void TearDown() override { sip_.reset(); }

  std::string Target() const { return "127.0.0.1:" + std::to_string(config_.listen_port); }

  // A SIPp caller running `scenario` against us, dialling `number`.
  std::unique_ptr<Sipp> Call(const std::string& scenario, const std::string& number) {
    std::string file = sip_peers::WriteFile(
        dir_.path().string(), "scenario" + std::to_string(++scenarios_) + ".xml", scenario);
    return std::make_unique<Sipp>(
        std::vector<std::string>{"-sf", file, Target(), "-s", number, "-m", "1", "-p",
                                 std::to_string(sip_peers::FreePort())},
        dir_.path().string());
  }

  fakes::TempDir dir_;
  base::RealClock clock_;
  telephony::rtp::PromptLibrary prompts_;
  telephony::sip::SipConfig config_;
  CallCentreStandIn centre_;
  std::unique_ptr<telephony::sip::SipCallControl> sip_;
  int scenarios_ = 0;
};

TEST_F(SipCallTest, CallerHearsThePromptAndADigitIsHeard) {
  StartServer();
  UdpPeer caller_media;
  centre_.on_incoming = [&](CallId call, const telephony::IncomingCall&) {
    sip_->Accept(call);
    sip_->Play(call, "welcome");
  };
  centre_.on_digit = [&](CallId call, char) { sip_->Hangup(call); };
  auto sipp = Call(sipp_scenarios::CallerHungUpOn(caller_media.port()), kHelpline);

  HeardStream heard = Listen(caller_media, prompts_.Find("welcome")->pcmu.size());
  EXPECT_EQ(heard.payload, prompts_.Find("welcome")->pcmu);
  EXPECT_TRUE(heard.continuous);
  std::string incoming = centre_.WaitFor("incoming ");
  EXPECT_NE(incoming.find("from +919800000001 to 1800110001"), std::string::npos) << incoming;
  EXPECT_NE(centre_.WaitFor("played "), "");

  rtp_ears::Press(caller_media, heard, '2');
  EXPECT_NE(centre_.WaitFor("ended "), "");
  EXPECT_EQ(sipp->Wait(20), 0) << sipp->Output();
  std::vector<std::string> lines = centre_.Lines();
  int digits = 0;
  for (const std::string& line : lines) digits += line.rfind("digit ", 0) == 0;
  EXPECT_EQ(digits, 1);
  EXPECT_NE(centre_.WaitFor("digit 1 2"), "");
  EXPECT_NE(centre_.WaitFor("ended 1 local-hangup"), "");
}

TEST_F(SipCallTest, CallerWhoHangsUpWhileRingingEndsTheCall) {
  StartServer();
  UdpPeer caller_media;
  auto sipp = Call(sipp_scenarios::CallerCancelsWhileRinging(caller_media.port()), kHelpline);
  EXPECT_NE(centre_.WaitFor("incoming 1 "), "");
  EXPECT_NE(centre_.WaitFor("ended 1 remote-hangup"), "");
  EXPECT_EQ(sipp->Wait(20), 0) << sipp->Output();
}

TEST_F(SipCallTest, MissedCallNumberIsRefusedUnansweredAndLogged) {
  config_.missed_call_dids = {"7000000000"};
  StartServer();
  struct Log : telephony::sip::MissedCallSink {
    std::mutex mutex;
    std::vector<std::string> callers;
    void OnMissedCall(const telephony::IncomingCall& call) override {
      std::lock_guard lock(mutex);
      callers.push_back(call.from + " -> " + call.to);
    }
  } log;
  sip_->SetMissedCallSink(&log);
  auto sipp = Call(sipp_scenarios::CallerRefusedWith(486), "7000000000");
  EXPECT_EQ(sipp->Wait(20), 0) << sipp->Output();
  EXPECT_EQ(sip_->Stats().missed_calls, 1u);
  EXPECT_EQ(sip_->Stats().answered, 0u);
  EXPECT_TRUE(sip_peers::WaitUntil([&] {
    std::lock_guard lock(log.mutex);
    return !log.callers.empty();
  }));
  std::lock_guard lock(log.mutex);
  EXPECT_EQ(log.callers, std::vector<std::string>{"+919800000001 -> 7000000000"});
  EXPECT_TRUE(centre_.Lines().empty()) << "a missed call never reaches the call centre";
}

class OutboundCallTest : public SipCallTest {
 protected:
  // A carrier (SIPp as the far end) on a free port, as our one trunk.
  std::unique_ptr<Sipp> Carrier(const std::vector<std::string>& how) {
    int port = sip_peers::FreePort();
    config_.trunks.push_back(
        {"test-carrier", "127.0.0.1", port, "udp", "", "", "+911140000000", 4});
    std::vector<std::string> args = how;
    args.insert(args.end(), {"-p", std::to_string(port), "-m", "1"});
    auto carrier = std::make_unique<Sipp>(args, dir_.path().string());
    // An INVITE sent before SIPp binds meets ICMP "port unreachable", which sofia rightly
    // takes as a failed call: wait for the carrier to be there.
    EXPECT_TRUE(sip_peers::WaitUntilBound(port)) << carrier->Output();
    return carrier;
  }

  std::string Scenario(const std::string& xml) {
    return sip_peers::WriteFile(dir_.path().string(),
                                "carrier" + std::to_string(++scenarios_) + ".xml", xml);
  }

  CallId DialOut(std::chrono::seconds ring_timeout = std::chrono::seconds(30)) {
    telephony::DialRequest request;
    request.number = "+919800000002";
    request.ring_timeout = ring_timeout;
    return sip_->Dial(request);
  }
};

TEST_F(OutboundCallTest, AnsweredCallIsReportedAndHungUpWithBye) {
  auto carrier = Carrier({"-sn", "uas"});
  StartServer();
  CallId call = DialOut();
  EXPECT_NE(centre_.WaitFor("answered " + std::to_string(call) + " human"), "");
  sip_->Hangup(call);
  EXPECT_NE(centre_.WaitFor("ended " + std::to_string(call) + " local-hangup"), "");
  EXPECT_EQ(carrier->Wait(20), 0) << carrier->Output();
}

TEST_F(OutboundCallTest, BusyLineEndsAsBusy) {
  auto carrier = Carrier({"-sf", Scenario(sipp_scenarios::CarrierRefuses("486 Busy Here"))});
  StartServer();
  CallId call = DialOut();
  EXPECT_NE(centre_.WaitFor("ended " + std::to_string(call) + " busy"), "");
  EXPECT_EQ(carrier->Wait(20), 0) << carrier->Output();
}

TEST_F(OutboundCallTest, CarrierFailureEndsAsFailed) {
  auto carrier =
      Carrier({"-sf", Scenario(sipp_scenarios::CarrierRefuses("503 Service Unavailable"))});
  StartServer();
  CallId call = DialOut();
  EXPECT_NE(centre_.WaitFor("ended " + std::to_string(call) + " failed"), "");
  EXPECT_EQ(carrier->Wait(20), 0) << carrier->Output();
}

TEST_F(OutboundCallTest, UnansweredCallIsCancelledAtTheRingTimeout) {
  auto carrier = Carrier({"-sf", Scenario(sipp_scenarios::CarrierRingsForever())});
  StartServer();
  CallId call = DialOut(std::chrono::seconds(2));
  EXPECT_NE(centre_.WaitFor("ended " + std::to_string(call) + " no-answer"), "");
  EXPECT_EQ(carrier->Wait(20), 0) << carrier->Output();
}

TEST_F(OutboundCallTest, NoTrunkFailsTheCallAtOnce) {
  StartServer();
  CallId call = DialOut();
  EXPECT_NE(centre_.WaitFor("ended " + std::to_string(call) + " failed"), "");
}

std::string Options(int our_port, int their_port, const std::string& branch) {
  return "OPTIONS sip:127.0.0.1:" + std::to_string(their_port) +
         " SIP/2.0\r\n"
         "Via: SIP/2.0/UDP 127.0.0.1:" +
         std::to_string(our_port) + ";branch=z9hG4bK-" + branch +
         "\r\n"
         "Max-Forwards: 70\r\n"
         "From: <sip:probe@127.0.0.1>;tag=probe\r\n"
         "To: <sip:127.0.0.1>\r\n"
         "Call-ID: " +
         branch +
         "@127.0.0.1\r\n"
         "CSeq: 1 OPTIONS\r\n"
         "Content-Length: 0\r\n\r\n";
}

// An INVITE carrying `body`, saying its length is `content_length` (the real one by default).
std::string Invite(int our_port, const std::string& branch, const std::string& body,
                   std::string content_length = "") {
  if (content_length.empty()) content_length = std::to_string(body.size());
  return "INVITE sip:1800110001@127.0.0.1 SIP/2.0\r\n"
         "Via: SIP/2.0/UDP 127.0.0.1:" +
         std::to_string(our_port) + ";branch=z9hG4bK-" + branch +
         "\r\n"
         "Max-Forwards: 70\r\n"
         "From: <sip:+919800000009@127.0.0.1>;tag=bad\r\n"
         "To: <sip:1800110001@127.0.0.1>\r\n"
         "Call-ID: " +
         branch +
         "@127.0.0.1\r\n"
         "CSeq: 1 INVITE\r\n"
         "Contact: <sip:bad@127.0.0.1:" +
         std::to_string(our_port) +
         ">\r\n"
         "Content-Type: application/sdp\r\n"
         "Content-Length: " +
         content_length + "\r\n\r\n" + body;
}

std::vector<std::uint8_t> Bytes(const std::string& text) { return {text.begin(), text.end()}; }

std::string FirstLine(const Datagram& datagram) {
  std::string text(datagram.bytes.begin(), datagram.bytes.end());
  return text.substr(0, text.find("\r\n"));
}

TEST_F(SipCallTest, AnswersOptionsWith200) {
  StartServer();
  UdpPeer probe;
  probe.SendTo(Bytes(Options(probe.port(), config_.listen_port, "options1")), "127.0.0.1",
               config_.listen_port);
  std::optional<Datagram> answer = probe.Receive(5000);
  ASSERT_TRUE(answer.has_value());
  EXPECT_EQ(FirstLine(*answer), "SIP/2.0 200 OK");
}

// Whatever arrives, the answer is a 4xx or silence; and afterwards the server still answers.
TEST_F(SipCallTest, MalformedMessagesGet400OrNothingAndTheServerCarriesOn) {
  StartServer();
  UdpPeer probe;
  std::string sdp =
      "v=0\r\no=- 1 1 IN IP4 127.0.0.1\r\ns=-\r\nc=IN IP4 127.0.0.1\r\nt=0 0\r\n"
      "m=audio 4000 RTP/AVP 0\r\n";
  std::vector<std::string> malformed = {
      std::string("\x00\xff\x13garbage\x00\x01", 12),
      "INVITE sip:1800110001@127.0.0.1 SIP/2.0\r\nVia: SIP/2.0/UDP 127.0.0.1",  // truncated
      Invite(probe.port(), "long-length", sdp, "9000"),  // says more than it carries
      Invite(probe.port(), "bad-length", sdp, "twelve"),
      Invite(probe.port(), "bad-sdp", "v=0\r\nm=audio banana RTP/AVP 0\r\n"),
      Invite(probe.port(), "no-codec",
             "v=0\r\no=- 1 1 IN IP4 127.0.0.1\r\ns=-\r\nc=IN IP4 127.0.0.1\r\nt=0 0\r\n"
             "m=audio 4000 RTP/AVP 18\r\n"),
      "INVITE sip:x SIP/2.0\r\nVia: \r\nFrom: <<<\r\nTo: >\r\nCSeq: x INVITE\r\n\r\n",
      std::string(60000, 'A'),
      "OPTIONS " + std::string(20000, 'x') + " SIP/2.0\r\n\r\n",
  };
  for (const std::string& message : malformed) {
    probe.SendTo(Bytes(message), "127.0.0.1", config_.listen_port);
    std::optional<Datagram> answer = probe.Receive(300);
    while (answer && FirstLine(*answer).rfind("SIP/2.0 1", 0) == 0) answer = probe.Receive(300);
    if (answer) {
      EXPECT_EQ(FirstLine(*answer).rfind("SIP/2.0 4", 0), 0u)
          << FirstLine(*answer) << " for " << message.substr(0, 60);
    }
  }
  EXPECT_TRUE(centre_.Lines().empty()) << "no malformed call reached the call centre";
  EXPECT_GE(sip_->Stats().bad_requests, 2u) << "the bad SDP and the unknown codec";
  probe.SendTo(Bytes(Options(probe.port(), config_.listen_port, "after")), "127.0.0.1",
               config_.listen_port);
  std::optional<Datagram> answer = probe.Receive(5000);
  while (answer && FirstLine(*answer).rfind("SIP/2.0 200", 0) != 0) answer = probe.Receive(2000);
  ASSERT_TRUE(answer.has_value());
  EXPECT_EQ(FirstLine(*answer), "SIP/2.0 200 OK");
}

TEST_F(SipCallTest, BridgedCallersHearEachOther) {
  StartServer();
  UdpPeer caller_media;
  UdpPeer agent_media;
  centre_.on_incoming = [&](CallId call, const telephony::IncomingCall&) {
    sip_->Accept(call);
    sip_->Play(call, "beep");  // so each far end learns where our media comes from
  };
  auto caller = Call(sipp_scenarios::CallerHungUpOn(caller_media.port()), kHelpline);
  HeardStream caller_heard = Listen(caller_media, 320);
  auto agent = Call(sipp_scenarios::CallerHungUpOn(agent_media.port()), "agent1");
  HeardStream agent_heard = Listen(agent_media, 320);
  ASSERT_NE(centre_.WaitFor("played 1"), "");
  ASSERT_NE(centre_.WaitFor("played 2"), "");

  sip_->Bridge(1, "2");
  HeardStream agent_hears = TalkUntilHeard(caller_media, caller_heard, 0x11, agent_media, 10);
  HeardStream caller_hears = TalkUntilHeard(agent_media, agent_heard, 0x22, caller_media, 10);

  EXPECT_EQ(agent_hears.payload, std::vector<std::uint8_t>(1600, 0x11));
  EXPECT_EQ(caller_hears.payload, std::vector<std::uint8_t>(1600, 0x22));
  // Each far end keeps hearing one stream: our SSRC for its leg, not the other caller's.
  EXPECT_EQ(agent_hears.ssrc, agent_heard.ssrc);
  EXPECT_EQ(caller_hears.ssrc, caller_heard.ssrc);
  EXPECT_TRUE(agent_hears.continuous);
  EXPECT_TRUE(caller_hears.continuous);

  sip_->Hangup(1);
  sip_->Hangup(2);
  EXPECT_EQ(caller->Wait(20), 0) << caller->Output();
  EXPECT_EQ(agent->Wait(20), 0) << agent->Output();
}

// The µ-law bytes a far end says in its n-th packet: all different along a call, none of them
// 0x7f or 0xff (µ-law's two zeros), so that silence in a recording is never taken for speech.
std::vector<std::uint8_t> Said(bool caller, int packet) {
  std::vector<std::uint8_t> bytes(160);
  for (std::size_t i = 0; i < bytes.size(); ++i) {
    auto step = static_cast<std::size_t>(packet) * 160 + i;
    bytes[i] = static_cast<std::uint8_t>((caller ? 0x00 : 0x80) + 1 + step % 126);
  }
  return bytes;
}

void SendRtp(UdpPeer& from, const HeardStream& to, int packet,
             const std::vector<std::uint8_t>& bytes) {
  telephony::rtp::RtpHeader header{0, packet == 0, static_cast<std::uint16_t>(100 + packet),
                                   static_cast<std::uint32_t>(160 * packet), 0x5eed};
  std::vector<std::uint8_t> datagram(12 + bytes.size());
  datagram.resize(telephony::rtp::WriteRtp(header, bytes, datagram));
  from.SendTo(datagram, to.from_address, to.from_port);
}

// A WAV file as read back: its format and its samples, interleaved when stereo.
struct ReadWav {
  int format = 0;
  int channels = 0;
  int rate = 0;
  int bits = 0;
  std::size_t data_bytes = 0;
  std::vector<std::int16_t> samples;
};

std::optional<ReadWav> ReadWavFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::vector<std::uint8_t> bytes{std::istreambuf_iterator<char>(in),
                                  std::istreambuf_iterator<char>()};
  if (bytes.size() < 44) return std::nullopt;
  auto le = [&](std::size_t at, int size) {
    std::uint32_t value = 0;
    for (int i = size - 1; i >= 0; --i)
      value = value << 8 | bytes[at + static_cast<std::size_t>(i)];
    return value;
  };
  if (std::string(bytes.begin(), bytes.begin() + 4) != "RIFF" ||
      std::string(bytes.begin() + 8, bytes.begin() + 16) != "WAVEfmt " ||
      std::string(bytes.begin() + 36, bytes.begin() + 40) != "data") {
    return std::nullopt;
  }
  ReadWav wav;
  wav.format = static_cast<int>(le(20, 2));
  wav.channels = static_cast<int>(le(22, 2));
  wav.rate = static_cast<int>(le(24, 4));
  wav.bits = static_cast<int>(le(34, 2));
  wav.data_bytes = le(40, 4);
  if (wav.data_bytes == 0 || wav.data_bytes != bytes.size() - 44)
    return std::nullopt;  // unfinished
  for (std::size_t at = 44; at + 1 < bytes.size(); at += 2) {
    wav.samples.push_back(static_cast<std::int16_t>(le(at, 2)));
  }
  return wav;
}

// Channel `channel` of interleaved stereo `samples`, silence (zeros) left out.
std::vector<std::int16_t> Spoken(const std::vector<std::int16_t>& samples, std::size_t channel) {
  std::vector<std::int16_t> out;
  for (std::size_t i = channel; i < samples.size(); i += 2) {
    if (samples[i] != 0) out.push_back(samples[i]);
  }
  return out;
}

// Whether `part` appears in `whole` as one unbroken run.
bool Contains(const std::vector<std::int16_t>& whole, const std::vector<std::int16_t>& part) {
  return std::search(whole.begin(), whole.end(), part.begin(), part.end()) != whole.end();
}

TEST_F(SipCallTest, BridgedCallIsRecordedBothWaysToAStereoWav) {
  StartServer();
  UdpPeer caller_media;
  UdpPeer agent_media;
  centre_.on_incoming = [&](CallId call, const telephony::IncomingCall&) {
    sip_->Accept(call);
    sip_->Play(call, "beep");  // so each far end learns where our media comes from
  };
  auto caller = Call(sipp_scenarios::CallerHungUpOn(caller_media.port()), kHelpline);
  HeardStream caller_heard = Listen(caller_media, 320);
  auto agent = Call(sipp_scenarios::CallerHungUpOn(agent_media.port()), "agent1");
  HeardStream agent_heard = Listen(agent_media, 320);
  ASSERT_NE(centre_.WaitFor("played 1"), "");
  ASSERT_NE(centre_.WaitFor("played 2"), "");

  std::string path = (dir_.path() / "recordings" / "test-campaign" / "call-1.wav").string();
  sip_->Bridge(1, "2");
  sip_->Record(1, path);
  // Both talk at once, a packet each every 20 ms, for two seconds; each hears the other.
  constexpr int kPackets = 100;
  std::vector<std::int16_t> caller_said;
  std::vector<std::int16_t> agent_said;
  for (int n = 0; n < kPackets; ++n) {
    std::vector<std::uint8_t> from_caller = Said(true, n);
    std::vector<std::uint8_t> from_agent = Said(false, n);
    SendRtp(caller_media, caller_heard, n, from_caller);
    SendRtp(agent_media, agent_heard, n, from_agent);
    for (std::int16_t sample : telephony::rtp::DecodeUlaw(from_caller))
      caller_said.push_back(sample);
    for (std::int16_t sample : telephony::rtp::DecodeUlaw(from_agent)) agent_said.push_back(sample);
    while (caller_media.Receive(0)) {
    }
    agent_media.Receive(20);  // paces the loop: the bridge forwards the caller every 20 ms
  }
  sip_->Hangup(1);
  sip_->Hangup(2);
  EXPECT_NE(centre_.WaitFor("ended 1 local-hangup"), "");
  EXPECT_EQ(caller->Wait(20), 0) << caller->Output();
  EXPECT_EQ(agent->Wait(20), 0) << agent->Output();

  // The writer thread finishes the file after the leg closes: wait for its final header.
  std::optional<ReadWav> wav;
  for (int i = 0; i < 100 && !(wav = ReadWavFile(path)); ++i) caller_media.Receive(50);
  ASSERT_TRUE(wav.has_value()) << path << " is missing or unfinished";
  EXPECT_EQ(wav->format, 1);  // PCM
  EXPECT_EQ(wav->channels, 2);
  EXPECT_EQ(wav->rate, 8000);
  EXPECT_EQ(wav->bits, 16);
  std::vector<std::int16_t> left = Spoken(wav->samples, 0);
  std::vector<std::int16_t> right = Spoken(wav->samples, 1);
  // A packet or two may pass before the recording starts; after that, every sample each side
  // sent, decoded, in order: the caller on the left, the agent on the right.
  EXPECT_GE(left.size(), static_cast<std::size_t>(kPackets - 5) * 160);
  EXPECT_GE(right.size(), static_cast<std::size_t>(kPackets - 5) * 160);
  EXPECT_TRUE(Contains(caller_said, left)) << "the left channel is not what the caller said";
  EXPECT_TRUE(Contains(agent_said, right)) << "the right channel is not what the agent said";
}

TEST_F(SipCallTest, RecordingThatCannotBeCreatedIsReportedAndTheCallGoesOn) {
  StartServer();
  UdpPeer caller_media;
  centre_.on_incoming = [&](CallId call, const telephony::IncomingCall&) {
    sip_->Accept(call);
    sip_->Record(call, "/proc/no-recordings-here/call.wav");
    sip_->Play(call, "beep");
  };
  centre_.on_played = [&](CallId call) { sip_->Hangup(call); };
  auto sipp = Call(sipp_scenarios::CallerHungUpOn(caller_media.port()), kHelpline);
  std::string failed = centre_.WaitFor("recording-failed 1 ");
  EXPECT_NE(failed.find("/proc/no-recordings-here/call.wav"), std::string::npos) << failed;
  HeardStream heard = Listen(caller_media, 320);  // the call went on: the beep is heard
  EXPECT_EQ(heard.payload, prompts_.Find("beep")->pcmu);
  EXPECT_NE(centre_.WaitFor("ended 1 local-hangup"), "");
  EXPECT_EQ(sipp->Wait(20), 0) << sipp->Output();
}

TEST_F(SipCallTest, DigitSentAsSipInfoIsHeard) {
  StartServer();
  UdpPeer caller_media;
  centre_.on_incoming = [&](CallId call, const telephony::IncomingCall&) { sip_->Accept(call); };
  centre_.on_digit = [&](CallId call, char) { sip_->Hangup(call); };
  auto sipp = Call(sipp_scenarios::CallerSendsInfoDigit(caller_media.port(), '7'), kHelpline);
  EXPECT_NE(centre_.WaitFor("digit 1 7"), "");
  EXPECT_NE(centre_.WaitFor("ended 1 local-hangup"), "");
  EXPECT_EQ(sipp->Wait(20), 0) << sipp->Output();
}

TEST_F(SipCallTest, CallsComeInOverTcpToo) {
  StartServer();
  UdpPeer caller_media;
  centre_.on_incoming = [&](CallId call, const telephony::IncomingCall&) {
    sip_->Accept(call);
    sip_->Play(call, "beep");
  };
  centre_.on_played = [&](CallId call) { sip_->Hangup(call); };
  std::string file = sip_peers::WriteFile(dir_.path().string(), "tcp.xml",
                                          sipp_scenarios::CallerHungUpOn(caller_media.port()));
  Sipp sipp({"-sf", file, Target(), "-s", kHelpline, "-m", "1", "-t", "t1", "-p",
             std::to_string(sip_peers::FreePort(true))},
            dir_.path().string());
  EXPECT_NE(centre_.WaitFor("ended 1 local-hangup"), "");
  EXPECT_EQ(sipp.Wait(20), 0) << sipp.Output();
}

TEST_F(OutboundCallTest, TrunkThatChallengesGetsDigestCredentials) {
  auto carrier =
      Carrier({"-sf", Scenario(sipp_scenarios::CarrierDemandsDigest("jansampark", "s3cret"))});
  config_.trunks.back().username = "jansampark";
  config_.trunks.back().password = "s3cret";
  StartServer();
  CallId call = DialOut();
  EXPECT_NE(centre_.WaitFor("answered " + std::to_string(call)), "");
  sip_->Hangup(call);
  EXPECT_NE(centre_.WaitFor("ended " + std::to_string(call) + " local-hangup"), "");
  EXPECT_EQ(carrier->Wait(20), 0) << carrier->Output();
}

TEST_F(SipCallTest, CallerPuttingTheCallOnHoldIsAnsweredRecvonly) {
  StartServer();
  UdpPeer caller_media;
  centre_.on_incoming = [&](CallId call, const telephony::IncomingCall&) { sip_->Accept(call); };
  centre_.on_digit = [&](CallId call, char) { sip_->Hangup(call); };
  auto sipp = Call(sipp_scenarios::CallerHoldsTheCall(caller_media.port()), kHelpline);
  EXPECT_NE(centre_.WaitFor("digit 1 9"), "");
  EXPECT_EQ(sipp->Wait(20), 0) << sipp->Output();
}

TEST_F(OutboundCallTest, CalleeWhoHangsUpRightAwayEndsTheCallAsRemoteHangup) {
  auto carrier = Carrier({"-sf", Scenario(sipp_scenarios::CarrierAnswersThenHangsUp())});
  StartServer();
  CallId call = DialOut();
  EXPECT_NE(centre_.WaitFor("answered " + std::to_string(call)), "");
  EXPECT_NE(centre_.WaitFor("ended " + std::to_string(call) + " remote-hangup"), "");
  EXPECT_EQ(carrier->Wait(20), 0) << carrier->Output();
}

TEST_F(SipCallTest, CallsLiveAtShutdownAreHungUpCleanly) {
  StartServer();
  UdpPeer caller_media;
  centre_.on_incoming = [&](CallId call, const telephony::IncomingCall&) {
    sip_->Accept(call);
    sip_->Play(call, "welcome");
  };
  auto sipp = Call(sipp_scenarios::CallerHungUpOn(caller_media.port()), kHelpline);
  ASSERT_FALSE(Listen(caller_media, 160).payload.empty()) << "the call is up";
  sip_.reset();  // with the call still up
  EXPECT_EQ(sipp->Wait(20), 0) << "the caller got our BYE\n" << sipp->Output();
}

}  // namespace
