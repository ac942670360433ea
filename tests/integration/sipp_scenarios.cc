#include "integration/sipp_scenarios.h"

namespace sipp_scenarios {
namespace {

std::string Offer(int media_port) {
  return "v=0\n"
         "o=- 1 1 IN IP4 127.0.0.1\n"
         "s=-\n"
         "c=IN IP4 127.0.0.1\n"
         "t=0 0\n"
         "m=audio " +
         std::to_string(media_port) +
         " RTP/AVP 0 101\n"
         "a=rtpmap:0 PCMU/8000\n"
         "a=rtpmap:101 telephone-event/8000\n"
         "a=fmtp:101 0-16\n";
}

std::string Invite(int media_port) {
  return R"(  <send retrans="500"><![CDATA[
INVITE sip:[service]@[remote_ip]:[remote_port] SIP/2.0
Via: SIP/2.0/[transport] [local_ip]:[local_port];branch=z9hG4bK[pid]invite[call_number]
From: <sip:+919800000001@[local_ip]:[local_port]>;tag=[pid]SIPpTag00[call_number]
To: <sip:[service]@[remote_ip]:[remote_port]>
Call-ID: [call_id]
CSeq: 1 INVITE
Contact: <sip:caller@[local_ip]:[local_port];transport=[transport]>
Max-Forwards: 70
Content-Type: application/sdp
Content-Length: [len]

)" + Offer(media_port) +
         R"(  ]]></send>
)";
}

// A request in the INVITE's dialog. `in_invite_transaction`: a CANCEL, or the ACK of a non-2xx
// final response, which belong to the INVITE's transaction and so carry its Via branch.
std::string Request(const std::string& method, int cseq, bool to_tag,
                    bool in_invite_transaction = false) {
  std::string branch = in_invite_transaction ? "z9hG4bK[pid]invite[call_number]" : "[branch]";
  return R"(  <send><![CDATA[
)" + method +
         R"( sip:[service]@[remote_ip]:[remote_port] SIP/2.0
Via: SIP/2.0/[transport] [local_ip]:[local_port];branch=)" +
         branch + R"(
From: <sip:+919800000001@[local_ip]:[local_port]>;tag=[pid]SIPpTag00[call_number]
To: <sip:[service]@[remote_ip]:[remote_port]>)" +
         (to_tag ? "[peer_tag_param]" : "") + R"(
Call-ID: [call_id]
CSeq: )" +
         std::to_string(cseq) + " " + method + R"(
Contact: <sip:caller@[local_ip]:[local_port];transport=[transport]>
Max-Forwards: 70
Content-Length: 0

  ]]></send>
)";
}

// A response to the last request. `add_to_tag`: we are the callee answering an INVITE (or a
// request of its transaction), so our tag goes on the To header. `cseq`: the CSeq header to use
// instead of the last request's (the 487 that answers an INVITE after its CANCEL).
std::string Reply(const std::string& status, bool add_to_tag,
                  const std::string& cseq = "[last_CSeq:]") {
  return R"(  <send><![CDATA[
SIP/2.0 )" +
         status + R"(
[last_Via:]
[last_From:]
[last_To:])" +
         (add_to_tag ? ";tag=[pid]SIPpTag01[call_number]" : "") + R"(
[last_Call-ID:]
)" + cseq +
         R"(
Contact: <sip:callee@[local_ip]:[local_port]>
Content-Length: 0

  ]]></send>
)";
}

// A 200 OK to an INVITE, with an SDP answer sending media to `media_port` (by default one
// nobody listens on).
std::string AnswerWithSdp(int media_port = 9) {
  return R"(  <send><![CDATA[
SIP/2.0 200 OK
[last_Via:]
[last_From:]
[last_To:];tag=[pid]SIPpTag01[call_number]
[last_Call-ID:]
[last_CSeq:]
Contact: <sip:callee@[local_ip]:[local_port]>
Content-Type: application/sdp
Content-Length: [len]

)" + Offer(media_port) +
         R"(  ]]></send>
)";
}

std::string Scenario(const std::string& name, const std::string& body) {
  return "<?xml version=\"1.0\" encoding=\"ISO-8859-1\" ?>\n<scenario name=\"" + name + "\">\n" +
         body + "</scenario>\n";
}

}  // namespace

std::string CallerHungUpOn(int media_port) {
  return Scenario("caller hung up on", Invite(media_port) +
                                           "  <recv response=\"100\" optional=\"true\"/>\n"
                                           "  <recv response=\"180\" optional=\"true\"/>\n"
                                           "  <recv response=\"200\" rtd=\"true\"/>\n" +
                                           Request("ACK", 1, true) + "  <recv request=\"BYE\"/>\n" +
                                           Reply("200 OK", false));
}

