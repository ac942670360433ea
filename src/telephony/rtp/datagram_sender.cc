#include "telephony/rtp/datagram_sender.h"

#include <sys/socket.h>

#include <utility>

#include "telephony/rtp/uring_datagram_sender.h"

namespace telephony::rtp {
namespace {

// One sendto per datagram, at once: the fallback, and the reference the batched one is tested
// against.
class OneByOneSender final : public DatagramSender {
 public:
  void Queue(int fd, const sockaddr_in& to, std::span<const std::uint8_t> datagram) override {
    SendNow(fd, to, datagram, counts_);
  }

  SendCounts Flush() override { return std::exchange(counts_, SendCounts{}); }

  std::string Describe() const override { return "sendto per datagram"; }

 private:
  SendCounts counts_;
};

}  // namespace

void SendNow(int fd, const sockaddr_in& to, std::span<const std::uint8_t> datagram,
             SendCounts& counts) {
  ssize_t sent = datagram.size() > DatagramSender::kMaxDatagram
                     ? -1
                     : sendto(fd, datagram.data(), datagram.size(), 0,
                              reinterpret_cast<const sockaddr*>(&to), sizeof(to));
  if (sent == static_cast<ssize_t>(datagram.size())) {
    ++counts.sent;
  } else {
    ++counts.dropped;
  }
}

std::unique_ptr<DatagramSender> DatagramSender::Create(Kind wanted) {
  if (wanted == Kind::kBatched) {
    if (std::unique_ptr<DatagramSender> batched = MakeUringDatagramSender()) return batched;
  }
  return std::make_unique<OneByOneSender>();
}

}  // namespace telephony::rtp
