#pragma once

#include <cstddef>
#include <cstdint>
#include <span>

#include "base/result.h"

// RFC 3550 RTP fixed header: parsing what arrives and writing what we send.
namespace telephony::rtp {

inline constexpr std::size_t kRtpHeaderSize = 12;

struct RtpHeader {
  std::uint8_t payload_type = 0;  // 7 bits
  bool marker = false;
  std::uint16_t sequence = 0;
  std::uint32_t timestamp = 0;  // in the payload's clock (8 kHz for G.711 and RFC 4733)
  std::uint32_t ssrc = 0;

  friend bool operator==(const RtpHeader&, const RtpHeader&) = default;
};

// `payload` points into the parsed datagram: valid only while that buffer is.
struct RtpPacket {
  RtpHeader header;
  std::span<const std::uint8_t> payload;
};

// Parses one datagram. Requires version 2; skips CSRCs and any header extension, strips
// padding. Every inconsistency is kInvalidArgument with a message naming it.
base::Result<RtpPacket> ParseRtp(std::span<const std::uint8_t> datagram);

// Writes a version-2 header (no CSRC, no extension, no padding) and `payload` into `out`.
// Returns the bytes written, or 0 when `out` is too small. `payload_type` is masked to 7 bits.
std::size_t WriteRtp(const RtpHeader& header, std::span<const std::uint8_t> payload,
                     std::span<std::uint8_t> out);

}  // namespace telephony::rtp
