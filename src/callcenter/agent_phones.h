#pragma once

#include <functional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>

#include "base/clock.h"
#include "base/status.h"
#include "callcenter/agent_pool.h"
#include "telephony/call_control.h"

namespace callcenter {

enum class PhoneStatus {
  kOff,        // no leg: never called, or released
  kDialling,   // the agent's phone is ringing
  kConnected,  // the leg is open and is the agent's line; the agent is logged in
  kFailed,     // the phone did not answer the last Ready (busy, no answer, ...): `reason`
  kDropped,    // the leg ended while the agent worked (hung up, network): `reason`
};
std::string_view PhoneStatusName(PhoneStatus status);

// Where an agent's phone leg stands, for the agent's desktop.
struct PhoneState {
  PhoneStatus status = PhoneStatus::kOff;
  std::string reason;         // why kFailed or kDropped ("busy", "no answer"); else empty
  telephony::CallId leg = 0;  // while dialling or connected; else 0
};

struct AgentPhoneSettings {
  std::string caller_id;  // the number the agent's phone shows (the campaign's, say)
  base::Duration ring_timeout = std::chrono::seconds(30);
  // Played on the leg when the agent answers, so they know they are logged in.
  std::string beep_prompt = "beep";
};

// Phone-as-headset: agents work on their own mobile. Ready() calls the agent's phone
// (AgentProfile::phone) through `control`; when a person answers, the agent hears a beep and is
// logged in with the leg as their line (Agent::LogIn(line), the line being the decimal CallId,
// as SipCallControl's Bridge expects). The leg stays open between customers; the Dialer bridges
// each customer to it (through BeepOnBridge, so the agent hears a beep as each comes in).
//
//   - A dial that is busy, not answered, refused, or answered by a machine (voicemail) leaves
//     the agent offline, and the phone kFailed with the reason.
//   - When the leg ends by itself (the agent hung up, the network dropped it), the agent loses
//     the line (Agent::LoseLine: offline, any call they were on is dropped) and the phone is
//     kDropped. Ready() may call again.
//   - Whenever the agent goes offline otherwise (Release, a log-out from the desktop, the pause
//     timeout), the leg is hung up: an open leg with nobody logged in on it only costs money.
//   - Release() logs the agent out, which waits for the end of their current call and wrap-up;
//     then the leg is hung up as above. While still dialling, it cancels the call.
//
// An agent may work on a SIP softphone instead: with AgentProfile::phone "sip:USER" (USER one of
// the serve config's `sip.accounts`), SipCallControl rings the softphone registered as USER, and
// everything above holds as for a mobile; while no softphone is registered as USER, the phone
// ends kFailed at once.
//
// `control` is AgentPhones' own: its events become this object's (on a shared network, a view
// of a CallControlMux). Incoming calls are refused.
//
// All references must outlive this object, and `control` must report no more events after it
// is gone. Single-threaded: call from the Clock's thread.
class AgentPhones : public telephony::CallEvents, private AgentListener {
 public:
  // Told of every change of an agent's PhoneState, after it happened. May call Ready/Release;
  // must not destroy this object.
  using ChangeFn = std::function<void(const std::string& agent_id, const PhoneState& state)>;

  // Becomes `control`'s events and a watcher of `agents`.
  AgentPhones(telephony::CallControl& control, AgentPool& agents, AgentPhoneSettings settings);
  ~AgentPhones() override;
  AgentPhones(const AgentPhones&) = delete;
  AgentPhones& operator=(const AgentPhones&) = delete;

  void SetOnChange(ChangeFn on_change) { on_change_ = std::move(on_change); }

  // Calls the agent's phone; they are logged in once it is answered. kNotFound for an unknown
  // agent, kInvalidArgument when the agent has no phone, kConflict when their phone is already
  // dialling or connected or they are logged in already (on another line).
  base::Status Ready(const std::string& agent_id);
  // Logs the agent out after their current call and hangs up the leg (see above). kNotFound
  // for an unknown agent, kConflict when their phone is neither dialling nor connected.
  base::Status Release(const std::string& agent_id);

  // The agent's phone now; kOff for an agent never called (or unknown).
  PhoneState StateOf(const std::string& agent_id) const;

  // telephony::CallEvents, about the legs.
  void OnAnswered(telephony::CallId call, telephony::AnswerKind kind) override;
  void OnEnded(telephony::CallId call, telephony::EndCause cause) override;
  void OnPlayed(telephony::CallId call) override;
  void OnDigit(telephony::CallId call, char digit) override;
  void OnIncoming(telephony::CallId call, const telephony::IncomingCall& incoming) override;

 private:
  struct Phone {
    PhoneState state;
    bool hanging_up = false;  // we hung the leg up; its OnEnded is ours, not a drop
    std::string failure;      // why we hung up a leg that never became the agent's line
  };

  // AgentListener, as a watcher of the pool.
  void OnAgentStateChanged(const Agent& agent, AgentState from, AgentChangeCause cause) override;
  void OnTalkTimedOut(const Agent& agent, telephony::CallId call) override;

  // The agent and phone whose leg `call` is, or null.
  Phone* PhoneOfLeg(telephony::CallId call, std::string* agent_id);
  void HangUp(Phone& phone, std::string failure);
  void Notify(const std::string& agent_id, const Phone& phone);

  telephony::CallControl& control_;
  AgentPool& agents_;
  AgentPhoneSettings settings_;
  ChangeFn on_change_;
  std::unordered_map<std::string, Phone> phones_;                // by agent id
  std::unordered_map<telephony::CallId, std::string> agent_of_;  // open leg -> agent id
};

}  // namespace callcenter
