// The seat analysis over the real bundled data: official totals, and the properties the
// ranking must hold whatever the weights.
#include <gtest/gtest.h>

#include <cmath>
#include <map>
#include <set>

#include "analysis/seat_queries.h"
#include "api/seat_json.h"
#include "integration/loaded_database.h"

namespace integration {
namespace {

std::map<std::string, int> SeatsWon(const std::string& election) {
  auto summary = analysis::QuerySummary(LoadedDatabase(), election);
  EXPECT_TRUE(summary.ok()) << summary.status().ToString();
  std::map<std::string, int> won;
  int total = 0;
  for (const analysis::PartyTally& tally : summary->parties) {
    won[tally.party] = tally.seats_won;
    total += tally.seats_won;
  }
  EXPECT_EQ(total, 543);
  return won;
}

analysis::WeakSeatsAnswer Weak(analysis::SeatQuery query) {
  auto answer = analysis::QueryWeakSeats(LoadedDatabase(), query);
  EXPECT_TRUE(answer.ok()) << answer.status().ToString();
  return std::move(answer).value();
}

TEST(SeatSummaryTest, Ls2019MatchesTheOfficialTotals) {
  std::map<std::string, int> won = SeatsWon("ls2019");
  EXPECT_EQ(won["BJP"], 303);
  EXPECT_EQ(won["INC"], 52);
  EXPECT_EQ(won["DMK"], 24);
}

TEST(SeatSummaryTest, Ls2014MatchesTheOfficialTotals) {
  std::map<std::string, int> won = SeatsWon("ls2014");
  EXPECT_EQ(won["BJP"], 282);
  EXPECT_EQ(won["INC"], 44);
  EXPECT_EQ(won["ADMK"], 37);  // AIADMK
}

TEST(SeatSummaryTest, VoteSharesAreOverAllVotesCounted) {
  auto summary = analysis::QuerySummary(LoadedDatabase(), "ls2019");
  ASSERT_TRUE(summary.ok());
  double bjp = 0;
  double total = 0;
  for (const analysis::PartyTally& tally : summary->parties) {
    if (tally.party == "BJP") bjp = tally.vote_share_pct;
    total += tally.vote_share_pct;
  }
  EXPECT_NEAR(bjp, 37.3, 0.1);     // as PROVENANCE.md and ECI report it
  EXPECT_NEAR(total, 100.0, 1.5);  // NOTA is counted but is not a party
}

TEST(WeakSeatsTest, ScoresEverySeatAndIsDeterministic) {
  analysis::SeatQuery query{"BJP", {}, "ls2019", "ls2014", "weakest", std::nullopt};
  analysis::WeakSeatsAnswer first = Weak(query);
  analysis::WeakSeatsAnswer second = Weak(query);
  EXPECT_EQ(first.seats.size(), 543u);
  EXPECT_EQ(api::WeakSeatsJson(first).dump(), api::WeakSeatsJson(second).dump());
}

TEST(WeakSeatsTest, EveryLostSeatRanksWeakerThanAnySeatWonByMoreThanTenPoints) {
  for (const std::string party : {"BJP", "INC", "AITC", "DMK"}) {
    analysis::WeakSeatsAnswer answer =
        Weak({party, {}, "ls2019", "ls2014", "weakest", std::nullopt});
    int last_lost_rank = 0;
    int first_big_win_rank = 1'000'000;
    for (const analysis::SeatScore& score : answer.seats) {
      if (!score.standing.won) last_lost_rank = std::max(last_lost_rank, score.rank);
      if (score.standing.won && score.standing.margin_pct > 10.0) {
        first_big_win_rank = std::min(first_big_win_rank, score.rank);
      }
    }
    EXPECT_LT(last_lost_rank, first_big_win_rank) << party;
  }
}

TEST(WeakSeatsTest, WeakestOrderIsByStrengthAndBattlegroundByCloseness) {
  analysis::WeakSeatsAnswer weakest = Weak({"INC", {}, "ls2019", "ls2014", "weakest", {}});
  for (std::size_t i = 1; i < weakest.seats.size(); ++i) {
    EXPECT_LE(weakest.seats[i - 1].parts.strength, weakest.seats[i].parts.strength);
  }
  analysis::WeakSeatsAnswer battle = Weak({"INC", {}, "ls2019", "ls2014", "battleground", 50});
  ASSERT_EQ(battle.seats.size(), 50u);
  for (std::size_t i = 1; i < battle.seats.size(); ++i) {
    EXPECT_LE(std::fabs(battle.seats[i - 1].parts.strength),
              std::fabs(battle.seats[i].parts.strength));
  }
  // The closest fights include both narrow wins and narrow losses.
  bool has_win = false;
  bool has_loss = false;
  for (const analysis::SeatScore& score : battle.seats) {
    (score.standing.won ? has_win : has_loss) = true;
  }
  EXPECT_TRUE(has_win);
  EXPECT_TRUE(has_loss);
}

TEST(WeakSeatsTest, ReasonStatesTheMarginAgainstTheRival) {
  // Srikakulam (S01-2), 2019: TDP held it over YSRCP by 6,653 of 1,157,329 votes (0.57%).
  analysis::WeakSeatsAnswer answer = Weak({"TDP", {}, "ls2019", std::nullopt, "weakest", {}});
  bool found = false;
  for (const analysis::SeatScore& score : answer.seats) {
    if (score.seat->state_code != "S01" || score.seat->number != 2) continue;
    found = true;
    EXPECT_TRUE(score.standing.won);
    EXPECT_NEAR(score.standing.margin_pct, 0.575, 0.001);
    EXPECT_EQ(score.reason.rfind("won by 0.6% over YSRCP", 0), 0u) << score.reason;
  }
  EXPECT_TRUE(found);
}

TEST(WeakSeatsTest, AllianceWinsEveryMembersSeats) {
  std::map<std::string, int> won = SeatsWon("ls2019");
  analysis::WeakSeatsAnswer nda =
      Weak({"BJP", {"SHS", "JD(U)", "LJP"}, "ls2019", std::nullopt, "weakest", {}});
  int nda_won = 0;
  for (const analysis::SeatScore& score : nda.seats) nda_won += score.standing.won ? 1 : 0;
  EXPECT_EQ(nda_won, won["BJP"] + won["SHS"] + won["JD(U)"] + won["LJP"]);
}

TEST(WeakSeatsTest, AssemblySignalAppearsWhereAssemblyResultsExist) {
  analysis::WeakSeatsAnswer answer = Weak({"BJP", {}, "ls2019", std::nullopt, "weakest", {}});
  int with_assembly = 0;
  for (const analysis::SeatScore& score : answer.seats) {
    if (!score.assembly) continue;
    ++with_assembly;
    EXPECT_GT(score.assembly->segments_with_results, 0);
    EXPECT_LE(std::fabs(score.parts.assembly), 3.0 + 1e-9);
  }
  // 15 states and UTs have licence-clean assembly results: several hundred seats.
  EXPECT_GT(with_assembly, 200);
  EXPECT_LT(with_assembly, 543);
}

TEST(SegmentsTest, TheWeakest160SeatsHoldAboutAThousandSegments) {
  auto answer = analysis::QuerySegments(LoadedDatabase(),
                                        {"INC", {}, "ls2019", std::nullopt, "weakest", 160});
  ASSERT_TRUE(answer.ok()) << answer.status().ToString();
  EXPECT_EQ(answer->seats.seats.size(), 160u);
  EXPECT_GT(answer->segments.size(), 800u);
  EXPECT_LT(answer->segments.size(), 1400u);
  std::set<const geo::Seat*> top;
  for (const analysis::SeatScore& score : answer->seats.seats) top.insert(score.seat);
  for (const analysis::SegmentRow& row : answer->segments) {
    EXPECT_TRUE(top.count(row.seat->seat) == 1);
    EXPECT_EQ(row.segment->seat_number, row.seat->seat->number);
    EXPECT_EQ(row.segment->state_code, row.seat->seat->state_code);
  }
}

TEST(WeakSeatsTest, UnknownNamesFailWithSuggestions) {
  auto party =
      analysis::QueryWeakSeats(LoadedDatabase(), {"BJPP", {}, "ls2019", {}, "weakest", {}});
  ASSERT_FALSE(party.ok());
  EXPECT_NE(party.status().message().find("did you mean BJP"), std::string::npos);
  auto election =
      analysis::QueryWeakSeats(LoadedDatabase(), {"BJP", {}, "ls2091", {}, "weakest", {}});
  ASSERT_FALSE(election.ok());
  EXPECT_NE(election.status().message().find("ls2019"), std::string::npos);
  auto congress = analysis::QueryWeakSeats(
      LoadedDatabase(), {"Indian National Congress", {}, "LS2019", {}, "weakest", 3});
  ASSERT_TRUE(congress.ok()) << congress.status().ToString();
  EXPECT_EQ(congress->request.alliance.front(), "INC");
}

}  // namespace
}  // namespace integration
