#include "telephony/sdp/negotiation.h"

#include <algorithm>
#include <optional>
#include <string>
#include <vector>

#include "base/text.h"

namespace telephony::sdp {
namespace {

constexpr int kOurTelephoneEventPayloadType = 101;
constexpr int kOurPtimeMs = 20;
constexpr const char* kTelephoneEventDigits = "0-16";  // RFC 4733: 0-9, *, #, A-D, flash

bool Is(const RtpMap& rtpmap, std::string_view encoding, int clock_rate) {
  return base::EqualsIgnoreCase(rtpmap.encoding, encoding) && rtpmap.clock_rate == clock_rate &&
         rtpmap.channels == 1;
}

std::optional<rtp::Codec> G711(const RtpMap& rtpmap) {
  if (Is(rtpmap, "PCMU", 8000)) return rtp::Codec::kPcmu;
  if (Is(rtpmap, "PCMA", 8000)) return rtp::Codec::kPcma;
  return std::nullopt;
}

// Plain RTP only: SRTP (RTP/SAVP...) would need keys we do not have. AVPF is AVP with earlier
// feedback, which a G.711 stream may simply not send.
bool IsUsableAudio(const MediaDescription& media) {
  return media.media == "audio" && media.port != 0 &&
         (media.protocol == "RTP/AVP" || media.protocol == "RTP/AVPF");
}

// "G729, opus": what the far end offered instead, for the error that says why we refused.
std::string OfferedCodecs(const MediaDescription& media) {
  std::vector<std::string> names;
  for (int payload_type : media.payload_types) {
    const RtpMap* rtpmap = media.FindRtpMap(payload_type);
    std::string name =
        rtpmap != nullptr ? rtpmap->encoding : "payload type " + std::to_string(payload_type);
    if (rtpmap != nullptr && base::EqualsIgnoreCase(rtpmap->encoding, "telephone-event")) continue;
    if (std::find(names.begin(), names.end(), name) == names.end()) names.push_back(name);
  }
  return names.empty() ? "nothing" : base::Join(names, ", ");
}

Direction AnswerDirection(Direction offered) {
  switch (offered) {
    case Direction::kSendOnly:
      return Direction::kRecvOnly;
    case Direction::kRecvOnly:
      return Direction::kSendOnly;
    case Direction::kInactive:
      return Direction::kInactive;
    case Direction::kSendRecv:
      return Direction::kSendRecv;
  }
  return Direction::kSendRecv;
}

SessionDescription OurDescription(const std::string& local_address, int local_port,
                                  std::uint64_t session_id, std::uint64_t version) {
  SessionDescription description;
  description.session_id = session_id;
  description.session_version = version;
  description.origin_address = local_address;
  description.connection_address = local_address;
  MediaDescription audio;
  audio.media = "audio";
  audio.port = local_port;
  audio.protocol = "RTP/AVP";
  audio.ptime_ms = kOurPtimeMs;
  description.media.push_back(std::move(audio));
  return description;
}

void AddFormat(MediaDescription& media, RtpMap rtpmap) {
  media.payload_types.push_back(rtpmap.payload_type);
  media.rtpmaps.push_back(std::move(rtpmap));
}

void AddTelephoneEvent(MediaDescription& media, int payload_type) {
  AddFormat(media, RtpMap{payload_type, "telephone-event", 8000, 1});
  media.fmtp[payload_type] = kTelephoneEventDigits;
}

RtpMap G711RtpMap(rtp::Codec codec, int payload_type) {
  return RtpMap{payload_type, codec == rtp::Codec::kPcmu ? "PCMU" : "PCMA", 8000, 1};
}

}  // namespace

base::Result<AudioAgreement> AgreeOnAudio(const SessionDescription& remote) {
  const auto audio = std::find_if(remote.media.begin(), remote.media.end(), IsUsableAudio);
  if (audio == remote.media.end()) {
    return base::InvalidArgument(
        "SDP has no audio stream we can use (m=audio with a nonzero port on RTP/AVP)");
  }
  const std::optional<std::string>& address =
      audio->connection_address ? audio->connection_address : remote.connection_address;
  if (!address) return base::InvalidArgument("SDP gives no c= address for its audio stream");

  AudioAgreement agreement;
  agreement.remote_address = *address;
  agreement.remote_port = audio->port;
  agreement.remote_direction = audio->direction;
  bool found_codec = false;
  for (int payload_type : audio->payload_types) {
    const RtpMap* rtpmap = audio->FindRtpMap(payload_type);
    if (rtpmap == nullptr) continue;
    if (const std::optional<rtp::Codec> codec = G711(*rtpmap); codec && !found_codec) {
      agreement.codec = *codec;
      agreement.payload_type = payload_type;
      found_codec = true;
    } else if (Is(*rtpmap, "telephone-event", 8000) && agreement.telephone_event_payload_type < 0) {
      agreement.telephone_event_payload_type = payload_type;
    }
  }
  if (!found_codec) {
    return base::InvalidArgument("SDP offers no codec we speak (PCMU or PCMA); offered: " +
                                 OfferedCodecs(*audio));
  }
  agreement.on_hold = agreement.remote_direction == Direction::kSendOnly ||
                      agreement.remote_direction == Direction::kInactive ||
                      agreement.remote_address == "0.0.0.0";
  return agreement;
}

SessionDescription MakeAnswer(const AudioAgreement& agreement, const std::string& local_address,
                              int local_port, std::uint64_t session_id) {
  SessionDescription answer = OurDescription(local_address, local_port, session_id, 1);
  MediaDescription& audio = answer.media.front();
  AddFormat(audio, G711RtpMap(agreement.codec, agreement.payload_type));
  int event_payload_type = agreement.telephone_event_payload_type;
  if (event_payload_type < 0) {
    event_payload_type = agreement.payload_type == kOurTelephoneEventPayloadType
                             ? kOurTelephoneEventPayloadType + 1
                             : kOurTelephoneEventPayloadType;
  }
  AddTelephoneEvent(audio, event_payload_type);
  audio.direction = AnswerDirection(agreement.remote_direction);
  return answer;
}

SessionDescription MakeOffer(const std::string& local_address, int local_port,
                             std::uint64_t session_id, std::uint64_t version, Direction direction) {
  SessionDescription offer = OurDescription(local_address, local_port, session_id, version);
  MediaDescription& audio = offer.media.front();
  AddFormat(audio, G711RtpMap(rtp::Codec::kPcmu, 0));
  AddFormat(audio, G711RtpMap(rtp::Codec::kPcma, 8));
  AddTelephoneEvent(audio, kOurTelephoneEventPayloadType);
  audio.direction = direction;
  return offer;
}

}  // namespace telephony::sdp
