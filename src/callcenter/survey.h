#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "base/status.h"

namespace callcenter {

// The kind of answer a survey question takes; CheckAnswer says what each accepts.
enum class AnswerType { kYesNo, kChoice, kNumber, kText };

// "yes_no", "choice", "number", "text" (the names in campaign files).
std::string_view AnswerTypeName(AnswerType type);

// One question of a campaign's survey script, asked by the agent and answered on the desktop.
struct SurveyQuestion {
  static constexpr int kMaxTextLength = 2000;

  std::string id;  // a slug, unique in the survey (the campaign checks it)
  std::string text;
  AnswerType type = AnswerType::kYesNo;
  std::vector<std::string> options;  // kChoice only: at least 2, unique, none empty
  std::int64_t min = 0;              // kNumber only: the whole numbers from min to max,
  std::int64_t max = 0;              // min < max
  int max_length = 0;                // kText only: 1..kMaxTextLength characters (code points)

  bool operator==(const SurveyQuestion&) const = default;
};

// OkStatus, or kInvalidArgument for the first rule of the question's type that it breaks
// (text, options, bounds, length; not the id), naming the field as `path` + ".options" etc.
base::Status ValidateQuestion(const SurveyQuestion& question, std::string_view path);

// Whether `answer` answers `question`, as the agent's desktop sends it: "yes" or "no"; one of
// the options, exactly; a whole number ("-3", "42") from min to max; or text of 1 to
// max_length characters (Devanagari counts one per code point, not per byte). Otherwise
// kInvalidArgument naming the question and what it accepts.
base::Status CheckAnswer(const SurveyQuestion& question, std::string_view answer);

// The number of code points in UTF-8 `text` (bytes that do not continue a sequence).
std::size_t CountCharacters(std::string_view text);

}  // namespace callcenter
