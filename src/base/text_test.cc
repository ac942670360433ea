#include "base/text.h"

#include <gtest/gtest.h>

namespace base {
namespace {

TEST(TextTest, ParseIntAcceptsOnlyWholeNumbers) {
  EXPECT_EQ(*ParseInt("42", "votes"), 42);
  EXPECT_EQ(*ParseInt("-7", "votes"), -7);
  EXPECT_EQ(ParseInt("4x", "votes").status().message(), "votes '4x' is not a whole number");
  EXPECT_FALSE(ParseInt("", "votes").ok());
  EXPECT_FALSE(ParseInt("1.5", "votes").ok());
}

TEST(TextTest, ParseDoubleRejectsGarbage) {
  EXPECT_DOUBLE_EQ(*ParseDouble("52.32", "share"), 52.32);
  EXPECT_FALSE(ParseDouble("nan", "share").ok());
  EXPECT_FALSE(ParseDouble("5%", "share").ok());
}

TEST(TextTest, EditDistanceIgnoresCase) {
  EXPECT_EQ(EditDistance("BJP", "bjp"), 0u);
  EXPECT_EQ(EditDistance("BJPP", "BJP"), 1u);
  EXPECT_EQ(EditDistance("kitten", "sitting"), 3u);
}

TEST(TextTest, NearestNamesSuggestsCloseOnesFirst) {
  std::vector<std::string> names = {"BJP", "BSP", "INC", "AITC", "DMK"};
  std::vector<std::string> nearest = NearestNames("BJPP", names);
  ASSERT_FALSE(nearest.empty());
  EXPECT_EQ(nearest[0], "BJP");
  EXPECT_TRUE(NearestNames("zzzzzzzz", names).empty());
  EXPECT_TRUE(NearestNames("XX", {"", "ABCDEF"}).empty());
}

TEST(TextTest, SplitKeepsEmptyParts) {
  EXPECT_EQ(Split("a;;b", ';'), (std::vector<std::string>{"a", "", "b"}));
  EXPECT_EQ(Join({"a", "b"}, ", "), "a, b");
  EXPECT_EQ(Trim("  x y \n"), "x y");
}

}  // namespace
}  // namespace base
