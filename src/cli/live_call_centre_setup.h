#pragma once

#include "api/locked_database.h"
#include "base/result.h"
#include "callcenter/helpline_recorder.h"
#include "callcenter/live_call_centre.h"
#include "cli/server_config.h"
#include "store/store.h"

namespace cli {

// What serve's call centre runs with, from the config and the database's reference data:
// each helpline's state resolved to its code (a code or an abbreviation may be written), its
// language the one given or the state's main official language ("hi" where none is known),
// its IVR flow read and checked now. Agents' phones show the first trunk's caller id. Errors
// name the helpline and, for a flow, the file.
base::Result<callcenter::LiveCallCentreSettings> LiveSettingsOf(const ServerConfig& config,
                                                                store::Database& db);

// Where the call centre's records go: written under `db`'s lock, on the caller's thread (the
// Clock's); a failed write is logged, never thrown. `db` must outlive the sink.
callcenter::HelplineRecorder::Sink StoreRecordsIn(api::LockedDatabase& db);

}  // namespace cli
