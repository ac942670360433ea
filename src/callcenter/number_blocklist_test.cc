#include "callcenter/number_blocklist.h"

#include <gtest/gtest.h>

namespace callcenter {
namespace {

TEST(NumberBlocklistTest, RecognisesE164Numbers) {
  EXPECT_TRUE(IsE164("+919812345678"));
  EXPECT_TRUE(IsE164("+6831234"));
  EXPECT_FALSE(IsE164("919812345678"));       // no +
  EXPECT_FALSE(IsE164("+91 98123 45678"));    // spaces
  EXPECT_FALSE(IsE164("+09812345678"));       // country codes never start with 0
  EXPECT_FALSE(IsE164("+123456"));            // too short
  EXPECT_FALSE(IsE164("+1234567890123456"));  // 16 digits, too long
  EXPECT_FALSE(IsE164(""));
}

TEST(NumberBlocklistTest, ContainsWhatWasAddedUntilRemoved) {
  InMemoryBlocklist list;
  ASSERT_TRUE(list.Add("+919812345678").ok());
  ASSERT_TRUE(list.Add("+919812345678").ok());  // twice is once
  EXPECT_EQ(list.size(), 1u);
  EXPECT_TRUE(list.Contains("+919812345678"));
  EXPECT_FALSE(list.Contains("+919812345679"));
  EXPECT_TRUE(list.Remove("+919812345678"));
  EXPECT_FALSE(list.Remove("+919812345678"));
  EXPECT_FALSE(list.Contains("+919812345678"));
}

TEST(NumberBlocklistTest, RefusesANumberNotInE164FormAndNamesIt) {
  InMemoryBlocklist list;
  base::Status status = list.Add("098123 45678");
  EXPECT_EQ(status.code(), base::StatusCode::kInvalidArgument);
  EXPECT_NE(status.message().find("098123 45678"), std::string::npos);
  EXPECT_EQ(list.size(), 0u);
}

TEST(NumberBlocklistTest, WorksThroughTheInterface) {
  InMemoryBlocklist list;
  ASSERT_TRUE(list.Add("+919812345678").ok());
  const NumberBlocklist& blocklist = list;
  EXPECT_TRUE(blocklist.Contains("+919812345678"));
}

}  // namespace
}  // namespace callcenter
