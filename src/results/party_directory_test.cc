#include "results/party_directory.h"

#include <gtest/gtest.h>

namespace results {
namespace {

PartyDirectory Sample() {
  return PartyDirectory({
      {"BJP", "Bharatiya Janata Party", "Bharatiya Janata Party", {}},
      {"INC", "Indian National Congress", "Indian National Congress", {"Congress"}},
      {"ADMK", "All India Anna Dravida Munnetra Kazhagam", "", {"AIADMK"}},
      {"BSP", "Bahujan Samaj Party", "", {}},
  });
}

TEST(PartyDirectoryTest, ResolvesCodesNamesAndAliasesIgnoringCase) {
  PartyDirectory parties = Sample();
  EXPECT_EQ(*parties.Resolve("bjp"), "BJP");
  EXPECT_EQ(*parties.Resolve("Indian National Congress"), "INC");
  EXPECT_EQ(*parties.Resolve("congress"), "INC");
  EXPECT_EQ(*parties.Resolve(" AIADMK "), "ADMK");
}

TEST(PartyDirectoryTest, UnknownPartySuggestsNearestCodes) {
  base::Result<std::string> unknown = Sample().Resolve("BJPP");
  ASSERT_FALSE(unknown.ok());
  EXPECT_EQ(unknown.status().code(), base::StatusCode::kInvalidArgument);
  EXPECT_NE(unknown.status().message().find("unknown party 'BJPP'"), std::string::npos);
  EXPECT_NE(unknown.status().message().find("did you mean BJP"), std::string::npos);
}

TEST(PartyDirectoryTest, BlankNamesMatchNobody) {
  PartyDirectory parties({{"BVA", "", "", {""}}, {"BJP", "Bharatiya Janata Party", "", {}}});
  EXPECT_FALSE(parties.Resolve("").ok());
  EXPECT_FALSE(parties.Resolve("  ").ok());
  EXPECT_EQ(*parties.Resolve("bva"), "BVA");
}

TEST(PartyDirectoryTest, FindTakesOnlyExactCodes) {
  PartyDirectory parties = Sample();
  ASSERT_NE(parties.Find("INC"), nullptr);
  EXPECT_EQ(parties.Find("INC")->name, "Indian National Congress");
  EXPECT_EQ(parties.Find("Congress"), nullptr);
}

}  // namespace
}  // namespace results
