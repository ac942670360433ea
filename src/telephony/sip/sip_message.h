#pragma once

// Internal to telephony/sip: reading what we need out of sofia's parsed messages.

#include <sofia-sip/sip.h>

#include <cstdint>
#include <string>
#include <string_view>

#include "telephony/call_control.h"

namespace telephony::sip {

// The message body (SDP, an INFO's digit); empty when there is none.
std::string_view PayloadOf(const sip_t* sip);
// The user part of a URI ("+911123456789" of sip:+911123456789@host); empty when absent.
std::string UserOf(const url_t* url);
// How a call that got a final error response to its INVITE ended.
EndCause CauseOfFinalStatus(int status);
// The SDP o= session id of a call: unique per call, stable across its re-offers.
std::uint64_t SessionIdFor(CallId id);

}  // namespace telephony::sip
