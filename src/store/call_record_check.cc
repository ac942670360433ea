#include <algorithm>
#include <iterator>
#include <string>
#include <vector>

#include "base/text.h"
#include "store/store.h"

namespace store {
namespace {

// kInvalidArgument "call record <field> 'x' is not one of a, b, c" unless `value` is listed.
template <std::size_t N>
base::Status CheckOneOf(std::string_view field, std::string_view value,
                        const std::string_view (&known)[N]) {
  if (std::find(std::begin(known), std::end(known), value) != std::end(known)) {
    return base::OkStatus();
  }
  std::vector<std::string> names(std::begin(known), std::end(known));
  return base::InvalidArgument("call record " + std::string(field) + " '" + std::string(value) +
                               "' is not one of " + base::Join(names, ", "));
}

base::Status CheckNotBeforeStart(std::string_view field, const std::optional<base::TimePoint>& at,
                                 base::TimePoint started_at) {
  if (!at || *at >= started_at) return base::OkStatus();
  return base::InvalidArgument("call record " + std::string(field) + " is before started_at");
}

}  // namespace

base::Status CheckCallRecord(const CallRecord& record) {
  JS_RETURN_IF_ERROR(CheckOneOf("direction", record.direction, kCallDirections));
  JS_RETURN_IF_ERROR(CheckOneOf("kind", record.kind, kCallKinds));
  JS_RETURN_IF_ERROR(CheckOneOf("outcome", record.outcome, kCallOutcomes));
  if (record.recording.size() > CallRecord::kMaxRecordingLength) {
    return base::InvalidArgument("call record recording has " +
                                 std::to_string(record.recording.size()) + " bytes; at most 1000");
  }
  if (std::any_of(record.recording.begin(), record.recording.end(),
                  [](char c) { return static_cast<unsigned char>(c) < 0x20; })) {
    return base::InvalidArgument("call record recording must not hold control characters");
  }
  JS_RETURN_IF_ERROR(CheckNotBeforeStart("answered_at", record.answered_at, record.started_at));
  JS_RETURN_IF_ERROR(CheckNotBeforeStart("connected_at", record.connected_at, record.started_at));
  return CheckNotBeforeStart("ended_at", record.ended_at, record.started_at);
}

base::Status CheckCallRecordQuery(const CallRecordQuery& query) {
  if (!query.kind.empty()) {
    JS_RETURN_IF_ERROR(CheckOneOf("kind", query.kind, kCallKinds));
  }
  if (query.limit < 1 || query.limit > CallRecordQuery::kMaxLimit) {
    return base::InvalidArgument("limit must be from 1 to " +
                                 std::to_string(CallRecordQuery::kMaxLimit) + ", not " +
                                 std::to_string(query.limit));
  }
  if (query.since && query.until && !(*query.since < *query.until)) {
    return base::InvalidArgument("since must be before until");
  }
  return base::OkStatus();
}

}  // namespace store
