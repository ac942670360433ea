#include "api/opt_out_json.h"

#include <chrono>

namespace api {
namespace {

std::string TwoDigits(long value) { return (value < 10 ? "0" : "") + std::to_string(value); }

}  // namespace

std::string FormatUtc(base::TimePoint at) {
  auto day = std::chrono::floor<std::chrono::days>(at);
  std::chrono::year_month_day date(day);
  std::chrono::hh_mm_ss time(std::chrono::floor<std::chrono::seconds>(at - day));
  return std::to_string(static_cast<int>(date.year())) + "-" +
         TwoDigits(static_cast<unsigned>(date.month())) + "-" +
         TwoDigits(static_cast<unsigned>(date.day())) + "T" + TwoDigits(time.hours().count()) +
         ":" + TwoDigits(time.minutes().count()) + ":" +
         TwoDigits(static_cast<long>(time.seconds().count())) + "Z";
}

nlohmann::json OptOutsJson(std::string_view campaign_id,
                           const std::vector<store::DoNotCallEntry>& entries) {
  nlohmann::json numbers = nlohmann::json::array();
  for (const store::DoNotCallEntry& entry : entries) {
    numbers.push_back({{"number", entry.number},
                       {"reason", entry.reason},
                       {"added_at", FormatUtc(entry.added_at)}});
  }
  return {{"campaign_id", campaign_id}, {"count", entries.size()}, {"numbers", std::move(numbers)}};
}

}  // namespace api
