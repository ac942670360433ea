#include "cli/server_config.h"

#include <algorithm>
#include <cctype>
#include <fstream>
#include <sstream>

#include "api/json_fields.h"

namespace cli {
namespace {

using api::JsonFields;

base::Result<telephony::sip::Trunk> ReadTrunk(const JsonFields& fields) {
  telephony::sip::Trunk trunk;
  JS_ASSIGN_OR_RETURN(trunk.name, fields.String("name"));
  JS_ASSIGN_OR_RETURN(std::string address, fields.String("address"));
  JS_ASSIGN_OR_RETURN(auto host_port,
                      telephony::sip::ParseHostPort(address, fields.PathOf("address")));
  trunk.host = host_port.host;
  trunk.port = host_port.port;
  JS_ASSIGN_OR_RETURN(trunk.transport, fields.String("transport", "udp"));
  if (trunk.transport != "udp" && trunk.transport != "tcp") {
    return base::InvalidArgument(fields.PathOf("transport") + ": '" + trunk.transport +
                                 "' is not udp or tcp");
  }
  JS_ASSIGN_OR_RETURN(trunk.username, fields.String("username", ""));
  JS_ASSIGN_OR_RETURN(trunk.password, fields.String("password", ""));
  JS_ASSIGN_OR_RETURN(trunk.caller_id, fields.String("caller_id"));
  JS_ASSIGN_OR_RETURN(trunk.max_channels, fields.Int("max_channels", 30));
  if (trunk.max_channels < 1) {
    return base::InvalidArgument(fields.PathOf("max_channels") + ": must be at least 1");
  }
  JS_RETURN_IF_ERROR(fields.NoOtherKeys());
  return trunk;
}

// `missed_call_numbers`: each item a number ("+917000000000") or an object
// {"number": "...", "callback_campaign": "ID"}; both forms may be mixed.
base::Status ReadMissedCallNumbers(const JsonFields& sip, ServerConfig& config) {
  JS_ASSIGN_OR_RETURN(std::vector<JsonFields::Item> items, sip.Items("missed_call_numbers", false));
  for (const JsonFields::Item& item : items) {
    std::string number;
    std::string callback;
    if (item.value->is_string()) {
      number = item.value->get<std::string>();
    } else if (item.value->is_object()) {
      JS_ASSIGN_OR_RETURN(JsonFields fields, JsonFields::Of(*item.value, item.path));
      JS_ASSIGN_OR_RETURN(number, fields.String("number"));
      JS_ASSIGN_OR_RETURN(callback, fields.String("callback_campaign", ""));
      JS_RETURN_IF_ERROR(fields.NoOtherKeys());
      if (fields.Has("callback_campaign") && callback.empty()) {
        return base::InvalidArgument(fields.PathOf("callback_campaign") +
                                     ": is empty; leave the key out for no call-back");
      }
    } else {
      return base::InvalidArgument(item.path +
                                   ": expected a number as a string, or an object "
                                   "{\"number\", \"callback_campaign\"}");
    }
    if (number.empty()) return base::InvalidArgument(item.path + ": the number is empty");
    if (config.sip.helpline_dids.contains(number)) {
      return base::InvalidArgument(item.path + ": " + number + " is also a helpline number");
    }
    const std::vector<std::string>& listed = config.sip.missed_call_dids;
    if (std::find(listed.begin(), listed.end(), number) != listed.end()) {
      return base::InvalidArgument(item.path + ": " + number + " is listed twice");
    }
    config.sip.missed_call_dids.push_back(number);
    if (!callback.empty()) config.callback_campaigns.emplace(number, callback);
  }
  return base::OkStatus();
}

base::Status ReadHelplines(const JsonFields& sip, ServerConfig& config) {
  JS_ASSIGN_OR_RETURN(std::vector<JsonFields> lines, sip.Objects("helplines", false));
  for (const JsonFields& line : lines) {
    ServerConfig::Helpline helpline;
    JS_ASSIGN_OR_RETURN(helpline.number, line.String("number"));
    JS_ASSIGN_OR_RETURN(helpline.state, line.String("state"));
    JS_ASSIGN_OR_RETURN(helpline.language, line.String("language", ""));
    JS_ASSIGN_OR_RETURN(helpline.flow, line.String("flow", ""));
    JS_RETURN_IF_ERROR(line.NoOtherKeys());
    if (helpline.number.empty()) return base::InvalidArgument(line.PathOf("number") + ": is empty");
    if (helpline.state.empty()) return base::InvalidArgument(line.PathOf("state") + ": is empty");
    if (line.Has("language") && helpline.language.empty()) {
      return base::InvalidArgument(line.PathOf("language") +
                                   ": is empty; leave the key out for the state's language");
    }
    if (line.Has("flow") && helpline.flow.empty()) {
      return base::InvalidArgument(line.PathOf("flow") + ": is empty; leave the key out for none");
    }
    if (!config.sip.helpline_dids.emplace(helpline.number, helpline.state).second) {
      return base::InvalidArgument(line.PathOf("number") + ": " + helpline.number +
                                   " is listed twice");
    }
    config.helplines.push_back(std::move(helpline));
  }
  return base::OkStatus();
}

// The characters of a softphone's user name: it is dialled as "sip:USER" and sent unescaped in
// SIP URIs, so only RFC 3261's unreserved marks beside letters and digits.
bool IsSipUserName(const std::string& user) {
  return !user.empty() && std::all_of(user.begin(), user.end(), [](unsigned char c) {
    return std::isalnum(c) != 0 ||
           std::string_view("-_.!~*'()").find(static_cast<char>(c)) != std::string_view::npos;
  });
}

// `accounts`: agents' softphones, [{"user", "password"}]. A password never appears in an error.
base::Status ReadAccounts(const JsonFields& sip, telephony::sip::SipConfig& config) {
  JS_ASSIGN_OR_RETURN(std::vector<JsonFields> accounts, sip.Objects("accounts", false));
  for (const JsonFields& account : accounts) {
    telephony::sip::SipAccount read;
    JS_ASSIGN_OR_RETURN(read.user, account.String("user"));
    JS_ASSIGN_OR_RETURN(read.password, account.String("password"));
    JS_RETURN_IF_ERROR(account.NoOtherKeys());
    if (!IsSipUserName(read.user)) {
      return base::InvalidArgument(account.PathOf("user") + ": '" + read.user +
                                   "' must be letters, digits and - _ . ! ~ * ' ( ) only");
    }
    if (read.password.empty()) {
      return base::InvalidArgument(account.PathOf("password") + ": is empty");
    }
    for (const telephony::sip::SipAccount& listed : config.accounts) {
      if (listed.user == read.user) {
        return base::InvalidArgument(account.PathOf("user") + ": " + read.user +
                                     " is listed twice");
      }
    }
    config.accounts.push_back(std::move(read));
  }
  return base::OkStatus();
}

// `realm`: goes into a quoted-string of our digest challenges as it is.
base::Status ReadRealm(const JsonFields& sip, telephony::sip::SipConfig& config) {
  JS_ASSIGN_OR_RETURN(config.realm, sip.String("realm", config.realm));
  bool printable = std::all_of(config.realm.begin(), config.realm.end(), [](unsigned char c) {
    return c >= 0x20 && c < 0x7f && c != '"' && c != '\\';
  });
  if (sip.Has("realm") && (config.realm.empty() || !printable)) {
    return base::InvalidArgument(sip.PathOf("realm") +
                                 ": must be printable ASCII without \" or \\, and not empty");
  }
  return base::OkStatus();
}

base::Status ReadSip(const JsonFields& sip, ServerConfig& config) {
  if (sip.Has("listen")) {
    JS_ASSIGN_OR_RETURN(std::string listen, sip.String("listen"));
    JS_RETURN_IF_ERROR(ApplySipFlag(listen, sip.PathOf("listen"), config));
  }
  if (sip.Has("rtp_ports")) {
    JS_ASSIGN_OR_RETURN(std::string ports, sip.String("rtp_ports"));
    JS_RETURN_IF_ERROR(ApplyRtpPortsFlag(ports, sip.PathOf("rtp_ports"), config));
  }
  JS_ASSIGN_OR_RETURN(config.sip.media.address,
                      sip.String("media_address", config.sip.media.address));
  JS_ASSIGN_OR_RETURN(config.sip.prompts_dir, sip.String("prompts", config.sip.prompts_dir));
  JS_ASSIGN_OR_RETURN(std::vector<JsonFields> trunks, sip.Objects("trunks", false));
  for (const JsonFields& trunk : trunks) {
    JS_ASSIGN_OR_RETURN(telephony::sip::Trunk read, ReadTrunk(trunk));
    config.sip.trunks.push_back(std::move(read));
  }
  JS_RETURN_IF_ERROR(ReadHelplines(sip, config));
  JS_RETURN_IF_ERROR(ReadMissedCallNumbers(sip, config));
  JS_RETURN_IF_ERROR(ReadAccounts(sip, config.sip));
  JS_RETURN_IF_ERROR(ReadRealm(sip, config.sip));
  return sip.NoOtherKeys();
}

base::Result<ServerConfig> ParseServerConfig(std::string_view text) {
  JS_ASSIGN_OR_RETURN(nlohmann::json document, base::ParseJsonText(text));
  JS_ASSIGN_OR_RETURN(JsonFields top, JsonFields::Of(document, ""));
  ServerConfig config;
  JS_ASSIGN_OR_RETURN(config.http, top.String("http", config.http));
  if (top.Has("db")) {
    JS_ASSIGN_OR_RETURN(config.db, top.String("db"));
  }
  JS_ASSIGN_OR_RETURN(std::optional<JsonFields> sip, top.Object("sip"));
  if (sip) {
    JS_RETURN_IF_ERROR(ReadSip(*sip, config));
  }
  JS_RETURN_IF_ERROR(top.NoOtherKeys());
  return config;
}

}  // namespace

base::Result<ServerConfig> ReadServerConfig(const std::string& path) {
  std::ifstream in(path);
  if (!in) return base::NotFound("config file '" + path + "' cannot be read");
  std::stringstream text;
  text << in.rdbuf();
  base::Result<ServerConfig> config = ParseServerConfig(text.str());
  if (!config.ok()) return config.status().WithContext(path);
  return config;
}

base::Status ApplySipFlag(const std::string& value, const std::string& what, ServerConfig& config) {
  JS_ASSIGN_OR_RETURN(auto address, telephony::sip::ParseHostPort(value, what));
  config.sip.listen_host = address.host;
  config.sip.listen_port = address.port;
  config.sip.media.address = address.host;
  return base::OkStatus();
}

base::Status ApplyRtpPortsFlag(const std::string& value, const std::string& what,
                               ServerConfig& config) {
  JS_ASSIGN_OR_RETURN(auto range, telephony::sip::ParsePortRange(value, what));
  config.sip.media.port_low = range.first;
  config.sip.media.port_high = range.second;
  return base::OkStatus();
}

}  // namespace cli
