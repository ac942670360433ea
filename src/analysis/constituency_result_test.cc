#include "analysis/constituency_result.h"

#include <gtest/gtest.h>

namespace analysis {
namespace {

std::vector<results::CandidateVotes> Rows() {
  return {
      {"S01", 1, 2, "b", "BBB", 400},  {"S01", 1, 1, "a", "AAA", 500},
      {"S01", 1, 0, "n", "NOTA", 100}, {"S01", 2, 1, "c", "CCC", 300},
      {"S01", 2, 2, "a2", "AAA", 200}, {"S01", 2, 3, "b2", "BBB", 150},
      {"S01", 2, 4, "i", "IND", 50},
  };
}

TEST(ConstituencyResultTest, TalliesCountNotaInTheTotalButNotAsACandidate) {
  std::vector<results::ConstituencyTally> grouped = results::TallyByConstituency(Rows());
  ASSERT_EQ(grouped.size(), 2u);
  EXPECT_EQ(grouped[0].votes_counted, 1000);    // NOTA counted in the total
  ASSERT_EQ(grouped[0].candidates.size(), 2u);  // but not a candidate
  EXPECT_EQ(grouped[0].candidates[0].party, "AAA");
  EXPECT_EQ(grouped[1].votes_counted, 700);
}

TEST(ConstituencyResultTest, WinnerMarginIsOverTheRunnerUp) {
  Standing standing = StandingOf(results::TallyByConstituency(Rows())[0], Alliance({"AAA"}));
  EXPECT_TRUE(standing.won);
  EXPECT_DOUBLE_EQ(standing.share_pct, 50.0);
  EXPECT_DOUBLE_EQ(standing.margin_pct, 10.0);
  EXPECT_EQ(standing.rival_party, "BBB");
  EXPECT_EQ(standing.best_position, 1);
}

TEST(ConstituencyResultTest, LoserMarginIsNegativeDistanceToTheWinner) {
  Standing standing = StandingOf(results::TallyByConstituency(Rows())[1], Alliance({"AAA"}));
  EXPECT_FALSE(standing.won);
  EXPECT_EQ(standing.best_position, 2);
  EXPECT_NEAR(standing.margin_pct, -100.0 / 7.0, 1e-9);
  EXPECT_EQ(standing.rival_party, "CCC");
  EXPECT_EQ(standing.winner_party, "CCC");
}

TEST(ConstituencyResultTest, AllianceVotesAreCombined) {
  Standing standing = StandingOf(results::TallyByConstituency(Rows())[1], Alliance({"AAA", "BBB"}));
  EXPECT_FALSE(standing.won);  // the actual winner is outside the alliance
  EXPECT_NEAR(standing.share_pct, 50.0, 1e-9);
  EXPECT_NEAR(standing.margin_pct, 50.0 / 7.0, 1e-9);  // (350 - 300) / 700
}

TEST(ConstituencyResultTest, PartyThatDidNotStandTrailsByTheWinnersShare) {
  Standing standing = StandingOf(results::TallyByConstituency(Rows())[1], Alliance({"ZZZ"}));
  EXPECT_FALSE(standing.contested);
  EXPECT_EQ(standing.best_position, 0);
  EXPECT_NEAR(standing.margin_pct, -300.0 / 7.0, 1e-9);
}

}  // namespace
}  // namespace analysis
