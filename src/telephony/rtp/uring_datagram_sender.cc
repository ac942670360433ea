#include "telephony/rtp/uring_datagram_sender.h"

#include <liburing.h>
#include <sys/socket.h>

#include <algorithm>
#include <array>
#include <cstdint>
#include <utility>
#include <vector>

namespace telephony::rtp {
namespace {

// Submission queue entries per io_uring_enter; a full queue is submitted and refilled.
constexpr unsigned kRingEntries = 512;
// Datagrams queued or in the kernel at once. The completion queue (2 x kRingEntries) holds one
// completion for each, so it can never overflow.
constexpr std::uint32_t kSlots = 2 * kRingEntries;
// How long the destructor waits for sends the kernel still holds (a full socket buffer).
constexpr long kDrainNanoseconds = 200'000'000;

// A queued datagram's own copy, with the message header that points at it; the kernel reads
// both when it sends, which may be after Queue returns.
struct Slot {
  std::array<std::uint8_t, DatagramSender::kMaxDatagram> bytes{};
  sockaddr_in to{};
  iovec part{};
  msghdr message{};
};

class UringDatagramSender final : public DatagramSender {
 public:
  UringDatagramSender() : slots_(kSlots) {
    free_.reserve(kSlots);
    for (std::uint32_t i = kSlots; i > 0; --i) free_.push_back(i - 1);
  }

  // False when the kernel refuses io_uring. Completions need no interrupt of the thread that
  // submits (it reaps them itself); kernels before 5.19 refuse that flag, and go without.
  // (Not SINGLE_ISSUER: the ring is made on one thread and used on the media thread.)
  bool Init() {
    ready_ = io_uring_queue_init(kRingEntries, &ring_, IORING_SETUP_COOP_TASKRUN) == 0 ||
             io_uring_queue_init(kRingEntries, &ring_, 0) == 0;
    return ready_;
  }

  ~UringDatagramSender() override {
    if (!ready_) return;
    io_uring_submit(&ring_);
    __kernel_timespec wait{0, kDrainNanoseconds};
    while (free_.size() < kSlots) {
      io_uring_cqe* completion = nullptr;
      if (io_uring_wait_cqe_timeout(&ring_, &completion, &wait) != 0) break;
      Reap();
    }
    io_uring_queue_exit(&ring_);
  }

  UringDatagramSender(const UringDatagramSender&) = delete;
  UringDatagramSender& operator=(const UringDatagramSender&) = delete;

  void Queue(int fd, const sockaddr_in& to, std::span<const std::uint8_t> datagram) override {
    if (datagram.size() > kMaxDatagram) {
      ++counts_.dropped;
      return;
    }
    // A slot first: an entry taken from the ring is submitted whether or not it was filled in.
    if (free_.empty()) Submit();
    io_uring_sqe* entry = free_.empty() ? nullptr : io_uring_get_sqe(&ring_);
    if (entry == nullptr && !free_.empty()) {
      Submit();
      entry = io_uring_get_sqe(&ring_);
    }
    if (entry == nullptr) {
      SendNow(fd, to, datagram, counts_);  // every slot still in the kernel: do not wait for them
      return;
    }
    std::uint32_t index = free_.back();
    free_.pop_back();
    Slot& slot = slots_[index];
    std::copy(datagram.begin(), datagram.end(), slot.bytes.begin());
    slot.to = to;
    slot.part = {slot.bytes.data(), datagram.size()};
    slot.message = {};
    slot.message.msg_name = &slot.to;
    slot.message.msg_namelen = sizeof(slot.to);
    slot.message.msg_iov = &slot.part;
    slot.message.msg_iovlen = 1;
    io_uring_prep_sendmsg(entry, fd, &slot.message, 0);
    io_uring_sqe_set_data64(entry, index);
  }

  SendCounts Flush() override {
    Submit();
    return std::exchange(counts_, SendCounts{});
  }

  std::string Describe() const override { return "io_uring, batched"; }

 private:
  void Submit() {
    if (io_uring_sq_ready(&ring_) > 0) io_uring_submit(&ring_);
    Reap();
  }

  // Sockets send at once, so most completions are there as soon as io_uring_submit returns.
  void Reap() {
    io_uring_cqe* completion = nullptr;
    unsigned head = 0;
    unsigned seen = 0;
    io_uring_for_each_cqe(&ring_, head, completion) {
      ++seen;
      if (completion->res >= 0) {
        ++counts_.sent;
      } else {
        ++counts_.dropped;
      }
      free_.push_back(static_cast<std::uint32_t>(io_uring_cqe_get_data64(completion)));
    }
    io_uring_cq_advance(&ring_, seen);
  }

  io_uring ring_{};
  bool ready_ = false;
  std::vector<Slot> slots_;
  std::vector<std::uint32_t> free_;  // indices of slots neither queued nor in the kernel
  SendCounts counts_;
};

}  // namespace

std::unique_ptr<DatagramSender> MakeUringDatagramSender() {
  auto sender = std::make_unique<UringDatagramSender>();
  if (!sender->Init()) return nullptr;
  return sender;
}

}  // namespace telephony::rtp
