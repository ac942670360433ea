#pragma once

#include <netinet/in.h>

#include <cstddef>
#include <cstdint>
#include <optional>

#include "telephony/rtp/media_engine.h"
#include "telephony/rtp/recorder.h"

namespace telephony::rtp {

// One leg's state, owned and touched only by the media thread.
struct MediaLeg {
  LegId id = 0;
  int fd = -1;
  int port = 0;

  std::optional<RemoteMedia> remote;
  sockaddr_in remote_address{};

  // What we send: one SSRC for the leg's life, its own sequence and timestamp (the next to use).
  std::uint32_t ssrc = 0;
  std::uint16_t sequence = 0;
  std::uint32_t timestamp = 0;
  bool marker_next = true;  // the next packet starts a talk spurt

  PromptRef prompt;  // null when not playing
  std::size_t prompt_position = 0;

  LegId bridged_to = 0;
  // Added to the other leg's timestamps when forwarding to this leg; chosen at the first
  // forwarded packet so that the timestamps continue from what this leg last sent.
  std::optional<std::uint32_t> forward_offset;

  // RFC 4733: the timestamp of the last event reported, so retransmitted ends are not.
  std::optional<std::uint32_t> last_event_timestamp;

  std::optional<Recorder::RecordingId> recording;
};

}  // namespace telephony::rtp
