#include "cli/live_call_centre_setup.h"

#include <fstream>
#include <sstream>

#include "base/logging.h"
#include "telephony/ivr/flow_parser.h"

namespace cli {
namespace {

base::Result<std::shared_ptr<const telephony::ivr::Flow>> ReadFlow(const std::string& path) {
  std::ifstream in(path);
  if (!in) return base::NotFound("IVR flow file '" + path + "' cannot be read");
  std::stringstream text;
  text << in.rdbuf();
  base::Result<telephony::ivr::Flow> flow = telephony::ivr::ParseFlow(text.str());
  if (!flow.ok()) return flow.status().WithContext("IVR flow file '" + path + "'");
  return std::make_shared<const telephony::ivr::Flow>(std::move(*flow));
}

base::Result<callcenter::LiveHelpline> Resolve(const ServerConfig::Helpline& given,
                                               const std::vector<geo::State>& states) {
  callcenter::LiveHelpline line;
  line.number = given.number;
  auto state = std::find_if(states.begin(), states.end(), [&](const geo::State& s) {
    return s.code == given.state || s.abbr == given.state;
  });
  if (state == states.end()) {
    return base::InvalidArgument(
        "state '" + given.state + "' is not a state code or abbreviation" +
        (states.empty() ? " known here: no reference data is loaded (jansampark data load)" : ""));
  }
  line.state = state->code;
  line.language = given.language;
  if (line.language.empty()) {
    line.language = state->official_languages.empty() ? "hi" : state->official_languages.front();
  }
  if (!given.flow.empty()) {
    JS_ASSIGN_OR_RETURN(line.flow, ReadFlow(given.flow));
  }
  return line;
}

}  // namespace

base::Result<callcenter::LiveCallCentreSettings> LiveSettingsOf(const ServerConfig& config,
                                                                store::Database& db) {
  callcenter::LiveCallCentreSettings settings;
  settings.can_call_agents = !config.sip.trunks.empty();
  if (settings.can_call_agents) settings.caller_id = config.sip.trunks.front().caller_id;
  JS_ASSIGN_OR_RETURN(std::vector<geo::State> states, db.reference().ListStates());
  for (const ServerConfig::Helpline& given : config.helplines) {
    base::Result<callcenter::LiveHelpline> line = Resolve(given, states);
    if (!line.ok()) return line.status().WithContext("sip.helplines: " + given.number);
    settings.helplines.push_back(std::move(*line));
  }
  return settings;
}

callcenter::HelplineRecorder::Sink StoreRecordsIn(api::LockedDatabase& db) {
  return [&db](const store::CallRecord& record) {
    base::Result<std::int64_t> id = db.With(
        [&](store::Database& locked) { return locked.call_records().AddCallRecord(record); });
    if (!id.ok()) {
      JS_LOG(kError) << "helpline call from '" << record.from << "' to " << record.to
                     << " was not recorded: " << id.status().ToString();
      return;
    }
    JS_LOG(kDebug) << "helpline call from '" << record.from << "' to " << record.to
                   << " recorded as " << *id << " (" << record.outcome << ")";
  };
}

}  // namespace cli
