#pragma once

#include <netinet/in.h>

#include <cstdint>
#include <memory>
#include <span>
#include <string>

namespace telephony::rtp {

// How many queued datagrams the kernel took, and how many it refused (a full socket buffer,
// an unreachable port): the media engine's sent and dropped counters.
struct SendCounts {
  std::uint64_t sent = 0;
  std::uint64_t dropped = 0;
};

// One sendto, at once; counted in `counts`.
void SendNow(int fd, const sockaddr_in& to, std::span<const std::uint8_t> datagram,
             SendCounts& counts);

// Sends UDP datagrams for the media thread in batches: Queue copies a datagram, Flush hands
// everything queued to the kernel. Sending a tick's prompt frames, or everything one epoll
// wake-up forwards, then costs one system call instead of one per packet; on this machine that
// more than halves the CPU a packet costs. Used by one thread only.
//
// Rule for the caller: Flush before closing a socket that has datagrams queued, so that no
// queued datagram goes out through a later socket given the same descriptor number.
class DatagramSender {
 public:
  enum class Kind { kBatched, kOneByOne };

  // kBatched uses io_uring and falls back to kOneByOne (sendto per datagram) where the kernel
  // refuses io_uring (old kernels, containers that filter it); Describe() says which one runs.
  static std::unique_ptr<DatagramSender> Create(Kind wanted);
  virtual ~DatagramSender() = default;

  // Datagrams longer than kMaxDatagram are counted dropped.
  static constexpr std::size_t kMaxDatagram = 2048;
  virtual void Queue(int fd, const sockaddr_in& to, std::span<const std::uint8_t> datagram) = 0;
  // Sends what is queued and returns the counts of everything finished since the last Flush.
  virtual SendCounts Flush() = 0;
  virtual std::string Describe() const = 0;
};

}  // namespace telephony::rtp
