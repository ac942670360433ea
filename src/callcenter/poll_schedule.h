#pragma once

#include <chrono>
#include <map>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "base/clock.h"
#include "base/result.h"
#include "base/status.h"
#include "callcenter/contact_source.h"

namespace callcenter {

// A silence period: from 48 hours before a poll closes up to and including the close, when no
// campaign call may be placed to a voter of that constituency.
struct SilencePeriod {
  std::string area;  // the seat id ("S12-19") or state code ("S12") whose poll it is
  base::TimePoint start;
  base::TimePoint poll_close;
};

// When polls close, per seat and per state, and so when each contact's silence period runs.
// A contact is silent when the schedule has a poll for its seat (DialTarget::seat_id) or for
// its state (DialTarget::state_code) whose period [close - 48 h, close] contains the moment:
// both are checked, so a state-wide poll silences every seat of the state, and a contact whose
// seat is unknown is still silenced by its state's poll. An area may have several polls (a
// re-poll, phases). Not thread-safe to modify; const use may be shared.
class PollSchedule {
 public:
  static constexpr base::Duration kSilence = std::chrono::hours(48);
  // Polls close at 18:00 IST unless the Election Commission says otherwise for a seat.
  static constexpr std::chrono::minutes kDefaultClose = std::chrono::hours(18);

  // A schedule from poll dates per area (seat id or state code), every poll closing at
  // `close_time` IST on its date (e.g. pc.csv's ls2019_poll_date). kInvalidArgument, naming the
  // area, for an empty area or an impossible date; for a close time outside 00:00-23:59.
  static base::Result<PollSchedule> FromPollDates(
      const std::map<std::string, std::chrono::year_month_day>& dates,
      std::chrono::minutes close_time = kDefaultClose);

  // Adds a poll closing at `close` in `area` (seat id or state code). kInvalidArgument for an
  // empty area.
  base::Status AddPollClose(const std::string& area, base::TimePoint close);

  // The silence period of `target` that contains `now`, if any; of several, the one that ends
  // last, so that the end of the returned period is the earliest moment worth retrying.
  std::optional<SilencePeriod> SilenceAt(const DialTarget& target, base::TimePoint now) const;

 private:
  void CheckArea(const std::string& area, base::TimePoint now,
                 std::optional<SilencePeriod>& found) const;

  std::unordered_map<std::string, std::vector<base::TimePoint>> closes_;
};

}  // namespace callcenter
