#include "telephony/rtp/telephone_event.h"

#include <gtest/gtest.h>

#include <array>
#include <vector>

namespace telephony::rtp {
namespace {

TEST(TelephoneEventTest, ParsesEventEndVolumeDuration) {
  std::array<std::uint8_t, 4> payload = {11, 0x80 | 10, 0x03, 0x20};
  auto event = ParseTelephoneEvent(payload);
  ASSERT_TRUE(event.ok());
  EXPECT_EQ(*event, (TelephoneEvent{11, true, 10, 800}));
}

TEST(TelephoneEventTest, IgnoresReservedBit) {
  std::array<std::uint8_t, 4> payload = {5, 0x40 | 7, 0, 160};
  auto event = ParseTelephoneEvent(payload);
  ASSERT_TRUE(event.ok());
  EXPECT_EQ(*event, (TelephoneEvent{5, false, 7, 160}));
}

TEST(TelephoneEventTest, TakesTheFirstOfSeveralEvents) {
  std::array<std::uint8_t, 8> payload = {1, 0x80, 0, 100, 2, 0, 0, 50};
  auto event = ParseTelephoneEvent(payload);
  ASSERT_TRUE(event.ok());
  EXPECT_EQ(event->event, 1);
}

TEST(TelephoneEventTest, RejectsSizesNotMultipleOfFour) {
  for (std::size_t size : {0, 1, 3, 5, 7}) {
    std::vector<std::uint8_t> payload(size, 0);
    auto event = ParseTelephoneEvent(payload);
    ASSERT_FALSE(event.ok()) << size;
    EXPECT_EQ(event.status().code(), base::StatusCode::kInvalidArgument);
  }
}

TEST(TelephoneEventTest, WriteThenParseRoundTrips) {
  TelephoneEvent event{10, true, 63, 65535};
  std::array<std::uint8_t, 4> out{};
  ASSERT_EQ(WriteTelephoneEvent(event, out), 4u);
  auto parsed = ParseTelephoneEvent(out);
  ASSERT_TRUE(parsed.ok());
  EXPECT_EQ(*parsed, event);
}

TEST(TelephoneEventTest, WriteReturnsZeroWhenOutIsTooSmall) {
  std::array<std::uint8_t, 3> out{};
  EXPECT_EQ(WriteTelephoneEvent(TelephoneEvent{}, out), 0u);
}

TEST(TelephoneEventTest, DigitsMapBothWays) {
  EXPECT_EQ(DigitOfEvent(0), '0');
  EXPECT_EQ(DigitOfEvent(9), '9');
  EXPECT_EQ(DigitOfEvent(10), '*');
  EXPECT_EQ(DigitOfEvent(11), '#');
  EXPECT_EQ(DigitOfEvent(12), std::nullopt);
  EXPECT_EQ(DigitOfEvent(255), std::nullopt);
  for (char digit : std::string("0123456789*#")) {
    auto event = EventOfDigit(digit);
    ASSERT_TRUE(event.has_value()) << digit;
    EXPECT_EQ(DigitOfEvent(*event), digit);
  }
  EXPECT_EQ(EventOfDigit('A'), std::nullopt);
}

}  // namespace
}  // namespace telephony::rtp
