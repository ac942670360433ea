#include "telephony/rtp/rtp_packet.h"

#include <algorithm>
#include <string>

namespace telephony::rtp {
namespace {

std::uint16_t ReadU16(std::span<const std::uint8_t> bytes, std::size_t at) {
  return static_cast<std::uint16_t>((bytes[at] << 8) | bytes[at + 1]);
}

std::uint32_t ReadU32(std::span<const std::uint8_t> bytes, std::size_t at) {
  return (std::uint32_t{bytes[at]} << 24) | (std::uint32_t{bytes[at + 1]} << 16) |
         (std::uint32_t{bytes[at + 2]} << 8) | std::uint32_t{bytes[at + 3]};
}

void WriteU16(std::uint16_t value, std::span<std::uint8_t> out, std::size_t at) {
  out[at] = static_cast<std::uint8_t>(value >> 8);
  out[at + 1] = static_cast<std::uint8_t>(value);
}

void WriteU32(std::uint32_t value, std::span<std::uint8_t> out, std::size_t at) {
  out[at] = static_cast<std::uint8_t>(value >> 24);
  out[at + 1] = static_cast<std::uint8_t>(value >> 16);
  out[at + 2] = static_cast<std::uint8_t>(value >> 8);
  out[at + 3] = static_cast<std::uint8_t>(value);
}

std::string Bytes(std::size_t n) { return std::to_string(n) + "-byte packet"; }

// Returns where the payload starts, past the CSRC list and any header extension.
base::Result<std::size_t> PayloadOffset(std::span<const std::uint8_t> datagram) {
  std::size_t csrc_count = datagram[0] & 0x0F;
  std::size_t offset = kRtpHeaderSize + 4 * csrc_count;
  if (offset > datagram.size()) {
    return base::InvalidArgument("RTP: " + std::to_string(csrc_count) + " CSRCs exceed the " +
                                 Bytes(datagram.size()));
  }
  if ((datagram[0] & 0x10) == 0) return offset;
  if (offset + 4 > datagram.size()) {
    return base::InvalidArgument("RTP: header extension header exceeds the " +
                                 Bytes(datagram.size()));
  }
  std::size_t words = ReadU16(datagram, offset + 2);
  offset += 4 + 4 * words;
  if (offset > datagram.size()) {
    return base::InvalidArgument("RTP: header extension of " + std::to_string(words) +
                                 " words exceeds the " + Bytes(datagram.size()));
  }
  return offset;
}

}  // namespace

base::Result<RtpPacket> ParseRtp(std::span<const std::uint8_t> datagram) {
  if (datagram.size() < kRtpHeaderSize) {
    return base::InvalidArgument("RTP: " + Bytes(datagram.size()) +
                                 " is shorter than the 12-byte header");
  }
  int version = datagram[0] >> 6;
  if (version != 2) {
    return base::InvalidArgument("RTP: version " + std::to_string(version) + ", expected 2");
  }
  JS_ASSIGN_OR_RETURN(std::size_t offset, PayloadOffset(datagram));
  std::size_t end = datagram.size();
  if ((datagram[0] & 0x20) != 0) {
    // The last octet counts the padding, itself included, so 0 is as wrong as too many.
    std::size_t padding = datagram.back();
    if (padding == 0) return base::InvalidArgument("RTP: padding bit set with padding length 0");
    if (padding > end - offset) {
      return base::InvalidArgument("RTP: padding length " + std::to_string(padding) +
                                   " exceeds the " + Bytes(datagram.size()));
    }
    end -= padding;
  }
  RtpPacket packet;
  packet.header.marker = (datagram[1] & 0x80) != 0;
  packet.header.payload_type = datagram[1] & 0x7F;
  packet.header.sequence = ReadU16(datagram, 2);
  packet.header.timestamp = ReadU32(datagram, 4);
  packet.header.ssrc = ReadU32(datagram, 8);
  packet.payload = datagram.subspan(offset, end - offset);
  return packet;
}

std::size_t WriteRtp(const RtpHeader& header, std::span<const std::uint8_t> payload,
                     std::span<std::uint8_t> out) {
  std::size_t size = kRtpHeaderSize + payload.size();
  if (out.size() < size) return 0;
  out[0] = 0x80;
  out[1] = static_cast<std::uint8_t>((header.marker ? 0x80 : 0) | (header.payload_type & 0x7F));
  WriteU16(header.sequence, out, 2);
  WriteU32(header.timestamp, out, 4);
  WriteU32(header.ssrc, out, 8);
  std::copy(payload.begin(), payload.end(), out.begin() + kRtpHeaderSize);
  return size;
}

}  // namespace telephony::rtp
