#pragma once

#include <optional>
#include <string>
#include <unordered_map>

#include "base/clock.h"
#include "base/status.h"
#include "callcenter/campaign.h"
#include "callcenter/contact_source.h"
#include "store/store.h"
#include "telephony/call_control.h"

namespace callcenter {

// What a BroadcastDialer plays and how fast it dials. Prompt names are the ones CallControl
// plays, already resolved (an uploaded prompt is "CAMPAIGN/NAME": see broadcast_setup.h).
struct BroadcastSettings {
  std::string campaign_id;
  // The MCMC's pre-certification number of the message; Start() refuses without one.
  std::string mcmc_certificate;
  std::string message_prompt;
  // The press-1 question, its `prompt` resolved; none: the call ends after the message.
  std::optional<BroadcastQuestion> question;
  std::string thank_you_prompt = "thank_you";
  int max_calls_in_progress = 30;  // ringing or playing at once
  int calls_per_second = 5;        // new calls placed per second at most
  base::Duration ring_timeout = std::chrono::seconds(25);
  // How long after the question has played a key is waited for.
  base::Duration digit_timeout = std::chrono::seconds(8);
  std::string caller_id;
};

// What happened to a broadcast's calls so far.
struct BroadcastStats {
  int dialled = 0;
  int answered = 0;  // by a person
  int machines = 0;  // answering machines: hung up at once, the message is not left
  int busy = 0;
  int no_answer = 0;
  int failed = 0;
  int answers = 0;       // answers stored
  int answers_lost = 0;  // answers the store refused (logged)
  int wrong_digits = 0;  // keys outside 1..choices
  int timeouts = 0;      // asked, and no valid key came in time
};

// The voice broadcast of one campaign: takes numbers from its ContactSource (a CallingList in
// production, which checks DND, the do-not-call list, calling hours, the silence before a poll
// and the attempt limit at the moment each is handed out, exactly as for the Dialer) and dials
// them through CallControl, at most `calls_per_second` new calls each second and at most
// `max_calls_in_progress` at once. A person who answers hears the message, then the question;
// a key from 1 to `choices` (pressed during the question or within `digit_timeout` after it)
// is stored as their answer, they hear "thank you" and the call is hung up. A key outside the
// range replays the question once; a second wrong key, or silence, ends the call with no
// answer. Keys during the message are ignored. An answering machine is hung up at once (the
// message is not left on voicemail: nobody could answer the question, and the retry policy
// calls again). Outcomes go back to the source: a person reached is kConnected, whatever they
// pressed; a machine, busy line, no answer or failure is retried by the source's policy.
// Single-threaded: everything runs on the Clock's thread.
class BroadcastDialer : public telephony::CallEvents {
 public:
  // All references must outlive the dialer. Becomes `control`'s events.
  BroadcastDialer(base::Clock& clock, telephony::CallControl& control, ContactSource& contacts,
                  store::BroadcastAnswerStore& answers, BroadcastSettings settings);
  ~BroadcastDialer() override;
  BroadcastDialer(const BroadcastDialer&) = delete;
  BroadcastDialer& operator=(const BroadcastDialer&) = delete;

  // Starts placing calls, at once and then every second. kConflict, placing no call, when the
  // settings have no MCMC certificate (the product has no "failed precondition" code: kConflict
  // is its "not in a state to do this"), or no message prompt; kInvalidArgument when the rates
  // are below 1 or choices outside 1..5. Starting twice is a no-op.
  base::Status Start();
  // Places no more calls; calls in progress run out.
  void Stop();

  const BroadcastStats& stats() const { return stats_; }
  std::size_t calls_in_progress() const { return calls_.size(); }
  bool running() const { return running_; }

  // telephony::CallEvents
  void OnAnswered(telephony::CallId call, telephony::AnswerKind kind) override;
  void OnEnded(telephony::CallId call, telephony::EndCause cause) override;
  void OnPlayed(telephony::CallId call) override;
  void OnDigit(telephony::CallId call, char digit) override;
  void OnIncoming(telephony::CallId call, const telephony::IncomingCall& incoming) override;

 private:
  enum class Phase { kRinging, kMessage, kAsking, kWaitingForKey, kThanking, kHangingUp };
  struct Call {
    DialTarget target;
    Phase phase = Phase::kRinging;
    bool machine = false;
    bool asked_again = false;  // the question was replayed after a wrong key
    std::optional<base::TimerId> timer;
  };

  base::Status CheckSettings() const;
  void Tick();
  void PlaceCalls();
  void Ask(telephony::CallId id, Call& call);
  void OnKey(telephony::CallId id, Call& call, char digit);
  void RecordAnswer(const Call& call, char digit);
  void OnKeyTimeout(telephony::CallId id);
  void HangUp(telephony::CallId id, Call& call);
  void CancelTimer(Call& call);

  base::Clock& clock_;
  telephony::CallControl& control_;
  ContactSource& contacts_;
  store::BroadcastAnswerStore& answers_;
  BroadcastSettings settings_;
  bool running_ = false;
  std::optional<base::TimerId> tick_timer_;
  std::unordered_map<telephony::CallId, Call> calls_;
  BroadcastStats stats_;
};

}  // namespace callcenter
