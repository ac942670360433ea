// Fuzzes telephony/sdp: ParseSdp on any bytes; whatever it accepts must survive WriteSdp and a
// second ParseSdp unchanged, and negotiation on it must give an answer we can read back.
// A broken property is a deliberate trap, so libFuzzer keeps the input as a crash.

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "base/result.h"
#include "telephony/sdp/negotiation.h"
#include "telephony/sdp/sdp_parser.h"
#include "telephony/sdp/sdp_writer.h"

namespace {

using telephony::sdp::SessionDescription;

void CheckReadsBack(const SessionDescription& description) {
  const std::string written = telephony::sdp::WriteSdp(description);
  // The written text can outgrow the input (CRLF for LF, static rtpmaps spelled out) and so the
  // size limit; such a description is not a round-trip failure.
  if (written.size() > telephony::sdp::kMaxSdpBytes) return;
  base::Result<SessionDescription> again = telephony::sdp::ParseSdp(written);
  if (!again.ok() || !(*again == description)) __builtin_trap();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  base::Result<SessionDescription> parsed = telephony::sdp::ParseSdp(text);
  if (!parsed.ok()) return 0;
  CheckReadsBack(*parsed);

  base::Result<telephony::sdp::AudioAgreement> agreement = telephony::sdp::AgreeOnAudio(*parsed);
  if (agreement.ok()) {
    CheckReadsBack(telephony::sdp::MakeAnswer(*agreement, "192.0.2.1", 10000, 1));
  }
  return 0;
}
