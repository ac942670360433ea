#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "base/result.h"
#include "telephony/sip/sip_config.h"

namespace cli {

// What `jansampark serve` runs with: the config file (JSON, see docs/serve-config.md) read
// first, then the flags laid over it.
struct ServerConfig {
  std::string http = "127.0.0.1:8080";
  std::optional<std::string> db;  // nullopt: the --db flag's default
  telephony::sip::SipConfig sip;
  // Missed-call number → the campaign that is to call its callers back, for the numbers that
  // name one. Kept with each missed call's record; the dialling comes with the campaign runner.
  std::map<std::string, std::string> callback_campaigns;
  // The helplines (sip.helplines[]) with what only the call centre needs; the number → state
  // map is in sip.helpline_dids too.
  struct Helpline {
    std::string number;
    std::string state;     // as written: a state code ("S24") or abbreviation ("UP")
    std::string language;  // ISO 639; empty: the state's main language
    std::string flow;      // path of an IVR flow file (docs/ivr.md); empty: none
  };
  std::vector<Helpline> helplines;
};

// Reads a config file; errors name the file and the key ("serve.json: sip.trunks[0].address:
// required key is missing").
base::Result<ServerConfig> ReadServerConfig(const std::string& path);

// Lays a HOST:PORT listen address over `config` (its host also becomes the media address);
// `what` names where the value came from ("--sip", "sip.listen") in errors.
base::Status ApplySipFlag(const std::string& value, const std::string& what, ServerConfig& config);
// Lays a LOW-HIGH RTP port range over `config`.
base::Status ApplyRtpPortsFlag(const std::string& value, const std::string& what,
                               ServerConfig& config);

}  // namespace cli
