#include "simulation/compliance_scenario.h"

#include <algorithm>
#include <array>
#include <random>
#include <string_view>
#include <utility>

#include "base/text.h"
#include "callcenter/calling_hours.h"

namespace simulation {
namespace {

using std::chrono::hours;
using std::chrono::minutes;
using std::chrono::seconds;

// The seeded choices of one day, each drawn in a fixed order.
class Draw {
 public:
  explicit Draw(std::uint64_t seed) : random_(seed * 0x9E3779B97F4A7C15ULL + 0x5EED) {}

  // Uniform in [low, high].
  std::int64_t Int(std::int64_t low, std::int64_t high) {
    return std::uniform_int_distribution<std::int64_t>(low, high)(random_);
  }
  double Real(double low, double high) {
    return std::uniform_real_distribution<double>(low, high)(random_);
  }
  bool Chance(double probability) { return Real(0.0, 1.0) < probability; }
  minutes Minutes(int low, int high) { return minutes(Int(low, high)); }
  template <typename T, std::size_t N>
  const T& Pick(const std::array<T, N>& items) {
    return items[static_cast<std::size_t>(Int(0, static_cast<std::int64_t>(N) - 1))];
  }

 private:
  std::mt19937_64 random_;
};

// Mostly windows worth a name (the default, long days, windows across midnight, windows that
// the quiet band clips on both sides), and now and then any valid window at all.
std::pair<minutes, minutes> DrawWindow(Draw& draw) {
  using Window = std::pair<minutes, minutes>;
  static constexpr std::array<Window, 10> kNotable = {{
      {hours(9), hours(21)},
      {hours(9), hours(21)},
      {minutes(7 * 60 + 30), minutes(23 * 60 + 30)},
      {hours(6), hours(22)},
      {hours(0), minutes(23 * 60 + 59)},
      {hours(20), hours(8)},
      {hours(18), hours(7)},
      {minutes(21 * 60 + 30), minutes(6 * 60 + 30)},
      {hours(5), hours(12)},
      {minutes(13 * 60 + 15), minutes(20 * 60 + 45)},
  }};
  if (draw.Chance(0.7)) return draw.Pick(kNotable);
  while (true) {
    minutes open = draw.Minutes(0, 24 * 60 - 1);
    minutes close = draw.Minutes(0, 24 * 60 - 1);
    if (callcenter::CallingHours::Make(open, close).ok()) return {open, close};
  }
}

// Polls closing from 6 h before the day to 66 h after its start: silence periods over before
// the day, ending during it, covering it, or beginning during it.
std::vector<PollClose> DrawPolls(Draw& draw, base::TimePoint start) {
  std::vector<PollClose> polls;
  for (int state = 1; state <= 3; ++state) {
    std::string code = "S0" + std::to_string(state);
    std::array<std::string, 5> areas = {code, code + "-1", code + "-2", code + "-3", code + "-4"};
    for (const std::string& area : areas) {
      int count = draw.Chance(0.2) ? (draw.Chance(0.2) ? 2 : 1) : 0;
      for (int i = 0; i < count; ++i) {
        polls.push_back({area, start + draw.Minutes(-6 * 60, 66 * 60)});
      }
    }
  }
  return polls;
}

callcenter::RetryPolicy DrawRetry(Draw& draw, int rule_max) {
  callcenter::RetryPolicy retry;
  static constexpr std::array<int, 4> kOffsets = {-1, 0, 0, 1};
  retry.max_attempts = std::max(1, rule_max + draw.Pick(kOffsets));
  retry.busy = draw.Minutes(2, 15);
  retry.no_answer = draw.Minutes(5, 40);
  retry.failed = draw.Minutes(5, 60);
  retry.machine = draw.Minutes(10, 60);
  retry.abandoned = draw.Minutes(1, 15);
  return retry;
}

std::string DrawNumber(Draw& draw) {
  std::string digits = std::to_string(draw.Int(0, 999'999'999));
  return "+919" + std::string(9 - digits.size(), '0') + digits;
}

// Contacts across three made-up states of four seats each; a few share an earlier contact's
// number (a household phone), a few have no known seat. Some are due at the start of the day
// (many of them before calling opens), the rest at moments through the day.
void DrawContacts(Draw& draw, ComplianceScenario& day) {
  int count = static_cast<int>(draw.Int(80, 200));
  double dnd_share = draw.Real(0.0, 0.12);
  double do_not_call_share = draw.Real(0.0, 0.06);
  std::int64_t day_seconds = std::chrono::duration_cast<seconds>(day.length).count();
  for (int i = 0; i < count; ++i) {
    callcenter::Contact contact;
    contact.id = "c-" + std::to_string(i + 1);
    contact.number = DrawNumber(draw);
    if (i > 0 && draw.Chance(0.06)) {
      contact.number = day.contacts[static_cast<std::size_t>(draw.Int(0, i - 1))].contact.number;
    }
    contact.language = "hi";
    contact.state_code = "S0" + std::to_string(draw.Int(1, 3));
    if (!draw.Chance(0.15)) {
      contact.seat_id = contact.state_code + "-" + std::to_string(draw.Int(1, 4));
    }
    if (draw.Chance(dnd_share)) day.dnd.push_back(contact.number);
    if (draw.Chance(do_not_call_share)) day.do_not_call.push_back(contact.number);
    base::Duration first_due{};
    if (!draw.Chance(0.4)) first_due = seconds(draw.Int(0, day_seconds));
    day.contacts.push_back({std::move(contact), first_due});
  }
}

// Each agent logs in within the first 45 minutes; some pause, lose their line or log out at
// moments of the day, and most come back.
void DrawDesks(Draw& draw, ComplianceScenario& day) {
  int day_minutes = static_cast<int>(std::chrono::duration_cast<minutes>(day.length).count());
  auto at = [&](minutes when) { return std::chrono::duration_cast<base::Duration>(when); };
  for (int i = 1; i <= day.agents; ++i) {
    std::string id = "agent-" + std::to_string(i);
    day.desk_events.push_back({at(draw.Minutes(0, 45)), id, DeskAction::kLogIn});
    if (draw.Chance(0.35)) {
      minutes pause = draw.Minutes(0, day_minutes);
      day.desk_events.push_back({at(pause), id, DeskAction::kPause});
      day.desk_events.push_back({at(pause + draw.Minutes(5, 90)), id, DeskAction::kSetReady});
    }
    if (draw.Chance(0.2)) {
      minutes lost = draw.Minutes(0, day_minutes);
      day.desk_events.push_back({at(lost), id, DeskAction::kLoseLine});
      day.desk_events.push_back({at(lost + draw.Minutes(1, 30)), id, DeskAction::kLogIn});
    }
    if (draw.Chance(0.2)) {
      minutes out = draw.Minutes(0, day_minutes);
      day.desk_events.push_back({at(out), id, DeskAction::kLogOut});
      if (draw.Chance(0.5)) {
        day.desk_events.push_back({at(out + draw.Minutes(10, 120)), id, DeskAction::kLogIn});
      }
    }
  }
}

std::string TimeOfDay(minutes time) {
  std::string hh = std::to_string(time.count() / 60);
  std::string mm = std::to_string(time.count() % 60);
  return std::string(2 - hh.size(), '0') + hh + ":" + std::string(2 - mm.size(), '0') + mm;
}

}  // namespace

ComplianceScenario DrawScenario(std::uint64_t seed) {
  Draw draw(seed);
  ComplianceScenario day;
  day.seed = seed;
  std::chrono::year_month_day date{
      std::chrono::sys_days{std::chrono::year(2026) / std::chrono::March / 1} +
      std::chrono::days(draw.Int(0, 90))};
  day.start = callcenter::FromIst(date, draw.Minutes(5 * 60, 8 * 60)) + seconds(draw.Int(0, 59));
  day.length = draw.Minutes(17 * 60, 19 * 60);
  std::tie(day.window_open, day.window_close) = DrawWindow(draw);
  day.polls = DrawPolls(draw, day.start);
  day.max_attempts = static_cast<int>(draw.Int(1, 4));
  day.retry = DrawRetry(draw, day.max_attempts);
  static constexpr std::array<std::string_view, 6> kModes = {
      "preview", "progressive", "power:2", "power:3", "vicidial-adaptive", "predictive"};
  day.dial_mode = std::string(draw.Pick(kModes));
  static constexpr std::array<int, 3> kTicks = {20, 30, 60};
  day.tick = seconds(draw.Pick(kTicks));
  day.agents = static_cast<int>(draw.Int(2, 12));
  day.mean_wrap = seconds(draw.Int(5, 60));
  DrawDesks(draw, day);
  DrawContacts(draw, day);
  day.opt_out_share = draw.Real(0.0, 0.3);
  day.world.seed = seed;
  day.world.human_answer_rate = draw.Real(0.25, 0.5);
  day.world.machine_rate = 0.10;
  day.world.busy_rate = 0.08;
  day.world.failed_rate = 0.04;
  day.world.talk_mean = seconds(draw.Int(45, 150));
  static constexpr std::array<double, 4> kInboundPerHour = {0, 0, 15, 60};
  day.world.inbound_per_hour = draw.Pick(kInboundPerHour);
  return day;
}

std::string CallingWindowText(const ComplianceScenario& day) {
  return TimeOfDay(day.window_open) + "-" + TimeOfDay(day.window_close) + " IST";
}

std::string Summary(const ComplianceScenario& day) {
  double hours_long = std::chrono::duration<double, std::ratio<3600>>(day.length).count();
  auto tick = std::chrono::duration_cast<seconds>(day.tick).count();
  return "seed " + std::to_string(day.seed) + ": " + callcenter::FormatIst(day.start) + " + " +
         base::FormatFixed(hours_long, 1) + " h, hours " + CallingWindowText(day) + ", " +
         day.dial_mode + " every " + std::to_string(tick) + " s, " + std::to_string(day.agents) +
         " agents, " + std::to_string(day.contacts.size()) + " contacts, max " +
         std::to_string(day.max_attempts) + " attempts (list " +
         std::to_string(day.retry.max_attempts) + "), " + std::to_string(day.polls.size()) +
         " polls";
}

}  // namespace simulation
