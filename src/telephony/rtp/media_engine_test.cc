#include "telephony/rtp/media_engine.h"

#include <arpa/inet.h>
#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <condition_variable>
#include <functional>
#include <mutex>
#include <optional>
#include <vector>

#include "fakes/temp_dir.h"
#include "telephony/rtp/g711.h"
#include "telephony/rtp/rtp_packet.h"
#include "telephony/rtp/telephone_event.h"
#include "telephony/rtp/wav_test_util.h"

namespace telephony::rtp {
namespace {

using ::testing::ElementsAre;

constexpr auto kWait = std::chrono::seconds(5);
constexpr int kPollMs = 5000;
constexpr int kEventPayloadType = 101;

// Collects MediaEvents from the media thread; tests wait on it with a generous timeout.
class CollectingEvents : public MediaEvents {
 public:
  // Runs on the media thread inside OnPlayed; set before the engine starts.
  std::function<void(LegId)> on_played;

  void OnPlayed(LegId leg) override {
    if (on_played) on_played(leg);
    std::lock_guard lock(mutex_);
    played_.push_back(leg);
    changed_.notify_all();
  }
  void OnDigit(LegId leg, char digit) override {
    std::lock_guard lock(mutex_);
    digits_.emplace_back(leg, digit);
    changed_.notify_all();
  }
  void OnRecordingFailed(LegId leg, const std::string& reason) override {
    std::lock_guard lock(mutex_);
    failed_recordings_.emplace_back(leg, reason);
    changed_.notify_all();
  }
  bool WaitRecordingFailed() {
    std::unique_lock lock(mutex_);
    return changed_.wait_for(lock, kWait, [&] { return !failed_recordings_.empty(); });
  }
  std::vector<std::pair<LegId, std::string>> failed_recordings() {
    std::lock_guard lock(mutex_);
    return failed_recordings_;
  }
  bool WaitPlayed(std::size_t count) {
    std::unique_lock lock(mutex_);
    return changed_.wait_for(lock, kWait, [&] { return played_.size() >= count; });
  }
  bool WaitDigits(std::size_t count) {
    std::unique_lock lock(mutex_);
    return changed_.wait_for(lock, kWait, [&] { return digits_.size() >= count; });
  }
  std::vector<LegId> played() {
    std::lock_guard lock(mutex_);
    return played_;
  }
  std::vector<std::pair<LegId, char>> digits() {
    std::lock_guard lock(mutex_);
    return digits_;
  }

 private:
  std::mutex mutex_;
  std::condition_variable changed_;
  std::vector<LegId> played_;
  std::vector<std::pair<LegId, char>> digits_;
  std::vector<std::pair<LegId, std::string>> failed_recordings_;
};

// The far end of a leg: a UDP socket on loopback.
class FarEnd {
 public:
  FarEnd() : fd_(socket(AF_INET, SOCK_DGRAM, 0)) {
    sockaddr_in address = Loopback(0);
    EXPECT_EQ(bind(fd_, reinterpret_cast<sockaddr*>(&address), sizeof(address)), 0);
    socklen_t size = sizeof(address);
    getsockname(fd_, reinterpret_cast<sockaddr*>(&address), &size);
    port_ = ntohs(address.sin_port);
  }
  ~FarEnd() { close(fd_); }
  FarEnd(const FarEnd&) = delete;
  FarEnd& operator=(const FarEnd&) = delete;

  int port() const { return port_; }

  RemoteMedia Remote(Codec codec = Codec::kPcmu) const {
    return RemoteMedia{"127.0.0.1", port_, codec, codec == Codec::kPcmu ? 0 : 8, kEventPayloadType};
  }

  void SendTo(int port, const std::vector<std::uint8_t>& datagram) const {
    sockaddr_in address = Loopback(port);
    ASSERT_EQ(sendto(fd_, datagram.data(), datagram.size(), 0,
                     reinterpret_cast<sockaddr*>(&address), sizeof(address)),
              static_cast<ssize_t>(datagram.size()));
  }

