#include "callcenter/calling_hours.h"

#include <algorithm>

namespace callcenter {
namespace {

using std::chrono::days;
using std::chrono::minutes;

constexpr minutes kDay = std::chrono::hours(24);

// Local (IST) time as a time point on the system clock's calendar, so that floor<days> gives
// the IST date.
base::TimePoint ToLocal(base::TimePoint utc) { return utc + kIstOffset; }

// 0..99 as two digits (hours and minutes of a day).
std::string TwoDigits(long value) {
  std::string text = std::to_string(value % 100);
  return text.size() < 2 ? "0" + text : text;
}

std::string FormatTimeOfDay(minutes time) {
  return TwoDigits(static_cast<long>(time.count() / 60)) + ":" +
         TwoDigits(static_cast<long>(time.count() % 60));
}

}  // namespace

base::TimePoint FromIst(std::chrono::year_month_day date, minutes time_of_day) {
  return base::TimePoint(std::chrono::sys_days(date)) + time_of_day - kIstOffset;
}

std::string FormatIst(base::TimePoint utc) {
  base::TimePoint local = ToLocal(utc);
  auto day = std::chrono::floor<days>(local);
  std::chrono::year_month_day date(day);
  minutes time = std::chrono::floor<minutes>(local - day);
  return std::to_string(static_cast<int>(date.year())) + "-" +
         TwoDigits(static_cast<unsigned>(date.month())) + "-" +
         TwoDigits(static_cast<unsigned>(date.day())) + " " + FormatTimeOfDay(time) + " IST";
}

CallingHours::CallingHours() : CallingHours(std::chrono::hours(9), std::chrono::hours(21)) {}

CallingHours::CallingHours(minutes open, minutes close) : open_(open), close_(close) {
  // The window as parts of one day, each clipped to the day outside the quiet band. A window
  // across midnight gives two parts; they cannot touch, because close < open.
  auto add = [this](minutes start, minutes end) {
    start = std::max(start, kQuietEnd);
    end = std::min(end, kQuietStart);
    if (start < end) spans_[span_count_++] = {start, end};
  };
  if (open < close) {
    add(open, close);
  } else {
    add(minutes(0), close);
    add(open, kDay);
  }
}

base::Result<CallingHours> CallingHours::Make(minutes open, minutes close) {
  auto in_day = [](minutes time) { return time >= minutes(0) && time < kDay; };
  std::string window = "calling hours " + (in_day(open) ? FormatTimeOfDay(open) : "?") + "-" +
                       (in_day(close) ? FormatTimeOfDay(close) : "?");
  if (!in_day(open) || !in_day(close)) {
    return base::InvalidArgument(window + ": times of day must be from 00:00 to 23:59");
  }
  if (open == close) return base::InvalidArgument(window + ": the window is empty");
  CallingHours hours(open, close);
  if (hours.span_count_ == 0) {
    return base::InvalidArgument(window + ": the window lies inside the quiet band " +
                                 FormatTimeOfDay(kQuietStart) + "-" + FormatTimeOfDay(kQuietEnd) +
                                 ", when no call is ever placed");
  }
  return hours;
}

bool CallingHours::InQuietBand(base::TimePoint utc) {
  base::TimePoint local = ToLocal(utc);
  base::Duration time = local - std::chrono::floor<days>(local);
  return time >= kQuietStart || time < kQuietEnd;
}

bool CallingHours::Allows(base::TimePoint utc) const { return NextOpening(utc) == utc; }

base::TimePoint CallingHours::NextOpening(base::TimePoint utc) const {
  base::TimePoint local = ToLocal(utc);
  base::TimePoint midnight = std::chrono::floor<days>(local);
  base::Duration time = local - midnight;
  for (int i = 0; i < span_count_; ++i) {
    const Span& span = spans_[i];
    if (time < span.start) return midnight + span.start - kIstOffset;
    if (time < span.end) return utc;
  }
  return midnight + kDay + spans_[0].start - kIstOffset;
}

std::string CallingHours::ToString() const {
  return FormatTimeOfDay(open_) + "-" + FormatTimeOfDay(close_) + " IST";
}

}  // namespace callcenter
