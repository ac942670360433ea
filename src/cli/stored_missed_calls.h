#pragma once

#include <map>
#include <string>

#include "api/locked_database.h"
#include "base/clock.h"
#include "telephony/sip/sip_call_control.h"

namespace cli {

// serve's MissedCallSink: writes each missed call as a call detail record (kind and outcome
// missed_call, inbound, started now, `to` the missed-call number, campaign_id the number's
// call-back campaign when the config names one). The call was refused unanswered already, so
// a failed write is logged (kError) and the call is gone; nothing throws. The record is written
// under `db`'s lock, so that it is serialised with the HTTP requests. No state is recorded:
// a missed-call number is never also a helpline number, which is what maps a line to a state.
// Calling the caller back is the campaign runner's (not built yet): only the campaign is kept.
class StoredMissedCalls : public telephony::sip::MissedCallSink {
 public:
  // `db` and `clock` must outlive this object. `callback_campaigns`: missed-call number →
  // campaign id (ServerConfig::callback_campaigns).
  StoredMissedCalls(api::LockedDatabase& db, const base::Clock& clock,
                    std::map<std::string, std::string> callback_campaigns)
      : db_(db), clock_(clock), callback_campaigns_(std::move(callback_campaigns)) {}

  // On the Clock's thread (any thread will do).
  void OnMissedCall(const telephony::IncomingCall& call) override;

 private:
  api::LockedDatabase& db_;
  const base::Clock& clock_;
  const std::map<std::string, std::string> callback_campaigns_;
};

}  // namespace cli
