#include "cli/stored_missed_calls.h"

#include "base/logging.h"

namespace cli {

void StoredMissedCalls::OnMissedCall(const telephony::IncomingCall& call) {
  store::CallRecord record;
  record.direction = "inbound";
  record.kind = "missed_call";
  record.from = call.from;
  record.to = call.to;
  if (auto it = callback_campaigns_.find(call.to); it != callback_campaigns_.end()) {
    record.campaign_id = it->second;
  }
  record.outcome = "missed_call";
  base::Result<std::int64_t> id = db_.With([&](store::Database& db) {
    // Dated under the lock, like an HTTP request, so records are dated in the order written.
    record.started_at = clock_.Now();
    return db.call_records().AddCallRecord(record);
  });
  if (!id.ok()) {
    JS_LOG(kError) << "missed call from '" << call.from << "' to " << call.to
                   << " was not recorded: " << id.status().ToString();
    return;
  }
  JS_LOG(kDebug) << "missed call from '" << call.from << "' to " << call.to << " recorded as "
                 << *id;
}

}  // namespace cli
