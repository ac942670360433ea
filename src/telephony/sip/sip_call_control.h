#pragma once

#include <atomic>
#include <cstdint>
#include <memory>

#include "base/clock.h"
#include "base/result.h"
#include "telephony/call_control.h"
#include "telephony/rtp/prompt_library.h"
#include "telephony/sip/sip_config.h"

namespace telephony::sip {

// Counters for tests, benchmarks and the health page. Read at any time.
struct SipStats {
  std::uint64_t incoming = 0;      // INVITEs that started a call
  std::uint64_t missed_calls = 0;  // rejected unanswered on a missed-call number
  std::uint64_t bad_requests = 0;  // answered 400 or 488 (bad SDP, no common codec)
  std::uint64_t answered = 0;      // calls answered either way
  std::uint64_t ended = 0;
  rtp::MediaStats media;  // the media engine's counters (see rtp::MediaStats)
};

// Missed-call numbers are handled here, not by the call centre: the caller is logged and
// refused without answering (so the call costs nothing). The call centre hears of it here.
class MissedCallSink {
 public:
  virtual ~MissedCallSink() = default;
  // On the Clock's thread.
  virtual void OnMissedCall(const IncomingCall& call) = 0;
};

// CallControl over real SIP (sofia-sip) and our RTP media engine. Calls come in on the listen
// address (UDP and TCP); outbound calls go to the first trunk with a free channel.
//
// Threads: sofia-sip runs on a thread of its own, media on another; every CallEvents callback is
// delivered on the Clock's timer thread (via RunAfter(0)), never re-entrantly. Commands may be
// called from any thread and return at once.
//
// An agent line (Bridge's `agent_line`) is the decimal CallId of an answered call to or from the
// agent's phone, kept open while the agent works.
class SipCallControl : public CallControl {
 public:
  // Binds the SIP address and starts both threads; OPTIONS are answered 200 from here on.
  // `prompts` and `clock` must outlive the object.
  static base::Result<std::unique_ptr<SipCallControl>> Start(const SipConfig& config,
                                                             base::Clock& clock,
                                                             const rtp::PromptLibrary& prompts);
  ~SipCallControl() override;

  void SetEvents(CallEvents* events) override;
  void SetMissedCallSink(MissedCallSink* sink);
  CallId Dial(const DialRequest& request) override;
  void Accept(CallId call) override;
  void Bridge(CallId call, const std::string& agent_line) override;
  void Play(CallId call, const std::string& prompt) override;
  void Hangup(CallId call) override;
  // Through the media engine (rtp::MediaEngine::Record): stereo, the caller left, the party
  // bridged to the call right.
  void Record(CallId call, const std::string& wav_path) override;
  void StopRecording(CallId call) override;

  SipStats Stats() const;

  class Impl;

 private:
  explicit SipCallControl(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

}  // namespace telephony::sip
