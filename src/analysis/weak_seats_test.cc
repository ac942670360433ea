#include "analysis/weak_seats.h"

#include <gtest/gtest.h>

#include "analysis/segment_standing.h"
#include "fakes/country_builder.h"
#include "fakes/in_memory_database.h"

namespace analysis {
namespace {

// Party AAA: wins seat 1 by 20 points, loses seat 2 by 2, wins seat 3 by 1, and in seat 4
// loses by 30. Segments 11, 12 belong to seat 2; the assembly shows AAA ahead in one.
results::ReferenceData Country() {
  return fakes::CountryBuilder()
      .Seat(1)
      .Seat(2, {11, 12})
      .Seat(3)
      .Seat(4)
      .Votes("ls2019", 1, "AAA", 600)
      .Votes("ls2019", 1, "BBB", 400)
      .Votes("ls2019", 2, "AAA", 490)
      .Votes("ls2019", 2, "BBB", 510)
      .Votes("ls2019", 3, "AAA", 505)
      .Votes("ls2019", 3, "CCC", 495)
      .Votes("ls2019", 4, "AAA", 300)
      .Votes("ls2019", 4, "CCC", 600)
      .Votes("ls2019", 4, "NOTA", 100)
      .Votes("ls2014", 1, "AAA", 500)
      .Votes("ls2014", 1, "BBB", 500)
      .Votes("ls2014", 2, "AAA", 600)
      .Votes("ls2014", 2, "BBB", 400)
      .Votes("ae2021", 11, "AAA", 550)
      .Votes("ae2021", 11, "BBB", 450)
      .Votes("ae2021", 12, "AAA", 300)
      .Votes("ae2021", 12, "BBB", 700)
      .Build();
}

class WeakSeatsTest : public ::testing::Test {
 protected:
  std::vector<SeatScore> Rank(WeakSeatsRequest request) {
    auto data = SeatData::Load(db_, {"ls2019", "ls2014"}, true);
    EXPECT_TRUE(data.ok()) << data.status().ToString();
    data_ = std::make_unique<SeatData>(std::move(data).value());
    return RankSeats(*data_, request);
  }
  static std::vector<int> Numbers(const std::vector<SeatScore>& scores) {
    std::vector<int> numbers;
    for (const SeatScore& score : scores) numbers.push_back(score.seat->number);
    return numbers;
  }

