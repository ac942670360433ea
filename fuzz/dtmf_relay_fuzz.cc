// The SIP INFO digit parser on arbitrary bytes: the first line is the Content-Type, the rest the
// body. It must never crash, and whatever it returns must be a digit we take.
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string_view>

#include "telephony/sip/dtmf_relay.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::string_view input(reinterpret_cast<const char*>(data), size);
  std::size_t newline = input.find('\n');
  std::string_view type = input.substr(0, newline);
  std::string_view body = newline == std::string_view::npos ? "" : input.substr(newline + 1);
  std::optional<char> digit = telephony::sip::DigitOfInfoBody(type, body);
  if (digit && !((*digit >= '0' && *digit <= '9') || *digit == '*' || *digit == '#')) {
    __builtin_trap();
  }
  return 0;
}
