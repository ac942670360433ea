#include "telephony/sdp/sdp_parser.h"

#include <algorithm>
#include <climits>
#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "base/text.h"

namespace telephony::sdp {
namespace {

// The text of an offer comes from strangers and ends up in logs: errors quote it shortened and
// with anything unprintable replaced.
std::string Quoted(std::string_view text) {
  constexpr std::size_t kMaxQuoted = 40;
  std::string out = "'";
  for (std::size_t i = 0; i < text.size() && i < kMaxQuoted; ++i) {
    const auto byte = static_cast<unsigned char>(text[i]);
    out += (byte >= 0x20 && byte < 0x7f) ? static_cast<char>(byte) : '?';
  }
  if (text.size() > kMaxQuoted) out += "...";
  return out + "'";
}

// Decimal digits only (no sign, no spaces), at most `max`; nullopt on anything else, overflow
// included.
std::optional<std::uint64_t> ParseDecimal(std::string_view text, std::uint64_t max) {
  if (text.empty()) return std::nullopt;
  std::uint64_t value = 0;
  for (char c : text) {
    if (c < '0' || c > '9') return std::nullopt;
    const auto digit = static_cast<std::uint64_t>(c - '0');
    if (value > (max - digit) / 10) return std::nullopt;
    value = value * 10 + digit;
  }
  return value;
}

std::optional<int> ParseSmallInt(std::string_view text, int min, int max) {
  const std::optional<std::uint64_t> value = ParseDecimal(text, static_cast<std::uint64_t>(max));
  if (!value || *value < static_cast<std::uint64_t>(min)) return std::nullopt;
  return static_cast<int>(*value);
}

// Fields separated by spaces; RFC 4566 asks for exactly one, but runs of them are read the same.
std::vector<std::string_view> Fields(std::string_view text) {
  std::vector<std::string_view> fields;
  std::size_t pos = 0;
  while (pos < text.size()) {
    if (text[pos] == ' ' || text[pos] == '\t') {
      ++pos;
      continue;
    }
    std::size_t end = pos;
    while (end < text.size() && text[end] != ' ' && text[end] != '\t') ++end;
    fields.push_back(text.substr(pos, end - pos));
    pos = end;
  }
  return fields;
}

bool IsIpv4(std::string_view text) {
  std::vector<std::string> parts = base::Split(text, '.');
  if (parts.size() != 4) return false;
  return std::all_of(parts.begin(), parts.end(), [](const std::string& part) {
    return part.size() <= 3 && ParseDecimal(part, 255).has_value();
  });
}

bool IsRtp(const std::string& protocol) { return protocol.find("RTP/") != std::string::npos; }

// One pass over the lines. Session-level lines come before the first m=; after it, every line
// belongs to the latest m= section.
class Parser {
 public:
  base::Result<SessionDescription> Run(std::string_view text);

 private:
  base::Status Error(const std::string& what) const {
    return base::InvalidArgument("SDP line " + std::to_string(line_number_) + ": " + what);
  }
  bool InMedia() const { return !sdp_.media.empty(); }
  MediaDescription& Media() { return sdp_.media.back(); }
  bool Lists(int payload_type) {
    const std::vector<int>& listed = Media().payload_types;
    return std::find(listed.begin(), listed.end(), payload_type) != listed.end();
  }

  base::Status OnLine(std::string_view line);
  base::Status OnVersion(std::string_view value);
  base::Status OnOrigin(std::string_view value);
  base::Status OnConnection(std::string_view value);
  base::Status OnTiming(std::string_view value);
  base::Status OnMedia(std::string_view value);
  base::Status OnAttribute(std::string_view value);
  base::Status OnRtpMap(std::string_view value);
  base::Status OnFmtp(std::string_view value);
  base::Status OnPtime(std::string_view value);
  base::Status CheckAddressType(std::string_view line_type, std::string_view network_type,
                                std::string_view address_type) const;
  std::optional<int> PayloadType(std::string_view text) const {
    return ParseSmallInt(text, 0, 127);
  }
  void FinishMedia();
  base::Status Finish();