  fakes::InMemoryDatabase db_{Country()};
  std::unique_ptr<SeatData> data_;
};

TEST_F(WeakSeatsTest, WeakestFirstByStrength) {
  std::vector<SeatScore> scores = Rank({{"AAA"}, "ls2019", std::nullopt, RankMode::kWeakest, 0});
  EXPECT_EQ(Numbers(scores), (std::vector<int>{4, 2, 3, 1}));
  EXPECT_EQ(scores[0].rank, 1);
  EXPECT_NEAR(scores[0].standing.margin_pct, -30.0, 1e-9);
  EXPECT_EQ(scores[0].reason, "lost to CCC by 30.0%");
}

TEST_F(WeakSeatsTest, BattlegroundPutsNarrowWinsAndLossesFirst) {
  std::vector<SeatScore> scores =
      Rank({{"AAA"}, "ls2019", std::nullopt, RankMode::kBattleground, 0});
  // Seat 3 won by 1.0 (strength 1.0); seat 2 lost by 2.0, its segments pull it to -4.25.
  EXPECT_EQ(Numbers(scores), (std::vector<int>{3, 2, 1, 4}));
}

TEST_F(WeakSeatsTest, TopCutsTheList) {
  std::vector<SeatScore> scores = Rank({{"AAA"}, "ls2019", std::nullopt, RankMode::kWeakest, 2});
  EXPECT_EQ(Numbers(scores), (std::vector<int>{4, 2}));
}

TEST_F(WeakSeatsTest, BaselineGivesTheSwingAndNamesItInTheReason) {
  std::vector<SeatScore> scores = Rank({{"AAA"}, "ls2019", "ls2014", RankMode::kWeakest, 0});
  const SeatScore& seat2 = scores[1];
  ASSERT_EQ(seat2.seat->number, 2);
  ASSERT_TRUE(seat2.swing_points);
  EXPECT_NEAR(*seat2.swing_points, -11.0, 1e-9);
  EXPECT_NEAR(seat2.parts.trend, -2.0, 1e-9);  // clamped to -10, times 0.2
  EXPECT_NE(seat2.reason.find("vote share down 11.0 points since ls2014"), std::string::npos);
  // Seat 3 has no 2014 result: no swing, no trend part.
  const SeatScore& seat3 = scores[2];
  EXPECT_FALSE(seat3.swing_points);
  EXPECT_DOUBLE_EQ(seat3.parts.trend, 0.0);
}

TEST_F(WeakSeatsTest, AssemblySegmentsGiveTheirMeanMargin) {
  std::vector<SeatScore> scores = Rank({{"AAA"}, "ls2019", std::nullopt, RankMode::kWeakest, 0});
  const SeatScore& seat2 = scores[1];
  ASSERT_TRUE(seat2.assembly);
  EXPECT_EQ(seat2.assembly->segments_with_results, 2);
  EXPECT_EQ(seat2.assembly->segments_won, 1);
  EXPECT_NEAR(seat2.assembly->mean_margin_pct, (10.0 - 40.0) / 2, 1e-9);
  EXPECT_NEAR(seat2.parts.assembly, 0.15 * -15.0, 1e-9);
  EXPECT_NEAR(seat2.parts.strength, -2.0 - 2.25, 1e-9);
  EXPECT_NE(seat2.reason.find("ahead in 1 of 2 segments (ae2021)"), std::string::npos);
}

TEST_F(WeakSeatsTest, AllianceCombinesVotes) {
  std::vector<SeatScore> scores =
      Rank({{"AAA", "BBB"}, "ls2019", std::nullopt, RankMode::kWeakest, 0});
  // With BBB in the alliance, seat 2 is all alliance: AAA+BBB share 100.
  for (const SeatScore& score : scores) {
    if (score.seat->number == 2) {
      EXPECT_TRUE(score.standing.won);
      EXPECT_NEAR(score.standing.share_pct, 100.0, 1e-9);
    }
  }
}

TEST_F(WeakSeatsTest, SegmentsOfTheWeakSeatsCarryTheirAssemblyStanding) {
  std::vector<SeatScore> scores = Rank({{"AAA"}, "ls2019", std::nullopt, RankMode::kWeakest, 2});
  std::vector<SegmentRow> rows = SegmentsOfSeats(*data_, scores, Alliance({"AAA"}));
  ASSERT_EQ(rows.size(), 2u);  // seat 4 has none, seat 2 has 11 and 12
  EXPECT_EQ(rows[0].segment->number, 11);
  EXPECT_EQ(rows[0].seat->seat->number, 2);
  ASSERT_TRUE(rows[0].assembly_election);
  EXPECT_TRUE(rows[0].standing.won);
  EXPECT_FALSE(rows[1].standing.won);
}

TEST_F(WeakSeatsTest, UnknownElectionSuggestsLoadedOnes) {
  auto data = SeatData::Load(db_, {"ls2O19"}, false);
  ASSERT_FALSE(data.ok());
  EXPECT_EQ(data.status().code(), base::StatusCode::kInvalidArgument);
  EXPECT_NE(data.status().message().find("did you mean ls2019"), std::string::npos);
}

TEST(SeatDataTest, EmptyDatabaseSaysToLoadData) {
  fakes::InMemoryDatabase empty;
  auto data = SeatData::Load(empty, {"ls2019"}, false);
  ASSERT_FALSE(data.ok());
  EXPECT_NE(data.status().message().find("jansampark data load"), std::string::npos);
}

}  // namespace
}  // namespace analysis