  // The next datagram, or nullopt after a few seconds of silence.
  std::optional<std::vector<std::uint8_t>> Receive() const {
    pollfd ready{fd_, POLLIN, 0};
    if (poll(&ready, 1, kPollMs) != 1) return std::nullopt;
    std::vector<std::uint8_t> buffer(2048);
    ssize_t size = recv(fd_, buffer.data(), buffer.size(), 0);
    if (size < 0) return std::nullopt;
    buffer.resize(static_cast<std::size_t>(size));
    return buffer;
  }

  // Whether anything arrives within `ms`.
  bool Quiet(int ms) const {
    pollfd ready{fd_, POLLIN, 0};
    return poll(&ready, 1, ms) == 0;
  }

 private:
  static sockaddr_in Loopback(int port) {
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_port = htons(static_cast<std::uint16_t>(port));
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    return address;
  }

  int fd_;
  int port_ = 0;
};

struct Received {
  RtpHeader header;
  std::vector<std::uint8_t> payload;
};

std::optional<Received> ReceiveRtp(const FarEnd& far) {
  auto datagram = far.Receive();
  if (!datagram) return std::nullopt;
  auto packet = ParseRtp(*datagram);
  if (!packet.ok()) return std::nullopt;
  return Received{packet->header, {packet->payload.begin(), packet->payload.end()}};
}

std::vector<std::uint8_t> Rtp(const RtpHeader& header, const std::vector<std::uint8_t>& payload) {
  std::vector<std::uint8_t> out(kRtpHeaderSize + payload.size());
  out.resize(WriteRtp(header, payload, out));
  return out;
}

std::vector<std::uint8_t> EventPacket(std::uint16_t sequence, std::uint32_t timestamp, char digit,
                                      bool end, std::uint16_t duration, bool marker = false) {
  std::vector<std::uint8_t> payload(kTelephoneEventSize);
  WriteTelephoneEvent(TelephoneEvent{*EventOfDigit(digit), end, 10, duration}, payload);
  return Rtp(RtpHeader{kEventPayloadType, marker, sequence, timestamp, 0x5151}, payload);
}

std::vector<std::uint8_t> Pattern(std::size_t size, int seed) {
  std::vector<std::uint8_t> bytes(size);
  for (std::size_t i = 0; i < size; ++i) bytes[i] = static_cast<std::uint8_t>(i * 7 + seed);
  return bytes;
}

// Stereo frames: `left` and `right` side by side, the shorter filled with silence.
std::vector<std::int16_t> Interleave(const std::vector<std::int16_t>& left,
                                     const std::vector<std::int16_t>& right) {
  std::vector<std::int16_t> out;
  for (std::size_t i = 0; i < std::max(left.size(), right.size()); ++i) {
    out.push_back(i < left.size() ? left[i] : std::int16_t{0});
    out.push_back(i < right.size() ? right[i] : std::int16_t{0});
  }
  return out;
}

PromptRef MakePrompt(std::size_t size) {
  return std::make_shared<const Prompt>(Prompt{Pattern(size, 1), Pattern(size, 2)});
}

class MediaEngineTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto engine = MediaEngine::Start(MediaConfig{"127.0.0.1", 42000, 42999}, &events_);
    ASSERT_TRUE(engine.ok()) << engine.status().ToString();
    engine_ = std::move(engine).value();
  }

  int Open(LegId leg) {
    auto port = engine_->OpenLeg(leg);
    EXPECT_TRUE(port.ok()) << port.status().ToString();
    return port.ok() ? *port : 0;
  }

  // OpenLeg waits for the media thread to run it, after every command queued before it: once
  // it returns, those commands (SetRemote, Bridge, ...) are in effect.
  void Flush() {
    constexpr LegId kFlushLeg = 999'999;
    ASSERT_TRUE(engine_->OpenLeg(kFlushLeg).ok());
    engine_->CloseLeg(kFlushLeg);
  }

