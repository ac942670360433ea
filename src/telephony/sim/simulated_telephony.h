#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <unordered_map>

#include "base/clock.h"
#include "telephony/call_control.h"
#include "telephony/sim/call_fate.h"
#include "telephony/sim/world_params.h"

namespace telephony::sim {

// The telephone world outside, as a seeded discrete-event model on a Clock. The n-th dial of a
// number lives out FateOf(params, number, n) cut by its ring timeout; after that:
//  - a person who answered waits `patience` in silence, then hangs up; a prompt playing pauses
//    the wait. Once bridged, the person talks for `talk_time`, then hangs up.
//  - a machine hangs up `machine_hangup` after answering, whatever we do.
//  - callers ring in to the helpline (WorldParams::inbound_per_hour; InboundCallerFate) from
//    the start until StopArrivals(); a caller not accepted within `inbound_ring` hangs up; an
//    accepted caller holds `queue_patience` (prompts do not stop that clock), then hangs up;
//    once bridged, talks for their talk time.
//  - Bridge() and Play() act on answered calls only; Bridge() stops a prompt that is playing
//    (no OnPlayed for it), and a new Play() replaces the one playing.
//  - Record() on an answered call remembers the path as the call's recording (RecordingOf)
//    until StopRecording() or the end; no file is written (the simulated world has no audio).
//  - Hangup() cancels everything pending for the call; OnEnded(kLocalHangup) follows from a
//    timer, never from inside the command.
// Every event comes from a Clock timer. Commands on unknown or ended calls (or calls being hung
// up) are ignored. Not thread-safe: drive it and its Clock from one thread. `clock` must outlive
// this object; destroying it cancels its pending timers.
class SimulatedTelephony : public CallControl {
 public:
  // Outcomes as reported to CallEvents so far.
  struct Counters {
    std::int64_t dialled = 0;
    std::int64_t answered_human = 0;
    std::int64_t answered_machine = 0;
    std::int64_t busy = 0;
    std::int64_t failed = 0;
    std::int64_t no_answer = 0;
    std::int64_t remote_hangups = 0;
    std::int64_t local_hangups = 0;
    std::int64_t incoming = 0;    // callers who rang in
    std::int64_t recordings = 0;  // Record() commands taken on answered calls
  };

  // `params` must be valid (Validate(params).ok(); asserted).
  SimulatedTelephony(base::Clock& clock, WorldParams params);
  ~SimulatedTelephony() override;
  SimulatedTelephony(const SimulatedTelephony&) = delete;
  SimulatedTelephony& operator=(const SimulatedTelephony&) = delete;

  void SetEvents(CallEvents* events) override;
  CallId Dial(const DialRequest& request) override;
  void Accept(CallId call) override;
  void Bridge(CallId call, const std::string& agent_line) override;
  void Play(CallId call, const std::string& prompt) override;
  void Hangup(CallId call) override;
  void Record(CallId call, const std::string& wav_path) override;
  void StopRecording(CallId call) override;

  // The path of the call's running recording; nullopt when it has none (or is unknown, over).
  std::optional<std::string> RecordingOf(CallId call) const;

  // No more callers ring in; those already in go on.
  void StopArrivals();

  const Counters& counters() const { return counters_; }
  // Calls dialled whose OnEnded has not been delivered yet.
  int calls_in_progress() const { return static_cast<int>(calls_.size()); }
  const WorldParams& params() const { return params_; }

  // Foresight, for the oracle pacer of simulations only: when a bridged call's far end will
  // hang up; nullopt for a call that is not bridged (or unknown, or over).
  std::optional<base::TimePoint> PlannedEnd(CallId call) const;

 private:
  enum class Phase { kRinging, kOffered, kWaiting, kBridged, kMachine, kHangingUp };

  struct Call {
    CallFate fate;  // already cut by the ring timeout; for a caller: talk time and patience
    bool inbound = false;
    Phase phase = Phase::kRinging;
    base::TimerId life_timer = 0;          // ring outcome, patience, talk, machine or local hang-up
    base::TimerId prompt_timer = 0;        // the prompt playing, if any
    base::TimePoint waiting_since;         // kWaiting: when the current stretch of silence began
    base::Duration patience_left{};        // kWaiting: what is left of the fate's patience
    base::TimePoint talk_ends;             // kBridged: when the person will hang up
    std::optional<std::string> recording;  // the path given to Record(), until stopped
  };
  using Step = void (SimulatedTelephony::*)(CallId);

  // The call, unless it is unknown, ended or being hung up.
  Call* Live(CallId id);
  base::TimerId After(base::Duration delay, CallId id, Step step);
  // Cancels `timer` if set (a timer that already fired is harmless) and clears it.
  void CancelTimer(base::TimerId& timer);

  void ScheduleArrival();
  void Arrive();
  void RingOutcome(CallId id);
  void Answer(CallId id, Call& call);
  void StartWaiting(CallId id, Call& call);
  void PauseWaiting(Call& call);
  void PromptDone(CallId id);
  void RemoteHangup(CallId id);
  void LocalHangup(CallId id);
  void End(CallId id, EndCause cause);
  void Count(EndCause cause);

  base::Clock& clock_;
  WorldParams params_;
  CallEvents* events_ = nullptr;
  CallId next_id_ = 1;
  std::unordered_map<std::string, int> attempts_;
  std::unordered_map<CallId, Call> calls_;
  Counters counters_;
  std::int64_t callers_ = 0;         // callers who rang in so far
  base::TimerId arrival_timer_ = 0;  // the next caller's ring
};

}  // namespace telephony::sim
