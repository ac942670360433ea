// libFuzzer target: ParseRtp never crashes, and what it accepts survives WriteRtp and a re-parse.
#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <span>
#include <vector>

#include "telephony/rtp/rtp_packet.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using telephony::rtp::ParseRtp;
  auto packet = ParseRtp(std::span(data, size));
  if (!packet.ok()) return 0;
  std::vector<std::uint8_t> out(telephony::rtp::kRtpHeaderSize + packet->payload.size());
  std::size_t written = telephony::rtp::WriteRtp(packet->header, packet->payload, out);
  if (written != out.size()) __builtin_trap();
  auto again = ParseRtp(out);
  if (!again.ok() || !(again->header == packet->header)) __builtin_trap();
  if (!std::equal(again->payload.begin(), again->payload.end(), packet->payload.begin(),
                  packet->payload.end())) {
    __builtin_trap();
  }
  return 0;
}
