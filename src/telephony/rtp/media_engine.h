#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "base/result.h"

// jansampark's own RTP media engine: one thread, event-driven (epoll), that owns every media
// leg's UDP socket. It plays prompts at an exact 20 ms cadence, hears RFC 4733 digits, bridges
// two legs (sequence, timestamp and SSRC rewritten so each far end sees one continuous stream),
// and records to WAV through a writer thread so that the media thread never touches the disk.
namespace telephony::rtp {

// Identifies a media leg; chosen by the caller (the SIP layer uses its call id). 0 is invalid.
using LegId = std::uint64_t;

enum class Codec { kPcmu, kPcma };  // G.711 µ-law (payload type 0) and A-law (8)

// A prompt ready to send: 8 kHz samples already encoded both ways, shared between legs.
struct Prompt {
  std::vector<std::uint8_t> pcmu;
  std::vector<std::uint8_t> pcma;
};
using PromptRef = std::shared_ptr<const Prompt>;

// Where a leg's packets go and how they are encoded, from the SDP offer/answer.
struct RemoteMedia {
  std::string address;  // IPv4 dotted quad
  int port = 0;
  Codec codec = Codec::kPcmu;
  int payload_type = 0;
  int telephone_event_payload_type = -1;  // -1: the far end takes no RFC 4733 events
};

// Called on the media thread; implementations hand the event off and return at once.
class MediaEvents {
 public:
  virtual ~MediaEvents() = default;
  // The prompt started by Play() has been sent in full (not called when stopped early).
  virtual void OnPlayed(LegId leg) = 0;
  // An RFC 4733 digit ('0'-'9', '*', '#') ended; reported once per event.
  virtual void OnDigit(LegId leg, char digit) = 0;
  // The leg's recording could not be created or written (`reason` says which file and why);
  // it has ended. Called on the recorder's writer thread, not the media thread. Ignored unless
  // overridden.
  virtual void OnRecordingFailed(LegId /*leg*/, const std::string& /*reason*/) {}
};

// Counters since Start, for tests and benchmarks; each read on its own (not a snapshot).
struct MediaStats {
  std::uint64_t packets_received = 0;   // parsed RTP packets, any payload type
  std::uint64_t packets_sent = 0;       // prompt frames, forwarded audio and events
  std::uint64_t malformed_dropped = 0;  // datagrams (or RFC 4733 payloads) that did not parse
  std::uint64_t other_dropped = 0;      // unknown payload types and failed sends
  // Audio received on a leg whose audio nobody hears: not bridged (yet, or any more), or the
  // other leg playing a prompt or with no address yet.
  std::uint64_t unheard = 0;
};

struct MediaConfig {
  std::string address = "127.0.0.1";  // where legs' sockets bind
  int port_low = 10000;               // even ports from [port_low, port_high] are used
  int port_high = 20000;
  // Sends each wake-up's packets with one io_uring submission where the kernel allows it
  // (false: one sendto per packet).
  bool batch_sends = true;
};

// Thread-safe: every method may be called from any thread; they queue work for the media
// thread and return without waiting on the network.
class MediaEngine {
 public:
  // Starts the media thread. `events` must outlive the engine.
  static base::Result<std::unique_ptr<MediaEngine>> Start(const MediaConfig& config,
                                                          MediaEvents* events);
  virtual ~MediaEngine() = default;

  // Binds a socket for `leg` on a free even port of the range and returns the port, on the
  // calling thread (it never waits for the media thread). kUnavailable when the range is
  // exhausted; kConflict when `leg` is already open.
  virtual base::Result<int> OpenLeg(LegId leg) = 0;
  // Starts (or changes) where the leg sends; before this the leg only listens.
  virtual void SetRemote(LegId leg, const RemoteMedia& remote) = 0;
  // Sends `prompt` from its start, replacing any prompt playing; OnPlayed follows at its end.
  virtual void Play(LegId leg, PromptRef prompt) = 0;
  virtual void StopPlaying(LegId leg) = 0;
  // Connects two legs both ways (stops their prompts); Unbridge or closing either ends it.
  virtual void Bridge(LegId a, LegId b) = 0;
  virtual void Unbridge(LegId leg) = 0;
  // Records `leg` to a 16-bit 8 kHz stereo WAV, replacing any recording of the leg: the left
  // channel is what the leg's far end says, the right what the far end of the leg bridged to it
  // says (silence while it is bridged to none; prompts are not recorded). The two are paired as
  // they arrive (StereoAligner). The writer thread creates the file (and its folder) and does
  // all the disk work; the media thread only hands it decoded samples. The file is complete
  // once StopRecording, the leg closed or the engine destroyed; a file that cannot be created
  // or written is logged as an error and reported (MediaEvents::OnRecordingFailed), and the
  // leg goes on unrecorded.
  virtual void Record(LegId leg, const std::string& wav_path) = 0;
  // Ends the leg's recording, if any, and completes its file.
  virtual void StopRecording(LegId leg) = 0;
  // Closes the socket and frees the port (and the leg id), on the media thread: a port is free
  // for OpenLeg again a moment after; finishes any recording.
  virtual void CloseLeg(LegId leg) = 0;
  virtual MediaStats Stats() const = 0;
};

}  // namespace telephony::rtp
