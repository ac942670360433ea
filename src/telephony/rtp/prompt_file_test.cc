#include "telephony/rtp/prompt_file.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <vector>

#include "fakes/temp_dir.h"
#include "telephony/rtp/g711.h"
#include "telephony/rtp/wav_test_util.h"

namespace telephony::rtp {
namespace {

using ::testing::AllOf;
using ::testing::HasSubstr;
using testing::Pcm16Bytes;
using testing::Wav;
using testing::WriteFile;

class PromptFileTest : public ::testing::Test {
 protected:
  std::string Write(const std::string& name, const std::vector<std::uint8_t>& bytes) {
    std::string path = dir_.File(name);
    WriteFile(path, bytes);
    return path;
  }

  void ExpectError(const std::string& path, base::StatusCode code, const std::string& what) {
    auto prompt = LoadPrompt(path);
    ASSERT_FALSE(prompt.ok());
    EXPECT_EQ(prompt.status().code(), code);
    EXPECT_THAT(prompt.status().message(), AllOf(HasSubstr(path), HasSubstr(what)));
  }

  fakes::TempDir dir_;
};

TEST_F(PromptFileTest, RawUlawIsKeptAndTranscodedToAlaw) {
  std::vector<std::uint8_t> ulaw = {0xFF, 0x80, 0x00, 0x7E, 0x12};
  auto prompt = LoadPrompt(Write("welcome.ulaw", ulaw));
  ASSERT_TRUE(prompt.ok()) << prompt.status().ToString();
  EXPECT_EQ((*prompt)->pcmu, ulaw);
  ASSERT_EQ((*prompt)->pcma.size(), ulaw.size());
  for (std::size_t i = 0; i < ulaw.size(); ++i) EXPECT_EQ((*prompt)->pcma[i], UlawToAlaw(ulaw[i]));
}

TEST_F(PromptFileTest, Pcm16WavIsEncodedBothWays) {
  std::vector<std::int16_t> samples = {0, 1000, -1000, 32767, -32768, 5};
  auto prompt = LoadPrompt(Write("a.wav", Wav(1, 1, 8000, 16, Pcm16Bytes(samples))));
  ASSERT_TRUE(prompt.ok()) << prompt.status().ToString();
  EXPECT_EQ((*prompt)->pcmu, EncodeUlaw(samples));
  EXPECT_EQ((*prompt)->pcma, EncodeAlaw(samples));
}

TEST_F(PromptFileTest, UlawAndAlawWavsKeepTheirBytes) {
  std::vector<std::uint8_t> codes = {0x01, 0x55, 0xD5, 0xAA};
  auto ulaw = LoadPrompt(Write("u.wav", Wav(7, 1, 8000, 8, codes)));
  ASSERT_TRUE(ulaw.ok()) << ulaw.status().ToString();
  EXPECT_EQ((*ulaw)->pcmu, codes);
  auto alaw = LoadPrompt(Write("a.wav", Wav(6, 1, 8000, 8, codes)));
  ASSERT_TRUE(alaw.ok()) << alaw.status().ToString();
  EXPECT_EQ((*alaw)->pcma, codes);
  EXPECT_EQ((*alaw)->pcmu[2], AlawToUlaw(0xD5));
}

TEST_F(PromptFileTest, SkipsUnknownChunks) {
  std::vector<std::uint8_t> wav = Wav(7, 1, 8000, 8, {1, 2, 3});
  // Insert an odd-sized LIST chunk (padded to even) after the fmt chunk.
  std::vector<std::uint8_t> list = {'L', 'I', 'S', 'T', 3, 0, 0, 0, 'a', 'b', 'c', 0};
  wav.insert(wav.begin() + 36, list.begin(), list.end());
  auto prompt = LoadPrompt(Write("list.wav", wav));
  ASSERT_TRUE(prompt.ok()) << prompt.status().ToString();
  EXPECT_EQ((*prompt)->pcmu, (std::vector<std::uint8_t>{1, 2, 3}));
}

TEST_F(PromptFileTest, MissingFileIsNotFound) {
  ExpectError(dir_.File("absent.ulaw"), base::StatusCode::kNotFound, "cannot be opened");
}

TEST_F(PromptFileTest, EmptyRawFileIsRejected) {
  ExpectError(Write("empty.ulaw", {}), base::StatusCode::kInvalidArgument, "empty file");
}

TEST_F(PromptFileTest, EmptyDataChunkIsRejected) {
  ExpectError(Write("empty.wav", Wav(1, 1, 8000, 16, {})), base::StatusCode::kInvalidArgument,
              "no audio");
}

TEST_F(PromptFileTest, WrongRateIsRejected) {
  ExpectError(Write("cd.wav", Wav(1, 1, 44100, 16, {0, 0})), base::StatusCode::kInvalidArgument,
              "44100 Hz, expected 8000 Hz");
}

TEST_F(PromptFileTest, StereoIsRejected) {
  ExpectError(Write("stereo.wav", Wav(1, 2, 8000, 16, {0, 0, 0, 0})),
              base::StatusCode::kInvalidArgument, "2 channels, expected mono");
}

TEST_F(PromptFileTest, OtherEncodingsAreRejected) {
  ExpectError(Write("float.wav", Wav(3, 1, 8000, 32, {0, 0, 0, 0})),
              base::StatusCode::kInvalidArgument, "format code 3 with 32 bits");
  ExpectError(Write("pcm8.wav", Wav(1, 1, 8000, 8, {0})), base::StatusCode::kInvalidArgument,
              "format code 1 with 8 bits");
}

TEST_F(PromptFileTest, TruncatedDataChunkIsRejected) {
  std::vector<std::uint8_t> wav = Wav(1, 1, 8000, 16, Pcm16Bytes({1, 2, 3, 4}));
  wav.resize(wav.size() - 3);
  ExpectError(Write("cut.wav", wav), base::StatusCode::kInvalidArgument,
              "chunk 'data' of 8 bytes is truncated at 5");
}

TEST_F(PromptFileTest, OddPcm16DataIsRejected) {
  ExpectError(Write("odd.wav", Wav(1, 1, 8000, 16, {1, 2, 3})), base::StatusCode::kInvalidArgument,
              "truncated mid-sample");
}

TEST_F(PromptFileTest, WavNameWithoutRiffIsRejected) {
  ExpectError(Write("fake.wav", {1, 2, 3, 4}), base::StatusCode::kInvalidArgument,
              "not a RIFF/WAVE file");
}

TEST_F(PromptFileTest, DataBeforeFmtIsRejected) {
  std::vector<std::uint8_t> wav = {'R', 'I', 'F', 'F', 12,  0, 0, 0, 'W', 'A', 'V',
                                   'E', 'd', 'a', 't', 'a', 1, 0, 0, 0,   7};
  ExpectError(Write("nofmt.wav", wav), base::StatusCode::kInvalidArgument, "before any fmt");
}

}  // namespace
}  // namespace telephony::rtp
