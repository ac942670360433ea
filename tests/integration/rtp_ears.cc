#include "integration/rtp_ears.h"

#include <optional>

#include "telephony/rtp/rtp_packet.h"

namespace rtp_ears {

using sip_peers::Datagram;
using sip_peers::UdpPeer;

namespace {

// Adds one datagram to what was heard, noting any break in the stream.
void Take(const Datagram& datagram, HeardStream& heard,
          std::optional<telephony::rtp::RtpHeader>& last) {
  auto packet = telephony::rtp::ParseRtp(datagram.bytes);
  if (!packet.ok()) {
    heard.continuous = false;
    return;
  }
  const telephony::rtp::RtpHeader& header = packet->header;
  if (last && (header.ssrc != last->ssrc ||
               header.sequence != static_cast<std::uint16_t>(last->sequence + 1) ||
               header.timestamp != last->timestamp + 160)) {
    heard.continuous = false;
  }
  last = header;
  heard.ssrc = header.ssrc;
  heard.from_address = datagram.from_address;
  heard.from_port = datagram.from_port;
  heard.payload.insert(heard.payload.end(), packet->payload.begin(), packet->payload.end());
}

}  // namespace

HeardStream Listen(UdpPeer& peer, std::size_t bytes, int quiet_ms) {
  HeardStream heard;
  std::optional<telephony::rtp::RtpHeader> last;
  while (heard.payload.size() < bytes) {
    std::optional<Datagram> datagram = peer.Receive(quiet_ms);
    if (!datagram) break;
    Take(*datagram, heard, last);
  }
  return heard;
}

HeardStream TalkUntilHeard(UdpPeer& from, const HeardStream& to_heard, std::uint8_t fill,
                           UdpPeer& listener, std::size_t packets) {
  HeardStream heard;
  std::optional<telephony::rtp::RtpHeader> last;
  for (int i = 0; i < 200 && heard.payload.size() < packets * 160; ++i) {
    std::vector<std::uint8_t> payload(160, fill);
    telephony::rtp::RtpHeader header{0, i == 0, static_cast<std::uint16_t>(500 + i),
                                     static_cast<std::uint32_t>(9000 + 160 * i), 0xabcd};
    std::vector<std::uint8_t> packet(12 + payload.size());
    packet.resize(telephony::rtp::WriteRtp(header, payload, packet));
    from.SendTo(packet, to_heard.from_address, to_heard.from_port);
    while (std::optional<Datagram> datagram = listener.Receive(20)) Take(*datagram, heard, last);
  }
  return heard;
}

void Press(UdpPeer& from, const HeardStream& to_heard, char digit) {
  constexpr std::uint32_t kTimestamp = 48000;
  for (std::uint16_t sequence = 1; sequence <= 5; ++sequence) {
    bool end = sequence >= 3;
    std::vector<std::uint8_t> payload = {static_cast<std::uint8_t>(digit - '0'),
                                         static_cast<std::uint8_t>((end ? 0x80 : 0) | 10), 0x03,
                                         0x20};
    telephony::rtp::RtpHeader header{101, sequence == 1, sequence, kTimestamp, 0x1234};
    std::vector<std::uint8_t> packet(12 + payload.size());
    packet.resize(telephony::rtp::WriteRtp(header, payload, packet));
    from.SendTo(packet, to_heard.from_address, to_heard.from_port);
  }
}

}  // namespace rtp_ears
