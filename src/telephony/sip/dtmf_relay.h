#pragma once

#include <optional>
#include <string_view>

namespace telephony::sip {

// The digit carried by a SIP INFO body: "application/dtmf-relay" ("Signal=5\r\nDuration=160")
// or "application/dtmf" ("5"). nullopt for anything else, including digits we do not take
// ('A'-'D' and flash).
std::optional<char> DigitOfInfoBody(std::string_view content_type, std::string_view body);

}  // namespace telephony::sip
