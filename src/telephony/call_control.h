#pragma once

#include <cstdint>
#include <string>

#include "base/clock.h"

// The seam between the call centre and the telephone network. The call centre commands calls
// through CallControl and hears back through CallEvents; no SIP type, no media and no thread of
// the network ever crosses it. Implementations: telephony/sim (a seeded simulated world, on a
// Clock) and, later, telephony/sip (real calls).
namespace telephony {

// Identifies one call leg for its whole life. 0 is never a valid id.
using CallId = std::uint64_t;

enum class AnswerKind { kHuman, kMachine };

// Why a call ended.
enum class EndCause {
  kBusy,          // before answer: the line was busy
  kNoAnswer,      // before answer: rang until the ring timeout
  kFailed,        // before answer: unreachable, invalid or refused by the network
  kRemoteHangup,  // after answer: the far end hung up
  kLocalHangup,   // we hung up (CallControl::Hangup); reported too, so every call ends once
};

bool EndedBeforeAnswer(EndCause cause);

// A call coming in from the network, not yet answered.
struct IncomingCall {
  std::string from;  // the caller's number, E.164 when the network gives one, else empty
  std::string to;    // the number dialled: which helpline line the caller chose
};

struct DialRequest {
  std::string number;     // E.164, e.g. "+919876543210"
  std::string caller_id;  // the number presented to the callee
  base::Duration ring_timeout = std::chrono::seconds(30);
};

// Callbacks into the call centre. They arrive on the thread that drives the call centre's
// Clock, never re-entrantly from inside a CallControl command.
class CallEvents {
 public:
  virtual ~CallEvents() = default;
  // An outbound call was answered; `kind` is what answer detection concluded.
  virtual void OnAnswered(CallId call, AnswerKind kind) = 0;
  // The call is over; nothing more will be reported about it.
  virtual void OnEnded(CallId call, EndCause cause) = 0;
  // A prompt started with Play() finished playing in full.
  virtual void OnPlayed(CallId call) = 0;
  // A DTMF digit ('0'-'9', '*', '#') from the far end.
  virtual void OnDigit(CallId call, char digit) = 0;
  // A call comes in: Accept() answers it, Hangup() refuses it. OnEnded follows either way.
  virtual void OnIncoming(CallId call, const IncomingCall& incoming) = 0;
  // The recording started by CallControl::Record could not be created or written (`reason`
  // names the file and the error); the call goes on unrecorded. Not reported once the call
  // has ended. Ignored unless overridden.
  virtual void OnRecordingFailed(CallId /*call*/, const std::string& /*reason*/) {}
};

// Commands from the call centre. Each returns at once; what follows is reported through the
// CallEvents given to SetEvents(). Commands on a call that has ended are ignored.
class CallControl {
 public:
  virtual ~CallControl() = default;

  // Where events go; must be set before the first command and outlive this object's calls.
  virtual void SetEvents(CallEvents* events) = 0;

  // Places an outbound call. OnAnswered or OnEnded follows.
  virtual CallId Dial(const DialRequest& request) = 0;

  // Answers an incoming call (see CallEvents::OnIncoming).
  virtual void Accept(CallId call) = 0;

  // Connects an answered call to an agent's line (the agent's phone, kept connected while the
  // agent is logged in). Voice flows both ways until either side ends the call.
  virtual void Bridge(CallId call, const std::string& agent_line) = 0;

  // Plays a named prompt ("abandon", "welcome_hi") to an answered call; OnPlayed follows.
  virtual void Play(CallId call, const std::string& prompt) = 0;

  // Ends the call (cancels it while still ringing). OnEnded(kLocalHangup) follows.
  virtual void Hangup(CallId call) = 0;

  // Records the answered call into the WAV file `wav_path` from now until StopRecording or the
  // end of the call, replacing any recording of it. The caller has announced the recording to
  // the person first (a consent prompt): nothing is ever recorded unless commanded here.
  // On real calls (sip/): 8 kHz, 16-bit stereo, the left channel what the call's far end says,
  // the right what the party bridged to it says (silence while bridged to none); the file and
  // its folder are created and written by a writer thread, never on the caller's thread or the
  // media thread. A file that cannot be created or written is logged as an error, reported
  // as CallEvents::OnRecordingFailed, and the call goes on unrecorded. The simulator writes no
  // file (see sim/).
  virtual void Record(CallId call, const std::string& wav_path) = 0;
  // Ends the call's recording, if any, and completes its file. Ending the call does too.
  virtual void StopRecording(CallId call) = 0;
};

}  // namespace telephony
