#include "telephony/sdp/sdp_writer.h"

#include <string_view>

namespace telephony::sdp {
namespace {

void AddLine(std::string& out, char type, std::string_view value) {
  out += type;
  out += '=';
  out += value;
  out += "\r\n";
}

std::string RtpMapValue(const RtpMap& rtpmap) {
  std::string value = "rtpmap:" + std::to_string(rtpmap.payload_type) + " " + rtpmap.encoding +
                      "/" + std::to_string(rtpmap.clock_rate);
  if (rtpmap.channels != 1) value += "/" + std::to_string(rtpmap.channels);
  return value;
}

void AddMedia(std::string& out, const MediaDescription& media) {
  std::string line = media.media + " " + std::to_string(media.port) + " " + media.protocol;
  for (int payload_type : media.payload_types) line += " " + std::to_string(payload_type);
  // Formats other than RTP payload types are not kept; "*" stands in for them.
  if (media.payload_types.empty()) line += " *";
  AddLine(out, 'm', line);
  if (media.connection_address) AddLine(out, 'c', "IN IP4 " + *media.connection_address);
  for (const RtpMap& rtpmap : media.rtpmaps) AddLine(out, 'a', RtpMapValue(rtpmap));
  for (const auto& [payload_type, parameters] : media.fmtp) {
    AddLine(out, 'a', "fmtp:" + std::to_string(payload_type) + " " + parameters);
  }
  if (media.ptime_ms > 0) AddLine(out, 'a', "ptime:" + std::to_string(media.ptime_ms));
  AddLine(out, 'a', DirectionName(media.direction));
}

}  // namespace

std::string WriteSdp(const SessionDescription& description) {
  std::string out;
  AddLine(out, 'v', "0");
  AddLine(out, 'o',
          description.origin_username + " " + std::to_string(description.session_id) + " " +
              std::to_string(description.session_version) + " IN IP4 " +
              description.origin_address);
  AddLine(out, 's', description.session_name);
  if (description.connection_address) {
    AddLine(out, 'c', "IN IP4 " + *description.connection_address);
  }
  AddLine(out, 't', "0 0");
  if (description.direction != Direction::kSendRecv) {
    AddLine(out, 'a', DirectionName(description.direction));
  }
  for (const MediaDescription& media : description.media) AddMedia(out, media);
  return out;
}

}  // namespace telephony::sdp