  // Sends one digit's packets (start, update, three ends) and waits for it to be reported.
  void SendDigitAndWait(const FarEnd& far, int port, char digit, std::uint32_t timestamp,
                        std::uint16_t sequence) {
    std::size_t before = events_.digits().size();
    far.SendTo(port, EventPacket(sequence, timestamp, digit, false, 160, true));
    far.SendTo(port, EventPacket(sequence + 1, timestamp, digit, false, 320));
    for (std::uint16_t i = 0; i < 3; ++i) {
      far.SendTo(port, EventPacket(sequence + 2 + i, timestamp, digit, true, 480));
    }
    ASSERT_TRUE(events_.WaitDigits(before + 1));
  }

  CollectingEvents events_;  // outlives the engine
  std::unique_ptr<MediaEngine> engine_;
};

TEST_F(MediaEngineTest, PlaysPromptFramesInOrderThenReportsPlayed) {
  FarEnd far;
  Open(1);
  engine_->SetRemote(1, far.Remote(Codec::kPcmu));
  PromptRef prompt = MakePrompt(5 * 160 + 40);
  engine_->Play(1, prompt);

  std::vector<std::uint8_t> audio;
  std::vector<Received> packets;
  for (int i = 0; i < 6; ++i) {
    auto packet = ReceiveRtp(far);
    ASSERT_TRUE(packet) << "frame " << i;
    EXPECT_EQ(packet->payload.size(), 160u);
    audio.insert(audio.end(), packet->payload.begin(), packet->payload.end());
    packets.push_back(*packet);
  }
  ASSERT_TRUE(events_.WaitPlayed(1));
  EXPECT_THAT(events_.played(), ElementsAre(1u));

  std::vector<std::uint8_t> expected = prompt->pcmu;
  expected.resize(6 * 160, 0xFF);  // the last frame is filled up with µ-law silence
  EXPECT_EQ(audio, expected);
  for (std::size_t i = 0; i < packets.size(); ++i) {
    EXPECT_EQ(packets[i].header.payload_type, 0);
    EXPECT_EQ(packets[i].header.marker, i == 0);
    EXPECT_EQ(packets[i].header.ssrc, packets[0].header.ssrc);
    EXPECT_EQ(packets[i].header.sequence,
              static_cast<std::uint16_t>(packets[0].header.sequence + i));
    EXPECT_EQ(packets[i].header.timestamp, packets[0].header.timestamp + 160 * i);
  }
  EXPECT_TRUE(far.Quiet(100));
}

TEST_F(MediaEngineTest, SendsTheAlawEncodingToAnAlawLeg) {
  FarEnd far;
  Open(1);
  engine_->SetRemote(1, far.Remote(Codec::kPcma));
  PromptRef prompt = MakePrompt(320);
  engine_->Play(1, prompt);
  auto first = ReceiveRtp(far);
  auto second = ReceiveRtp(far);
  ASSERT_TRUE(first && second);
  EXPECT_EQ(first->header.payload_type, 8);
  std::vector<std::uint8_t> audio = first->payload;
  audio.insert(audio.end(), second->payload.begin(), second->payload.end());
  EXPECT_EQ(audio, prompt->pcma);
  ASSERT_TRUE(events_.WaitPlayed(1));
}

TEST_F(MediaEngineTest, StoppedPromptIsNotReportedPlayed) {
  FarEnd far;
  Open(1);
  engine_->SetRemote(1, far.Remote());
  engine_->Play(1, MakePrompt(160 * 500));
  ASSERT_TRUE(ReceiveRtp(far));
  engine_->StopPlaying(1);
  Flush();
  engine_->Play(1, MakePrompt(160));
  ASSERT_TRUE(events_.WaitPlayed(1));
  EXPECT_THAT(events_.played(), ElementsAre(1u));
}

