#pragma once

#include <netinet/in.h>
#include <sys/socket.h>

#include <array>
#include <atomic>
#include <cstdint>
#include <functional>
#include <memory>
#include <mutex>
#include <random>
#include <set>
#include <span>
#include <thread>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "telephony/rtp/datagram_sender.h"
#include "telephony/rtp/media_engine.h"
#include "telephony/rtp/media_leg.h"
#include "telephony/rtp/recorder.h"
#include "telephony/rtp/rtp_packet.h"

namespace telephony::rtp {

// MediaEngine on one epoll thread. Public methods queue a command (a closure) and wake the
// thread through an eventfd; OpenLeg waits for its command's result, or runs it at once when
// called on the media thread (from a MediaEvents callback). Legs, ports and timers are touched
// only by the media thread. A 20 ms timerfd, armed while any leg plays, paces the prompts.
class EpollMediaEngine final : public MediaEngine {
 public:
  static base::Result<std::unique_ptr<MediaEngine>> Create(const MediaConfig& config,
                                                           MediaEvents* events);
  ~EpollMediaEngine() override;
  EpollMediaEngine(const EpollMediaEngine&) = delete;
  EpollMediaEngine& operator=(const EpollMediaEngine&) = delete;

  base::Result<int> OpenLeg(LegId leg) override;
  void SetRemote(LegId leg, const RemoteMedia& remote) override;
  void Play(LegId leg, PromptRef prompt) override;
  void StopPlaying(LegId leg) override;
  void Bridge(LegId a, LegId b) override;
  void Unbridge(LegId leg) override;
  void Record(LegId leg, const std::string& wav_path) override;
  void StopRecording(LegId leg) override;
  void CloseLeg(LegId leg) override;
  MediaStats Stats() const override;

 private:
  EpollMediaEngine(const MediaConfig& config, MediaEvents* events, in_addr address);
  base::Status Init();
  void Post(std::function<void()> command);

  // Media thread.
  void Run();
  void RunCommands();
  void OnTimer();
  void OnReadable(int fd);
  void OnDatagram(MediaLeg& leg, std::span<const std::uint8_t> datagram);
  void OnTelephoneEvent(MediaLeg& leg, const RtpPacket& packet);
  void OnAudio(MediaLeg& leg, const RtpPacket& packet, Codec codec);
  void Forward(MediaLeg& to, const RtpPacket& packet, std::span<const std::uint8_t> payload,
               int payload_type, bool audio);
  bool SendPromptFrame(MediaLeg& leg);  // true when the prompt has ended
  // Queues a packet; FlushSends, at the end of each wake-up, sends what is queued.
  void Send(MediaLeg& leg, const RtpHeader& header, std::span<const std::uint8_t> payload);
  void FlushSends();
  // Binds a socket for `id` on the calling thread; the media thread adopts it (AttachLeg).
  base::Result<std::pair<int, int>> ReservePort(LegId id);  // {fd, port}
  void ReleasePort(LegId id, int port);
  void AttachLeg(LegId id, int fd, int port);
  void DoSetRemote(LegId id, const RemoteMedia& remote);
  void DoPlay(LegId id, PromptRef prompt);
  void DoBridge(LegId a, LegId b);
  void DoUnbridge(LegId id);
  void DoRecord(LegId id, const std::string& path);
  void DoStopRecording(LegId id);
  void DoCloseLeg(LegId id);
  void StopPrompt(MediaLeg& leg);
  void EndRecording(MediaLeg& leg);
  void UpdateTimer();
  MediaLeg* Find(LegId id);

  const MediaConfig config_;
  MediaEvents* const events_;
  const in_addr address_;
  int epoll_fd_ = -1;
  int event_fd_ = -1;
  int timer_fd_ = -1;

  std::mutex mutex_;
  std::vector<std::function<void()>> commands_;  // guarded by mutex_

  // Media thread only.
  bool running_ = true;
  bool timer_armed_ = false;
  std::unordered_map<LegId, std::unique_ptr<MediaLeg>> legs_;
  std::unordered_map<int, LegId> leg_of_fd_;
  std::unordered_set<LegId> playing_;  // the legs with a prompt, which the timer paces
  std::mt19937 random_;
  std::unique_ptr<DatagramSender> sender_;

  // Ports are handed out on the caller's thread (OpenLeg must not wait for the media thread,
  // which may be busy sending a tick's frames), so they have their own lock.
  std::mutex ports_mutex_;
  std::set<int> used_ports_;            // guarded by ports_mutex_
  std::unordered_set<LegId> open_ids_;  // guarded by ports_mutex_
  int next_port_ = 0;                   // guarded by ports_mutex_

  std::atomic<std::uint64_t> packets_received_{0};
  std::atomic<std::uint64_t> packets_sent_{0};
  std::atomic<std::uint64_t> malformed_dropped_{0};
  std::atomic<std::uint64_t> other_dropped_{0};
  std::atomic<std::uint64_t> unheard_{0};

  // OnReadable's datagrams, received a batch at a time (media thread only).
  static constexpr int kReceiveBatch = 8;
  std::array<std::array<std::uint8_t, DatagramSender::kMaxDatagram>, kReceiveBatch>
      receive_buffers_{};
  std::array<iovec, kReceiveBatch> receive_parts_{};
  std::array<mmsghdr, kReceiveBatch> receive_headers_{};

  Recorder recorder_;
  std::thread thread_;  // last: starts after everything it uses exists
};

}  // namespace telephony::rtp
