#pragma once

#include <cstdint>
#include <cstdio>
#include <memory>
#include <span>
#include <string>

#include "base/result.h"

namespace telephony::rtp {

// Writes a 16-bit, 8 kHz PCM WAV file, mono or stereo (samples interleaved left, right). The
// header's sizes are written as 0 first and fixed up by Finish(); a file that never reaches
// Finish() still holds its samples. Blocks on disk: used by the recorder's writer thread. Not
// thread-safe.
class WavWriter {
 public:
  // kUnavailable when the file cannot be created. `channels` is 1 or 2.
  static base::Result<std::unique_ptr<WavWriter>> Create(const std::string& path, int channels = 1);
  ~WavWriter();  // Finishes when not done yet.
  WavWriter(const WavWriter&) = delete;
  WavWriter& operator=(const WavWriter&) = delete;

  // Stereo: whole frames, left then right.
  base::Status Append(std::span<const std::int16_t> samples);
  // Fixes the RIFF and data sizes and closes the file. Later calls do nothing.
  base::Status Finish();

  // Counted per channel: a stereo frame is two.
  std::uint64_t samples_written() const { return samples_written_; }

 private:
  WavWriter(std::string path, std::FILE* file, int channels)
      : path_(std::move(path)), file_(file), channels_(static_cast<std::uint16_t>(channels)) {}
  base::Status WriteHeader(std::uint32_t data_bytes);

  std::string path_;
  std::FILE* file_;
  std::uint16_t channels_;
  std::uint64_t samples_written_ = 0;
};

}  // namespace telephony::rtp
