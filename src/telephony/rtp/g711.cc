#include "telephony/rtp/g711.h"

#include <array>

namespace telephony::rtp {
namespace {

// µ-law adds a bias of 33 (in 14-bit units; 0x84 at 16-bit scale) so that every segment's
// end is a power of two, and clips just below where the biased value would overflow.
constexpr int kUlawBias = 0x84;
constexpr int kUlawClip = 32635;

// The top of each A-law segment in 13-bit magnitude units.
constexpr std::array<int, 8> kAlawSegmentEnd = {0x1F, 0x3F, 0x7F, 0xFF, 0x1FF, 0x3FF, 0x7FF, 0xFFF};

int AlawSegment(int magnitude) {
  for (int segment = 0; segment < 8; ++segment) {
    if (magnitude <= kAlawSegmentEnd[segment]) return segment;
  }
  return 8;
}

template <typename Out, typename In, typename F>
std::vector<Out> Map(std::span<const In> in, F f) {
  std::vector<Out> out;
  out.reserve(in.size());
  for (In value : in) out.push_back(f(value));
  return out;
}

}  // namespace

std::uint8_t LinearToUlaw(std::int16_t sample) {
  int magnitude = sample;
  int sign = 0;
  if (magnitude < 0) {
    magnitude = -magnitude;
    sign = 0x80;
  }
  if (magnitude > kUlawClip) magnitude = kUlawClip;
  magnitude += kUlawBias;
  int exponent = 7;
  for (int mask = 0x4000; (magnitude & mask) == 0 && exponent > 0; mask >>= 1) --exponent;
  int mantissa = (magnitude >> (exponent + 3)) & 0x0F;
  // Codes go on the wire inverted, so that silence is 0xFF rather than a run of zeros.
  return static_cast<std::uint8_t>(~(sign | (exponent << 4) | mantissa));
}

std::int16_t UlawToLinear(std::uint8_t code) {
  int bits = static_cast<std::uint8_t>(~code);
  int exponent = (bits >> 4) & 0x07;
  int mantissa = bits & 0x0F;
  int magnitude = (((mantissa << 3) + kUlawBias) << exponent) - kUlawBias;
  return static_cast<std::int16_t>((bits & 0x80) != 0 ? -magnitude : magnitude);
}

std::uint8_t LinearToAlaw(std::int16_t sample) {
  int magnitude = sample >> 3;  // A-law works on 13 bits
  // Even bits are inverted on the wire (0x55), and the sign bit set for positive values.
  int mask = 0xD5;
  if (magnitude < 0) {
    mask = 0x55;
    magnitude = -magnitude - 1;
  }
  int segment = AlawSegment(magnitude);
  if (segment >= 8) return static_cast<std::uint8_t>(0x7F ^ mask);
  int shift = segment < 2 ? 1 : segment;
  int code = (segment << 4) | ((magnitude >> shift) & 0x0F);
  return static_cast<std::uint8_t>(code ^ mask);
}

std::int16_t AlawToLinear(std::uint8_t code) {
  int bits = code ^ 0x55;
  int segment = (bits >> 4) & 0x07;
  // Reconstruct at the middle of the quantisation step, at 16-bit scale.
  int magnitude = ((bits & 0x0F) << 4) + 8;
  if (segment >= 1) magnitude += 0x100;
  if (segment >= 2) magnitude <<= segment - 1;
  return static_cast<std::int16_t>((bits & 0x80) != 0 ? magnitude : -magnitude);
}

std::uint8_t UlawToAlaw(std::uint8_t code) { return LinearToAlaw(UlawToLinear(code)); }
std::uint8_t AlawToUlaw(std::uint8_t code) { return LinearToUlaw(AlawToLinear(code)); }

std::vector<std::uint8_t> EncodeUlaw(std::span<const std::int16_t> samples) {
  return Map<std::uint8_t>(samples, LinearToUlaw);
}
std::vector<std::uint8_t> EncodeAlaw(std::span<const std::int16_t> samples) {
  return Map<std::uint8_t>(samples, LinearToAlaw);
}
std::vector<std::int16_t> DecodeUlaw(std::span<const std::uint8_t> codes) {
  return Map<std::int16_t>(codes, UlawToLinear);
}
std::vector<std::int16_t> DecodeAlaw(std::span<const std::uint8_t> codes) {
  return Map<std::int16_t>(codes, AlawToLinear);
}

}  // namespace telephony::rtp