TEST_F(MediaEngineTest, BridgeStopsPromptsOnBothLegs) {
  FarEnd far_a;
  FarEnd far_b;
  Open(1);
  Open(2);
  engine_->SetRemote(1, far_a.Remote());
  engine_->SetRemote(2, far_b.Remote());
  engine_->Play(1, MakePrompt(160 * 500));
  engine_->Play(2, MakePrompt(160 * 500));
  ASSERT_TRUE(ReceiveRtp(far_a));
  ASSERT_TRUE(ReceiveRtp(far_b));
  engine_->Bridge(1, 2);
  Flush();
  // What was sent before the bridge may still be queued; after that, nothing more comes.
  for (const FarEnd* far : {&far_a, &far_b}) {
    int drained = 0;
    while (!far->Quiet(200) && drained < 100) {
      ASSERT_TRUE(far->Receive());
      ++drained;
    }
    EXPECT_LT(drained, 100);
  }
  EXPECT_TRUE(events_.played().empty());
}

TEST_F(MediaEngineTest, UnbridgedLegsNoLongerForward) {
  FarEnd far_a;
  FarEnd far_b;
  int port_a = Open(1);
  Open(2);
  engine_->SetRemote(1, far_a.Remote());
  engine_->SetRemote(2, far_b.Remote());
  engine_->Bridge(1, 2);
  engine_->Unbridge(2);
  Flush();
  far_a.SendTo(port_a, Rtp(RtpHeader{0, true, 1, 0, 0xA}, Pattern(160, 0)));
  SendDigitAndWait(far_a, port_a, '3', 160, 2);  // the audio before it has been handled
  EXPECT_TRUE(far_b.Quiet(100));
  EXPECT_EQ(engine_->Stats().unheard, 1u) << "the audio nobody heard is counted";
}

TEST(MediaEngineCallbackTest, OpenLegFromACallbackRunsOnTheMediaThread) {
  CollectingEvents events;
  std::unique_ptr<MediaEngine> engine;
  std::optional<base::Result<int>> opened;
  events.on_played = [&](LegId) { opened = engine->OpenLeg(77); };
  auto started = MediaEngine::Start(MediaConfig{"127.0.0.1", 42000, 42999}, &events);
  ASSERT_TRUE(started.ok());
  engine = std::move(started).value();
  ASSERT_TRUE(engine->OpenLeg(1).ok());
  engine->Play(1, MakePrompt(160));
  ASSERT_TRUE(events.WaitPlayed(1));  // no deadlock: OpenLeg did not wait for its own thread
  ASSERT_TRUE(opened.has_value());
  EXPECT_TRUE(opened->ok()) << opened->status().ToString();
  engine.reset();
}

TEST_F(MediaEngineTest, ReportsEachRfc4733DigitOnce) {
  FarEnd far;
  int port = Open(1);
  engine_->SetRemote(1, far.Remote());
  Flush();
  SendDigitAndWait(far, port, '5', 8000, 10);
  SendDigitAndWait(far, port, '#', 16000, 20);
  // The second digit was reported after every packet of the first had been handled.
  EXPECT_THAT(events_.digits(),
              ElementsAre(std::pair<LegId, char>{1, '5'}, std::pair<LegId, char>{1, '#'}));
}

TEST_F(MediaEngineTest, BridgeForwardsAudioWithTheOtherLegsStream) {
  FarEnd far_a;
  FarEnd far_b;
  int port_a = Open(1);
  Open(2);
  engine_->SetRemote(1, far_a.Remote(Codec::kPcmu));
  engine_->SetRemote(2, far_b.Remote(Codec::kPcmu));
  // A one-frame prompt shows leg 2's own SSRC, sequence and timestamp.
  engine_->Play(2, MakePrompt(160));
  auto prompt_frame = ReceiveRtp(far_b);
  ASSERT_TRUE(prompt_frame);
  ASSERT_TRUE(events_.WaitPlayed(1));
  engine_->Bridge(1, 2);
  Flush();

  for (std::uint16_t i = 0; i < 3; ++i) {
    far_a.SendTo(port_a, Rtp(RtpHeader{0, i == 0, static_cast<std::uint16_t>(500 + i * 2),
                                       90000u + 160u * i, 0xA0A0A0A0},
                             Pattern(160, i)));
  }
  for (std::uint32_t i = 0; i < 3; ++i) {
    auto packet = ReceiveRtp(far_b);
    ASSERT_TRUE(packet) << i;
    EXPECT_EQ(packet->header.ssrc, prompt_frame->header.ssrc);
    EXPECT_EQ(packet->header.payload_type, 0);
    EXPECT_EQ(packet->header.sequence,
              static_cast<std::uint16_t>(prompt_frame->header.sequence + 1 + i));
    EXPECT_EQ(packet->header.timestamp, prompt_frame->header.timestamp + 160 * (1 + i));
    EXPECT_EQ(packet->header.marker, i == 0);
    EXPECT_EQ(packet->payload, Pattern(160, static_cast<int>(i)));
  }
}

