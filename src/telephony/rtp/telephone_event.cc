#include "telephony/rtp/telephone_event.h"

#include <string>

namespace telephony::rtp {

base::Result<TelephoneEvent> ParseTelephoneEvent(std::span<const std::uint8_t> payload) {
  if (payload.empty() || payload.size() % kTelephoneEventSize != 0) {
    return base::InvalidArgument("RFC 4733: payload of " + std::to_string(payload.size()) +
                                 " bytes is not a multiple of 4");
  }
  TelephoneEvent event;
  event.event = payload[0];
  event.end = (payload[1] & 0x80) != 0;
  event.volume = payload[1] & 0x3F;
  event.duration = static_cast<std::uint16_t>((payload[2] << 8) | payload[3]);
  return event;
}

std::size_t WriteTelephoneEvent(const TelephoneEvent& event, std::span<std::uint8_t> out) {
  if (out.size() < kTelephoneEventSize) return 0;
  out[0] = event.event;
  out[1] = static_cast<std::uint8_t>((event.end ? 0x80 : 0) | (event.volume & 0x3F));
  out[2] = static_cast<std::uint8_t>(event.duration >> 8);
  out[3] = static_cast<std::uint8_t>(event.duration);
  return kTelephoneEventSize;
}

std::optional<char> DigitOfEvent(std::uint8_t event) {
  if (event <= 9) return static_cast<char>('0' + event);
  if (event == 10) return '*';
  if (event == 11) return '#';
  return std::nullopt;
}

std::optional<std::uint8_t> EventOfDigit(char digit) {
  if (digit >= '0' && digit <= '9') return static_cast<std::uint8_t>(digit - '0');
  if (digit == '*') return 10;
  if (digit == '#') return 11;
  return std::nullopt;
}

}  // namespace telephony::rtp