  SessionDescription sdp_;
  int line_number_ = 0;
  bool seen_version_ = false;
  bool seen_origin_ = false;
  bool seen_name_ = false;
  bool seen_timing_ = false;
  std::vector<int> media_lines_;  // the line number of each m=
};

base::Result<SessionDescription> Parser::Run(std::string_view text) {
  if (text.size() > kMaxSdpBytes) {
    return base::InvalidArgument("SDP is " + std::to_string(text.size()) + " bytes; at most " +
                                 std::to_string(kMaxSdpBytes) + " are accepted");
  }
  std::size_t pos = 0;
  while (pos < text.size()) {
    std::size_t end = text.find('\n', pos);
    if (end == std::string_view::npos) end = text.size();
    std::string_view line = text.substr(pos, end - pos);
    pos = end + 1;
    ++line_number_;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    JS_RETURN_IF_ERROR(OnLine(line));
  }
  JS_RETURN_IF_ERROR(Finish());
  return std::move(sdp_);
}

base::Status Parser::OnLine(std::string_view line) {
  if (line.size() > kMaxSdpLineBytes) {
    return Error("longer than " + std::to_string(kMaxSdpLineBytes) + " bytes");
  }
  // Blank lines are not SDP, but some stacks end their bodies with one.
  if (line.empty()) return base::OkStatus();
  if (line.find('\0') != std::string_view::npos) return Error("contains a NUL byte");
  if (line.find('\r') != std::string_view::npos) return Error("contains a carriage return");
  if (line.size() < 2 || line[0] < 'a' || line[0] > 'z' || line[1] != '=') {
    return Error(Quoted(line) + " is not of the form x=value");
  }
  const char type = line[0];
  const std::string_view value = line.substr(2);
  if (!seen_version_ && type != 'v') return Error("expected v=0 first, found " + Quoted(line));
  const bool session_only = type == 'v' || type == 'o' || type == 's' || type == 't';
  if (session_only && InMedia()) {
    return Error(std::string(1, type) + "= belongs before the first m= line");
  }
  switch (type) {
    case 'v':
      return OnVersion(value);
    case 'o':
      return OnOrigin(value);
    case 's':
      if (seen_name_) return Error("a second s= line");
      seen_name_ = true;
      sdp_.session_name = std::string(value);
      return base::OkStatus();
    case 'c':
      return OnConnection(value);
    case 't':
      return OnTiming(value);
    case 'm':
      return OnMedia(value);
    case 'a':
      return OnAttribute(value);
    default:
      return base::OkStatus();  // i=, u=, e=, p=, b=, z=, k=, r=: nothing a call needs
  }
}

base::Status Parser::OnVersion(std::string_view value) {
  if (seen_version_) return Error("a second v= line");
  if (value != "0") return Error("version " + Quoted(value) + " is not 0");
  seen_version_ = true;
  return base::OkStatus();
}

base::Status Parser::CheckAddressType(std::string_view line_type, std::string_view network_type,
                                      std::string_view address_type) const {
  if (network_type != "IN") {
    return Error(std::string(line_type) + " network type " + Quoted(network_type) + " is not IN");
  }
  if (address_type == "IP6") return Error("IPv6 is not supported");
  if (address_type != "IP4") {
    return Error(std::string(line_type) + " address type " + Quoted(address_type) + " is not IP4");
  }
  return base::OkStatus();
}

base::Status Parser::OnOrigin(std::string_view value) {
  if (seen_origin_) return Error("a second o= line");
  const std::vector<std::string_view> fields = Fields(value);
  if (fields.size() != 6) {
    return Error("o= has " + std::to_string(fields.size()) +
                 " fields, expected 6 (username id version IN IP4 address)");
  }
  const std::optional<std::uint64_t> id = ParseDecimal(fields[1], UINT64_MAX);
  if (!id) return Error("o= session id " + Quoted(fields[1]) + " is not a whole number");
  const std::optional<std::uint64_t> version = ParseDecimal(fields[2], UINT64_MAX);
  if (!version) {
    return Error("o= session version " + Quoted(fields[2]) + " is not a whole number");
  }
  JS_RETURN_IF_ERROR(CheckAddressType("o=", fields[3], fields[4]));
  seen_origin_ = true;
  sdp_.origin_username = std::string(fields[0]);
  sdp_.session_id = *id;
  sdp_.session_version = *version;
  sdp_.origin_address = std::string(fields[5]);
  return base::OkStatus();
}

base::Status Parser::OnConnection(std::string_view value) {
  std::optional<std::string>& address =
      InMedia() ? Media().connection_address : sdp_.connection_address;
  if (address) return Error("a second c= line");
  const std::vector<std::string_view> fields = Fields(value);
  if (fields.size() != 3) {
    return Error("c= has " + std::to_string(fields.size()) +
                 " fields, expected 3 (IN IP4 address)");
  }
  JS_RETURN_IF_ERROR(CheckAddressType("c=", fields[0], fields[1]));
  if (!IsIpv4(fields[2])) {
    return Error("c= address " + Quoted(fields[2]) + " is not an IPv4 address (a.b.c.d)");
  }
  address = std::string(fields[2]);
  return base::OkStatus();
}

base::Status Parser::OnTiming(std::string_view value) {
  const std::vector<std::string_view> fields = Fields(value);
  if (fields.size() != 2 || !ParseDecimal(fields[0], UINT64_MAX) ||
      !ParseDecimal(fields[1], UINT64_MAX)) {
    return Error("t= " + Quoted(value) + " is not a start and a stop time");
  }
  seen_timing_ = true;
  return base::OkStatus();
}

base::Status Parser::OnMedia(std::string_view value) {
  if (sdp_.media.size() == kMaxMediaSections) {
    return Error("more than " + std::to_string(kMaxMediaSections) + " m= sections");
  }
  const std::vector<std::string_view> fields = Fields(value);
  if (fields.size() < 3) {
    return Error("m= has " + std::to_string(fields.size()) +
                 " fields, expected media, port, protocol and formats");
  }
  if (fields.size() - 3 > kMaxPayloadTypesPerMedia) {
    return Error("m= lists more than " + std::to_string(kMaxPayloadTypesPerMedia) + " formats");
  }
  MediaDescription media;
  media.media = std::string(fields[0]);
  const std::optional<int> port = ParseSmallInt(fields[1], 0, 65535);
  if (!port) return Error("m= port " + Quoted(fields[1]) + " is not 0-65535");
  media.port = *port;
  media.protocol = std::string(fields[2]);
  media.direction = sdp_.direction;
  // RFC 4566 asks for at least one format whatever the protocol; the writer relies on it too.
  if (fields.size() == 3) return Error("m= lists no formats");
  if (IsRtp(media.protocol)) {
    for (std::size_t i = 3; i < fields.size(); ++i) {
      const std::optional<int> payload_type = PayloadType(fields[i]);
      if (!payload_type) return Error("m= payload type " + Quoted(fields[i]) + " is not 0-127");
      if (std::find(media.payload_types.begin(), media.payload_types.end(), *payload_type) !=
          media.payload_types.end()) {
        return Error("m= lists payload type " + std::to_string(*payload_type) + " twice");
      }
      media.payload_types.push_back(*payload_type);
    }
  }
  if (InMedia()) FinishMedia();
  sdp_.media.push_back(std::move(media));
  media_lines_.push_back(line_number_);
  return base::OkStatus();
}

base::Status Parser::OnAttribute(std::string_view value) {
  const std::size_t colon = value.find(':');
  const std::string_view name = value.substr(0, colon);
  const std::string_view rest =
      colon == std::string_view::npos ? std::string_view() : value.substr(colon + 1);
  if (const std::optional<Direction> direction = DirectionFromName(name)) {
    (InMedia() ? Media().direction : sdp_.direction) = *direction;
    return base::OkStatus();
  }
  // rtpmap, fmtp and ptime describe an m= section's formats; at session level they mean nothing.
  if (!InMedia()) return base::OkStatus();
  if (name == "rtpmap") return OnRtpMap(rest);
  if (name == "fmtp") return OnFmtp(rest);
  if (name == "ptime") return OnPtime(rest);
  return base::OkStatus();
}

base::Status Parser::OnRtpMap(std::string_view value) {
  const std::vector<std::string_view> fields = Fields(value);
  if (fields.size() != 2) {
    return Error("a=rtpmap " + Quoted(value) + " is not 'PT ENCODING/RATE[/CHANNELS]'");
  }
  const std::optional<int> payload_type = PayloadType(fields[0]);
  if (!payload_type) {
    return Error("a=rtpmap payload type " + Quoted(fields[0]) + " is not 0-127");
  }
  const std::vector<std::string> parts = base::Split(fields[1], '/');
  if (parts.size() < 2 || parts.size() > 3 || parts[0].empty()) {
    return Error("a=rtpmap " + Quoted(fields[1]) + " is not 'ENCODING/RATE[/CHANNELS]'");
  }
  const std::optional<int> clock_rate = ParseSmallInt(parts[1], 1, INT_MAX);
  if (!clock_rate) {
    return Error("a=rtpmap clock rate " + Quoted(parts[1]) + " is not a positive whole number");
  }
  int channels = 1;
  if (parts.size() == 3) {
    const std::optional<int> parsed = ParseSmallInt(parts[2], 1, 255);
    if (!parsed) return Error("a=rtpmap channels " + Quoted(parts[2]) + " is not 1-255");
    channels = *parsed;
  }
  if (!Lists(*payload_type)) return base::OkStatus();
  if (Media().FindRtpMap(*payload_type) != nullptr) {
    return Error("a second a=rtpmap for payload type " + std::to_string(*payload_type));
  }
  Media().rtpmaps.push_back(RtpMap{*payload_type, parts[0], *clock_rate, channels});
  return base::OkStatus();
}

base::Status Parser::OnFmtp(std::string_view value) {
  const std::size_t space = value.find_first_of(" \t");
  const std::string_view number = value.substr(0, space);
  const std::optional<int> payload_type = PayloadType(number);
  if (!payload_type) return Error("a=fmtp payload type " + Quoted(number) + " is not 0-127");
  const std::string_view parameters =
      space == std::string_view::npos ? std::string_view() : base::Trim(value.substr(space));
  if (parameters.empty() || !Lists(*payload_type)) return base::OkStatus();
  if (!Media().fmtp.emplace(*payload_type, std::string(parameters)).second) {
    return Error("a second a=fmtp for payload type " + std::to_string(*payload_type));
  }
  return base::OkStatus();
}

base::Status Parser::OnPtime(std::string_view value) {
  const std::optional<int> ptime = ParseSmallInt(value, 1, 1000);
  if (!ptime) return Error("a=ptime " + Quoted(value) + " is not 1-1000 milliseconds");
  Media().ptime_ms = *ptime;
  return base::OkStatus();
}

// Puts the rtpmaps in payload type order, the static ones filled in, so that a description
// reads the same whether its writer spelled out "a=rtpmap:0 PCMU/8000" or not.
void Parser::FinishMedia() {
  MediaDescription& media = Media();
  std::vector<RtpMap> ordered;
  for (int payload_type : media.payload_types) {
    if (const RtpMap* given = media.FindRtpMap(payload_type)) {
      ordered.push_back(*given);
    } else if (std::optional<RtpMap> known = StaticRtpMap(payload_type)) {
      ordered.push_back(std::move(*known));
    }
  }
  media.rtpmaps = std::move(ordered);
}

base::Status Parser::Finish() {
  if (!seen_version_) {
    line_number_ = std::max(line_number_, 1);
    return Error("expected v=0 first, found no lines");
  }
  if (InMedia()) FinishMedia();
  if (!seen_origin_) return Error("the description has no o= line");
  if (!seen_name_) return Error("the description has no s= line");
  if (!seen_timing_) return Error("the description has no t= line");
  if (sdp_.connection_address) return base::OkStatus();
  for (std::size_t i = 0; i < sdp_.media.size(); ++i) {
    if (!sdp_.media[i].connection_address) {
      line_number_ = media_lines_[i];
      return Error("m= section has no c= line, and the session has none");
    }
  }
  return base::OkStatus();
}

}  // namespace

base::Result<SessionDescription> ParseSdp(std::string_view text) { return Parser().Run(text); }

}  // namespace telephony::sdp
