#pragma once

#include <nlohmann/json.hpp>
#include <string>
#include <string_view>
#include <vector>

#include "base/clock.h"
#include "store/store.h"

namespace api {

// A campaign's do-not-call list (docs/json.md): {"campaign_id", "count", "numbers": [{"number",
// "reason", "added_at"}]}, oldest first; shared by `campaign dnc --format json` and
// GET /api/campaigns/{id}/opt-outs.
nlohmann::json OptOutsJson(std::string_view campaign_id,
                           const std::vector<store::DoNotCallEntry>& entries);

// "2026-01-01T09:30:00Z": ISO 8601 in UTC, to the second (earlier digits dropped).
std::string FormatUtc(base::TimePoint at);

}  // namespace api
