#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "integration/sip_peers.h"

// What the far ends of calls hear and say, for the SIP tests: RTP received on a UdpPeer and
// checked for continuity, and RTP sent until the other side hears it.
namespace rtp_ears {

// What a far end heard: the payload bytes in order, where they came from, and whether the
// stream kept one SSRC with consecutive sequence numbers and timestamps 160 apart.
struct HeardStream {
  std::vector<std::uint8_t> payload;
  std::string from_address;
  int from_port = 0;
  bool continuous = true;
  std::uint32_t ssrc = 0;
};

// Receives RTP on `peer` until `bytes` payload bytes have come (or `quiet_ms` pass with none).
HeardStream Listen(sip_peers::UdpPeer& peer, std::size_t bytes, int quiet_ms = 10000);

// Talks from `from` (one PCMU packet of `fill` bytes every 20 ms) to where `to_heard` came from,
// until `listener` has heard `packets` packets (or 200 were sent): a bridge made a moment ago
// may not carry the first few, as on a real call.
HeardStream TalkUntilHeard(sip_peers::UdpPeer& from, const HeardStream& to_heard, std::uint8_t fill,
                           sip_peers::UdpPeer& listener, std::size_t packets);

// Presses `digit` ('0'-'9') as RFC 4733 events (payload type 101) to where `to_heard` came
// from: a start, a continuation and the end packet three times, as phones do.
void Press(sip_peers::UdpPeer& from, const HeardStream& to_heard, char digit);

}  // namespace rtp_ears
