#include "results/tally.h"

#include <gtest/gtest.h>

namespace results {
namespace {

TEST(TallyTest, GroupsByConstituencyInKeyOrderWithNotaCountedButNotACandidate) {
  std::vector<ConstituencyTally> tallies = TallyByConstituency({
      {"S02", 1, 1, "x", "INC", 70},
      {"S01", 10, 2, "b", "INC", 300},
      {"S01", 10, 0, "n", "NOTA", 20},
      {"S01", 10, 1, "a", "BJP", 500},
      {"S01", 9, 1, "c", "IND", 40},
      {"S01", 9, 2, "d", "IND", 30},
  });
  ASSERT_EQ(tallies.size(), 3u);
  EXPECT_EQ(tallies[0].number, 9);              // numeric, not text, order
  ASSERT_EQ(tallies[0].candidates.size(), 2u);  // two independents stay two candidates
  EXPECT_EQ(tallies[1].number, 10);
  EXPECT_EQ(tallies[1].votes_counted, 820);
  ASSERT_EQ(tallies[1].candidates.size(), 2u);
  EXPECT_EQ(tallies[1].candidates[0].party, "BJP");
  EXPECT_EQ(tallies[1].candidates[1].party, "INC");
  EXPECT_EQ(tallies[2].state_code, "S02");
}

TEST(TallyTest, NoRowsNoTallies) { EXPECT_TRUE(TallyByConstituency({}).empty()); }

}  // namespace
}  // namespace results
