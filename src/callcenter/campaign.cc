#include "callcenter/campaign.h"

#include <algorithm>
#include <set>

#include "base/text.h"
#include "telephony/ivr/flow_parser.h"

namespace callcenter {
namespace {

constexpr std::size_t kMaxSlugLength = 64;

base::Status Invalid(const std::string& path, const std::string& rule) {
  return base::InvalidArgument(path + " " + rule);
}

base::Status CheckText(const std::string& text, const std::string& path, std::size_t max_length,
                       bool required) {
  if (required && base::Trim(text).empty()) return Invalid(path, "must not be empty");
  std::size_t length = CountCharacters(text);
  if (length > max_length) {
    return Invalid(path, "has " + std::to_string(length) + " characters; at most " +
                             std::to_string(max_length) + " are allowed");
  }
  return base::OkStatus();
}

// Every name a slug, none twice. `path` is the list's ("contact_lists").
base::Status CheckSlugs(const std::vector<std::string>& names, const std::string& path) {
  std::set<std::string_view> seen;
  for (std::size_t i = 0; i < names.size(); ++i) {
    std::string item = path + "[" + std::to_string(i) + "]";
    if (!IsSlug(names[i])) {
      return Invalid(item, "'" + names[i] +
                               "' must be 1 to 64 of a-z, 0-9 and '-', starting with a letter "
                               "or a digit");
    }
    if (!seen.insert(names[i]).second) return Invalid(item, "'" + names[i] + "' is listed twice");
  }
  return base::OkStatus();
}

base::Status CheckLanguages(const std::vector<std::string>& languages) {
  if (languages.empty()) return Invalid("languages", "must name at least one language");
  std::set<std::string_view> seen;
  for (std::size_t i = 0; i < languages.size(); ++i) {
    std::string item = "languages[" + std::to_string(i) + "]";
    if (!IsLanguageCode(languages[i])) {
      return Invalid(item, "'" + languages[i] +
                               "' must be an ISO 639 code: two or three lower-case letters "
                               "(hi, en, mai)");
    }
    if (!seen.insert(languages[i]).second) {
      return Invalid(item, "'" + languages[i] + "' is listed twice");
    }
  }
  return base::OkStatus();
}

// Only campaigns that place calls have a dial mode and lists to call.
base::Status CheckCalling(const Campaign& campaign) {
  std::string kind(CampaignKindName(campaign.kind));
  if (campaign.kind == CampaignKind::kBroadcast) {
    if (campaign.dial_mode) {
      return Invalid("dial_mode",
                     "is not for a broadcast campaign: it has no agents, and is paced by "
                     "broadcast.max_calls_in_progress and broadcast.calls_per_second");
    }
    if (campaign.contact_lists.empty()) {
      return Invalid("contact_lists", "must name at least one list for a broadcast campaign");
    }
    return CheckSlugs(campaign.contact_lists, "contact_lists");
  }
  if (campaign.kind == CampaignKind::kInbound) {
    if (campaign.dial_mode) {
      return Invalid("dial_mode",
                     "is only for outbound and blended campaigns; an inbound "
                     "campaign places no calls");
    }
    if (!campaign.contact_lists.empty()) {
      return Invalid("contact_lists", "must be empty: an inbound campaign places no calls");
    }
    return base::OkStatus();
  }
  if (!campaign.dial_mode) {
    return Invalid("dial_mode", "is required for an " + kind +
                                    " campaign (preview, progressive, power:RATIO or predictive)");
  }
  const DialMode& mode = *campaign.dial_mode;
  if (mode.kind == DialModeKind::kPower &&
      !(mode.ratio >= DialMode::kMinRatio && mode.ratio <= DialMode::kMaxRatio)) {
    return Invalid("dial_mode", "power ratio must be from 1 to 10 calls per ready agent");
  }
  if (mode.kind != DialModeKind::kPower && mode.ratio != 1.0) {
    return Invalid("dial_mode", "has a ratio, which only power dialling takes");
  }
  if (campaign.contact_lists.empty()) {
    return Invalid("contact_lists", "must name at least one list for an " + kind + " campaign");
  }
  return CheckSlugs(campaign.contact_lists, "contact_lists");
}

base::Status CheckInterval(base::Duration interval, const std::string& key) {
  if (interval >= Campaign::kMinRetryInterval && interval <= Campaign::kMaxRetryInterval) {
    return base::OkStatus();
  }
  auto minutes = std::chrono::duration_cast<std::chrono::minutes>(interval).count();
  return Invalid("retry." + key, "must be from 1 to " +
                                     std::to_string(Campaign::kMaxRetryInterval.count()) +
                                     " minutes (7 days), not " + std::to_string(minutes));
}

base::Status CheckRetry(const RetryPolicy& retry) {
  if (retry.max_attempts < 1 || retry.max_attempts > Campaign::kMaxAttempts) {
    return Invalid("retry.max_attempts", "must be from 1 to " +
                                             std::to_string(Campaign::kMaxAttempts) + ", not " +
                                             std::to_string(retry.max_attempts));
  }
  JS_RETURN_IF_ERROR(CheckInterval(retry.busy, "busy_minutes"));
  JS_RETURN_IF_ERROR(CheckInterval(retry.no_answer, "no_answer_minutes"));
  JS_RETURN_IF_ERROR(CheckInterval(retry.failed, "failed_minutes"));
  JS_RETURN_IF_ERROR(CheckInterval(retry.machine, "machine_minutes"));
  return CheckInterval(retry.abandoned, "abandoned_minutes");
}

base::Status CheckSurvey(const std::vector<SurveyQuestion>& survey) {
  std::set<std::string_view> ids;
  for (std::size_t i = 0; i < survey.size(); ++i) {
    std::string path = "survey[" + std::to_string(i) + "]";
    const SurveyQuestion& question = survey[i];
    if (!IsSlug(question.id)) {
      return Invalid(path + ".id", "'" + question.id +
                                       "' must be 1 to 64 of a-z, 0-9 and '-', starting with a "
                                       "letter or a digit");
    }
    if (!ids.insert(question.id).second) {
      return Invalid(path + ".id", "'" + question.id + "' is used by an earlier question");
    }
    JS_RETURN_IF_ERROR(ValidateQuestion(question, path));
  }
  return base::OkStatus();
}

base::Status CheckDispositions(const std::vector<Disposition>& dispositions) {
  if (dispositions.empty()) {
    return Invalid("dispositions",
                   "must include one with effect do_not_call, for a person who "
                   "asks not to be called again");
  }
  std::set<std::string_view> codes;
  bool records_opt_outs = false;
  for (std::size_t i = 0; i < dispositions.size(); ++i) {
    std::string path = "dispositions[" + std::to_string(i) + "]";
    const Disposition& disposition = dispositions[i];
    if (!IsSlug(disposition.code)) {
      return Invalid(path + ".code", "'" + disposition.code +
                                         "' must be 1 to 64 of a-z, 0-9 and '-', starting with "
                                         "a letter or a digit");
    }
    if (!codes.insert(disposition.code).second) {
      return Invalid(path + ".code", "'" + disposition.code + "' is used by an earlier one");
    }
    JS_RETURN_IF_ERROR(
        CheckText(disposition.label, path + ".label", Campaign::kMaxLabelLength, true));
    records_opt_outs = records_opt_outs || disposition.effect == DispositionEffect::kDoNotCall;
  }
  // A person who asks not to be called again must be recordable on every campaign.
  if (!records_opt_outs) {
    return Invalid("dispositions",
                   "must include one with effect do_not_call, for a person who "
                   "asks not to be called again");
  }
  return base::OkStatus();
}

// A flow only for campaigns that take calls, and only in the campaign's languages: a caller
// who chose a language no agent of the campaign is meant to speak would wait in vain. The
// flow's queue names are not checked: a campaign's agents form one queue per language (the
// Acd's), so a queue name only says, in logs, where the flow ended.
base::Status CheckIvr(const Campaign& campaign) {
  if (campaign.ivr.empty()) return base::OkStatus();
  if (campaign.kind == CampaignKind::kOutbound || campaign.kind == CampaignKind::kBroadcast) {
    return Invalid("ivr", "is only for inbound and blended campaigns; an " +
                              std::string(CampaignKindName(campaign.kind)) +
                              " campaign takes no calls");
  }
  JS_ASSIGN_OR_RETURN(std::shared_ptr<const telephony::ivr::Flow> flow, IvrFlowOf(campaign));
  for (const auto& [name, step] : flow->steps()) {
    const auto* language = std::get_if<telephony::ivr::LanguageStep>(&step.action);
    if (language == nullptr) continue;
    const std::vector<std::string>& known = campaign.languages;
    if (std::find(known.begin(), known.end(), language->language) == known.end()) {
      return base::InvalidArgument("ivr: steps." + name + ".language: '" + language->language +
                                   "' is not one of the campaign's languages (" +
                                   base::Join(known, ", ") + ")");
    }
  }
  return base::OkStatus();
}

base::Status CheckCertificate(const std::string& certificate) {
  if (base::Trim(certificate).empty()) {
    return Invalid("broadcast.mcmc_certificate",
                   "is required: a political message may be broadcast only once it has been "
                   "pre-certified by the MCMC (the Election Commission's Media Certification "
                   "and Monitoring Committee); give its certification number, e.g. "
                   "\"MCMC/DL/2026/0412\"");
  }
  return CheckText(certificate, "broadcast.mcmc_certificate", Broadcast::kMaxCertificateLength,
                   true);
}

base::Status CheckPromptName(const std::string& name, const std::string& path) {
  if (IsPromptName(name)) return base::OkStatus();
  return Invalid(path, "'" + name +
                           "' must name a prompt: 1 to 64 of a-z, A-Z, 0-9, '_' and '-' "
                           "(\"rally_invite\")");
}

base::Status CheckRange(int value, int max, const std::string& path) {
  if (value >= 1 && value <= max) return base::OkStatus();
  return Invalid(path,
                 "must be from 1 to " + std::to_string(max) + ", not " + std::to_string(value));
}

base::Status CheckBroadcastQuestion(const BroadcastQuestion& question) {
  if (!IsSlug(question.id)) {
    return Invalid("broadcast.question.id", "'" + question.id +
                                                "' must be 1 to 64 of a-z, 0-9 and '-', "
                                                "starting with a letter or a digit");
  }
  JS_RETURN_IF_ERROR(CheckPromptName(question.prompt, "broadcast.question.prompt"));
  return CheckRange(question.choices, BroadcastQuestion::kMaxChoices, "broadcast.question.choices");
}

// A broadcast plays a message to whoever answers, with no agent: the MCMC's certificate is
// what makes that lawful, and nothing an agent would use (survey, dispositions) belongs here.
base::Status CheckBroadcast(const Campaign& campaign) {
  bool is_broadcast = campaign.kind == CampaignKind::kBroadcast;
  if (!is_broadcast) {
    if (!campaign.broadcast) return base::OkStatus();
    return Invalid("broadcast", "is only for broadcast campaigns; this one is " +
                                    std::string(CampaignKindName(campaign.kind)));
  }
  if (!campaign.broadcast) {
    return Invalid("broadcast",
                   "is required for a broadcast campaign: its message, mcmc_certificate and "
                   "optional question");
  }
  const Broadcast& broadcast = *campaign.broadcast;
  JS_RETURN_IF_ERROR(CheckCertificate(broadcast.mcmc_certificate));
  JS_RETURN_IF_ERROR(CheckPromptName(broadcast.message, "broadcast.message"));
  if (broadcast.question) JS_RETURN_IF_ERROR(CheckBroadcastQuestion(*broadcast.question));
  JS_RETURN_IF_ERROR(CheckRange(broadcast.max_calls_in_progress, Broadcast::kMaxCallsInProgress,
                                "broadcast.max_calls_in_progress"));
  JS_RETURN_IF_ERROR(CheckRange(broadcast.calls_per_second, Broadcast::kMaxCallsPerSecond,
                                "broadcast.calls_per_second"));
  if (!campaign.survey.empty()) {
    return Invalid("survey",
                   "is for agents; a broadcast campaign has none (its question is "
                   "broadcast.question)");
  }
  if (!campaign.dispositions.empty()) {
    return Invalid("dispositions",
                   "are chosen by agents; a broadcast campaign has none (an opt-out goes on "
                   "the campaign's do-not-call list)");
  }
  return base::OkStatus();
}

base::Status CheckRecording(const RecordingPolicy& recording) {
  if (!IsPromptName(recording.consent_prompt)) {
    return Invalid("recording.consent_prompt",
                   "must be a prompt name of 1 to 64 of a-z, A-Z, 0-9, '_' and '-', not '" +
                       recording.consent_prompt + "'");
  }
  if (recording.directory.size() > RecordingPolicy::kMaxDirectoryLength) {
    return Invalid("recording.directory", "has " + std::to_string(recording.directory.size()) +
                                              " characters; at most 1000");
  }
  bool control = std::any_of(recording.directory.begin(), recording.directory.end(),
                             [](char c) { return static_cast<unsigned char>(c) < 0x20; });
  if (control) return Invalid("recording.directory", "must not hold control characters");
  return base::OkStatus();
}

base::Status CheckFields(const Campaign& campaign) {
  JS_RETURN_IF_ERROR(CheckText(campaign.name, "name", Campaign::kMaxNameLength, true));
  JS_RETURN_IF_ERROR(CheckText(campaign.note, "note", Campaign::kMaxNoteLength, false));
  JS_RETURN_IF_ERROR(CheckLanguages(campaign.languages));
  JS_RETURN_IF_ERROR(CheckBroadcast(campaign));
  JS_RETURN_IF_ERROR(CheckCalling(campaign));
  JS_RETURN_IF_ERROR(CheckRetry(campaign.retry));
  if (!(campaign.abandon_target > 0 && campaign.abandon_target <= Campaign::kMaxAbandonTarget)) {
    return Invalid("abandon_target",
                   "must be above 0 and at most 0.03 (3% of answered calls), "
                   "not " +
                       base::FormatFixed(campaign.abandon_target, 4));
  }
  JS_RETURN_IF_ERROR(CheckSurvey(campaign.survey));
  if (campaign.kind != CampaignKind::kBroadcast) {
    JS_RETURN_IF_ERROR(CheckDispositions(campaign.dispositions));
  }
  JS_RETURN_IF_ERROR(CheckRecording(campaign.recording));
  return CheckIvr(campaign);
}

bool SameRetry(const RetryPolicy& a, const RetryPolicy& b) {
  return a.max_attempts == b.max_attempts && a.busy == b.busy && a.no_answer == b.no_answer &&
         a.failed == b.failed && a.machine == b.machine && a.abandoned == b.abandoned;
}

}  // namespace

std::string_view CampaignKindName(CampaignKind kind) {
  switch (kind) {
    case CampaignKind::kOutbound:
      return "outbound";
    case CampaignKind::kInbound:
      return "inbound";
    case CampaignKind::kBlended:
      return "blended";
    case CampaignKind::kBroadcast:
      return "broadcast";
  }
  return "unknown";
}

std::string_view DispositionEffectName(DispositionEffect effect) {
  switch (effect) {
    case DispositionEffect::kNone:
      return "none";
    case DispositionEffect::kDone:
      return "done";
    case DispositionEffect::kRetry:
      return "retry";
    case DispositionEffect::kCallback:
      return "callback";
    case DispositionEffect::kDoNotCall:
      return "do_not_call";
  }
  return "unknown";
}

bool IsSlug(std::string_view text) {
  if (text.empty() || text.size() > kMaxSlugLength || text.front() == '-') return false;
  return std::all_of(text.begin(), text.end(), [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-';
  });
}

base::Result<std::shared_ptr<const telephony::ivr::Flow>> IvrFlowOf(const Campaign& campaign) {
  if (campaign.ivr.empty()) return std::shared_ptr<const telephony::ivr::Flow>();
  base::Result<telephony::ivr::Flow> flow = telephony::ivr::ParseFlow(campaign.ivr);
  if (!flow.ok()) return flow.status().WithContext("ivr");
  return std::make_shared<const telephony::ivr::Flow>(*std::move(flow));
}

bool IsPromptName(std::string_view text) {
  if (text.empty() || text.size() > kMaxSlugLength) return false;
  return std::all_of(text.begin(), text.end(), [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' ||
           c == '-';
  });
}

bool IsLanguageCode(std::string_view text) {
  if (text.size() < 2 || text.size() > 3) return false;
  return std::all_of(text.begin(), text.end(), [](char c) { return c >= 'a' && c <= 'z'; });
}

base::Status Campaign::Validate() const {
  if (!IsSlug(id)) {
    return base::InvalidArgument("campaign id '" + id +
                                 "' must be 1 to 64 of a-z, 0-9 and '-', starting with a letter "
                                 "or a digit");
  }
  return CheckFields(*this).WithContext("campaign " + id);
}

bool operator==(const Campaign& a, const Campaign& b) {
  return a.id == b.id && a.name == b.name && a.note == b.note && a.kind == b.kind &&
         a.dial_mode == b.dial_mode && a.languages == b.languages &&
         a.contact_lists == b.contact_lists && a.hours.open() == b.hours.open() &&
         a.hours.close() == b.hours.close() && SameRetry(a.retry, b.retry) &&
         a.abandon_target == b.abandon_target && a.survey == b.survey &&
         a.dispositions == b.dispositions && a.ivr == b.ivr && a.broadcast == b.broadcast &&
         a.recording == b.recording;
}

std::string RecordingPolicy::DirectoryOrDefault() const {
  return directory.empty() ? std::string(kDefaultDirectory) : directory;
}

}  // namespace callcenter
