#pragma once

#include <string>

// SIPp scenarios (XML) for the SIP integration tests. [service] is the number dialled (SIPp's
// -s flag); SDP offers point the media at `media_port` on 127.0.0.1, where the test listens.
namespace sipp_scenarios {

// Calls, is answered, ACKs, then waits for our BYE and answers it.
std::string CallerHungUpOn(int media_port);
// Calls and gives up (CANCEL) after the 180, before anyone answers.
std::string CallerCancelsWhileRinging(int media_port);
// Calls, expects the final response `status` (no answer ever), and ACKs it.
std::string CallerRefusedWith(int status);
// A carrier that refuses every call with `status` ("486 Busy Here").
std::string CarrierRefuses(const std::string& status);
// A carrier whose callee rings and never answers: it takes our CANCEL.
std::string CarrierRingsForever();

}  // namespace sipp_scenarios
