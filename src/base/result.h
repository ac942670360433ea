#pragma once

#include <cassert>
#include <utility>
#include <variant>

#include "base/status.h"

namespace base {

// A value or the Status that explains why there is none; shaped like C++23 std::expected.
// Accessing value() of a failed Result is a programming error (asserted).
template <typename T>
class [[nodiscard]] Result {
 public:
  Result(T value) : state_(std::move(value)) {}        // NOLINT(google-explicit-constructor)
  Result(Status status) : state_(std::move(status)) {  // NOLINT(google-explicit-constructor)
    assert(!std::get<Status>(state_).ok() && "a Result holds an error status or a value");
  }

  bool ok() const { return std::holds_alternative<T>(state_); }
  explicit operator bool() const { return ok(); }

  const T& value() const& {
    assert(ok());
    return std::get<T>(state_);
  }
  T& value() & {
    assert(ok());
    return std::get<T>(state_);
  }
  T&& value() && {
    assert(ok());
    return std::get<T>(std::move(state_));
  }
  const T& operator*() const& { return value(); }
  T& operator*() & { return value(); }
  const T* operator->() const { return &value(); }
  T* operator->() { return &value(); }

  // The error; OkStatus() when a value is held.
  Status status() const { return ok() ? OkStatus() : std::get<Status>(state_); }

 private:
  std::variant<T, Status> state_;
};

}  // namespace base

// NOLINTBEGIN(bugprone-macro-parentheses): `lhs` may be a declaration ("auto x").
#define JS_CONCAT_INNER(a, b) a##b
#define JS_CONCAT(a, b) JS_CONCAT_INNER(a, b)

// JS_ASSIGN_OR_RETURN(auto x, MakeX()); returns the Status when MakeX() failed.
#define JS_ASSIGN_OR_RETURN(lhs, expr) \
  JS_ASSIGN_OR_RETURN_IMPL(JS_CONCAT(js_result_, __LINE__), lhs, expr)
#define JS_ASSIGN_OR_RETURN_IMPL(tmp, lhs, expr) \
  auto tmp = (expr);                             \
  if (!tmp.ok()) return tmp.status();            \
  lhs = std::move(tmp).value()
// NOLINTEND(bugprone-macro-parentheses)
