#include "api/call_record_json.h"

#include <algorithm>
#include <chrono>
#include <iterator>

#include "api/opt_out_json.h"
#include "base/text.h"

namespace api {
namespace {

using nlohmann::json;

json TimeOrNull(const std::optional<base::TimePoint>& at) {
  return at ? json(FormatUtc(*at)) : json(nullptr);
}

// Reads exactly `digits` decimal digits at `at`, advancing it; nullopt when they are not there.
std::optional<int> Digits(std::string_view text, std::size_t& at, std::size_t digits) {
  if (text.size() < at + digits) return std::nullopt;
  int value = 0;
  for (std::size_t i = at; i < at + digits; ++i) {
    if (text[i] < '0' || text[i] > '9') return std::nullopt;
    value = value * 10 + (text[i] - '0');
  }
  at += digits;
  return value;
}

bool Expect(std::string_view text, std::size_t& at, char c) {
  if (at >= text.size() || text[at] != c) return false;
  ++at;
  return true;
}

std::optional<base::TimePoint> ParseUtcForms(std::string_view text) {
  std::size_t at = 0;
  std::optional<int> year = Digits(text, at, 4);
  if (!year || !Expect(text, at, '-')) return std::nullopt;
  std::optional<int> month = Digits(text, at, 2);
  if (!month || !Expect(text, at, '-')) return std::nullopt;
  std::optional<int> day = Digits(text, at, 2);
  if (!day) return std::nullopt;
  std::chrono::year_month_day date{std::chrono::year(*year),
                                   std::chrono::month(static_cast<unsigned>(*month)),
                                   std::chrono::day(static_cast<unsigned>(*day))};
  if (!date.ok()) return std::nullopt;
  std::chrono::seconds clock_time{0};
  if (at < text.size()) {
    if (!Expect(text, at, 'T')) return std::nullopt;
    std::optional<int> hours = Digits(text, at, 2);
    if (!hours || *hours > 23 || !Expect(text, at, ':')) return std::nullopt;
    std::optional<int> minutes = Digits(text, at, 2);
    if (!minutes || *minutes > 59) return std::nullopt;
    int seconds = 0;
    if (at < text.size() && text[at] == ':') {
      ++at;
      std::optional<int> read = Digits(text, at, 2);
      if (!read || *read > 59) return std::nullopt;
      seconds = *read;
    }
    clock_time =
        std::chrono::hours(*hours) + std::chrono::minutes(*minutes) + std::chrono::seconds(seconds);
    // The zone is required with a time of day: a time without one means different things to
    // an operator in Patna and a server in UTC.
    if (Expect(text, at, 'Z')) {
      // UTC
    } else if (at < text.size() && (text[at] == '+' || text[at] == '-')) {
      int sign = text[at] == '+' ? 1 : -1;
      ++at;
      std::optional<int> offset_hours = Digits(text, at, 2);
      if (!offset_hours || *offset_hours > 14 || !Expect(text, at, ':')) return std::nullopt;
      std::optional<int> offset_minutes = Digits(text, at, 2);
      if (!offset_minutes || *offset_minutes > 59) return std::nullopt;
      clock_time -=
          sign * (std::chrono::hours(*offset_hours) + std::chrono::minutes(*offset_minutes));
    } else {
      return std::nullopt;
    }
  }
  if (at != text.size()) return std::nullopt;
  return base::TimePoint(std::chrono::sys_days(date).time_since_epoch() + clock_time);
}

std::string Named(std::string_view name, ParameterStyle style) {
  return style == ParameterStyle::kQuery ? "parameter '" + std::string(name) + "'"
                                         : "--" + std::string(name);
}

}  // namespace

json CallRecordsJson(const std::vector<store::CallRecord>& records) {
  json calls = json::array();
  for (const store::CallRecord& record : records) {
    calls.push_back({{"id", record.id},
                     {"direction", record.direction},
                     {"kind", record.kind},
                     {"from", record.from},
                     {"to", record.to},
                     {"campaign_id", record.campaign_id},
                     {"state", record.state},
                     {"language", record.language},
                     {"started_at", FormatUtc(record.started_at)},
                     {"answered_at", TimeOrNull(record.answered_at)},
                     {"connected_at", TimeOrNull(record.connected_at)},
                     {"ended_at", TimeOrNull(record.ended_at)},
                     {"agent_id", record.agent_id},
                     {"outcome", record.outcome},
                     {"recording", record.recording}});
  }
  return {{"count", records.size()}, {"calls", std::move(calls)}};
}

base::Result<base::TimePoint> ParseUtc(std::string_view text, std::string_view what) {
  if (std::optional<base::TimePoint> at = ParseUtcForms(text)) return *at;
  return base::InvalidArgument(std::string(what) + " '" + std::string(text) +
                               "' is not a date or time; use 2026-01-01, 2026-01-01T09:30:00Z "
                               "or 2026-01-01T15:00:00+05:30");
}

base::Result<store::CallRecordQuery> ParseCallRecordQuery(const CallRecordQueryText& text,
                                                          ParameterStyle style) {
  store::CallRecordQuery query;
  if (text.kind) {
    std::vector<std::string> kinds(std::begin(store::kCallKinds), std::end(store::kCallKinds));
    if (std::find(kinds.begin(), kinds.end(), *text.kind) == kinds.end()) {
      std::string message = Named("kind", style) + ": unknown kind '" + *text.kind + "'";
      std::vector<std::string> nearest = base::NearestNames(*text.kind, kinds);
      if (!nearest.empty()) message += "; did you mean " + nearest.front() + "?";
      return base::InvalidArgument(message + " (kinds: " + base::Join(kinds, ", ") + ")");
    }
    query.kind = *text.kind;
  }
  if (text.since) {
    JS_ASSIGN_OR_RETURN(query.since, ParseUtc(*text.since, Named("since", style)));
  }
  if (text.until) {
    JS_ASSIGN_OR_RETURN(query.until, ParseUtc(*text.until, Named("until", style)));
  }
  if (query.since && query.until && !(*query.since < *query.until)) {
    return base::InvalidArgument(Named("since", style) + " must be before " +
                                 Named("until", style));
  }
  if (text.limit) {
    JS_ASSIGN_OR_RETURN(std::int64_t limit, base::ParseInt(*text.limit, Named("limit", style)));
    if (limit < 1 || limit > store::CallRecordQuery::kMaxLimit) {
      return base::InvalidArgument(Named("limit", style) + " must be from 1 to " +
                                   std::to_string(store::CallRecordQuery::kMaxLimit) + ", not " +
                                   *text.limit);
    }
    query.limit = static_cast<int>(limit);
  }
  return query;
}

}  // namespace api
