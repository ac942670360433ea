#include "telephony/sip/dtmf_relay.h"

#include <cctype>
#include <string>

namespace telephony::sip {
namespace {

std::string Lower(std::string_view text) {
  std::string lower(text);
  for (char& c : lower) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return lower;
}

std::string_view Trim(std::string_view text) {
  while (!text.empty() && std::isspace(static_cast<unsigned char>(text.front()))) {
    text.remove_prefix(1);
  }
  while (!text.empty() && std::isspace(static_cast<unsigned char>(text.back()))) {
    text.remove_suffix(1);
  }
  return text;
}

std::optional<char> DigitOf(std::string_view value) {
  value = Trim(value);
  if (value.size() != 1) return std::nullopt;
  char c = value.front();
  if ((c >= '0' && c <= '9') || c == '*' || c == '#') return c;
  return std::nullopt;
}

// The value of the first "Signal=" line, whatever the case of the name.
std::optional<std::string_view> SignalValue(std::string_view body) {
  while (!body.empty()) {
    std::size_t end = body.find('\n');
    std::string_view line = Trim(body.substr(0, end));
    body = end == std::string_view::npos ? std::string_view() : body.substr(end + 1);
    std::size_t equals = line.find('=');
    if (equals != std::string_view::npos && Lower(Trim(line.substr(0, equals))) == "signal") {
      return line.substr(equals + 1);
    }
  }
  return std::nullopt;
}

}  // namespace

std::optional<char> DigitOfInfoBody(std::string_view content_type, std::string_view body) {
  std::string type = Lower(Trim(content_type.substr(0, content_type.find(';'))));
  if (type == "application/dtmf") return DigitOf(body);
  if (type != "application/dtmf-relay") return std::nullopt;
  std::optional<std::string_view> signal = SignalValue(body);
  if (!signal) return std::nullopt;
  return DigitOf(*signal);
}

}  // namespace telephony::sip
