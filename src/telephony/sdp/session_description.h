#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

// The parts of an SDP session description (RFC 4566) that a G.711 call needs, as plain values.
// ParseSdp() fills them from text, WriteSdp() turns them back into text, and negotiation.h
// reads and makes them for the offer/answer exchange of RFC 3264.
namespace telephony::sdp {

// What an "a=rtpmap:" line says about one payload type ("PCMU/8000", "opus/48000/2").
struct RtpMap {
  int payload_type = 0;
  std::string encoding;  // as written; compare case-insensitively
  int clock_rate = 0;    // Hz
  int channels = 1;

  bool operator==(const RtpMap&) const = default;
};

// The direction attribute ("a=sendrecv" and so on), from the point of view of its writer.
enum class Direction { kSendRecv, kSendOnly, kRecvOnly, kInactive };

// "sendrecv", "sendonly", "recvonly" or "inactive": the attribute's name.
std::string_view DirectionName(Direction direction);
std::optional<Direction> DirectionFromName(std::string_view name);

// The rtpmap that RFC 3551 gives a static audio payload type (0 PCMU, 8 PCMA, 18 G729, ...),
// for SDP that lists it without an "a=rtpmap:" line; nullopt for any other number.
std::optional<RtpMap> StaticRtpMap(int payload_type);

// One "m=" section.
struct MediaDescription {
  std::string media;     // "audio", "video", ...
  int port = 0;          // 0 rejects or disables the stream
  std::string protocol;  // "RTP/AVP", ...
  // The formats in the order of preference the writer gave them; empty for a protocol other
  // than RTP (whose formats are not payload type numbers and are not kept).
  std::vector<int> payload_types;
  // One per payload type whose encoding is known, in payload_types order; payload types the
  // static table of RFC 3551 knows are filled in when the text gave no rtpmap for them.
  std::vector<RtpMap> rtpmaps;
  std::map<int, std::string> fmtp;                // payload type -> its "a=fmtp:" parameters
  std::optional<std::string> connection_address;  // this section's own c= (IPv4), if any
  Direction direction = Direction::kSendRecv;     // the section's, else the session's
  int ptime_ms = 0;                               // 0: no a=ptime

  // The rtpmap of `payload_type`, or nullptr when none is known.
  const RtpMap* FindRtpMap(int payload_type) const;

  bool operator==(const MediaDescription&) const = default;
};

struct SessionDescription {
  std::string origin_username = "-";
  std::uint64_t session_id = 0;
  std::uint64_t session_version = 0;
  std::string origin_address;  // o= address: an IPv4 address or a host name
  std::string session_name = "-";
  std::optional<std::string> connection_address;  // session-level c= (IPv4), if any
  Direction direction = Direction::kSendRecv;     // session-level direction attribute
  std::vector<MediaDescription> media;

  bool operator==(const SessionDescription&) const = default;
};

}  // namespace telephony::sdp
