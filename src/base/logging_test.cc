#include "base/logging.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace base {
namespace {

class LoggingTest : public ::testing::Test {
 protected:
  void SetUp() override {
    SetLogSink([this](LogLevel, std::string_view line) { lines_.emplace_back(line); });
  }
  void TearDown() override {
    SetLogSink(nullptr);
    SetLogThreshold(LogLevel::kInfo);
  }
  std::vector<std::string> lines_;
};

TEST_F(LoggingTest, WritesTimestampLevelAndMessage) {
  JS_LOG(kWarning) << "seat " << 7 << " has no result";
  ASSERT_EQ(lines_.size(), 1u);
  EXPECT_NE(lines_[0].find("warn  seat 7 has no result"), std::string::npos) << lines_[0];
  EXPECT_EQ(lines_[0].find('Z'), 19u);  // 2026-11-27T11:20:00Z
}

TEST_F(LoggingTest, DropsLinesBelowTheThresholdWithoutEvaluatingThem) {
  int evaluated = 0;
  auto count = [&] { return ++evaluated; };
  JS_LOG(kDebug) << count();
  EXPECT_TRUE(lines_.empty());
  EXPECT_EQ(evaluated, 0);
  ASSERT_TRUE(SetLogThresholdFromName("debug"));
  JS_LOG(kDebug) << count();
  EXPECT_EQ(lines_.size(), 1u);
  EXPECT_EQ(evaluated, 1);
}

TEST_F(LoggingTest, UnknownThresholdNameIsRefused) {
  EXPECT_FALSE(SetLogThresholdFromName("verbose"));
  JS_LOG(kDebug) << "hidden";
  EXPECT_TRUE(lines_.empty());
}

}  // namespace
}  // namespace base