std::string CallerHangsUpAfter(int media_port, int pause_ms) {
  return Scenario("caller hangs up", Invite(media_port) +
                                         "  <recv response=\"100\" optional=\"true\"/>\n"
                                         "  <recv response=\"180\" optional=\"true\"/>\n"
                                         "  <recv response=\"200\" rtd=\"true\"/>\n" +
                                         Request("ACK", 1, true) + "  <pause milliseconds=\"" +
                                         std::to_string(pause_ms) + "\"/>\n" +
                                         Request("BYE", 2, true) + "  <recv response=\"200\"/>\n");
}

std::string CallerCancelsWhileRinging(int media_port) {
  return Scenario("caller cancels", Invite(media_port) +
                                        "  <recv response=\"100\" optional=\"true\"/>\n"
                                        "  <recv response=\"180\"/>\n" +
                                        Request("CANCEL", 1, false, true) +
                                        "  <recv response=\"200\"/>\n"
                                        "  <recv response=\"487\"/>\n" +
                                        Request("ACK", 1, true, true));
}

std::string CallerRefusedWith(int status) {
  return Scenario("caller refused", Invite(9) +
                                        "  <recv response=\"100\" optional=\"true\"/>\n"
                                        "  <recv response=\"180\" optional=\"true\"/>\n"
                                        "  <recv response=\"" +
                                        std::to_string(status) + "\"/>\n" +
                                        Request("ACK", 1, true, true));
}

std::string InfoDigit(char digit, int cseq) {
  return R"(  <send><![CDATA[
INFO sip:[service]@[remote_ip]:[remote_port] SIP/2.0
Via: SIP/2.0/[transport] [local_ip]:[local_port];branch=[branch]
From: <sip:+919800000001@[local_ip]:[local_port]>;tag=[pid]SIPpTag00[call_number]
To: <sip:[service]@[remote_ip]:[remote_port]>[peer_tag_param]
Call-ID: [call_id]
CSeq: )" +
         std::to_string(cseq) +
         R"( INFO
Contact: <sip:caller@[local_ip]:[local_port];transport=[transport]>
Max-Forwards: 70
Content-Type: application/dtmf-relay
Content-Length: [len]

Signal=)" +
         std::string(1, digit) +
         R"(
Duration=160
  ]]></send>
)";
}

std::string CallerSendsInfoDigit(int media_port, char digit) {
  std::string info = InfoDigit(digit, 2);
  return Scenario("caller sends INFO", Invite(media_port) +
                                           "  <recv response=\"100\" optional=\"true\"/>\n"
                                           "  <recv response=\"180\" optional=\"true\"/>\n"
                                           "  <recv response=\"200\"/>\n" +
                                           Request("ACK", 1, true) + info +
                                           "  <recv response=\"200\"/>\n"
                                           "  <recv request=\"BYE\"/>\n" +
                                           Reply("200 OK", false));
}

std::string CallerHoldsTheCall(int media_port) {
  std::string hold = R"(  <send><![CDATA[
INVITE sip:[service]@[remote_ip]:[remote_port] SIP/2.0
Via: SIP/2.0/[transport] [local_ip]:[local_port];branch=[branch]
From: <sip:+919800000001@[local_ip]:[local_port]>;tag=[pid]SIPpTag00[call_number]
To: <sip:[service]@[remote_ip]:[remote_port]>[peer_tag_param]
Call-ID: [call_id]
CSeq: 2 INVITE
Contact: <sip:caller@[local_ip]:[local_port];transport=[transport]>
Max-Forwards: 70
Content-Type: application/sdp
Content-Length: [len]

)" + Offer(media_port) +
                     "a=sendonly\n" +
                     R"(  ]]></send>
)";
  // The answer to a sendonly offer must be recvonly (RFC 3264); check_it fails the call if not.
  return Scenario("caller holds",
                  Invite(media_port) +
                      "  <recv response=\"100\" optional=\"true\"/>\n"
                      "  <recv response=\"180\" optional=\"true\"/>\n"
                      "  <recv response=\"200\"/>\n" +
                      Request("ACK", 1, true) + hold +
                      "  <recv response=\"100\" optional=\"true\"/>\n"
                      "  <recv response=\"200\"><action>\n"
                      "    <ereg regexp=\"a=recvonly\" search_in=\"body\" check_it=\"true\" "
                      "assign_to=\"held\"/>\n"
                      "    <log message=\"answer to hold: [$held]\"/>\n"
                      "  </action></recv>\n" +
                      Request("ACK", 2, true) + InfoDigit('9', 3) +
                      "  <recv response=\"200\"/>\n"
                      "  <recv request=\"BYE\"/>\n" +
                      Reply("200 OK", false));
}

