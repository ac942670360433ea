#include "telephony/rtp/rtp_packet.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <array>
#include <vector>

namespace telephony::rtp {
namespace {

using ::testing::ElementsAre;
using ::testing::HasSubstr;

// V=2, PT 0, seq 0x1234, ts 0x01020304, ssrc 0xAABBCCDD.
std::vector<std::uint8_t> BaseHeader(std::uint8_t first = 0x80, std::uint8_t second = 0x00) {
  return {first, second, 0x12, 0x34, 0x01, 0x02, 0x03, 0x04, 0xAA, 0xBB, 0xCC, 0xDD};
}

TEST(RtpPacketTest, ParsesFixedHeaderAndPayload) {
  std::vector<std::uint8_t> datagram = BaseHeader(0x80, 0x88);
  datagram.insert(datagram.end(), {1, 2, 3});
  auto packet = ParseRtp(datagram);
  ASSERT_TRUE(packet.ok()) << packet.status().ToString();
  EXPECT_EQ(packet->header.payload_type, 8);
  EXPECT_TRUE(packet->header.marker);
  EXPECT_EQ(packet->header.sequence, 0x1234);
  EXPECT_EQ(packet->header.timestamp, 0x01020304u);
  EXPECT_EQ(packet->header.ssrc, 0xAABBCCDDu);
  EXPECT_THAT(std::vector<std::uint8_t>(packet->payload.begin(), packet->payload.end()),
              ElementsAre(1, 2, 3));
}

TEST(RtpPacketTest, SkipsCsrcsExtensionAndPadding) {
  // P, X, CC=2: two CSRCs, a one-word extension, payload {9, 9}, two bytes of padding.
  std::vector<std::uint8_t> datagram = BaseHeader(0x80 | 0x20 | 0x10 | 0x02);
  datagram.insert(datagram.end(), {0, 0, 0, 1, 0, 0, 0, 2});        // CSRCs
  datagram.insert(datagram.end(), {0xBE, 0xDE, 0, 1, 7, 7, 7, 7});  // extension, 1 word
  datagram.insert(datagram.end(), {9, 9, 0, 2});                    // payload, padding of 2
  auto packet = ParseRtp(datagram);
  ASSERT_TRUE(packet.ok()) << packet.status().ToString();
  EXPECT_THAT(std::vector<std::uint8_t>(packet->payload.begin(), packet->payload.end()),
              ElementsAre(9, 9));
}

TEST(RtpPacketTest, EmptyPayloadIsValid) {
  auto packet = ParseRtp(BaseHeader());
  ASSERT_TRUE(packet.ok());
  EXPECT_TRUE(packet->payload.empty());
}

void ExpectInvalid(const std::vector<std::uint8_t>& datagram, const std::string& what) {
  auto packet = ParseRtp(datagram);
  ASSERT_FALSE(packet.ok());
  EXPECT_EQ(packet.status().code(), base::StatusCode::kInvalidArgument);
  EXPECT_THAT(packet.status().message(), HasSubstr(what));
}

TEST(RtpPacketTest, RejectsShortDatagram) {
  ExpectInvalid({0x80, 0, 0}, "3-byte packet is shorter than the 12-byte header");
  ExpectInvalid({}, "0-byte packet");
}

TEST(RtpPacketTest, RejectsOtherVersions) {
  ExpectInvalid(BaseHeader(0x40), "version 1, expected 2");
  ExpectInvalid(BaseHeader(0x00), "version 0");
  ExpectInvalid(BaseHeader(0xC0), "version 3");
}

TEST(RtpPacketTest, RejectsCsrcsBeyondTheEnd) {
  std::vector<std::uint8_t> datagram = BaseHeader(0x80 | 0x03);
  datagram.insert(datagram.end(), {0, 0, 0, 1});
  ExpectInvalid(datagram, "3 CSRCs exceed the 16-byte packet");
}

TEST(RtpPacketTest, RejectsTruncatedExtension) {
  ExpectInvalid(BaseHeader(0x90), "header extension header exceeds the 12-byte packet");
  std::vector<std::uint8_t> datagram = BaseHeader(0x90);
  datagram.insert(datagram.end(), {0xBE, 0xDE, 0, 5, 1, 2, 3, 4});
  ExpectInvalid(datagram, "header extension of 5 words exceeds the 20-byte packet");
}

TEST(RtpPacketTest, RejectsBadPadding) {
  std::vector<std::uint8_t> zero = BaseHeader(0xA0);
  zero.push_back(0);
  ExpectInvalid(zero, "padding length 0");
  std::vector<std::uint8_t> big = BaseHeader(0xA0);
  big.back() = 200;  // the padding count is the last byte, here inside the SSRC
  ExpectInvalid(big, "padding length 200 exceeds the 12-byte packet");
}

TEST(RtpPacketTest, WriteThenParseRoundTrips) {
  RtpHeader header{101, true, 65535, 0xFFFFFFF0u, 0x12345678u};
  std::array<std::uint8_t, 4> payload = {5, 6, 7, 8};
  std::array<std::uint8_t, 64> out{};
  std::size_t size = WriteRtp(header, payload, out);
  ASSERT_EQ(size, kRtpHeaderSize + payload.size());
  auto packet = ParseRtp(std::span(out.data(), size));
  ASSERT_TRUE(packet.ok());
  EXPECT_EQ(packet->header, header);
  EXPECT_THAT(std::vector<std::uint8_t>(packet->payload.begin(), packet->payload.end()),
              ElementsAre(5, 6, 7, 8));
  EXPECT_EQ(out[0], 0x80);
}

TEST(RtpPacketTest, WriteReturnsZeroWhenOutIsTooSmall) {
  std::array<std::uint8_t, 4> payload = {};
  std::array<std::uint8_t, 15> out{};
  EXPECT_EQ(WriteRtp(RtpHeader{}, payload, out), 0u);
}

}  // namespace
}  // namespace telephony::rtp
