#pragma once

#include <cstdint>
#include <fstream>
#include <iterator>
#include <string>
#include <vector>

// Builds and reads WAV bytes for the tests, independently of the code under test.
namespace telephony::rtp::testing {

inline void PutLe(std::vector<std::uint8_t>& out, std::uint32_t value, int bytes) {
  for (int i = 0; i < bytes; ++i) out.push_back(static_cast<std::uint8_t>(value >> (8 * i)));
}

// Byte by byte: GCC 12 at -O3 misreports a vector insert of string iterators as an overflow.
inline void PutTag(std::vector<std::uint8_t>& out, const std::string& tag) {
  for (char c : tag) out.push_back(static_cast<std::uint8_t>(c));
}

// A RIFF/WAVE file with one fmt chunk and one data chunk holding `data` as given.
inline std::vector<std::uint8_t> Wav(std::uint16_t format, std::uint16_t channels,
                                     std::uint32_t rate, std::uint16_t bits,
                                     const std::vector<std::uint8_t>& data) {
  std::vector<std::uint8_t> out;
  PutTag(out, "RIFF");
  PutLe(out, static_cast<std::uint32_t>(36 + data.size()), 4);
  PutTag(out, "WAVE");
  PutTag(out, "fmt ");
  PutLe(out, 16, 4);
  PutLe(out, format, 2);
  PutLe(out, channels, 2);
  PutLe(out, rate, 4);
  PutLe(out, rate * channels * bits / 8, 4);
  PutLe(out, channels * bits / 8, 2);
  PutLe(out, bits, 2);
  PutTag(out, "data");
  PutLe(out, static_cast<std::uint32_t>(data.size()), 4);
  out.insert(out.end(), data.begin(), data.end());
  return out;
}

inline void WriteFile(const std::string& path, const std::vector<std::uint8_t>& bytes) {
  std::ofstream out(path, std::ios::binary);
  out.write(reinterpret_cast<const char*>(bytes.data()),
            static_cast<std::streamsize>(bytes.size()));
}

inline std::vector<std::uint8_t> ReadFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

inline std::vector<std::uint8_t> Pcm16Bytes(const std::vector<std::int16_t>& samples) {
  std::vector<std::uint8_t> out;
  for (std::int16_t sample : samples) PutLe(out, static_cast<std::uint16_t>(sample), 2);
  return out;
}

}  // namespace telephony::rtp::testing
