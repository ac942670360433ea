#pragma once

#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "base/clock.h"
#include "base/result.h"
#include "store/store.h"

namespace api {

// Call detail records as JSON (docs/json.md): {"count", "calls": [{"id", "direction", "kind",
// "from", "to", "campaign_id", "state", "language", "started_at", "answered_at",
// "connected_at", "ended_at", "agent_id", "outcome"}]}, in the order given; times as FormatUtc,
// null where the call never got there. Shared by `calls list --format json` and GET /api/calls.
nlohmann::json CallRecordsJson(const std::vector<store::CallRecord>& records);

// A time as people type it: "2026-01-01" (midnight UTC), "2026-01-01T09:30Z",
// "2026-01-01T09:30:00Z" or with an offset, "2026-01-01T15:00:00+05:30". kInvalidArgument
// naming `what` ("parameter 'since'", "--since") and the accepted forms for anything else.
base::Result<base::TimePoint> ParseUtc(std::string_view text, std::string_view what);

// The words of a call-record query as given (nullopt: not given), checked: kInvalidArgument
// naming the parameter as `prefix` + name ("parameter '" ... "'" or "--") for an unknown kind,
// a bad time or a limit that is not 1..store::CallRecordQuery::kMaxLimit.
struct CallRecordQueryText {
  std::optional<std::string> kind;
  std::optional<std::string> since;
  std::optional<std::string> until;
  std::optional<std::string> limit;
};
enum class ParameterStyle { kQuery, kFlag };
base::Result<store::CallRecordQuery> ParseCallRecordQuery(const CallRecordQueryText& text,
                                                          ParameterStyle style);

}  // namespace api
