#pragma once

#include <array>
#include <chrono>
#include <string>

#include "base/clock.h"
#include "base/result.h"

namespace callcenter {

// India Standard Time is UTC+05:30 all year: there is no daylight saving to follow.
inline constexpr base::Duration kIstOffset = std::chrono::hours(5) + std::chrono::minutes(30);

// The UTC instant of `time_of_day` IST on `date` (an IST calendar date).
base::TimePoint FromIst(std::chrono::year_month_day date, std::chrono::minutes time_of_day);
// "2026-05-18 18:00 IST" (seconds dropped), for messages.
std::string FormatIst(base::TimePoint utc);

// When a campaign may call, in IST: its own window (default 09:00-21:00) and, always, outside
// the quiet band 22:00-06:00 that no setting can open. A window may cross midnight (20:00-08:00);
// only its parts outside the quiet band are ever open (here 20:00-22:00 and 06:00-08:00).
// Windows are half open: 09:00-21:00 allows 09:00:00 and 20:59:59.999999, not 21:00:00.
// Immutable and cheap to copy; safe to share between threads.
class CallingHours {
 public:
  static constexpr std::chrono::minutes kQuietStart = std::chrono::hours(22);
  static constexpr std::chrono::minutes kQuietEnd = std::chrono::hours(6);

  // 09:00-21:00 IST.
  CallingHours();

  // The window [open, close) in IST; close before open crosses midnight. Times of day are
  // in [00:00, 24:00). kInvalidArgument, naming the window, when a time is out of range, when
  // open == close, or when the whole window lies in the quiet band (nothing would ever open).
  static base::Result<CallingHours> Make(std::chrono::minutes open, std::chrono::minutes close);

  // Whether `utc` falls in 22:00-06:00 IST, when no campaign may call.
  static bool InQuietBand(base::TimePoint utc);

  // Whether a call may be placed at `utc`.
  bool Allows(base::TimePoint utc) const;
  // `utc` itself when Allows(utc), else the first later instant when calling opens: the time
  // to retry a contact refused for the hours. Always within the next 24 hours.
  base::TimePoint NextOpening(base::TimePoint utc) const;

  std::chrono::minutes open() const { return open_; }
  std::chrono::minutes close() const { return close_; }
  // "09:00-21:00 IST"
  std::string ToString() const;

 private:
  // A part of a day when calling is open: [start, end) minutes after IST midnight.
  struct Span {
    std::chrono::minutes start{0};
    std::chrono::minutes end{0};
  };

  CallingHours(std::chrono::minutes open, std::chrono::minutes close);

  std::chrono::minutes open_;
  std::chrono::minutes close_;
  std::array<Span, 2> spans_{};  // the open parts, earliest first; the first span_count_ count
  int span_count_ = 0;
};

}  // namespace callcenter