// More packets than one receive batch (and than one wake-up takes) arrive together: every one is
// forwarded, in order, each with its own payload.
TEST_F(MediaEngineTest, BridgeForwardsABurstLargerThanAReceiveBatchInOrder) {
  FarEnd far_a;
  FarEnd far_b;
  int port_a = Open(1);
  Open(2);
  engine_->SetRemote(1, far_a.Remote(Codec::kPcmu));
  engine_->SetRemote(2, far_b.Remote(Codec::kPcmu));
  engine_->Bridge(1, 2);
  Flush();
  constexpr int kBurst = 100;
  for (int i = 0; i < kBurst; ++i) {
    far_a.SendTo(port_a, Rtp(RtpHeader{0, false, static_cast<std::uint16_t>(i),
                                       160u * static_cast<std::uint32_t>(i), 0xB},
                             Pattern(160, i)));
  }
  std::optional<std::uint16_t> first_sequence;
  for (int i = 0; i < kBurst; ++i) {
    auto packet = ReceiveRtp(far_b);
    ASSERT_TRUE(packet) << i;
    if (!first_sequence) first_sequence = packet->header.sequence;
    EXPECT_EQ(packet->header.sequence, static_cast<std::uint16_t>(*first_sequence + i));
    EXPECT_EQ(packet->payload, Pattern(160, i)) << i;
  }
  EXPECT_EQ(engine_->Stats().packets_received, static_cast<std::uint64_t>(kBurst));
}

TEST_F(MediaEngineTest, BridgeTranscodesBetweenUlawAndAlaw) {
  FarEnd far_a;
  FarEnd far_b;
  int port_a = Open(1);
  int port_b = Open(2);
  engine_->SetRemote(1, far_a.Remote(Codec::kPcmu));
  engine_->SetRemote(2, far_b.Remote(Codec::kPcma));
  engine_->Bridge(1, 2);
  Flush();

  std::vector<std::uint8_t> ulaw = Pattern(160, 3);
  far_a.SendTo(port_a, Rtp(RtpHeader{0, true, 1, 0, 0xA}, ulaw));
  auto at_b = ReceiveRtp(far_b);
  ASSERT_TRUE(at_b);
  EXPECT_EQ(at_b->header.payload_type, 8);
  std::vector<std::uint8_t> expected_alaw;
  for (std::uint8_t code : ulaw) expected_alaw.push_back(UlawToAlaw(code));
  EXPECT_EQ(at_b->payload, expected_alaw);

  std::vector<std::uint8_t> alaw = Pattern(160, 4);
  far_b.SendTo(port_b, Rtp(RtpHeader{8, true, 1, 0, 0xB}, alaw));
  auto at_a = ReceiveRtp(far_a);
  ASSERT_TRUE(at_a);
  EXPECT_EQ(at_a->header.payload_type, 0);
  std::vector<std::uint8_t> expected_ulaw;
  for (std::uint8_t code : alaw) expected_ulaw.push_back(AlawToUlaw(code));
  EXPECT_EQ(at_a->payload, expected_ulaw);
}

