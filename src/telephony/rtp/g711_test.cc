#include "telephony/rtp/g711.h"

#include <gtest/gtest.h>

#include <array>
#include <vector>

namespace telephony::rtp {
namespace {

TEST(G711Test, UlawKnownValues) {
  EXPECT_EQ(UlawToLinear(0xFF), 0);
  EXPECT_EQ(UlawToLinear(0x7F), 0);  // µ-law's negative zero
  EXPECT_EQ(LinearToUlaw(0), 0xFF);
  EXPECT_EQ(UlawToLinear(0x80), 32124);
  EXPECT_EQ(UlawToLinear(0x00), -32124);
  EXPECT_EQ(LinearToUlaw(32767), 0x80);
  EXPECT_EQ(LinearToUlaw(-32768), 0x00);
  EXPECT_EQ(UlawToLinear(0xFE), 8);
  EXPECT_EQ(UlawToLinear(0x7E), -8);
}

TEST(G711Test, AlawKnownValues) {
  EXPECT_EQ(AlawToLinear(0xD5), 8);
  EXPECT_EQ(AlawToLinear(0x55), -8);
  EXPECT_EQ(LinearToAlaw(0), 0xD5);
  EXPECT_EQ(LinearToAlaw(8), 0xD5);
  EXPECT_EQ(LinearToAlaw(-8), 0x55);
  EXPECT_EQ(AlawToLinear(0xAA), 32256);
  EXPECT_EQ(AlawToLinear(0x2A), -32256);
  EXPECT_EQ(LinearToAlaw(32767), 0xAA);
  EXPECT_EQ(LinearToAlaw(-32768), 0x2A);
}

TEST(G711Test, UlawCodesSurviveDecodeEncode) {
  for (int code = 0; code < 256; ++code) {
    if (code == 0x7F) continue;  // negative zero encodes back as 0xFF
    EXPECT_EQ(LinearToUlaw(UlawToLinear(static_cast<std::uint8_t>(code))), code) << code;
  }
  EXPECT_EQ(LinearToUlaw(UlawToLinear(0x7F)), 0xFF);
}

TEST(G711Test, AlawCodesSurviveDecodeEncode) {
  for (int code = 0; code < 256; ++code) {
    EXPECT_EQ(LinearToAlaw(AlawToLinear(static_cast<std::uint8_t>(code))), code) << code;
  }
}

TEST(G711Test, EncodingIsMonotonicInMagnitude) {
  int previous = UlawToLinear(LinearToUlaw(0));
  for (int sample = 1; sample <= 32767; ++sample) {
    int value = UlawToLinear(LinearToUlaw(static_cast<std::int16_t>(sample)));
    ASSERT_GE(value, previous) << sample;
    previous = value;
  }
}

TEST(G711Test, TranscodesBetweenLaws) {
  EXPECT_EQ(UlawToAlaw(0xFF), 0xD5);
  EXPECT_EQ(AlawToUlaw(0xD5), 0xFE);  // A-law's smallest step is +8, µ-law codes it 0xFE
}

TEST(G711Test, SpanHelpersMatchTheScalarFunctions) {
  std::array<std::int16_t, 4> samples = {0, 1000, -1000, 32767};
  std::vector<std::uint8_t> ulaw = EncodeUlaw(samples);
  std::vector<std::uint8_t> alaw = EncodeAlaw(samples);
  ASSERT_EQ(ulaw.size(), 4u);
  ASSERT_EQ(alaw.size(), 4u);
  for (std::size_t i = 0; i < samples.size(); ++i) {
    EXPECT_EQ(ulaw[i], LinearToUlaw(samples[i]));
    EXPECT_EQ(alaw[i], LinearToAlaw(samples[i]));
    EXPECT_EQ(DecodeUlaw(ulaw)[i], UlawToLinear(ulaw[i]));
    EXPECT_EQ(DecodeAlaw(alaw)[i], AlawToLinear(alaw[i]));
  }
}

}  // namespace
}  // namespace telephony::rtp
