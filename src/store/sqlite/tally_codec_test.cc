#include "store/sqlite/tally_codec.h"

#include <gtest/gtest.h>

namespace store::sqlite {
namespace {

TEST(TallyCodecTest, RoundTripsPartiesWithAnyPrintableCharacters) {
  std::vector<results::CandidateTally> candidates = {
      {"JD(U)", 568'000},
      {"Communist Party of India  (Marxist-Leninist), Liberation", 0},
      {"IND", 12},
      {"सपा", 7}};
  base::Result<std::string> text = EncodeCandidates(candidates);
  ASSERT_TRUE(text.ok());
  base::Result<std::vector<results::CandidateTally>> back = DecodeCandidates(*text);
  ASSERT_TRUE(back.ok()) << back.status().ToString();
  ASSERT_EQ(back->size(), candidates.size());
  for (std::size_t i = 0; i < candidates.size(); ++i) {
    EXPECT_EQ((*back)[i].party, candidates[i].party);
    EXPECT_EQ((*back)[i].votes, candidates[i].votes);
  }
}

TEST(TallyCodecTest, EmptyListIsEmptyText) {
  EXPECT_EQ(*EncodeCandidates({}), "");
  EXPECT_TRUE(DecodeCandidates("")->empty());
}

TEST(TallyCodecTest, RefusesSeparatorsInPartyNames) {
  EXPECT_EQ(EncodeCandidates({{"A\x1f"
                               "B",
                               1}})
                .status()
                .code(),
            base::StatusCode::kInvalidArgument);
}

TEST(TallyCodecTest, DamagedTextIsAnInternalError) {
  EXPECT_EQ(DecodeCandidates("BJP").status().code(), base::StatusCode::kInternal);
  EXPECT_EQ(DecodeCandidates("BJP\x1f"
                             "12x")
                .status()
                .code(),
            base::StatusCode::kInternal);
}

}  // namespace
}  // namespace store::sqlite