TEST_F(MediaEngineTest, BridgeForwardsDigitsWithTheOtherLegsEventType) {
  FarEnd far_a;
  FarEnd far_b;
  int port_a = Open(1);
  Open(2);
  engine_->SetRemote(1, far_a.Remote());
  RemoteMedia remote_b = far_b.Remote();
  remote_b.telephone_event_payload_type = 96;
  engine_->SetRemote(2, remote_b);
  engine_->Bridge(1, 2);
  Flush();
  SendDigitAndWait(far_a, port_a, '7', 4000, 1);
  for (int i = 0; i < 5; ++i) {
    auto packet = ReceiveRtp(far_b);
    ASSERT_TRUE(packet) << i;
    EXPECT_EQ(packet->header.payload_type, 96);
    auto event = ParseTelephoneEvent(packet->payload);
    ASSERT_TRUE(event.ok());
    EXPECT_EQ(event->event, 7);
  }
}

TEST_F(MediaEngineTest, CountsAndDropsMalformedDatagrams) {
  FarEnd far;
  int port = Open(1);
  engine_->SetRemote(1, far.Remote());
  Flush();
  far.SendTo(port, {1, 2, 3});
  far.SendTo(port, std::vector<std::uint8_t>(12, 0x40));  // version 1
  std::vector<std::uint8_t> padded(12, 0);
  padded[0] = 0xA0;
  padded[11] = 200;
  far.SendTo(port, padded);
  far.SendTo(port, Rtp(RtpHeader{kEventPayloadType, false, 1, 1, 1}, {1, 2, 3}));  // 3-byte event
  far.SendTo(port, std::vector<std::uint8_t>(4000, 0x80));  // larger than any RTP we take
  SendDigitAndWait(far, port, '1', 100, 5);
  MediaStats stats = engine_->Stats();
  EXPECT_EQ(stats.malformed_dropped, 5u);
  // The bad event and the digit's packets up to its first end; the two repeated ends may still
  // be on their way when the digit is reported.
  EXPECT_GE(stats.packets_received, 4u);
  EXPECT_LE(stats.packets_received, 6u);
}

TEST(MediaEnginePortsTest, ExhaustedRangeIsUnavailableAndClosingFreesAPort) {
  CollectingEvents events;
  auto engine = MediaEngine::Start(MediaConfig{"127.0.0.1", 43101, 43105}, &events);
  ASSERT_TRUE(engine.ok());
  std::vector<int> ports;
  LegId leg = 1;
  for (; leg <= 3; ++leg) {
    auto port = (*engine)->OpenLeg(leg);
    if (!port.ok()) {
      EXPECT_EQ(port.status().code(), base::StatusCode::kUnavailable) << port.status().ToString();
      break;
    }
    EXPECT_TRUE(*port == 43102 || *port == 43104) << *port;
    ports.push_back(*port);
  }
  ASSERT_FALSE(ports.empty()) << "both ports of the range are taken by other programs";
  ASSERT_LE(ports.size(), 2u);
  EXPECT_EQ((*engine)->OpenLeg(1).status().code(), base::StatusCode::kConflict);
  (*engine)->CloseLeg(1);
  // The media thread closes the socket a moment later; the port is free from then on.
  base::Result<int> reopened = (*engine)->OpenLeg(10);
  for (int attempt = 0; attempt < 200 && !reopened.ok(); ++attempt) {
    poll(nullptr, 0, 10);
    reopened = (*engine)->OpenLeg(10);
  }
  ASSERT_TRUE(reopened.ok()) << reopened.status().ToString();
  EXPECT_EQ(*reopened, ports[0]);
}

TEST(MediaEngineStartTest, RejectsBadConfig) {
  CollectingEvents events;
  EXPECT_EQ(MediaEngine::Start(MediaConfig{"127.0.0.1", 5001, 5001}, &events).status().code(),
            base::StatusCode::kInvalidArgument);
  EXPECT_EQ(MediaEngine::Start(MediaConfig{"localhost", 5000, 5010}, &events).status().code(),
            base::StatusCode::kInvalidArgument);
  EXPECT_EQ(MediaEngine::Start(MediaConfig{}, nullptr).status().code(),
            base::StatusCode::kInvalidArgument);
}

