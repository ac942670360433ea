// libFuzzer target: ParseTelephoneEvent never crashes, and what it accepts survives
// WriteTelephoneEvent and a re-parse.
#include <array>
#include <cstddef>
#include <cstdint>
#include <span>

#include "telephony/rtp/telephone_event.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using telephony::rtp::ParseTelephoneEvent;
  auto event = ParseTelephoneEvent(std::span(data, size));
  if (!event.ok()) return 0;
  std::array<std::uint8_t, telephony::rtp::kTelephoneEventSize> out{};
  if (telephony::rtp::WriteTelephoneEvent(*event, out) != out.size()) __builtin_trap();
  auto again = ParseTelephoneEvent(out);
  if (!again.ok() || !(*again == *event)) __builtin_trap();
  return 0;
}
