#include "callcenter/poll_schedule.h"

#include "callcenter/calling_hours.h"

namespace callcenter {

base::Result<PollSchedule> PollSchedule::FromPollDates(
    const std::map<std::string, std::chrono::year_month_day>& dates,
    std::chrono::minutes close_time) {
  if (close_time < std::chrono::minutes(0) || close_time >= std::chrono::hours(24)) {
    return base::InvalidArgument("poll close time must be from 00:00 to 23:59");
  }
  PollSchedule schedule;
  for (const auto& [area, date] : dates) {
    if (!date.ok()) return base::InvalidArgument("poll date of '" + area + "' is not a date");
    JS_RETURN_IF_ERROR(schedule.AddPollClose(area, FromIst(date, close_time)));
  }
  return schedule;
}

base::Status PollSchedule::AddPollClose(const std::string& area, base::TimePoint close) {
  if (area.empty()) return base::InvalidArgument("a poll needs a seat id or a state code");
  closes_[area].push_back(close);
  return base::OkStatus();
}

std::optional<SilencePeriod> PollSchedule::SilenceAt(const DialTarget& target,
                                                     base::TimePoint now) const {
  std::optional<SilencePeriod> found;
  CheckArea(target.seat_id, now, found);
  CheckArea(target.state_code, now, found);
  return found;
}

void PollSchedule::CheckArea(const std::string& area, base::TimePoint now,
                             std::optional<SilencePeriod>& found) const {
  if (area.empty()) return;
  auto it = closes_.find(area);
  if (it == closes_.end()) return;
  for (base::TimePoint close : it->second) {
    // Closed at both ends: the last instant of the poll is silent too.
    bool silent = now >= close - kSilence && now <= close;
    if (silent && (!found || close > found->poll_close)) {
      found = SilencePeriod{area, close - kSilence, close};
    }
  }
}

}  // namespace callcenter