TEST_F(MediaEngineTest, RecordsWhatTheFarEndSendsToAWav) {
  fakes::TempDir dir;
  std::string path = dir.File("call.wav");
  FarEnd far;
  int port = Open(1);
  engine_->SetRemote(1, far.Remote());
  engine_->Record(1, path);
  Flush();
  std::vector<std::uint8_t> first = Pattern(160, 5);
  std::vector<std::uint8_t> second = Pattern(80, 6);
  far.SendTo(port, Rtp(RtpHeader{0, true, 1, 0, 9}, first));
  far.SendTo(port, Rtp(RtpHeader{0, false, 2, 160, 9}, second));
  SendDigitAndWait(far, port, '9', 320, 3);  // both audio packets are handled by now
  engine_->CloseLeg(1);
  engine_.reset();  // joins the media and writer threads: the file is complete

  std::vector<std::uint8_t> ulaw = first;
  ulaw.insert(ulaw.end(), second.begin(), second.end());
  // Stereo: the far end on the left; nothing bridged, so silence on the right.
  std::vector<std::int16_t> frames = Interleave(DecodeUlaw(ulaw), {});
  EXPECT_EQ(testing::ReadFile(path), testing::Wav(1, 2, 8000, 16, testing::Pcm16Bytes(frames)));
}

TEST_F(MediaEngineTest, RecordsBothSidesOfABridgedCallInStereo) {
  fakes::TempDir dir;
  std::string path = dir.File("campaign/bridged.wav");  // the folder is made by the writer
  FarEnd far_a;
  FarEnd far_b;
  int port_a = Open(1);
  int port_b = Open(2);
  engine_->SetRemote(1, far_a.Remote());
  engine_->SetRemote(2, far_b.Remote(Codec::kPcma));
  engine_->Bridge(1, 2);
  engine_->Record(1, path);
  Flush();
  std::vector<std::uint8_t> said_a = Pattern(160, 3);
  std::vector<std::uint8_t> said_b = Pattern(160, 4);
  far_a.SendTo(port_a, Rtp(RtpHeader{0, true, 1, 0, 0xA}, said_a));
  SendDigitAndWait(far_a, port_a, '1', 160, 2);
  far_b.SendTo(port_b, Rtp(RtpHeader{8, true, 1, 0, 0xB}, said_b));
  SendDigitAndWait(far_b, port_b, '2', 160, 2);
  engine_->StopRecording(1);
  far_a.SendTo(port_a, Rtp(RtpHeader{0, false, 7, 480, 0xA}, Pattern(160, 5)));  // not recorded
  SendDigitAndWait(far_a, port_a, '3', 640, 8);
  engine_.reset();

  std::vector<std::int16_t> frames = Interleave(DecodeUlaw(said_a), DecodeAlaw(said_b));
  EXPECT_EQ(testing::ReadFile(path), testing::Wav(1, 2, 8000, 16, testing::Pcm16Bytes(frames)));
}

TEST_F(MediaEngineTest, AFileThatCannotBeCreatedLeavesTheCallGoingUnrecorded) {
  fakes::TempDir dir;
  std::string blocker = dir.File("file");
  testing::WriteFile(blocker, {1});
  FarEnd far;
  int port = Open(1);
  engine_->SetRemote(1, far.Remote());
  engine_->Record(1, blocker + "/under-a-file.wav");
  Flush();
  far.SendTo(port, Rtp(RtpHeader{0, true, 1, 0, 9}, Pattern(160, 5)));
  SendDigitAndWait(far, port, '4', 160, 2);  // the engine runs on
  ASSERT_TRUE(events_.WaitRecordingFailed());
  std::vector<std::pair<LegId, std::string>> failed = events_.failed_recordings();
  ASSERT_EQ(failed.size(), 1u);
  EXPECT_EQ(failed[0].first, 1u);
  EXPECT_NE(failed[0].second.find("under-a-file.wav"), std::string::npos) << failed[0].second;
  engine_.reset();
  EXPECT_EQ(testing::ReadFile(blocker), std::vector<std::uint8_t>{1});
}

}  // namespace
}  // namespace telephony::rtp
