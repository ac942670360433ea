#include "telephony/rtp/wav_writer.h"

#include <array>
#include <cerrno>
#include <cstring>
#include <vector>

namespace telephony::rtp {
namespace {

constexpr std::uint32_t kSampleRate = 8000;
constexpr std::uint16_t kBytesPerSample = 2;
constexpr std::size_t kHeaderSize = 44;

void PutLe(std::vector<std::uint8_t>& out, std::uint32_t value, int bytes) {
  for (int i = 0; i < bytes; ++i) out.push_back(static_cast<std::uint8_t>(value >> (8 * i)));
}

void PutTag(std::vector<std::uint8_t>& out, const char* tag) {
  out.insert(out.end(), tag, tag + 4);
}

std::string Errno() { return std::strerror(errno); }

}  // namespace

base::Result<std::unique_ptr<WavWriter>> WavWriter::Create(const std::string& path, int channels) {
  if (channels != 1 && channels != 2) {
    return base::InvalidArgument("WAV " + path + ": channels must be 1 or 2");
  }
  std::FILE* file = std::fopen(path.c_str(), "wb");
  if (file == nullptr) return base::Unavailable("WAV " + path + ": cannot create: " + Errno());
  std::unique_ptr<WavWriter> writer(new WavWriter(path, file, channels));
  JS_RETURN_IF_ERROR(writer->WriteHeader(0));
  return writer;
}

WavWriter::~WavWriter() { (void)Finish(); }

base::Status WavWriter::WriteHeader(std::uint32_t data_bytes) {
  std::vector<std::uint8_t> header;
  header.reserve(kHeaderSize);
  PutTag(header, "RIFF");
  PutLe(header, 36 + data_bytes, 4);
  PutTag(header, "WAVE");
  PutTag(header, "fmt ");
  PutLe(header, 16, 4);
  PutLe(header, 1, 2);  // PCM
  PutLe(header, channels_, 2);
  PutLe(header, kSampleRate, 4);
  PutLe(header, kSampleRate * kBytesPerSample * channels_, 4);  // bytes per second
  PutLe(header, kBytesPerSample * channels_, 2);                // bytes per frame
  PutLe(header, 16, 2);
  PutTag(header, "data");
  PutLe(header, data_bytes, 4);
  if (std::fseek(file_, 0, SEEK_SET) != 0 ||
      std::fwrite(header.data(), 1, header.size(), file_) != header.size()) {
    return base::Unavailable("WAV " + path_ + ": cannot write header: " + Errno());
  }
  return base::OkStatus();
}

base::Status WavWriter::Append(std::span<const std::int16_t> samples) {
  if (file_ == nullptr) return base::Internal("WAV " + path_ + ": append after finish");
  // Nothing to write (an empty vector's data() may be null, which fwrite must not be given).
  if (samples.empty()) return base::OkStatus();
  std::vector<std::uint8_t> bytes;
  bytes.reserve(samples.size() * kBytesPerSample);
  for (std::int16_t sample : samples) PutLe(bytes, static_cast<std::uint16_t>(sample), 2);
  if (std::fwrite(bytes.data(), 1, bytes.size(), file_) != bytes.size()) {
    return base::Unavailable("WAV " + path_ + ": write failed: " + Errno());
  }
  samples_written_ += samples.size();
  return base::OkStatus();
}

base::Status WavWriter::Finish() {
  if (file_ == nullptr) return base::OkStatus();
  // A WAV cannot describe more than 4 GiB of data; at 16 kB/s that is over 3 days of call.
  auto data_bytes = static_cast<std::uint32_t>(samples_written_ * kBytesPerSample);
  base::Status status = WriteHeader(data_bytes);
  if (std::fclose(file_) != 0 && status.ok()) {
    status = base::Unavailable("WAV " + path_ + ": close failed: " + Errno());
  }
  file_ = nullptr;
  return status;
}

}  // namespace telephony::rtp
