#pragma once

#include <cstdint>
#include <string>

#include "base/result.h"
#include "telephony/rtp/media_engine.h"  // for rtp::Codec only; telephony_rtp is not linked
#include "telephony/sdp/session_description.h"

// The offer/answer exchange of RFC 3264 for the one kind of call we make: a single G.711 audio
// stream with RFC 4733 telephone events.
namespace telephony::sdp {

// What we take from the far end's description: where to send, and how to encode.
struct AudioAgreement {
  std::string remote_address;  // IPv4 dotted quad; "0.0.0.0" when the far end holds the call
  int remote_port = 0;
  rtp::Codec codec = rtp::Codec::kPcmu;
  int payload_type = 0;                   // the far end's number for `codec`
  int telephone_event_payload_type = -1;  // -1: the far end offered no telephone-event/8000
  Direction remote_direction = Direction::kSendRecv;
  // The far end holds the call: it said sendonly or inactive, or gave the address 0.0.0.0
  // (the RFC 2543 way, still sent by old phones).
  bool on_hold = false;

  bool operator==(const AudioAgreement&) const = default;
};

// Picks the audio stream and codec from the far end's offer or answer: the first m=audio on
// RTP/AVP (or RTP/AVPF) with a nonzero port; the first of its payload types that is PCMU/8000
// or PCMA/8000 (static 0 and 8 count without an rtpmap); its telephone-event/8000 if listed.
// kInvalidArgument when there is no such stream ("SDP has no audio stream ...") or it offers
// neither G.711 codec ("SDP offers no codec we speak (PCMU or PCMA); offered: G729, opus").
base::Result<AudioAgreement> AgreeOnAudio(const SessionDescription& remote);

// Our answer to the offer `agreement` came from: the agreed codec under the far end's payload
// type, telephone-event/8000 (fmtp 0-16) under the far end's number for it or else 101 (102
// when the far end numbered its G.711 101), ptime 20, and the direction RFC 3264 asks for
// (sendonly -> recvonly, recvonly -> sendonly, inactive -> inactive, else sendrecv).
// session_version is 1: a caller answering a later re-offer in the same session must set it
// one above the version it last sent.
SessionDescription MakeAnswer(const AudioAgreement& agreement, const std::string& local_address,
                              int local_port, std::uint64_t session_id);

// Our offer: PCMU (0), PCMA (8) and telephone-event/8000 (101, fmtp 0-16), ptime 20. A re-INVITE
// that holds the call offers kSendOnly with `version` one above the last one sent.
SessionDescription MakeOffer(const std::string& local_address, int local_port,
                             std::uint64_t session_id, std::uint64_t version, Direction direction);

}  // namespace telephony::sdp
