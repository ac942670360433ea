#pragma once

#include <string>

// SIPp scenarios (XML) for the SIP integration tests. [service] is the number dialled (SIPp's
// -s flag); SDP offers point the media at `media_port` on 127.0.0.1, where the test listens.
namespace sipp_scenarios {

// Calls, is answered, ACKs, then waits for our BYE and answers it.
std::string CallerHungUpOn(int media_port);
// Calls, is answered, ACKs, stays on for `pause_ms`, then hangs up (BYE) itself.
std::string CallerHangsUpAfter(int media_port, int pause_ms);
// Calls and gives up (CANCEL) after the 180, before anyone answers.
std::string CallerCancelsWhileRinging(int media_port);
// Calls, expects the final response `status` (no answer ever), and ACKs it.
std::string CallerRefusedWith(int status);
// Calls, is answered, sends `digit` as SIP INFO (application/dtmf-relay), then answers our BYE.
std::string CallerSendsInfoDigit(int media_port, char digit);
// Calls, is answered, puts the call on hold with a re-INVITE (sendonly) and requires a recvonly
// answer, then presses 9 by SIP INFO and answers our BYE.
std::string CallerHoldsTheCall(int media_port);
// A carrier that challenges the INVITE with 401, checks the digest answer against `username`
// and `password` (a wrong one fails the scenario), answers, and takes our BYE.
std::string CarrierDemandsDigest(const std::string& username, const std::string& password);
// A carrier whose callee answers and at once hangs up (BYE from the far end).
std::string CarrierAnswersThenHangsUp();
// A carrier whose callee answers with media to `media_port` on 127.0.0.1 and stays on the line
// until our BYE.
std::string CarrierAnswersAndStays(int media_port);
// A carrier that refuses every call with `status` ("486 Busy Here").
std::string CarrierRefuses(const std::string& status);
// A carrier whose callee rings and never answers: it takes our CANCEL.
std::string CarrierRingsForever();

}  // namespace sipp_scenarios
