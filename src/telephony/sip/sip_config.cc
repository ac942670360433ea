#include "telephony/sip/sip_config.h"

#include "base/text.h"

namespace telephony::sip {
namespace {

base::Result<int> ParsePort(const std::string& text, const std::string& what, int low) {
  base::Result<std::int64_t> port = base::ParseInt(text, what);
  if (!port.ok()) return port.status();
  if (*port < low || *port > 65535) {
    return base::InvalidArgument(what + " " + std::to_string(*port) + " is not " +
                                 std::to_string(low) + "-65535");
  }
  return static_cast<int>(*port);
}

}  // namespace

base::Result<HostPort> ParseHostPort(const std::string& text, const std::string& what) {
  std::size_t colon = text.rfind(':');
  if (colon == std::string::npos || colon == 0) {
    return base::InvalidArgument(what + " '" + text + "' must be HOST:PORT, e.g. 127.0.0.1:5060");
  }
  base::Result<int> port = ParsePort(text.substr(colon + 1), what + " port", 0);
  if (!port.ok()) return port.status();
  return HostPort{text.substr(0, colon), *port};
}

base::Result<std::pair<int, int>> ParsePortRange(const std::string& text, const std::string& what) {
  std::size_t dash = text.find('-');
  if (dash == std::string::npos) {
    return base::InvalidArgument(what + " '" + text + "' must be LOW-HIGH, e.g. 10000-20000");
  }
  base::Result<int> low = ParsePort(text.substr(0, dash), what + " low port", 1024);
  if (!low.ok()) return low.status();
  base::Result<int> high = ParsePort(text.substr(dash + 1), what + " high port", 1024);
  if (!high.ok()) return high.status();
  if (*low % 2 != 0) {
    return base::InvalidArgument(what + " low port " + std::to_string(*low) +
                                 " must be even (RTP takes even ports, RTCP the odd one above)");
  }
  if (*high <= *low) {
    return base::InvalidArgument(what + " '" + text + "': the high port must be above the low");
  }
  return std::pair{*low, *high};
}

}  // namespace telephony::sip
