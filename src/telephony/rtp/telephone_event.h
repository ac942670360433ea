#pragma once

#include <cstdint>
#include <optional>
#include <span>

#include "base/result.h"

// RFC 4733 telephone-event payloads (DTMF digits sent as RTP events).
namespace telephony::rtp {

inline constexpr std::size_t kTelephoneEventSize = 4;

struct TelephoneEvent {
  std::uint8_t event = 0;      // 0-9 digits, 10 '*', 11 '#', 12-15 A-D, others not DTMF
  bool end = false;            // set on the last packet(s) of the event
  std::uint8_t volume = 0;     // 0-63: -dBm0, 6 bits on the wire
  std::uint16_t duration = 0;  // in timestamp units (1/8000 s) since the event began

  friend bool operator==(const TelephoneEvent&, const TelephoneEvent&) = default;
};

// Parses a payload of 4 bytes or a multiple of 4 (several events in one packet, RFC 4733
// 2.5.1.5); returns the first. Any other size is kInvalidArgument.
base::Result<TelephoneEvent> ParseTelephoneEvent(std::span<const std::uint8_t> payload);

// Writes the 4-byte payload into `out` (at least kTelephoneEventSize bytes); volume is masked
// to 6 bits and the reserved bit written as 0. Returns the bytes written, 0 if `out` is short.
std::size_t WriteTelephoneEvent(const TelephoneEvent& event, std::span<std::uint8_t> out);

// '0'-'9', '*', '#' for events 0-11; nullopt for anything else.
std::optional<char> DigitOfEvent(std::uint8_t event);
// The inverse of DigitOfEvent.
std::optional<std::uint8_t> EventOfDigit(char digit);

}  // namespace telephony::rtp
