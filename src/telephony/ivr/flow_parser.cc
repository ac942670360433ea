#include "telephony/ivr/flow_parser.h"

#include <array>
#include <initializer_list>
#include <nlohmann/json.hpp>
#include <optional>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include "base/json_text.h"
#include "base/text.h"

// The one file that touches nlohmann::json: everything it throws is caught in
// base::ParseJsonText(), and the rest only reads values whose type it has checked, which does not
// throw.
namespace telephony::ivr {
namespace {

using nlohmann::json;

constexpr std::size_t kMaxNameLength = 64;
constexpr int kMinTimeoutSeconds = 1;
constexpr int kMaxTimeoutSeconds = 120;
constexpr int kMaxAttempts = 9;
constexpr int kMaxCollectDigits = 32;
constexpr int kMaxRecordSeconds = 600;

constexpr std::array<std::string_view, 8> kActionKeys = {"play",     "menu",   "collect", "survey",
                                                         "language", "record", "queue",   "hangup"};

std::string PathOf(const std::string& path, std::string_view key) {
  return path.empty() ? std::string(key) : path + "." + std::string(key);
}

// Step, prompt, queue and answer names end up in logs, file names (welcome_hi.ulaw) and
// reports, so they are kept plain.
bool IsName(std::string_view text) {
  if (text.empty() || text.size() > kMaxNameLength) return false;
  if (text.front() < 'a' || text.front() > 'z') return false;
  for (char c : text) {
    bool ok = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' || c == '-';
    if (!ok) return false;
  }
  return true;
}

bool IsLanguageCode(std::string_view text) {
  if (text.size() < 2 || text.size() > 3) return false;
  for (char c : text) {
    if (c < 'a' || c > 'z') return false;
  }
  return true;
}

// "play, menu and queue"
std::string ListInWords(const std::vector<std::string>& items) {
  if (items.size() < 2) return base::Join(items, "");
  std::vector<std::string> head(items.begin(), items.end() - 1);
  return base::Join(head, ", ") + " and " + items.back();
}

// The known keys a mistyped `key` most likely meant. base::NearestNames counts two swapped
// letters ("paly") as two edits, too many for a short word, so keys also get the single nearest
// within two edits.
std::vector<std::string> NearestKeys(const std::string& key,
                                     const std::vector<std::string>& known) {
  std::vector<std::string> nearest = base::NearestNames(key, known);
  if (!nearest.empty()) return nearest;
  std::size_t best_distance = 3;
  for (const std::string& candidate : known) {
    std::size_t distance = base::EditDistance(key, candidate);
    if (distance < best_distance && distance < key.size()) {
      best_distance = distance;
      nearest = {candidate};
    }
  }
  return nearest;
}

base::Status CheckKeys(const json& object, const std::string& path,
                       std::initializer_list<std::string_view> known) {
  std::vector<std::string> known_names(known.begin(), known.end());
  for (const auto& [key, value] : object.items()) {
    if (std::find(known.begin(), known.end(), key) != known.end()) continue;
    std::string message = PathOf(path, key) + ": unknown key";
    std::vector<std::string> nearest = NearestKeys(key, known_names);
    if (nearest.empty()) {
      message += "; expected one of " + base::Join(known_names, ", ");
    } else {
      message += "; did you mean " + base::Join(nearest, ", ") + "?";
    }
    return base::InvalidArgument(message);
  }
  return base::OkStatus();
}

base::Status MissingKey(const std::string& path, std::string_view key) {
  return base::InvalidArgument(PathOf(path, key) + ": required key is missing");
}

const json* Field(const json& object, std::string_view key) {
  auto it = object.find(key);
  return it == object.end() ? nullptr : &*it;
}

base::Result<const json*> Required(const json& object, const std::string& path,
                                   std::string_view key) {
  const json* value = Field(object, key);
  if (value == nullptr) return MissingKey(path, key);
  return value;
}

base::Status ExpectObject(const json& value, const std::string& path) {
  if (value.is_object()) return base::OkStatus();
  return base::InvalidArgument(path + ": expected an object");
}

base::Result<std::string> AsString(const json& value, const std::string& path) {
  if (!value.is_string()) return base::InvalidArgument(path + ": expected a string");
  return value.get<std::string>();
}

base::Result<std::string> AsName(const json& value, const std::string& path,
                                 std::string_view what) {
  JS_ASSIGN_OR_RETURN(std::string name, AsString(value, path));
  if (IsName(name)) return name;
  return base::InvalidArgument(path + ": '" + name + "' is not a valid " + std::string(what) +
                               " name (1 to 64 of a-z, 0-9, '_' and '-', starting with a letter)");
}

base::Result<std::string> NameField(const json& object, const std::string& path,
                                    std::string_view key, std::string_view what) {
  JS_ASSIGN_OR_RETURN(const json* value, Required(object, path, key));
  return AsName(*value, PathOf(path, key), what);
}

base::Result<int> AsInt(const json& value, const std::string& path, int min, int max) {
  if (!value.is_number_integer()) return base::InvalidArgument(path + ": expected a whole number");
  bool in_range =
      value.is_number_unsigned()
          ? value.get<std::uint64_t>() <= static_cast<std::uint64_t>(max) &&
                value.get<std::uint64_t>() >= static_cast<std::uint64_t>(std::max(min, 0))
          : value.get<std::int64_t>() >= min && value.get<std::int64_t>() <= max;
  if (!in_range) {
    return base::InvalidArgument(path + ": must be from " + std::to_string(min) + " to " +
                                 std::to_string(max) + ", not " + value.dump());
  }
  return static_cast<int>(value.get<std::int64_t>());
}

// An optional whole number from `min` to `max`, `fallback` when absent.
base::Result<int> IntField(const json& object, const std::string& path, std::string_view key,
                           int min, int max, std::optional<int> fallback) {
  const json* value = Field(object, key);
  if (value == nullptr && fallback) return *fallback;
  if (value == nullptr) return MissingKey(path, key);
  return AsInt(*value, PathOf(path, key), min, max);
}

base::Result<std::chrono::seconds> TimeoutField(const json& object, const std::string& path,
                                                int fallback) {
  JS_ASSIGN_OR_RETURN(int seconds, IntField(object, path, "timeout_seconds", kMinTimeoutSeconds,
                                            kMaxTimeoutSeconds, fallback));
  return std::chrono::seconds(seconds);
}

base::Result<int> AttemptsField(const json& object, const std::string& path) {
  return IntField(object, path, "attempts", 1, kMaxAttempts, 3);
}

base::Status NotAKey(const std::string& path, const std::string& key) {
  return base::InvalidArgument(path + ": '" + key + "' is not a single key 0-9, * or #");
}

base::Result<std::map<char, std::string>> ParseOptions(const json& value, const std::string& path) {
  JS_RETURN_IF_ERROR(ExpectObject(value, path));
  if (value.empty()) return base::InvalidArgument(path + ": at least one option is required");
  std::map<char, std::string> options;
  for (const auto& [key, target] : value.items()) {
    bool single_key =
        key.size() == 1 && ((key[0] >= '0' && key[0] <= '9') || key[0] == '*' || key[0] == '#');
    if (!single_key) return NotAKey(path, key);
    JS_ASSIGN_OR_RETURN(options[key[0]], AsString(target, PathOf(path, key)));
  }
  return options;
}

base::Result<StepAction> ParseMenu(const json& value, const std::string& path) {
  JS_RETURN_IF_ERROR(ExpectObject(value, path));
  JS_RETURN_IF_ERROR(
      CheckKeys(value, path, {"prompt", "options", "timeout_seconds", "attempts", "otherwise"}));
  MenuStep menu;
  JS_ASSIGN_OR_RETURN(menu.prompt, NameField(value, path, "prompt", "prompt"));
  JS_ASSIGN_OR_RETURN(const json* options, Required(value, path, "options"));
  JS_ASSIGN_OR_RETURN(menu.options, ParseOptions(*options, PathOf(path, "options")));
  JS_ASSIGN_OR_RETURN(menu.timeout, TimeoutField(value, path, 5));
  JS_ASSIGN_OR_RETURN(menu.attempts, AttemptsField(value, path));
  if (const json* otherwise = Field(value, "otherwise")) {
    JS_ASSIGN_OR_RETURN(menu.otherwise, AsString(*otherwise, PathOf(path, "otherwise")));
  }
  return StepAction(std::move(menu));
}

base::Result<StepAction> ParseCollect(const json& value, const std::string& path) {
  JS_RETURN_IF_ERROR(ExpectObject(value, path));
  JS_RETURN_IF_ERROR(
      CheckKeys(value, path, {"prompt", "digits", "into", "timeout_seconds", "attempts"}));
  CollectStep collect;
  JS_ASSIGN_OR_RETURN(collect.prompt, NameField(value, path, "prompt", "prompt"));
  JS_ASSIGN_OR_RETURN(collect.digits,
                      IntField(value, path, "digits", 1, kMaxCollectDigits, std::nullopt));
  JS_ASSIGN_OR_RETURN(collect.into, NameField(value, path, "into", "answer"));
  JS_ASSIGN_OR_RETURN(collect.timeout, TimeoutField(value, path, 10));
  JS_ASSIGN_OR_RETURN(collect.attempts, AttemptsField(value, path));
  return StepAction(std::move(collect));
}

base::Result<StepAction> ParseSurvey(const json& value, const std::string& path) {
  JS_RETURN_IF_ERROR(ExpectObject(value, path));
  JS_RETURN_IF_ERROR(
      CheckKeys(value, path, {"question", "prompt", "min", "max", "timeout_seconds", "attempts"}));
  SurveyStep survey;
  JS_ASSIGN_OR_RETURN(survey.question, NameField(value, path, "question", "question"));
  JS_ASSIGN_OR_RETURN(survey.prompt, NameField(value, path, "prompt", "prompt"));
  JS_ASSIGN_OR_RETURN(survey.min, IntField(value, path, "min", 0, 9, 1));
  JS_ASSIGN_OR_RETURN(survey.max, IntField(value, path, "max", 0, 9, 5));
  if (survey.min >= survey.max) {
    return base::InvalidArgument(path + ": min (" + std::to_string(survey.min) +
                                 ") must be below max (" + std::to_string(survey.max) + ")");
  }
  JS_ASSIGN_OR_RETURN(survey.timeout, TimeoutField(value, path, 8));
  JS_ASSIGN_OR_RETURN(survey.attempts, AttemptsField(value, path));
  return StepAction(std::move(survey));
}

base::Result<StepAction> ParseRecord(const json& value, const std::string& path) {
  JS_RETURN_IF_ERROR(ExpectObject(value, path));
  JS_RETURN_IF_ERROR(CheckKeys(value, path, {"consent_prompt", "max_seconds"}));
  RecordStep record;
  JS_ASSIGN_OR_RETURN(record.consent_prompt, NameField(value, path, "consent_prompt", "prompt"));
  JS_ASSIGN_OR_RETURN(int max_seconds,
                      IntField(value, path, "max_seconds", 1, kMaxRecordSeconds, 120));
  record.max = std::chrono::seconds(max_seconds);
  return StepAction(std::move(record));
}

base::Result<StepAction> ParseLanguage(const json& value, const std::string& path) {
  JS_ASSIGN_OR_RETURN(std::string code, AsString(value, path));
  if (!IsLanguageCode(code)) {
    return base::InvalidArgument(path + ": '" + code +
                                 "' is not a language code (ISO 639: two or three lower-case "
                                 "letters, such as hi)");
  }
  return StepAction(LanguageStep{std::move(code)});
}

base::Result<StepAction> ParseAction(std::string_view key, const json& value,
                                     const std::string& path) {
  if (key == "play") {
    JS_ASSIGN_OR_RETURN(std::string prompt, AsName(value, path, "prompt"));
    return StepAction(PlayStep{std::move(prompt)});
  }
  if (key == "menu") return ParseMenu(value, path);
  if (key == "collect") return ParseCollect(value, path);
  if (key == "survey") return ParseSurvey(value, path);
  if (key == "language") return ParseLanguage(value, path);
  if (key == "record") return ParseRecord(value, path);
  if (key == "queue") {
    JS_ASSIGN_OR_RETURN(std::string queue, AsName(value, path, "queue"));
    return StepAction(QueueStep{std::move(queue)});
  }
  if (!value.is_boolean() || !value.get<bool>()) {
    return base::InvalidArgument(path + ": expected true");
  }
  return StepAction(HangupStep{});
}

// The one action key of a step.
base::Result<std::string_view> ActionKey(const json& object, const std::string& path) {
  std::vector<std::string> present;
  for (std::string_view key : kActionKeys) {
    if (object.contains(key)) present.emplace_back(key);
  }
  if (present.size() == 1) {
    return *std::find(kActionKeys.begin(), kActionKeys.end(), present.front());
  }
  if (present.empty()) {
    return base::InvalidArgument(
        path +
        ": no action; a step has one of play, menu, collect, survey, language, record, "
        "queue or hangup");
  }
  return base::InvalidArgument(path + ": has both " + ListInWords(present) +
                               "; a step has exactly one action");
}

base::Result<Step> ParseStep(const std::string& name, const json& value) {
  std::string path = "steps." + name;
  if (!IsName(name)) {
    return base::InvalidArgument(
        path + ": '" + name +
        "' is not a valid step name (1 to 64 of a-z, 0-9, '_' and '-', starting with a letter)");
  }
  JS_RETURN_IF_ERROR(ExpectObject(value, path));
  JS_RETURN_IF_ERROR(CheckKeys(
      value, path,
      {"play", "menu", "collect", "survey", "language", "record", "queue", "hangup", "next"}));
  JS_ASSIGN_OR_RETURN(std::string_view key, ActionKey(value, path));
  Step step{name, HangupStep{}, ""};
  JS_ASSIGN_OR_RETURN(step.action, ParseAction(key, *Field(value, key), PathOf(path, key)));
  if (const json* next = Field(value, "next")) {
    JS_ASSIGN_OR_RETURN(step.next, AsString(*next, path + ".next"));
    if (step.next.empty()) return base::InvalidArgument(path + ".next: expected a step name");
  }
  return step;
}

base::Result<Flow::Steps> ParseSteps(const json& value) {
  JS_RETURN_IF_ERROR(ExpectObject(value, "steps"));
  if (value.size() > Flow::kMaxSteps) {
    return base::InvalidArgument("steps: " + std::to_string(value.size()) + " steps; at most " +
                                 std::to_string(Flow::kMaxSteps) + " are allowed");
  }
  Flow::Steps steps;
  for (const auto& [name, step_value] : value.items()) {
    JS_ASSIGN_OR_RETURN(Step step, ParseStep(name, step_value));
    steps.emplace(name, std::move(step));
  }
  return steps;
}

}  // namespace

base::Result<Flow> ParseFlow(std::string_view json_text) {
  if (json_text.size() > kMaxFlowBytes) {
    return base::InvalidArgument("flow is " + std::to_string(json_text.size()) +
                                 " bytes; at most " + std::to_string(kMaxFlowBytes) +
                                 " (256 KiB) are allowed");
  }
  JS_ASSIGN_OR_RETURN(json document, base::ParseJsonText(json_text));
  if (!document.is_object()) {
    return base::InvalidArgument("expected an object at the top of the document");
  }
  JS_RETURN_IF_ERROR(CheckKeys(document, "", {"start", "steps", "note"}));
  if (const json* note = Field(document, "note")) {
    JS_RETURN_IF_ERROR(AsString(*note, "note").status());
  }
  JS_ASSIGN_OR_RETURN(const json* start, Required(document, "", "start"));
  JS_ASSIGN_OR_RETURN(std::string start_name, AsString(*start, "start"));
  JS_ASSIGN_OR_RETURN(const json* steps_value, Required(document, "", "steps"));
  JS_ASSIGN_OR_RETURN(Flow::Steps steps, ParseSteps(*steps_value));
  return Flow::Make(std::move(start_name), std::move(steps));
}

}  // namespace telephony::ivr
