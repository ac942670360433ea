#include "telephony/rtp/wav_writer.h"

#include <gtest/gtest.h>

#include <vector>

#include "fakes/temp_dir.h"
#include "telephony/rtp/wav_test_util.h"

namespace telephony::rtp {
namespace {

TEST(WavWriterTest, WritesAHeaderAndSamplesThatReadBack) {
  fakes::TempDir dir;
  std::string path = dir.File("out.wav");
  std::vector<std::int16_t> samples = {0, 1, -1, 32767, -32768};
  {
    auto writer = WavWriter::Create(path);
    ASSERT_TRUE(writer.ok()) << writer.status().ToString();
    ASSERT_TRUE((*writer)->Append(std::span(samples).first(2)).ok());
    ASSERT_TRUE((*writer)->Append(std::span(samples).subspan(2)).ok());
    ASSERT_TRUE((*writer)->Finish().ok());
  }
  std::vector<std::uint8_t> expected = testing::Wav(1, 1, 8000, 16, testing::Pcm16Bytes(samples));
  EXPECT_EQ(testing::ReadFile(path), expected);
}

TEST(WavWriterTest, DestructorFinishes) {
  fakes::TempDir dir;
  std::string path = dir.File("out.wav");
  {
    auto writer = WavWriter::Create(path);
    ASSERT_TRUE(writer.ok());
    ASSERT_TRUE((*writer)->Append(std::vector<std::int16_t>{7, 8}).ok());
  }
  EXPECT_EQ(testing::ReadFile(path), testing::Wav(1, 1, 8000, 16, testing::Pcm16Bytes({7, 8})));
}

TEST(WavWriterTest, AppendingNothingWritesNothing) {
  fakes::TempDir dir;
  std::string path = dir.File("out.wav");
  {
    auto writer = WavWriter::Create(path);
    ASSERT_TRUE(writer.ok());
    ASSERT_TRUE((*writer)->Append(std::vector<std::int16_t>{}).ok());
    ASSERT_TRUE((*writer)->Append(std::vector<std::int16_t>{7}).ok());
    ASSERT_TRUE((*writer)->Append(std::vector<std::int16_t>{}).ok());
  }
  EXPECT_EQ(testing::ReadFile(path), testing::Wav(1, 1, 8000, 16, testing::Pcm16Bytes({7})));
}

TEST(WavWriterTest, WritesStereoFramesWithAStereoHeader) {
  fakes::TempDir dir;
  std::string path = dir.File("out.wav");
  std::vector<std::int16_t> frames = {1, -1, 2, -2};
  {
    auto writer = WavWriter::Create(path, 2);
    ASSERT_TRUE(writer.ok()) << writer.status().ToString();
    ASSERT_TRUE((*writer)->Append(frames).ok());
  }
  EXPECT_EQ(testing::ReadFile(path), testing::Wav(1, 2, 8000, 16, testing::Pcm16Bytes(frames)));
}

TEST(WavWriterTest, OnlyMonoOrStereo) {
  fakes::TempDir dir;
  EXPECT_EQ(WavWriter::Create(dir.File("out.wav"), 3).status().code(),
            base::StatusCode::kInvalidArgument);
}

TEST(WavWriterTest, UncreatableFileIsUnavailable) {
  fakes::TempDir dir;
  auto writer = WavWriter::Create(dir.File("no/such/dir/out.wav"));
  ASSERT_FALSE(writer.ok());
  EXPECT_EQ(writer.status().code(), base::StatusCode::kUnavailable);
}

}  // namespace
}  // namespace telephony::rtp
