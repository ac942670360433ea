#pragma once

#include <cstdint>
#include <span>
#include <vector>

// ITU-T G.711 companding of 16-bit linear samples, µ-law (PCMU) and A-law (PCMA).
// Pure functions, safe from any thread.
namespace telephony::rtp {

std::uint8_t LinearToUlaw(std::int16_t sample);
std::int16_t UlawToLinear(std::uint8_t code);
std::uint8_t LinearToAlaw(std::int16_t sample);
std::int16_t AlawToLinear(std::uint8_t code);

// One code of one law to the other, through the linear value.
std::uint8_t UlawToAlaw(std::uint8_t code);
std::uint8_t AlawToUlaw(std::uint8_t code);

std::vector<std::uint8_t> EncodeUlaw(std::span<const std::int16_t> samples);
std::vector<std::uint8_t> EncodeAlaw(std::span<const std::int16_t> samples);
std::vector<std::int16_t> DecodeUlaw(std::span<const std::uint8_t> codes);
std::vector<std::int16_t> DecodeAlaw(std::span<const std::uint8_t> codes);

}  // namespace telephony::rtp
