#pragma once

#include <chrono>
#include <cstddef>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "base/result.h"
#include "base/status.h"
#include "callcenter/calling_hours.h"
#include "callcenter/calling_list.h"
#include "callcenter/dial_mode.h"
#include "callcenter/survey.h"
#include "telephony/ivr/flow.h"

namespace callcenter {

// Whether a campaign places calls, takes them, or both; a broadcast places calls that play a
// recorded message (and may ask one press-1 question) with no agent.
enum class CampaignKind { kOutbound, kInbound, kBlended, kBroadcast };

// "outbound", "inbound", "blended", "broadcast" (the names in campaign files).
std::string_view CampaignKindName(CampaignKind kind);

// What choosing a disposition does to the contact, besides being recorded on the attempt.
enum class DispositionEffect {
  kNone,       // nothing more: the call's outcome decides (a connected call closes the contact)
  kDone,       // close the contact: it is not called again in this campaign
  kRetry,      // call again after the retry interval for no answer
  kCallback,   // call again at a time the agent agrees with the person
  kDoNotCall,  // the person asked not to be called: the number joins the do-not-call list
};

// "none", "done", "retry", "callback", "do_not_call" (the names in campaign files).
std::string_view DispositionEffectName(DispositionEffect effect);

// One choice an agent has in wrap-up.
struct Disposition {
  std::string code;  // a slug, unique in the campaign
  std::string label;
  DispositionEffect effect = DispositionEffect::kNone;

  bool operator==(const Disposition&) const = default;
};

// ---- Voice broadcast (kind "broadcast") -------------------------------------------------------

// The press-1 question a broadcast may ask after its message: the callee presses one digit
// from 1 to `choices`.
struct BroadcastQuestion {
  static constexpr int kMaxChoices = 5;

  std::string id;      // a slug; answers are stored under it
  std::string prompt;  // the prompt that asks it (a prompt name, see Broadcast::message)
  int choices = 0;     // the highest digit accepted, 1..kMaxChoices

  bool operator==(const BroadcastQuestion&) const = default;
};

// What a broadcast campaign plays. Prompt names are resolved when the broadcast starts (a
// prompt uploaded to the campaign first, then a built-in one), not by Validate().
struct Broadcast {
  static constexpr std::size_t kMaxCertificateLength = 100;  // characters
  static constexpr int kMaxCallsInProgress = 1000;
  static constexpr int kMaxCallsPerSecond = 100;

  std::string message;  // prompt name: letters, digits, '_' and '-' (IsPromptName)
  // The number under which the MCMC (the Election Commission's Media Certification and
  // Monitoring Committee) pre-certified the message, e.g. "MCMC/DL/2026/0412". Required: a
  // political advertisement may not be broadcast without it.
  std::string mcmc_certificate;
  std::optional<BroadcastQuestion> question;
  int max_calls_in_progress = 30;  // 1..kMaxCallsInProgress
  int calls_per_second = 5;        // 1..kMaxCallsPerSecond

  bool operator==(const Broadcast&) const = default;
};

// Whether `text` may name a prompt: 1 to 64 of a-z, A-Z, 0-9, '_' and '-'.
bool IsPromptName(std::string_view text);

// ---- end of voice broadcast ------------------------------------------------------------------

// Recording of calls (the file's "recording"). Off unless `enabled`: then every person who
// reaches an agent first hears `consent_prompt` in their language (the agent reserved and waiting),
// and the call is recorded from the bridge on to <directory>/<campaign id>/<attempt or call>.wav.
struct RecordingPolicy {
  static constexpr std::size_t kMaxDirectoryLength = 1000;  // characters
  // Not "recording_consent", which asks an IVR caller to leave a message.
  static constexpr std::string_view kDefaultConsentPrompt = "call_recording_consent";
  static constexpr std::string_view kDefaultDirectory = "recordings";

  bool enabled = false;
  std::string consent_prompt{kDefaultConsentPrompt};  // a prompt name (IsPromptName)
  std::string directory;  // empty: kDefaultDirectory, relative to where the server runs

  // `directory`, or kDefaultDirectory when it is empty.
  std::string DirectoryOrDefault() const;
  bool operator==(const RecordingPolicy&) const = default;
};

// One campaign of the call centre as its file defines it (docs/json.md). A plain value; check
// it with Validate() before anything uses it.
struct Campaign {
  static constexpr int kMaxAttempts = 10;
  static constexpr std::chrono::minutes kMinRetryInterval{1};
  static constexpr std::chrono::minutes kMaxRetryInterval{7 * 24 * 60};
  static constexpr double kDefaultAbandonTarget = 0.03;
  // 3% of answered calls is the product's ceiling (DESIGN.md): a campaign may only be stricter.
  static constexpr double kMaxAbandonTarget = 0.03;
  static constexpr std::size_t kMaxNameLength = 200;   // characters
  static constexpr std::size_t kMaxNoteLength = 2000;  // characters
  static constexpr std::size_t kMaxLabelLength = 100;  // characters, of a disposition

  std::string id;  // a slug (IsSlug)
  std::string name;
  std::string note;  // free text for people, e.g. the campaign's purpose; not interpreted
  CampaignKind kind = CampaignKind::kOutbound;
  // Outbound and blended campaigns must have one; inbound campaigns place no calls, have none.
  std::optional<DialMode> dial_mode;
  std::vector<std::string> languages;      // ISO 639 codes ("hi", "en", "mai"); at least one
  std::vector<std::string> contact_lists;  // names (slugs) of the lists called; none if inbound
  CallingHours hours;                      // when calls are placed, in IST
  RetryPolicy retry;                       // intervals in whole minutes from campaign files
  double abandon_target = kDefaultAbandonTarget;  // of answered calls, in (0, kMaxAbandonTarget]
  std::vector<SurveyQuestion> survey;             // may be empty
  std::vector<Disposition> dispositions;          // at least one, and one with effect kDoNotCall
  // The IVR flow inbound callers hear before the queue (docs/ivr.md), as the JSON text of the
  // file's "ivr" object; empty: none, callers are queued at once. Inbound and blended only.
  // Kept as text so that the campaign reads back as it was written; IvrFlowOf() parses it.
  std::string ivr;
  // Broadcast campaigns only, and required for them: the message, its MCMC certificate and
  // the press-1 question. A broadcast has no agents: no dial mode, survey or dispositions.
  std::optional<Broadcast> broadcast;

  // Call recording; off by default.
  RecordingPolicy recording;

  // OkStatus, or kInvalidArgument for the first rule broken, naming the campaign and the field
  // by its path in the campaign file: "campaign ls-volunteers: retry.max_attempts must be from
  // 1 to 10, not 0".
  base::Status Validate() const;
};

// Field by field; calling hours by their window.
bool operator==(const Campaign& a, const Campaign& b);

// The campaign's IVR flow, checked whole (telephony::ivr::ParseFlow); null when it has none.
// kInvalidArgument "ivr: <the flow's error>" ("ivr: steps.welcome.next: no step named
// 'langauge' (did you mean 'language'?)") when it is no valid flow. Validate() checks more.
base::Result<std::shared_ptr<const telephony::ivr::Flow>> IvrFlowOf(const Campaign& campaign);

// Whether `text` is a slug: 1 to 64 of a-z, 0-9 and '-', the first a letter or a digit (so
// that it is never taken for a command-line flag). Campaign ids, list names, question ids and
// disposition codes are slugs.
bool IsSlug(std::string_view text);

// Whether `text` looks like an ISO 639 code: two or three lower-case letters ("hi", "mai").
bool IsLanguageCode(std::string_view text);

}  // namespace callcenter
