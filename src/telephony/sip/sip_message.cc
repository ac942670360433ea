#include "telephony/sip/sip_message.h"

namespace telephony::sip {

std::string_view PayloadOf(const sip_t* sip) {
  if (sip == nullptr || sip->sip_payload == nullptr || sip->sip_payload->pl_data == nullptr) {
    return {};
  }
  return {sip->sip_payload->pl_data, sip->sip_payload->pl_len};
}

std::string UserOf(const url_t* url) {
  return url != nullptr && url->url_user != nullptr ? url->url_user : "";
}

EndCause CauseOfFinalStatus(int status) {
  switch (status) {
    case 486:  // Busy Here
    case 600:  // Busy Everywhere
      return EndCause::kBusy;
    case 408:  // Request Timeout: nobody answered in time
    case 480:  // Temporarily Unavailable: switched off or not answering
    case 487:  // Request Terminated: our own CANCEL at the ring timeout
      return EndCause::kNoAnswer;
    default:
      return EndCause::kFailed;
  }
}

std::uint64_t SessionIdFor(CallId id) { return 0x6a73000000000000ULL + id; }  // "js"

}  // namespace telephony::sip
