#pragma once

#include <cstddef>
#include <string_view>

#include "base/result.h"
#include "telephony/sdp/session_description.h"

namespace telephony::sdp {

// What ParseSdp() accepts at most; anything bigger is refused before it is read.
inline constexpr std::size_t kMaxSdpBytes = 16384;  // 16 KiB
inline constexpr std::size_t kMaxSdpLineBytes = 1024;
inline constexpr std::size_t kMaxMediaSections = 64;
inline constexpr std::size_t kMaxPayloadTypesPerMedia = 256;

// Reads an SDP session description (RFC 4566) as it arrives in a SIP body, from anyone.
//
// Accepts CRLF or LF line endings and ignores blank lines, unknown line types (b=, k=, ...) and
// unknown attributes (a=rtcp, a=ice-ufrag, ...). Requires v=0 first, then o=, s= and t= before
// the first m=, and a c= at session level or in every m= section. Addresses must be IPv4
// ("IN IP4"); c= addresses dotted quads. Formats of RTP media are payload type numbers 0-127;
// rtpmap and fmtp attributes of payload types the m= line does not list are ignored, and
// payload types of RFC 3551's static table get their rtpmap without one.
//
// Every error is kInvalidArgument, its message naming the line and the fault:
// "SDP line 4: m= port '70000' is not 0-65535". Total on any bytes: it never crashes, never
// loops without progress, and checks every number for overflow.
base::Result<SessionDescription> ParseSdp(std::string_view text);

}  // namespace telephony::sdp
