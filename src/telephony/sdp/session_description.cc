#include "telephony/sdp/session_description.h"

#include <array>

namespace telephony::sdp {

std::string_view DirectionName(Direction direction) {
  switch (direction) {
    case Direction::kSendRecv:
      return "sendrecv";
    case Direction::kSendOnly:
      return "sendonly";
    case Direction::kRecvOnly:
      return "recvonly";
    case Direction::kInactive:
      return "inactive";
  }
  return "sendrecv";
}

std::optional<Direction> DirectionFromName(std::string_view name) {
  for (Direction direction :
       {Direction::kSendRecv, Direction::kSendOnly, Direction::kRecvOnly, Direction::kInactive}) {
    if (DirectionName(direction) == name) return direction;
  }
  return std::nullopt;
}

std::optional<RtpMap> StaticRtpMap(int payload_type) {
  // RFC 3551 table 4, the audio payload types still met in practice. Only 0 and 8 matter for
  // agreeing on a codec; the rest give an offer we cannot take a readable name in the error.
  struct Entry {
    int payload_type;
    const char* encoding;
    int clock_rate;
  };
  static constexpr std::array<Entry, 7> kTable = {{{0, "PCMU", 8000},
                                                   {3, "GSM", 8000},
                                                   {4, "G723", 8000},
                                                   {8, "PCMA", 8000},
                                                   {9, "G722", 8000},
                                                   {13, "CN", 8000},
                                                   {18, "G729", 8000}}};
  for (const Entry& entry : kTable) {
    if (entry.payload_type == payload_type) {
      return RtpMap{entry.payload_type, entry.encoding, entry.clock_rate, 1};
    }
  }
  return std::nullopt;
}

const RtpMap* MediaDescription::FindRtpMap(int payload_type) const {
  for (const RtpMap& rtpmap : rtpmaps) {
    if (rtpmap.payload_type == payload_type) return &rtpmap;
  }
  return nullptr;
}

}  // namespace telephony::sdp
