#pragma once

#include <string>
#include <string_view>
#include <utility>

namespace base {

// Coarse error codes; the detail goes in the message. kOk is the only success code.
enum class StatusCode { kOk, kInvalidArgument, kNotFound, kConflict, kUnavailable, kInternal };

std::string_view StatusCodeName(StatusCode code);

// The outcome of an operation that returns no value. Cheap to copy when ok.
class [[nodiscard]] Status {
 public:
  Status() = default;
  Status(StatusCode code, std::string message) : code_(code), message_(std::move(message)) {}

  bool ok() const { return code_ == StatusCode::kOk; }
  StatusCode code() const { return code_; }
  const std::string& message() const { return message_; }

  // "invalid argument: <message>", or "ok".
  std::string ToString() const;

  // Returns this status with `context` put in front of the message ("file.csv: line 3: ...").
  Status WithContext(std::string_view context) const;

 private:
  StatusCode code_ = StatusCode::kOk;
  std::string message_;
};

inline Status OkStatus() { return Status(); }
inline Status InvalidArgument(std::string message) {
  return {StatusCode::kInvalidArgument, std::move(message)};
}
inline Status NotFound(std::string message) { return {StatusCode::kNotFound, std::move(message)}; }
inline Status Conflict(std::string message) { return {StatusCode::kConflict, std::move(message)}; }
inline Status Unavailable(std::string message) {
  return {StatusCode::kUnavailable, std::move(message)};
}
inline Status Internal(std::string message) { return {StatusCode::kInternal, std::move(message)}; }

}  // namespace base

// Returns early from the enclosing function when `expr` yields a failed Status.
#define JS_RETURN_IF_ERROR(expr)             \
  do {                                       \
    ::base::Status js_status_ = (expr);      \
    if (!js_status_.ok()) return js_status_; \
  } while (false)
