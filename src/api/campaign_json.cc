#include "api/campaign_json.h"

#include <array>
#include <utility>

#include "api/json_fields.h"
#include "base/text.h"

namespace api {
namespace {

using callcenter::AnswerType;
using callcenter::Campaign;
using callcenter::CampaignKind;
using callcenter::DispositionEffect;
using nlohmann::json;
using std::chrono::minutes;

constexpr std::array kKinds = {CampaignKind::kOutbound, CampaignKind::kInbound,
                               CampaignKind::kBlended, CampaignKind::kBroadcast};
constexpr std::array kAnswerTypes = {AnswerType::kYesNo, AnswerType::kChoice, AnswerType::kNumber,
                                     AnswerType::kText};
constexpr std::array kEffects = {DispositionEffect::kNone, DispositionEffect::kDone,
                                 DispositionEffect::kRetry, DispositionEffect::kCallback,
                                 DispositionEffect::kDoNotCall};

// The value of `values` whose name is `text`; else an error naming the key, the nearest names
// and every name.
template <typename Enum, std::size_t N>
base::Result<Enum> Named(const std::string& text, const std::string& path,
                         const std::array<Enum, N>& values, std::string_view (*name_of)(Enum)) {
  std::vector<std::string> names;
  for (Enum value : values) {
    if (name_of(value) == text) return value;
    names.emplace_back(name_of(value));
  }
  std::string message = path + ": unknown value '" + text + "'";
  std::vector<std::string> nearest = base::NearestNames(text, names);
  if (!nearest.empty()) message += "; did you mean " + nearest.front() + "?";
  return base::InvalidArgument(message + " (one of " + base::Join(names, ", ") + ")");
}

// "HH:MM", 00:00 to 23:59.
base::Result<minutes> ReadTimeOfDay(const JsonFields& fields, std::string_view key) {
  JS_ASSIGN_OR_RETURN(std::string text, fields.String(key));
  auto digit = [&](std::size_t i) { return text[i] >= '0' && text[i] <= '9'; };
  bool shaped = text.size() == 5 && text[2] == ':' && digit(0) && digit(1) && digit(3) && digit(4);
  int hours = shaped ? (text[0] - '0') * 10 + (text[1] - '0') : 0;
  int mins = shaped ? (text[3] - '0') * 10 + (text[4] - '0') : 0;
  if (!shaped || hours > 23 || mins > 59) {
    return base::InvalidArgument(fields.PathOf(key) + ": expected a time of day HH:MM (00:00 to " +
                                 "23:59), not '" + text + "'");
  }
  return minutes(hours * 60 + mins);
}

std::string TimeOfDay(minutes time) {
  auto two = [](long value) { return (value < 10 ? "0" : "") + std::to_string(value); };
  return two(static_cast<long>(time.count() / 60)) + ":" +
         two(static_cast<long>(time.count() % 60));
}

base::Result<callcenter::CallingHours> ReadHours(const JsonFields& top) {
  JS_ASSIGN_OR_RETURN(std::optional<JsonFields> fields, top.Object("hours"));
  if (!fields) return callcenter::CallingHours();
  JS_ASSIGN_OR_RETURN(minutes open, ReadTimeOfDay(*fields, "open"));
  JS_ASSIGN_OR_RETURN(minutes close, ReadTimeOfDay(*fields, "close"));
  JS_RETURN_IF_ERROR(fields->NoOtherKeys());
  base::Result<callcenter::CallingHours> hours = callcenter::CallingHours::Make(open, close);
  if (!hours.ok()) return hours.status().WithContext("hours");
  return hours;
}

base::Result<base::Duration> ReadMinutes(const JsonFields& fields, std::string_view key,
                                         base::Duration fallback) {
  auto fallback_minutes = std::chrono::duration_cast<minutes>(fallback).count();
  JS_ASSIGN_OR_RETURN(int count, fields.Int(key, static_cast<int>(fallback_minutes)));
  return base::Duration(minutes(count));
}

base::Result<callcenter::RetryPolicy> ReadRetry(const JsonFields& top) {
  callcenter::RetryPolicy retry;
  JS_ASSIGN_OR_RETURN(std::optional<JsonFields> fields, top.Object("retry"));
  if (!fields) return retry;
  JS_ASSIGN_OR_RETURN(retry.max_attempts, fields->Int("max_attempts", retry.max_attempts));
  JS_ASSIGN_OR_RETURN(retry.busy, ReadMinutes(*fields, "busy_minutes", retry.busy));
  JS_ASSIGN_OR_RETURN(retry.no_answer, ReadMinutes(*fields, "no_answer_minutes", retry.no_answer));
  JS_ASSIGN_OR_RETURN(retry.failed, ReadMinutes(*fields, "failed_minutes", retry.failed));
  JS_ASSIGN_OR_RETURN(retry.machine, ReadMinutes(*fields, "machine_minutes", retry.machine));
  JS_ASSIGN_OR_RETURN(retry.abandoned, ReadMinutes(*fields, "abandoned_minutes", retry.abandoned));
  JS_RETURN_IF_ERROR(fields->NoOtherKeys());
  return retry;
}

// A key that belongs to another answer type is refused by name rather than as unknown.
base::Status RefuseKeysOfOtherTypes(const JsonFields& fields, AnswerType type) {
  constexpr std::array<std::pair<std::string_view, AnswerType>, 4> kOwners = {{
      {"options", AnswerType::kChoice},
      {"min", AnswerType::kNumber},
      {"max", AnswerType::kNumber},
      {"max_length", AnswerType::kText},
  }};
  for (const auto& [key, owner] : kOwners) {
    if (owner == type || !fields.Has(key)) continue;
    return base::InvalidArgument(
        fields.PathOf(key) + ": only a " + std::string(AnswerTypeName(owner)) + " question has " +
        std::string(key) + "; this one is " + std::string(AnswerTypeName(type)));
  }
  return base::OkStatus();
}

base::Result<callcenter::SurveyQuestion> ReadQuestion(const JsonFields& fields) {
  callcenter::SurveyQuestion question;
  JS_ASSIGN_OR_RETURN(question.id, fields.String("id"));
  JS_ASSIGN_OR_RETURN(question.text, fields.String("text"));
  JS_ASSIGN_OR_RETURN(std::string type, fields.String("type"));
  JS_ASSIGN_OR_RETURN(question.type,
                      Named(type, fields.PathOf("type"), kAnswerTypes, callcenter::AnswerTypeName));
  JS_RETURN_IF_ERROR(RefuseKeysOfOtherTypes(fields, question.type));
  if (question.type == AnswerType::kChoice) {
    JS_ASSIGN_OR_RETURN(question.options, fields.Strings("options", true));
  } else if (question.type == AnswerType::kNumber) {
    JS_ASSIGN_OR_RETURN(question.min, fields.Int64("min"));
    JS_ASSIGN_OR_RETURN(question.max, fields.Int64("max"));
  } else if (question.type == AnswerType::kText) {
    JS_ASSIGN_OR_RETURN(question.max_length, fields.Int("max_length"));
  }
  JS_RETURN_IF_ERROR(fields.NoOtherKeys());
  return question;
}

base::Result<callcenter::Disposition> ReadDisposition(const JsonFields& fields) {
  callcenter::Disposition disposition;
  JS_ASSIGN_OR_RETURN(disposition.code, fields.String("code"));
  JS_ASSIGN_OR_RETURN(disposition.label, fields.String("label"));
  JS_ASSIGN_OR_RETURN(std::string effect, fields.String("effect", "none"));
  JS_ASSIGN_OR_RETURN(disposition.effect, Named(effect, fields.PathOf("effect"), kEffects,
                                                callcenter::DispositionEffectName));
  JS_RETURN_IF_ERROR(fields.NoOtherKeys());
  return disposition;
}

base::Status ReadLists(const JsonFields& fields, Campaign& campaign) {
  JS_ASSIGN_OR_RETURN(std::vector<JsonFields> questions, fields.Objects("survey", false));
  for (const JsonFields& question : questions) {
    JS_ASSIGN_OR_RETURN(callcenter::SurveyQuestion read, ReadQuestion(question));
    campaign.survey.push_back(std::move(read));
  }
  // A broadcast has no agents, so nothing for them to choose.
  bool agents = campaign.kind != CampaignKind::kBroadcast;
  JS_ASSIGN_OR_RETURN(std::vector<JsonFields> dispositions, fields.Objects("dispositions", agents));
  for (const JsonFields& disposition : dispositions) {
    JS_ASSIGN_OR_RETURN(callcenter::Disposition read, ReadDisposition(disposition));
    campaign.dispositions.push_back(std::move(read));
  }
  return base::OkStatus();
}

base::Result<callcenter::BroadcastQuestion> ReadBroadcastQuestion(const JsonFields& fields) {
  callcenter::BroadcastQuestion question;
  JS_ASSIGN_OR_RETURN(question.id, fields.String("id"));
  JS_ASSIGN_OR_RETURN(question.prompt, fields.String("prompt"));
  JS_ASSIGN_OR_RETURN(question.choices, fields.Int("choices"));
  JS_RETURN_IF_ERROR(fields.NoOtherKeys());
  return question;
}

// A missing certificate reads as empty, so that Campaign::Validate names it with the rule
// behind it rather than as a plain missing key.
base::Result<std::optional<callcenter::Broadcast>> ReadBroadcast(const JsonFields& top) {
  JS_ASSIGN_OR_RETURN(std::optional<JsonFields> fields, top.Object("broadcast"));
  if (!fields) return std::optional<callcenter::Broadcast>();
  callcenter::Broadcast broadcast;
  JS_ASSIGN_OR_RETURN(broadcast.message, fields->String("message"));
  JS_ASSIGN_OR_RETURN(broadcast.mcmc_certificate, fields->String("mcmc_certificate", ""));
  JS_ASSIGN_OR_RETURN(std::optional<JsonFields> question, fields->Object("question"));
  if (question) {
    JS_ASSIGN_OR_RETURN(broadcast.question, ReadBroadcastQuestion(*question));
  }
  JS_ASSIGN_OR_RETURN(broadcast.max_calls_in_progress,
                      fields->Int("max_calls_in_progress", broadcast.max_calls_in_progress));
  JS_ASSIGN_OR_RETURN(broadcast.calls_per_second,
                      fields->Int("calls_per_second", broadcast.calls_per_second));
  JS_RETURN_IF_ERROR(fields->NoOtherKeys());
  return std::optional<callcenter::Broadcast>(std::move(broadcast));
}

json BroadcastJson(const callcenter::Broadcast& broadcast) {
  json out = {{"message", broadcast.message},
              {"mcmc_certificate", broadcast.mcmc_certificate},
              {"max_calls_in_progress", broadcast.max_calls_in_progress},
              {"calls_per_second", broadcast.calls_per_second}};
  if (broadcast.question) {
    out["question"] = {{"id", broadcast.question->id},
                       {"prompt", broadcast.question->prompt},
                       {"choices", broadcast.question->choices}};
  }
  return out;
}

base::Result<callcenter::RecordingPolicy> ReadRecording(const JsonFields& fields) {
  JS_ASSIGN_OR_RETURN(std::optional<JsonFields> object, fields.Object("recording"));
  callcenter::RecordingPolicy recording;
  if (!object) return recording;
  JS_ASSIGN_OR_RETURN(recording.enabled, object->Bool("enabled", false));
  JS_ASSIGN_OR_RETURN(
      recording.consent_prompt,
      object->String("consent_prompt", callcenter::RecordingPolicy::kDefaultConsentPrompt));
  JS_ASSIGN_OR_RETURN(recording.directory, object->String("directory", ""));
  JS_RETURN_IF_ERROR(object->NoOtherKeys());
  return recording;
}

base::Result<Campaign> ReadCampaign(const JsonFields& fields) {
  Campaign campaign;
  JS_ASSIGN_OR_RETURN(campaign.id, fields.String("id"));
  JS_ASSIGN_OR_RETURN(campaign.name, fields.String("name"));
  JS_ASSIGN_OR_RETURN(campaign.note, fields.String("note", ""));
  JS_ASSIGN_OR_RETURN(std::string kind, fields.String("kind"));
  JS_ASSIGN_OR_RETURN(campaign.kind,
                      Named(kind, fields.PathOf("kind"), kKinds, callcenter::CampaignKindName));
  if (fields.Has("dial_mode")) {
    JS_ASSIGN_OR_RETURN(std::string mode, fields.String("dial_mode"));
    base::Result<callcenter::DialMode> parsed = callcenter::ParseDialMode(mode);
    if (!parsed.ok()) return parsed.status().WithContext("dial_mode");
    campaign.dial_mode = *parsed;
  }
  JS_ASSIGN_OR_RETURN(campaign.languages, fields.Strings("languages", true));
  JS_ASSIGN_OR_RETURN(campaign.contact_lists, fields.Strings("contact_lists", false));
  JS_ASSIGN_OR_RETURN(campaign.hours, ReadHours(fields));
  JS_ASSIGN_OR_RETURN(campaign.retry, ReadRetry(fields));
  JS_ASSIGN_OR_RETURN(campaign.abandon_target,
                      fields.Number("abandon_target", Campaign::kDefaultAbandonTarget));
  JS_RETURN_IF_ERROR(ReadLists(fields, campaign));
  // The flow is kept as compact text and checked by its own reader in Campaign::Validate.
  // Parsed JSON holds valid UTF-8 only, so dump() has nothing to replace; it is told to
  // replace rather than throw all the same.
  JS_ASSIGN_OR_RETURN(std::optional<JsonFields> ivr, fields.Object("ivr"));
  if (ivr) campaign.ivr = ivr->value().dump(-1, ' ', false, json::error_handler_t::replace);
  JS_ASSIGN_OR_RETURN(campaign.broadcast, ReadBroadcast(fields));
  JS_ASSIGN_OR_RETURN(campaign.recording, ReadRecording(fields));
  JS_RETURN_IF_ERROR(fields.NoOtherKeys());
  return campaign;
}

json QuestionJson(const callcenter::SurveyQuestion& question) {
  json out = {{"id", question.id},
              {"text", question.text},
              {"type", callcenter::AnswerTypeName(question.type)}};
  if (question.type == AnswerType::kChoice) out["options"] = question.options;
  if (question.type == AnswerType::kNumber) {
    out["min"] = question.min;
    out["max"] = question.max;
  }
  if (question.type == AnswerType::kText) out["max_length"] = question.max_length;
  return out;
}

json RetryJson(const callcenter::RetryPolicy& retry) {
  auto count = [](base::Duration interval) {
    return std::chrono::duration_cast<minutes>(interval).count();
  };
  return {
      {"max_attempts", retry.max_attempts},          {"busy_minutes", count(retry.busy)},
      {"no_answer_minutes", count(retry.no_answer)}, {"failed_minutes", count(retry.failed)},
      {"machine_minutes", count(retry.machine)},     {"abandoned_minutes", count(retry.abandoned)}};
}

}  // namespace

base::Result<Campaign> ParseCampaign(std::string_view text, std::string_view source) {
  std::string where(source);
  if (text.size() > kMaxCampaignJsonBytes) {
    return base::InvalidArgument(where + ": a campaign is at most 1 MiB of JSON, this is " +
                                 std::to_string(text.size()) + " bytes");
  }
  base::Result<json> document = base::ParseJsonText(text);
  if (!document.ok()) return document.status().WithContext(where);
  base::Result<JsonFields> fields = JsonFields::Of(*document, "");
  if (!fields.ok()) return fields.status().WithContext(where);
  base::Result<Campaign> campaign = ReadCampaign(*fields);
  if (!campaign.ok()) return campaign.status().WithContext(where);
  base::Status valid = campaign->Validate();
  if (!valid.ok()) return valid.WithContext(where);
  return campaign;
}

json CampaignToJson(const Campaign& campaign) {
  json survey = json::array();
  for (const callcenter::SurveyQuestion& question : campaign.survey) {
    survey.push_back(QuestionJson(question));
  }
  json dispositions = json::array();
  for (const callcenter::Disposition& disposition : campaign.dispositions) {
    dispositions.push_back({{"code", disposition.code},
                            {"label", disposition.label},
                            {"effect", callcenter::DispositionEffectName(disposition.effect)}});
  }
  json out = {
      {"id", campaign.id},
      {"name", campaign.name},
      {"note", campaign.note},
      {"kind", callcenter::CampaignKindName(campaign.kind)},
      {"languages", campaign.languages},
      {"contact_lists", campaign.contact_lists},
      {"hours",
       {{"open", TimeOfDay(campaign.hours.open())}, {"close", TimeOfDay(campaign.hours.close())}}},
      {"retry", RetryJson(campaign.retry)},
      {"abandon_target", campaign.abandon_target},
      {"survey", std::move(survey)},
      {"dispositions", std::move(dispositions)},
  };
  if (campaign.dial_mode) out["dial_mode"] = callcenter::DialModeName(*campaign.dial_mode);
  // Written only when set, so campaigns that do not record read as they always have.
  if (campaign.recording != callcenter::RecordingPolicy{}) {
    out["recording"] = {{"enabled", campaign.recording.enabled},
                        {"consent_prompt", campaign.recording.consent_prompt}};
    if (!campaign.recording.directory.empty()) {
      out["recording"]["directory"] = campaign.recording.directory;
    }
  }
  if (!campaign.ivr.empty()) {
    // A valid campaign's flow is valid JSON; parse() without exceptions all the same.
    json flow = json::parse(campaign.ivr, nullptr, /*allow_exceptions=*/false);
    if (!flow.is_discarded()) out["ivr"] = std::move(flow);
  }
  if (campaign.broadcast) out["broadcast"] = BroadcastJson(*campaign.broadcast);
  return out;
}

json CampaignsJson(const std::vector<Campaign>& campaigns) {
  json listed = json::array();
  for (const Campaign& campaign : campaigns) listed.push_back(CampaignToJson(campaign));
  return {{"count", campaigns.size()}, {"campaigns", std::move(listed)}};
}

}  // namespace api
