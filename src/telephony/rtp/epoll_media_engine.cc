#include "telephony/rtp/epoll_media_engine.h"

#include <sys/epoll.h>
#include <sys/eventfd.h>
#include <sys/socket.h>
#include <sys/timerfd.h>
#include <unistd.h>

#include <algorithm>
#include <array>
#include <cerrno>
#include <cstring>
#include <string>
#include <utility>

#include "base/logging.h"
#include "telephony/rtp/g711.h"
#include "telephony/rtp/rtp_socket.h"
#include "telephony/rtp/telephone_event.h"

namespace telephony::rtp {
namespace {

constexpr std::size_t kFrameSamples = 160;  // 20 ms at 8 kHz, one byte per sample in G.711
constexpr long kFrameNanoseconds = 20'000'000;
constexpr int kMaxEvents = 64;
// Bounded so that one flooded socket cannot starve the timer and the other legs.
constexpr int kMaxDatagramsPerWakeup = 64;
constexpr std::size_t kMaxDatagram = 2048;
constexpr std::uint8_t kUlawSilence = 0xFF;
constexpr std::uint8_t kAlawSilence = 0xD5;

std::string Errno(const char* what) { return std::string(what) + ": " + std::strerror(errno); }

std::optional<Codec> StaticCodec(int payload_type) {
  if (payload_type == 0) return Codec::kPcmu;
  if (payload_type == 8) return Codec::kPcma;
  return std::nullopt;
}

std::vector<std::int16_t> Decode(std::span<const std::uint8_t> payload, Codec codec) {
  return codec == Codec::kPcmu ? DecodeUlaw(payload) : DecodeAlaw(payload);
}

base::Status AddToEpoll(int epoll_fd, int fd) {
  epoll_event event{};
  event.events = EPOLLIN;
  event.data.fd = fd;
  if (epoll_ctl(epoll_fd, EPOLL_CTL_ADD, fd, &event) != 0) {
    return base::Unavailable(Errno("epoll_ctl"));
  }
  return base::OkStatus();
}

int FirstEvenPort(int low) { return low % 2 == 0 ? low : low + 1; }

}  // namespace

base::Result<std::unique_ptr<MediaEngine>> EpollMediaEngine::Create(const MediaConfig& config,
                                                                    MediaEvents* events) {
  if (events == nullptr) return base::InvalidArgument("media engine: no MediaEvents");
  if (config.port_low < 1 || config.port_high > 65535 ||
      FirstEvenPort(config.port_low) > config.port_high) {
    return base::InvalidArgument("media engine: no even port in [" +
                                 std::to_string(config.port_low) + ", " +
                                 std::to_string(config.port_high) + "]");
  }
  auto address = Ipv4Address(config.address, 0);
  if (!address.ok()) return address.status().WithContext("media engine");
  std::unique_ptr<EpollMediaEngine> engine(new EpollMediaEngine(config, events, address->sin_addr));
  JS_RETURN_IF_ERROR(engine->Init().WithContext("media engine"));
  return std::unique_ptr<MediaEngine>(std::move(engine));
}

EpollMediaEngine::EpollMediaEngine(const MediaConfig& config, MediaEvents* events, in_addr address)
    : config_(config),
      events_(events),
      address_(address),
      random_(std::random_device{}()),
      sender_(DatagramSender::Create(config.batch_sends ? DatagramSender::Kind::kBatched
                                                        : DatagramSender::Kind::kOneByOne)),
      next_port_(FirstEvenPort(config.port_low)) {}

base::Status EpollMediaEngine::Init() {
  for (std::size_t i = 0; i < receive_headers_.size(); ++i) {
    receive_parts_[i] = {receive_buffers_[i].data(), receive_buffers_[i].size()};
    receive_headers_[i].msg_hdr.msg_iov = &receive_parts_[i];
    receive_headers_[i].msg_hdr.msg_iovlen = 1;
  }
  epoll_fd_ = epoll_create1(EPOLL_CLOEXEC);
  if (epoll_fd_ < 0) return base::Unavailable(Errno("epoll_create1"));
  event_fd_ = eventfd(0, EFD_NONBLOCK | EFD_CLOEXEC);
  if (event_fd_ < 0) return base::Unavailable(Errno("eventfd"));
  timer_fd_ = timerfd_create(CLOCK_MONOTONIC, TFD_NONBLOCK | TFD_CLOEXEC);
  if (timer_fd_ < 0) return base::Unavailable(Errno("timerfd_create"));
  JS_RETURN_IF_ERROR(AddToEpoll(epoll_fd_, event_fd_));
  JS_RETURN_IF_ERROR(AddToEpoll(epoll_fd_, timer_fd_));
  thread_ = std::thread([this] { Run(); });
  return base::OkStatus();
}

EpollMediaEngine::~EpollMediaEngine() {
  if (thread_.joinable()) {
    Post([this] { running_ = false; });
    thread_.join();
  }
  // The media thread is gone: its state may be touched here.
  FlushSends();
  for (auto& [id, leg] : legs_) {
    EndRecording(*leg);
    close(leg->fd);
  }
  for (int fd : {timer_fd_, event_fd_, epoll_fd_}) {
    if (fd >= 0) close(fd);
  }
}  // recorder_ then finishes every file and joins its writer thread

// --- Commands, from any thread ---

void EpollMediaEngine::Post(std::function<void()> command) {
  {
    std::lock_guard lock(mutex_);
    commands_.push_back(std::move(command));
  }
  std::uint64_t one = 1;
  // Fails only when the counter would overflow, and then the thread is awake anyway.
  (void)!write(event_fd_, &one, sizeof(one));
}

base::Result<int> EpollMediaEngine::OpenLeg(LegId leg) {
  base::Result<std::pair<int, int>> reserved = ReservePort(leg);
  if (!reserved.ok()) return reserved.status();
  auto [fd, port] = *reserved;
  Post([this, leg, fd = fd, port = port] { AttachLeg(leg, fd, port); });
  return port;
}

void EpollMediaEngine::SetRemote(LegId leg, const RemoteMedia& remote) {
  Post([this, leg, remote] { DoSetRemote(leg, remote); });
}

void EpollMediaEngine::Play(LegId leg, PromptRef prompt) {
  Post([this, leg, prompt = std::move(prompt)] { DoPlay(leg, prompt); });
}

void EpollMediaEngine::StopPlaying(LegId leg) {
  Post([this, leg] {
    if (MediaLeg* found = Find(leg)) StopPrompt(*found);
    UpdateTimer();
  });
}

void EpollMediaEngine::Bridge(LegId a, LegId b) {
  Post([this, a, b] { DoBridge(a, b); });
}

void EpollMediaEngine::Unbridge(LegId leg) {
  Post([this, leg] { DoUnbridge(leg); });
}

void EpollMediaEngine::Record(LegId leg, const std::string& wav_path) {
  Post([this, leg, wav_path] { DoRecord(leg, wav_path); });
}

void EpollMediaEngine::StopRecording(LegId leg) {
  Post([this, leg] { DoStopRecording(leg); });
}

void EpollMediaEngine::CloseLeg(LegId leg) {
  Post([this, leg] { DoCloseLeg(leg); });
}

MediaStats EpollMediaEngine::Stats() const {
  return MediaStats{packets_received_.load(), packets_sent_.load(), malformed_dropped_.load(),
                    other_dropped_.load(), unheard_.load()};
}

// --- The media thread ---

void EpollMediaEngine::Run() {
  std::array<epoll_event, kMaxEvents> ready{};
  while (running_) {
    int count = epoll_wait(epoll_fd_, ready.data(), kMaxEvents, -1);
    if (count < 0) {
      if (errno == EINTR) continue;
      JS_LOG(kError) << "media engine: " << Errno("epoll_wait") << "; media thread stops";
      return;
    }
    for (int i = 0; i < count && running_; ++i) {
      int fd = ready[i].data.fd;
      if (fd == event_fd_) {
        RunCommands();
      } else if (fd == timer_fd_) {
        OnTimer();
      } else {
        OnReadable(fd);
      }
    }
    // Everything this wake-up sent (a tick's prompt frames, the packets it forwarded) goes out
    // together before the thread sleeps again.
    FlushSends();
  }
}

void EpollMediaEngine::RunCommands() {
  std::uint64_t count = 0;
  (void)!read(event_fd_, &count, sizeof(count));
  std::vector<std::function<void()>> commands;
  {
    std::lock_guard lock(mutex_);
    commands.swap(commands_);
  }
  for (auto& command : commands) {
    if (running_) command();
  }
}

void EpollMediaEngine::OnTimer() {
  std::uint64_t expirations = 0;
  if (read(timer_fd_, &expirations, sizeof(expirations)) != sizeof(expirations)) return;
  // Several expirations mean the thread was late: send that many frames to keep the cadence.
  std::vector<LegId> finished;
  for (LegId id : playing_) {
    MediaLeg& leg = *legs_.at(id);
    for (std::uint64_t i = 0; i < expirations && leg.prompt; ++i) {
      if (SendPromptFrame(leg)) finished.push_back(id);
    }
  }
  for (LegId id : finished) playing_.erase(id);
  UpdateTimer();
  // Reported after the loop: a callback may open a leg, which changes legs_.
  for (LegId id : finished) events_->OnPlayed(id);
}

bool EpollMediaEngine::SendPromptFrame(MediaLeg& leg) {
  std::array<std::uint8_t, kFrameSamples> frame{};
  // Before SetRemote there is nowhere to send: the prompt still runs its course in time.
  Codec codec = leg.remote ? leg.remote->codec : Codec::kPcmu;
  const std::vector<std::uint8_t>& audio =
      codec == Codec::kPcmu ? leg.prompt->pcmu : leg.prompt->pcma;
  std::size_t count = std::min(kFrameSamples, audio.size() - leg.prompt_position);
  auto start = audio.begin() + static_cast<std::ptrdiff_t>(leg.prompt_position);
  std::copy(start, start + static_cast<std::ptrdiff_t>(count), frame.begin());
  std::fill(frame.begin() + static_cast<std::ptrdiff_t>(count), frame.end(),
            codec == Codec::kPcmu ? kUlawSilence : kAlawSilence);
  leg.prompt_position += count;
  if (leg.remote) {
    RtpHeader header{static_cast<std::uint8_t>(leg.remote->payload_type), leg.marker_next,
                     leg.sequence++, leg.timestamp, leg.ssrc};
    leg.marker_next = false;
    Send(leg, header, frame);
  }
  leg.timestamp += kFrameSamples;
  if (leg.prompt_position < audio.size()) return false;
  leg.prompt.reset();
  leg.marker_next = true;
  return true;
}

void EpollMediaEngine::Send(MediaLeg& leg, const RtpHeader& header,
                            std::span<const std::uint8_t> payload) {
  std::array<std::uint8_t, kMaxDatagram> buffer{};
  std::size_t size = WriteRtp(header, payload, buffer);
  if (size == 0) {
    ++other_dropped_;
    return;
  }
  sender_->Queue(leg.fd, leg.remote_address, std::span(buffer.data(), size));
}

// A full socket buffer drops a frame, as the network would.
void EpollMediaEngine::FlushSends() {
  SendCounts counts = sender_->Flush();
  packets_sent_ += counts.sent;
  other_dropped_ += counts.dropped;
}

// One recvmmsg takes what the socket holds, up to a batch: a socket with one packet waiting
// costs one system call, where recv took a second one to learn that it was drained.
void EpollMediaEngine::OnReadable(int fd) {
  auto found = leg_of_fd_.find(fd);
  if (found == leg_of_fd_.end()) return;
  // Stays valid through the callbacks below: they can open legs (inline) but closing is queued.
  MediaLeg* leg = Find(found->second);
  if (leg == nullptr) return;
  for (int taken = 0; taken < kMaxDatagramsPerWakeup;) {
    int count = recvmmsg(fd, receive_headers_.data(), kReceiveBatch, MSG_DONTWAIT, nullptr);
    if (count <= 0) return;  // drained (errors, e.g. ICMP refusals, likewise)
    for (int i = 0; i < count; ++i) {
      const mmsghdr& received = receive_headers_[static_cast<std::size_t>(i)];
      if ((received.msg_hdr.msg_flags & MSG_TRUNC) != 0) {  // larger than any RTP we take
        ++malformed_dropped_;
        continue;
      }
      OnDatagram(*leg,
                 std::span(receive_buffers_[static_cast<std::size_t>(i)].data(), received.msg_len));
    }
    if (count < kReceiveBatch) return;
    taken += count;
  }
}

void EpollMediaEngine::OnDatagram(MediaLeg& leg, std::span<const std::uint8_t> datagram) {
  auto packet = ParseRtp(datagram);
  if (!packet.ok()) {
    ++malformed_dropped_;
    return;
  }
  ++packets_received_;
  int payload_type = packet->header.payload_type;
  if (leg.remote && payload_type == leg.remote->telephone_event_payload_type) {
    OnTelephoneEvent(leg, *packet);
    return;
  }
  std::optional<Codec> codec = StaticCodec(payload_type);
  if (leg.remote && payload_type == leg.remote->payload_type) codec = leg.remote->codec;
  if (!codec) {
    ++other_dropped_;
    return;
  }
  OnAudio(leg, *packet, *codec);
}

void EpollMediaEngine::OnTelephoneEvent(MediaLeg& leg, const RtpPacket& packet) {
  auto event = ParseTelephoneEvent(packet.payload);
  if (!event.ok()) {
    ++malformed_dropped_;
    return;
  }
  if (MediaLeg* other = Find(leg.bridged_to);
      other != nullptr && other->remote && other->remote->telephone_event_payload_type >= 0) {
    Forward(*other, packet, packet.payload, other->remote->telephone_event_payload_type, false);
  }
  // The end packet is sent three times, all with the event's timestamp: report the first.
  if (!event->end || leg.last_event_timestamp == packet.header.timestamp) return;
  leg.last_event_timestamp = packet.header.timestamp;
  if (std::optional<char> digit = DigitOfEvent(event->event)) events_->OnDigit(leg.id, *digit);
}

void EpollMediaEngine::OnAudio(MediaLeg& leg, const RtpPacket& packet, Codec codec) {
  MediaLeg* other = Find(leg.bridged_to);
  // Only decoded samples are queued here; the recorder's writer thread touches the disk.
  bool heard_by_recording = other != nullptr && other->recording;
  if (leg.recording || heard_by_recording) {
    std::vector<std::int16_t> samples = Decode(packet.payload, codec);
    if (heard_by_recording) recorder_.Append(*other->recording, samples, 1);
    if (leg.recording) recorder_.Append(*leg.recording, std::move(samples), 0);
  }
  // A prompt playing on the other leg (Play after Bridge) has the floor.
  if (other == nullptr || !other->remote || other->prompt) {
    ++unheard_;
    return;
  }
  if (other->remote->codec == codec) {
    Forward(*other, packet, packet.payload, other->remote->payload_type, true);
    return;
  }
  std::vector<std::uint8_t> transcoded(packet.payload.begin(), packet.payload.end());
  auto convert = codec == Codec::kPcmu ? UlawToAlaw : AlawToUlaw;
  std::transform(transcoded.begin(), transcoded.end(), transcoded.begin(), convert);
  Forward(*other, packet, transcoded, other->remote->payload_type, true);
}

void EpollMediaEngine::Forward(MediaLeg& to, const RtpPacket& packet,
                               std::span<const std::uint8_t> payload, int payload_type,
                               bool audio) {
  if (!to.forward_offset) {
    to.forward_offset = to.timestamp - packet.header.timestamp;
    to.marker_next = true;
  }
  RtpHeader header{static_cast<std::uint8_t>(payload_type), to.marker_next || packet.header.marker,
                   to.sequence++, packet.header.timestamp + *to.forward_offset, to.ssrc};
  to.marker_next = false;
  Send(to, header, payload);
  // G.711 has one sample per byte; an event's timestamp is its start, not its end.
  if (audio) to.timestamp = header.timestamp + static_cast<std::uint32_t>(payload.size());
}

// --- Commands, run on the media thread ---

base::Result<std::pair<int, int>> EpollMediaEngine::ReservePort(LegId id) {
  if (id == 0) return base::InvalidArgument("media leg 0 is invalid");
  std::lock_guard lock(ports_mutex_);
  if (open_ids_.contains(id)) {
    return base::Conflict("media leg " + std::to_string(id) + " is already open");
  }
  int first = FirstEvenPort(config_.port_low);
  int slots = (config_.port_high - first) / 2 + 1;
  for (int tried = 0; tried < slots; ++tried) {
    int port = next_port_;
    next_port_ = port + 2 > config_.port_high ? first : port + 2;
    if (used_ports_.contains(port)) continue;
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_addr = address_;
    address.sin_port = htons(static_cast<std::uint16_t>(port));
    auto fd = OpenUdpSocket(address);
    if (!fd.ok()) {
      if (fd.status().code() == base::StatusCode::kConflict) continue;  // another process has it
      return fd.status().WithContext("media leg " + std::to_string(id));
    }
    used_ports_.insert(port);
    open_ids_.insert(id);
    return std::pair{*fd, port};
  }
  return base::Unavailable("media leg " + std::to_string(id) + ": no free even port in [" +
                           std::to_string(config_.port_low) + ", " +
                           std::to_string(config_.port_high) + "]");
}

void EpollMediaEngine::ReleasePort(LegId id, int port) {
  std::lock_guard lock(ports_mutex_);
  used_ports_.erase(port);
  open_ids_.erase(id);
}

void EpollMediaEngine::AttachLeg(LegId id, int fd, int port) {
  if (base::Status added = AddToEpoll(epoll_fd_, fd); !added.ok()) {
    JS_LOG(kError) << "media leg " << id << ": " << added.message() << "; the leg is silent";
    close(fd);
    ReleasePort(id, port);
    return;
  }
  auto leg = std::make_unique<MediaLeg>();
  leg->id = id;
  leg->fd = fd;
  leg->port = port;
  leg->ssrc = static_cast<std::uint32_t>(random_());
  leg->sequence = static_cast<std::uint16_t>(random_());
  leg->timestamp = static_cast<std::uint32_t>(random_());
  leg_of_fd_[fd] = id;
  legs_[id] = std::move(leg);
}

void EpollMediaEngine::DoSetRemote(LegId id, const RemoteMedia& remote) {
  MediaLeg* leg = Find(id);
  if (leg == nullptr) return;
  auto address = Ipv4Address(remote.address, remote.port);
  if (!address.ok()) {
    JS_LOG(kWarning) << "media leg " << id << ": " << address.status().ToString();
    return;
  }
  leg->remote = remote;
  leg->remote_address = *address;
}

void EpollMediaEngine::DoPlay(LegId id, PromptRef prompt) {
  MediaLeg* leg = Find(id);
  if (leg == nullptr || prompt == nullptr) return;
  leg->prompt = std::move(prompt);
  playing_.insert(id);
  leg->prompt_position = 0;
  leg->marker_next = true;
  leg->forward_offset.reset();  // forwarded audio resumes after the prompt's timestamps
  UpdateTimer();
}

void EpollMediaEngine::StopPrompt(MediaLeg& leg) {
  if (!leg.prompt) return;
  leg.prompt.reset();
  playing_.erase(leg.id);
  leg.marker_next = true;
}

void EpollMediaEngine::DoBridge(LegId a, LegId b) {
  MediaLeg* leg_a = Find(a);
  MediaLeg* leg_b = Find(b);
  if (leg_a == nullptr || leg_b == nullptr || a == b) return;
  DoUnbridge(a);
  DoUnbridge(b);
  for (MediaLeg* leg : {leg_a, leg_b}) {
    StopPrompt(*leg);
    leg->forward_offset.reset();
  }
  leg_a->bridged_to = b;
  leg_b->bridged_to = a;
  UpdateTimer();
}

void EpollMediaEngine::DoUnbridge(LegId id) {
  MediaLeg* leg = Find(id);
  if (leg == nullptr) return;
  if (MediaLeg* other = Find(leg->bridged_to)) other->bridged_to = 0;
  leg->bridged_to = 0;
}

void EpollMediaEngine::DoRecord(LegId id, const std::string& path) {
  MediaLeg* leg = Find(id);
  if (leg == nullptr) return;
  EndRecording(*leg);
  leg->recording = recorder_.Begin(
      path, 2, [this, id](const std::string& reason) { events_->OnRecordingFailed(id, reason); });
}

void EpollMediaEngine::DoStopRecording(LegId id) {
  if (MediaLeg* leg = Find(id)) EndRecording(*leg);
}

void EpollMediaEngine::EndRecording(MediaLeg& leg) {
  if (!leg.recording) return;
  recorder_.End(*leg.recording);
  leg.recording.reset();
}

void EpollMediaEngine::DoCloseLeg(LegId id) {
  MediaLeg* leg = Find(id);
  if (leg == nullptr) return;
  DoUnbridge(id);
  StopPrompt(*leg);
  EndRecording(*leg);
  epoll_ctl(epoll_fd_, EPOLL_CTL_DEL, leg->fd, nullptr);
  FlushSends();  // what is queued for this socket goes out before its descriptor is reused
  close(leg->fd);
  leg_of_fd_.erase(leg->fd);
  ReleasePort(id, leg->port);
  legs_.erase(id);
  UpdateTimer();
}

void EpollMediaEngine::UpdateTimer() {
  bool playing = !playing_.empty();
  if (playing == timer_armed_) return;
  itimerspec spec{};
  if (playing) {
    spec.it_value.tv_nsec = kFrameNanoseconds;
    spec.it_interval.tv_nsec = kFrameNanoseconds;
  }
  if (timerfd_settime(timer_fd_, 0, &spec, nullptr) != 0) {
    JS_LOG(kError) << "media engine: " << Errno("timerfd_settime");
    return;
  }
  timer_armed_ = playing;
}

MediaLeg* EpollMediaEngine::Find(LegId id) {
  if (id == 0) return nullptr;
  auto it = legs_.find(id);
  return it == legs_.end() ? nullptr : it->second.get();
}

}  // namespace telephony::rtp
