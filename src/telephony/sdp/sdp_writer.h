#pragma once

#include <string>

#include "telephony/sdp/session_description.h"

namespace telephony::sdp {

// The description as SDP text, CRLF line endings, fields always in the same order:
// v o s [c] t [session direction] then per m= section: m [c] rtpmap... fmtp... [ptime] direction.
// An rtpmap line is written for every entry of `rtpmaps` (static payload types included), the
// session direction only when it is not sendrecv, a section's direction always.
//
// Precondition: the description is one ParseSdp() could have produced: no CR, LF or NUL in any
// string, no spaces in the tokens (username, addresses, media, protocol, encodings), RTP media
// with at least one payload type. For such a description ParseSdp(WriteSdp(d)) == d.
std::string WriteSdp(const SessionDescription& description);

}  // namespace telephony::sdp
