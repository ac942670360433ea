#include "telephony/rtp/datagram_sender.h"

#include <arpa/inet.h>
#include <gtest/gtest.h>
#include <sys/socket.h>
#include <unistd.h>

#include <cstdint>
#include <string>
#include <vector>

#include "telephony/rtp/uring_datagram_sender.h"

namespace telephony::rtp {
namespace {

// A bound loopback UDP socket: the sender's socket or the receiver.
class LoopbackSocket {
 public:
  LoopbackSocket() : fd_(socket(AF_INET, SOCK_DGRAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0)) {
    address_.sin_family = AF_INET;
    address_.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    int big = 8 << 20;  // so that the receiver keeps every datagram of a test
    setsockopt(fd_, SOL_SOCKET, SO_RCVBUF, &big, sizeof big);
    bind(fd_, reinterpret_cast<sockaddr*>(&address_), sizeof address_);
    socklen_t size = sizeof address_;
    getsockname(fd_, reinterpret_cast<sockaddr*>(&address_), &size);
  }
  ~LoopbackSocket() { close(fd_); }
  LoopbackSocket(const LoopbackSocket&) = delete;
  LoopbackSocket& operator=(const LoopbackSocket&) = delete;

  int fd() const { return fd_; }
  const sockaddr_in& address() const { return address_; }

  // Every datagram waiting, in arrival order.
  std::vector<std::string> Drain() const {
    std::vector<std::string> got;
    char buffer[4096];
    for (ssize_t size; (size = recv(fd_, buffer, sizeof buffer, 0)) >= 0;) {
      got.emplace_back(buffer, static_cast<std::size_t>(size));
    }
    return got;
  }

 private:
  int fd_;
  sockaddr_in address_{};
};

std::vector<std::uint8_t> Bytes(const std::string& text) { return {text.begin(), text.end()}; }

class DatagramSenderTest : public ::testing::TestWithParam<DatagramSender::Kind> {
 protected:
  std::unique_ptr<DatagramSender> sender_ = DatagramSender::Create(GetParam());
  LoopbackSocket from_;
  LoopbackSocket to_;
};

TEST_P(DatagramSenderTest, QueuedDatagramsArriveInOrderOnceFlushed) {
  for (int i = 0; i < 5; ++i) {
    sender_->Queue(from_.fd(), to_.address(), Bytes("packet " + std::to_string(i)));
  }
  SendCounts counts = sender_->Flush();
  EXPECT_EQ(counts.sent, 5u);
  EXPECT_EQ(counts.dropped, 0u);
  EXPECT_EQ(to_.Drain(),
            (std::vector<std::string>{"packet 0", "packet 1", "packet 2", "packet 3", "packet 4"}));
  EXPECT_EQ(sender_->Flush().sent, 0u) << "counts are reported once";
}

// A tick of 3,000 legs playing queues more than the batched sender holds at once.
TEST_P(DatagramSenderTest, MoreDatagramsThanOneBatchHoldsAllGoOutInOrder) {
  constexpr int kCount = 3000;
  for (int i = 0; i < kCount; ++i) {
    sender_->Queue(from_.fd(), to_.address(), Bytes(std::to_string(i)));
  }
  EXPECT_EQ(sender_->Flush().sent, static_cast<std::uint64_t>(kCount));
  std::vector<std::string> got = to_.Drain();
  ASSERT_EQ(got.size(), static_cast<std::size_t>(kCount));
  for (int i = 0; i < kCount; ++i) ASSERT_EQ(got[i], std::to_string(i));
}

TEST_P(DatagramSenderTest, EachDatagramGoesFromItsOwnSocket) {
  LoopbackSocket other;
  sender_->Queue(from_.fd(), to_.address(), Bytes("a"));
  sender_->Queue(other.fd(), to_.address(), Bytes("b"));
  sender_->Flush();
  sockaddr_in source{};
  socklen_t size = sizeof source;
  char byte = 0;
  ASSERT_EQ(recvfrom(to_.fd(), &byte, 1, 0, reinterpret_cast<sockaddr*>(&source), &size), 1);
  EXPECT_EQ(byte, 'a');
  EXPECT_EQ(source.sin_port, from_.address().sin_port);
  ASSERT_EQ(recvfrom(to_.fd(), &byte, 1, 0, reinterpret_cast<sockaddr*>(&source), &size), 1);
  EXPECT_EQ(byte, 'b');
  EXPECT_EQ(source.sin_port, other.address().sin_port);
}

TEST_P(DatagramSenderTest, RefusedAndOversizedDatagramsAreCountedDropped) {
  sender_->Queue(-1, to_.address(), Bytes("no socket"));
  sender_->Queue(from_.fd(), to_.address(),
                 std::vector<std::uint8_t>(DatagramSender::kMaxDatagram + 1, 0x55));
  sender_->Queue(from_.fd(), to_.address(), Bytes("fine"));
  SendCounts counts = sender_->Flush();
  EXPECT_EQ(counts.sent, 1u);
  EXPECT_EQ(counts.dropped, 2u);
  EXPECT_EQ(to_.Drain(), std::vector<std::string>{"fine"});
}

INSTANTIATE_TEST_SUITE_P(BothKinds, DatagramSenderTest,
                         ::testing::Values(DatagramSender::Kind::kBatched,
                                           DatagramSender::Kind::kOneByOne),
                         [](const auto& kind) {
                           return kind.param == DatagramSender::Kind::kBatched ? "Batched"
                                                                               : "OneByOne";
                         });

TEST(DatagramSenderKindTest, BatchedIsIoUringWhereTheKernelAllowsItElseOneByOne) {
  std::unique_ptr<DatagramSender> batched = DatagramSender::Create(DatagramSender::Kind::kBatched);
  bool kernel_allows = MakeUringDatagramSender() != nullptr;
  EXPECT_EQ(batched->Describe(), kernel_allows ? "io_uring, batched" : "sendto per datagram");
  EXPECT_EQ(DatagramSender::Create(DatagramSender::Kind::kOneByOne)->Describe(),
            "sendto per datagram");
}

}  // namespace
}  // namespace telephony::rtp
