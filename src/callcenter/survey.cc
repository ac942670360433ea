#include "callcenter/survey.h"

#include <algorithm>
#include <set>

#include "base/text.h"

namespace callcenter {
namespace {

base::Status Invalid(std::string_view path, std::string_view field, const std::string& rule) {
  return base::InvalidArgument(std::string(path) + "." + std::string(field) + " " + rule);
}

base::Status ValidateOptions(const SurveyQuestion& question, std::string_view path) {
  if (question.options.size() < 2) {
    return Invalid(path, "options", "must list at least 2 choices for a choice question");
  }
  std::set<std::string_view> seen;
  for (const std::string& option : question.options) {
    if (base::Trim(option).empty()) {
      return Invalid(path, "options", "must not hold an empty choice");
    }
    if (!seen.insert(option).second) {
      return Invalid(path, "options", "lists '" + option + "' twice");
    }
  }
  return base::OkStatus();
}

// Keys of the other types would be ignored silently, so they are refused: a question with
// options but type "text" is a mistake worth naming.
base::Status RefuseForeignFields(const SurveyQuestion& question, std::string_view path) {
  std::string type(AnswerTypeName(question.type));
  if (question.type != AnswerType::kChoice && !question.options.empty()) {
    return Invalid(path, "options", "is only for a choice question, not " + type);
  }
  if (question.type != AnswerType::kNumber && (question.min != 0 || question.max != 0)) {
    return Invalid(path, "min", "and max are only for a number question, not " + type);
  }
  if (question.type != AnswerType::kText && question.max_length != 0) {
    return Invalid(path, "max_length", "is only for a text question, not " + type);
  }
  return base::OkStatus();
}

std::string Named(const SurveyQuestion& question) { return "question " + question.id + ": "; }

}  // namespace

std::string_view AnswerTypeName(AnswerType type) {
  switch (type) {
    case AnswerType::kYesNo:
      return "yes_no";
    case AnswerType::kChoice:
      return "choice";
    case AnswerType::kNumber:
      return "number";
    case AnswerType::kText:
      return "text";
  }
  return "unknown";
}

std::size_t CountCharacters(std::string_view text) {
  return static_cast<std::size_t>(std::count_if(text.begin(), text.end(), [](char c) {
    return (static_cast<unsigned char>(c) & 0xC0U) != 0x80U;
  }));
}

base::Status ValidateQuestion(const SurveyQuestion& question, std::string_view path) {
  if (base::Trim(question.text).empty()) return Invalid(path, "text", "must not be empty");
  JS_RETURN_IF_ERROR(RefuseForeignFields(question, path));
  switch (question.type) {
    case AnswerType::kYesNo:
      return base::OkStatus();
    case AnswerType::kChoice:
      return ValidateOptions(question, path);
    case AnswerType::kNumber:
      if (question.min >= question.max) {
        return Invalid(path, "min",
                       "must be below max (" + std::to_string(question.min) + " is not below " +
                           std::to_string(question.max) + ")");
      }
      return base::OkStatus();
    case AnswerType::kText:
      if (question.max_length < 1 || question.max_length > SurveyQuestion::kMaxTextLength) {
        return Invalid(path, "max_length",
                       "must be from 1 to " + std::to_string(SurveyQuestion::kMaxTextLength) +
                           ", not " + std::to_string(question.max_length));
      }
      return base::OkStatus();
  }
  return base::OkStatus();
}

base::Status CheckAnswer(const SurveyQuestion& question, std::string_view answer) {
  std::string quoted = "'" + std::string(answer) + "'";
  switch (question.type) {
    case AnswerType::kYesNo:
      if (answer == "yes" || answer == "no") return base::OkStatus();
      return base::InvalidArgument(Named(question) + "answer " + quoted + " must be yes or no");
    case AnswerType::kChoice:
      if (std::find(question.options.begin(), question.options.end(), answer) !=
          question.options.end()) {
        return base::OkStatus();
      }
      return base::InvalidArgument(Named(question) + "answer " + quoted + " is not one of " +
                                   base::Join(question.options, ", "));
    case AnswerType::kNumber: {
      base::Result<std::int64_t> number = base::ParseInt(answer, "answer");
      if (number.ok() && *number >= question.min && *number <= question.max) {
        return base::OkStatus();
      }
      return base::InvalidArgument(Named(question) + "answer " + quoted +
                                   " must be a whole number from " + std::to_string(question.min) +
                                   " to " + std::to_string(question.max));
    }
    case AnswerType::kText: {
      if (base::Trim(answer).empty()) {
        return base::InvalidArgument(Named(question) + "answer is empty");
      }
      std::size_t length = CountCharacters(answer);
      if (length <= static_cast<std::size_t>(question.max_length)) return base::OkStatus();
      return base::InvalidArgument(Named(question) + "answer has " + std::to_string(length) +
                                   " characters; at most " + std::to_string(question.max_length) +
                                   " are allowed");
    }
  }
  return base::InvalidArgument(Named(question) + "unknown answer type");
}

}  // namespace callcenter
