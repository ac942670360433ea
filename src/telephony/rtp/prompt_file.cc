#include "telephony/rtp/prompt_file.h"

#include <cstdint>
#include <fstream>
#include <iterator>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "telephony/rtp/g711.h"

namespace telephony::rtp {
namespace {

constexpr std::uint16_t kFormatPcm = 1;
constexpr std::uint16_t kFormatAlaw = 6;
constexpr std::uint16_t kFormatUlaw = 7;
constexpr std::uint16_t kFormatExtensible = 0xFFFE;
constexpr std::uint32_t kSampleRate = 8000;

using Bytes = std::span<const std::uint8_t>;

std::uint16_t Le16(Bytes b, std::size_t at) {
  return static_cast<std::uint16_t>(b[at] | (b[at + 1] << 8));
}
std::uint32_t Le32(Bytes b, std::size_t at) {
  return std::uint32_t{b[at]} | (std::uint32_t{b[at + 1]} << 8) | (std::uint32_t{b[at + 2]} << 16) |
         (std::uint32_t{b[at + 3]} << 24);
}
bool HasTag(Bytes b, std::size_t at, std::string_view tag) {
  return b.size() >= at + 4 && std::string_view(reinterpret_cast<const char*>(&b[at]), 4) == tag;
}

struct WavFormat {
  std::uint16_t code = 0;
  std::uint16_t channels = 0;
  std::uint32_t sample_rate = 0;
  std::uint16_t bits = 0;
};

base::Result<WavFormat> ParseFormat(Bytes chunk) {
  if (chunk.size() < 16) {
    return base::InvalidArgument("fmt chunk of " + std::to_string(chunk.size()) +
                                 " bytes is too short");
  }
  WavFormat format{Le16(chunk, 0), Le16(chunk, 2), Le32(chunk, 4), Le16(chunk, 14)};
  // WAVE_FORMAT_EXTENSIBLE carries the real format code at the start of its sub-format GUID.
  if (format.code == kFormatExtensible && chunk.size() >= 26) format.code = Le16(chunk, 24);
  if (format.channels != 1) {
    return base::InvalidArgument(std::to_string(format.channels) + " channels, expected mono");
  }
  if (format.sample_rate != kSampleRate) {
    return base::InvalidArgument(std::to_string(format.sample_rate) + " Hz, expected 8000 Hz");
  }
  bool pcm16 = format.code == kFormatPcm && format.bits == 16;
  bool g711 = (format.code == kFormatUlaw || format.code == kFormatAlaw) && format.bits == 8;
  if (!pcm16 && !g711) {
    return base::InvalidArgument("format code " + std::to_string(format.code) + " with " +
                                 std::to_string(format.bits) +
                                 " bits; expected 16-bit PCM (1), 8-bit A-law (6) or µ-law (7)");
  }
  return format;
}

Prompt FromLinear(std::span<const std::int16_t> samples) {
  return Prompt{EncodeUlaw(samples), EncodeAlaw(samples)};
}

// G.711 input keeps its own bytes as they are and is transcoded for the other law.
Prompt FromUlaw(Bytes codes) {
  Prompt prompt{{codes.begin(), codes.end()}, {}};
  prompt.pcma.reserve(codes.size());
  for (std::uint8_t code : codes) prompt.pcma.push_back(UlawToAlaw(code));
  return prompt;
}

Prompt FromAlaw(Bytes codes) {
  Prompt prompt{{}, {codes.begin(), codes.end()}};
  prompt.pcmu.reserve(codes.size());
  for (std::uint8_t code : codes) prompt.pcmu.push_back(AlawToUlaw(code));
  return prompt;
}

base::Result<Prompt> DecodeData(const WavFormat& format, Bytes data) {
  if (format.code == kFormatUlaw) return FromUlaw(data);
  if (format.code == kFormatAlaw) return FromAlaw(data);
  if (data.size() % 2 != 0) {
    return base::InvalidArgument("data chunk of " + std::to_string(data.size()) +
                                 " bytes is truncated mid-sample");
  }
  std::vector<std::int16_t> samples(data.size() / 2);
  for (std::size_t i = 0; i < samples.size(); ++i) {
    samples[i] = static_cast<std::int16_t>(Le16(data, 2 * i));
  }
  return FromLinear(samples);
}

// Walks the RIFF chunks; unknown ones (LIST, fact, ...) are skipped.
base::Result<Prompt> ParseWav(Bytes file) {
  if (!HasTag(file, 0, "RIFF") || !HasTag(file, 8, "WAVE")) {
    return base::InvalidArgument("not a RIFF/WAVE file");
  }
  std::optional<WavFormat> format;
  std::size_t at = 12;
  while (at + 8 <= file.size()) {
    std::string_view id(reinterpret_cast<const char*>(&file[at]), 4);
    std::size_t size = Le32(file, at + 4);
    if (size > file.size() - at - 8) {
      return base::InvalidArgument("chunk '" + std::string(id) + "' of " + std::to_string(size) +
                                   " bytes is truncated at " +
                                   std::to_string(file.size() - at - 8));
    }
    Bytes chunk = file.subspan(at + 8, size);
    if (id == "fmt ") {
      JS_ASSIGN_OR_RETURN(format, ParseFormat(chunk));
    } else if (id == "data") {
      if (!format) return base::InvalidArgument("data chunk before any fmt chunk");
      if (chunk.empty()) return base::InvalidArgument("no audio (empty data chunk)");
      return DecodeData(*format, chunk);
    }
    at += 8 + size + (size & 1);  // chunks are padded to even sizes
  }
  return base::InvalidArgument("no data chunk");
}

base::Result<Prompt> ParseRawUlaw(Bytes file) {
  if (file.empty()) return base::InvalidArgument("empty file");
  return FromUlaw(file);
}

bool NamedWav(std::string_view path) {
  return path.size() >= 4 && (path.ends_with(".wav") || path.ends_with(".WAV"));
}

}  // namespace

base::Result<PromptRef> LoadPrompt(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return base::NotFound("prompt " + path + ": cannot be opened");
  std::vector<std::uint8_t> file((std::istreambuf_iterator<char>(in)),
                                 std::istreambuf_iterator<char>());
  if (in.bad()) return base::NotFound("prompt " + path + ": read failed");
  JS_ASSIGN_OR_RETURN(Prompt prompt, DecodePrompt(file, path));
  return std::make_shared<const Prompt>(std::move(prompt));
}

base::Result<Prompt> DecodePrompt(std::span<const std::uint8_t> bytes, std::string_view name) {
  bool wav = HasTag(bytes, 0, "RIFF") || NamedWav(name);
  base::Result<Prompt> prompt = wav ? ParseWav(bytes) : ParseRawUlaw(bytes);
  if (!prompt.ok()) return prompt.status().WithContext("prompt " + std::string(name));
  return prompt;
}

}  // namespace telephony::rtp
