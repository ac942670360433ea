#include "cli/flags.h"

#include <gtest/gtest.h>

namespace cli {
namespace {

const std::vector<FlagSpec> kSpecs = {{"party", "P", ""}, {"top", "N", ""}, {"explain", "", ""}};

TEST(FlagsTest, ParsesSpaceAndEqualsFormsAndSwitches) {
  auto flags = ParseFlags({"--party", "BJP", "--top=5", "--explain"}, kSpecs, "seats weak");
  ASSERT_TRUE(flags.ok()) << flags.status().ToString();
  EXPECT_EQ(*flags->Get("party"), "BJP");
  EXPECT_EQ(*flags->Get("top"), "5");
  EXPECT_TRUE(flags->Has("explain"));
  EXPECT_FALSE(flags->Has("help"));
}

TEST(FlagsTest, UnknownFlagSuggestsTheNearest) {
  auto flags = ParseFlags({"--partyy", "BJP"}, kSpecs, "seats weak");
  ASSERT_FALSE(flags.ok());
  EXPECT_EQ(flags.status().code(), base::StatusCode::kInvalidArgument);
  EXPECT_NE(flags.status().message().find("unknown flag --partyy for 'seats weak'; did you mean "
                                          "--party?"),
            std::string::npos);
}

TEST(FlagsTest, MissingValueIsAnError) {
  EXPECT_FALSE(ParseFlags({"--party"}, kSpecs, "x").ok());
  EXPECT_FALSE(ParseFlags({"--party", "--top", "3"}, kSpecs, "x").ok());
  EXPECT_FALSE(ParseFlags({"--explain=yes"}, kSpecs, "x").ok());
}

TEST(FlagsTest, KeepsPositionalsAndAcceptsHelp) {
  auto flags = ParseFlags({"extra", "--help"}, kSpecs, "x");
  ASSERT_TRUE(flags.ok());
  EXPECT_EQ(flags->positionals(), std::vector<std::string>{"extra"});
  EXPECT_TRUE(flags->Has("help"));
}

TEST(FlagsTest, PositiveIntRejectsZeroNegativeAndText) {
  EXPECT_EQ(*PositiveIntFlag("top", "160"), 160);
  EXPECT_FALSE(PositiveIntFlag("top", "0").ok());
  EXPECT_FALSE(PositiveIntFlag("top", "-3").ok());
  EXPECT_FALSE(PositiveIntFlag("top", "ten").ok());
}

TEST(FlagsTest, PositionalArgumentsAreNotFlags) {
  std::vector<FlagSpec> specs = {Argument("FILE", "a file"), {"db", "PATH", ""}};
  auto flags = ParseFlags({"a.json", "--db", "x.db"}, specs, "campaign add");
  ASSERT_TRUE(flags.ok()) << flags.status().ToString();
  EXPECT_EQ(flags->positionals(), std::vector<std::string>{"a.json"});
  EXPECT_EQ(*flags->Get("db"), "x.db");
  EXPECT_FALSE(ParseFlags({"--=x"}, specs, "campaign add").ok());
  EXPECT_EQ(ParseFlags({"--fil", "a"}, specs, "campaign add").status().message().find("--FILE"),
            std::string::npos);
}

}  // namespace
}  // namespace cli