std::string CarrierDemandsDigest(const std::string& username, const std::string& password) {
  std::string challenge = R"(  <send><![CDATA[
SIP/2.0 401 Unauthorized
[last_Via:]
[last_From:]
[last_To:];tag=[pid]SIPpTag01[call_number]
[last_Call-ID:]
[last_CSeq:]
WWW-Authenticate: Digest realm="carrier.test", nonce="5f1d2c3b4a", algorithm=MD5
Content-Length: 0

  ]]></send>
)";
  // A wrong answer jumps past the 200 to a 403, and the call is never answered.
  return Scenario("carrier demands digest",
                  "  <recv request=\"INVITE\"/>\n" + challenge +
                      "  <recv request=\"ACK\"/>\n"
                      "  <recv request=\"INVITE\"><action>\n"
                      "    <verifyauth assign_to=\"authvalid\" username=\"" +
                      username + "\" password=\"" + password +
                      "\"/>\n"
                      "  </action></recv>\n"
                      "  <nop hide=\"true\" test=\"authvalid\" next=\"good\"/>\n" +
                      Reply("403 Forbidden", true) +
                      "  <recv request=\"ACK\" next=\"end\"/>\n"
                      "  <label id=\"good\"/>\n" +
                      AnswerWithSdp() +
                      "  <recv request=\"ACK\"/>\n"
                      "  <recv request=\"BYE\"/>\n" +
                      Reply("200 OK", false) + "  <label id=\"end\"/>\n");
}

std::string CarrierAnswersThenHangsUp() {
  // The BYE goes back up the dialog: to the caller's Contact, with the From and To swapped.
  std::string bye = R"(  <send><![CDATA[
BYE [$contact] SIP/2.0
Via: SIP/2.0/[transport] [local_ip]:[local_port];branch=[branch]
From: <sip:callee@[local_ip]:[local_port]>;tag=[pid]SIPpTag01[call_number]
To: [$from]
Call-ID: [call_id]
CSeq: 1 BYE
Max-Forwards: 70
Content-Length: 0

  ]]></send>
)";
  return Scenario("carrier answers and hangs up",
                  "  <recv request=\"INVITE\"><action>\n"
                  "    <ereg regexp=\".*\" search_in=\"hdr\" header=\"From:\" "
                  "assign_to=\"from\"/>\n"
                  "    <ereg regexp=\"sip:[^>;]*\" search_in=\"hdr\" header=\"Contact:\" "
                  "assign_to=\"contact\"/>\n"
                  "  </action></recv>\n" +
                      AnswerWithSdp() + "  <recv request=\"ACK\"/>\n" + bye +
                      "  <recv response=\"200\"/>\n");
}

std::string CarrierAnswersAndStays(int media_port) {
  return Scenario("carrier answers and stays", "  <recv request=\"INVITE\"/>\n" +
                                                   Reply("180 Ringing", true) +
                                                   AnswerWithSdp(media_port) +
                                                   "  <recv request=\"ACK\"/>\n"
                                                   "  <recv request=\"BYE\"/>\n" +
                                                   Reply("200 OK", false));
}

std::string CarrierRefuses(const std::string& status) {
  return Scenario("carrier refuses", "  <recv request=\"INVITE\"/>\n" + Reply(status, true) +
                                         "  <recv request=\"ACK\"/>\n");
}

std::string CarrierRingsForever() {
  // The 487 answers the INVITE, so it carries the INVITE's CSeq, kept from its arrival.
  return Scenario("carrier rings",
                  "  <recv request=\"INVITE\"><action>\n"
                  "    <ereg regexp=\"[0-9]+\" search_in=\"hdr\" header=\"CSeq:\" "
                  "assign_to=\"number\"/>\n"
                  "  </action></recv>\n" +
                      Reply("180 Ringing", true) + "  <recv request=\"CANCEL\"/>\n" +
                      Reply("200 OK", true) +
                      Reply("487 Request Terminated", true, "CSeq: [$number] INVITE") +
                      "  <recv request=\"ACK\"/>\n");
}

}  // namespace sipp_scenarios
