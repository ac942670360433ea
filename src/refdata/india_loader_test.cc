#include "refdata/india_loader.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <unistd.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <map>
#include <string>
#include <vector>

#include "base/text.h"

namespace refdata {
namespace {

using ::testing::ElementsAre;
using ::testing::HasSubstr;

const results::ElectionResults* FindElection(const results::ReferenceData& data,
                                             const std::string& id) {
  for (const results::ElectionResults& election : data.elections) {
    if (election.election.id == id) {
      return &election;
    }
  }
  return nullptr;
}

std::map<std::string, int> SeatsWonByParty(const results::ElectionResults& election) {
  std::map<std::string, int> won;
  for (const results::CandidateVotes& votes : election.votes) {
    if (votes.position == 1) {
      ++won[votes.party];
    }
  }
  return won;
}

std::size_t ConstituencyCount(const results::ElectionResults& election) {
  std::vector<std::pair<std::string, int>> keys;
  for (const results::CandidateVotes& votes : election.votes) {
    keys.emplace_back(votes.state_code, votes.number);
  }
  std::sort(keys.begin(), keys.end());
  return static_cast<std::size_t>(std::unique(keys.begin(), keys.end()) - keys.begin());
}

std::vector<std::string> ElectionIds(const results::ReferenceData& data) {
  std::vector<std::string> ids;
  for (const results::ElectionResults& election : data.elections) {
    ids.push_back(election.election.id);
  }
  return ids;
}

// The bundled data folder, loaded once per test process.
const base::Result<results::ReferenceData>& Bundled() {
  static const base::Result<results::ReferenceData> data = LoadIndiaData(JANSAMPARK_TEST_DATA_DIR);
  return data;
}

TEST(BundledIndiaDataTest, LoadsEveryStateSeatAndSegment) {
  ASSERT_TRUE(Bundled().ok()) << Bundled().status().ToString();
  const results::ReferenceData& data = *Bundled();
  EXPECT_EQ(data.states.size(), 36U);
  EXPECT_EQ(data.seats.size(), 543U);
  EXPECT_EQ(data.segments.size(), 4120U);
  EXPECT_EQ(data.parties.size(), 592U);
}

TEST(BundledIndiaDataTest, StatesCarryCountsAndLanguages) {
  ASSERT_TRUE(Bundled().ok()) << Bundled().status().ToString();
  const std::vector<geo::State>& states = Bundled()->states;
  auto madhya_pradesh = std::find_if(states.begin(), states.end(),
                                     [](const geo::State& state) { return state.code == "S12"; });
  ASSERT_NE(madhya_pradesh, states.end());
  EXPECT_EQ(madhya_pradesh->name, "Madhya Pradesh");
  EXPECT_EQ(madhya_pradesh->kind, geo::StateKind::kState);
  EXPECT_EQ(madhya_pradesh->seat_count, 29);
  EXPECT_EQ(madhya_pradesh->segment_count, 230);
  EXPECT_THAT(madhya_pradesh->official_languages, ElementsAre("hi"));
  EXPECT_EQ(states.back().code, "U07");
  EXPECT_EQ(states.back().kind, geo::StateKind::kUnionTerritory);
}

TEST(BundledIndiaDataTest, Ls2019WinnersMatchOfficialTotals) {
  ASSERT_TRUE(Bundled().ok()) << Bundled().status().ToString();
  const results::ElectionResults* ls2019 = FindElection(*Bundled(), "ls2019");
  ASSERT_NE(ls2019, nullptr);
  EXPECT_EQ(ls2019->election.kind, results::ElectionKind::kLokSabha);
  EXPECT_EQ(ls2019->election.year, 2019);
  EXPECT_EQ(ConstituencyCount(*ls2019), 543U);
  std::map<std::string, int> won = SeatsWonByParty(*ls2019);
  EXPECT_EQ(won["BJP"], 303);
  EXPECT_EQ(won["INC"], 52);
  EXPECT_EQ(won["DMK"], 24);
}

TEST(BundledIndiaDataTest, Ls2014FullPartyNamesBecomeCodes) {
  ASSERT_TRUE(Bundled().ok()) << Bundled().status().ToString();
  const results::ElectionResults* ls2014 = FindElection(*Bundled(), "ls2014");
  ASSERT_NE(ls2014, nullptr);
  EXPECT_EQ(ls2014->election.year, 2014);
  EXPECT_EQ(ConstituencyCount(*ls2014), 543U);
  std::map<std::string, int> won = SeatsWonByParty(*ls2014);
  EXPECT_EQ(won["BJP"], 282);
  EXPECT_EQ(won["INC"], 44);
  EXPECT_EQ(won["ADMK"], 37);
  EXPECT_EQ(won["AITC"], 34);
  long nota_rows = std::count_if(ls2014->votes.begin(), ls2014->votes.end(),
                                 [](const auto& votes) { return votes.party == results::kNota; });
  EXPECT_EQ(nota_rows, 543);
}

TEST(BundledIndiaDataTest, ElectionsComeLokSabhaFirstThenAssemblyByYear) {
  ASSERT_TRUE(Bundled().ok()) << Bundled().status().ToString();
  EXPECT_THAT(ElectionIds(*Bundled()),
              ElementsAre("ls2014", "ls2019", "ae2017", "ae2018", "ae2021", "ae2023"));
  const results::ElectionResults* ae2021 = FindElection(*Bundled(), "ae2021");
  ASSERT_NE(ae2021, nullptr);
  EXPECT_EQ(ae2021->election.kind, results::ElectionKind::kAssembly);
  EXPECT_EQ(ae2021->election.year, 2021);
}

// A small valid data folder written to a temporary directory; each test breaks one line.
class IndiaLoaderTest : public ::testing::Test {
 protected:
  void SetUp() override {
    const auto* info = ::testing::UnitTest::GetInstance()->current_test_info();
    dir_ = std::filesystem::path(::testing::TempDir()) /
           ("refdata_" + std::string(info->name()) + "_" + std::to_string(::getpid()));
    std::filesystem::create_directories(dir_);
    files_ = {
        {"states.csv",
         "state_code,state_name,abbr,type,n_pc,n_ac,has_assembly\n"
         "S01,Alpha,AL,State,2,3,1\n"
         "U01,Beta Islands,BI,UT,1,0,0\n"},
        {"state_languages.csv",
         "state_code,state_name,official_languages,additional_official_languages,notes\n"
         "S01,Alpha,te:Telugu;ur:Urdu,und:Gurung; und:Rai ;en:English,\n"
         "U01,Beta Islands,,,\"no Act; none\"\n"},
        {"pc.csv",
         "state_code,state_name,pc_no,pc_name,reservation,pc_name_hi\n"
         "S01,Alpha,1,Araku,ST,अराकु\n"
         "S01,Alpha,2,Srikakulam,GEN,\n"
         "U01,Beta Islands,1,Beta,GEN,\n"},
        {"ac.csv",
         "state_code,ac_no,ac_name,reservation,pc_no,electors_roll_2014\n"
         "S01,1,ONE,GEN,1,215700\n"
         "S01,2,TWO,BL,1,\n"
         "S01,3,THREE,SC,2,100\n"},
        {"parties.csv",
         "party,party_name,ls2019_abbr,ls2014_name,aliases\n"
         "BJP,Bharatiya Janata Party,BJP,Bharatiya Janata Party,\n"
         "INC,Indian National Congress,INC,Indian National Congress,Congress; INC(I) ;\n"
         "ADMK,All India Anna Dravida Munnetra Kazhagam,AIADMK,,\n"
         "IND,Independent,IND,Independent,\n"
         "NOTA,None of the Above,NOTA,None of the Above,\n"},
        {"ls2019_candidates.csv",
         "state_code,pc_no,position,candidate,party,total_votes,is_winner\n"
         "S01,1,1,A ONE,BJP,500,1\n"
         "S01,1,2,A TWO,INC,400,0\n"
         "S01,1,,NOTA,NOTA,10,0\n"
         "S01,2,1,B ONE,INC,700,1\n"
         "U01,1,1,C ONE,BJP,50,1\n"},
        {"ls2014_candidates.csv",
         "state_code,pc_no,state_code_2014,pc_no_2014,position,candidate,party,votes,is_winner\n"
         "S01,1,S01,18,1,A ONE,bharatiya janata party,500,1\n"
         "S01,1,S01,18,2,A TWO,Congress,400,0\n"
         "S01,1,S01,18,,None of the Above,None of the Above,10,0\n"
         "S01,2,S01,19,1,B ONE,All India Anna Dravida Munnetra Kazhagam,700,1\n"
         "S01,2,S01,19,2,B TWO,Independent,100,0\n"
         "U01,1,U01,1,1,C ONE,Some Minor Party,50,1\n"},
        {"assembly_results.csv",
         "state_code,ac_no,election,year,position,candidate,party,votes,is_winner\n"
         "S01,1,AE2023,2023,1,X,INC,10,1\n"
         "S01,1,AE2023,2023,2,Y,BJP,5,0\n"
         "S01,1,AE2023,2023,,NOTA,NOTA,1,0\n"
         "S01,1,AE2018,2018,1,Z,BJP,9,1\n"
         "S01,2,AE2018,2018,1,W,Minor Front,9,1\n"},
    };
  }

  void TearDown() override {
    std::error_code ignored;
    std::filesystem::remove_all(dir_, ignored);
  }

  // Replaces line `line` (1-based, the header is line 1) of `file`.
  void ReplaceLine(const std::string& file, int line, const std::string& text) {
    std::vector<std::string> lines = base::Split(files_.at(file), '\n');
    ASSERT_LT(line, static_cast<int>(lines.size()));
    lines[line - 1] = text;
    files_[file] = base::Join(lines, "\n");
  }

  base::Result<results::ReferenceData> Load() {
    for (const auto& [name, text] : files_) {
      std::ofstream(dir_ / name, std::ios::binary) << text;
    }
    return LoadIndiaData(dir_.string());
  }

  // Expects the load to fail with kInvalidArgument and a message holding `message`.
  void ExpectInvalid(const std::string& message) {
    base::Result<results::ReferenceData> data = Load();
    ASSERT_FALSE(data.ok());
    EXPECT_EQ(data.status().code(), base::StatusCode::kInvalidArgument);
    EXPECT_THAT(data.status().message(), HasSubstr(message));
  }

  std::filesystem::path dir_;
  std::map<std::string, std::string> files_;
};

TEST_F(IndiaLoaderTest, LoadsAValidFolder) {
  base::Result<results::ReferenceData> data = Load();
  ASSERT_TRUE(data.ok()) << data.status().ToString();
  ASSERT_EQ(data->states.size(), 2U);
  EXPECT_EQ(data->states[0].seat_count, 2);
  EXPECT_TRUE(data->states[0].has_assembly);
  EXPECT_EQ(data->states[1].kind, geo::StateKind::kUnionTerritory);
  EXPECT_THAT(data->states[0].official_languages, ElementsAre("te", "ur"));
  EXPECT_THAT(data->states[0].additional_languages, ElementsAre("und", "en"));
  EXPECT_TRUE(data->states[1].official_languages.empty());

  ASSERT_EQ(data->seats.size(), 3U);
  EXPECT_EQ(data->seats[0].name_hi, "अराकु");
  EXPECT_EQ(data->seats[0].reservation, "ST");
  ASSERT_EQ(data->segments.size(), 3U);
  EXPECT_EQ(data->segments[1].reservation, "BL");
  EXPECT_EQ(data->segments[1].electors_2014, 0);
  EXPECT_EQ(data->segments[2].seat_number, 2);

  ASSERT_EQ(data->parties.size(), 5U);
  EXPECT_THAT(data->parties[1].aliases, ElementsAre("Congress", "INC(I)"));
  EXPECT_THAT(data->parties[2].aliases, ElementsAre("AIADMK"));
  EXPECT_THAT(ElectionIds(*data), ElementsAre("ls2014", "ls2019", "ae2018", "ae2023"));
  EXPECT_EQ(data->elections[2].election.kind, results::ElectionKind::kAssembly);
  EXPECT_EQ(data->elections[2].election.year, 2018);
}

TEST_F(IndiaLoaderTest, MapsLs2014NamesToCodesAndKeepsUnknownOnes) {
  base::Result<results::ReferenceData> data = Load();
  ASSERT_TRUE(data.ok()) << data.status().ToString();
  std::vector<std::string> parties;
  for (const results::CandidateVotes& votes : data->elections[0].votes) {
    parties.push_back(votes.party);
  }
  EXPECT_THAT(parties, ElementsAre("BJP", "INC", "NOTA", "ADMK", "IND", "Some Minor Party"));
  EXPECT_EQ(data->elections[0].votes[2].position, 0);
}

TEST_F(IndiaLoaderTest, MissingFileIsNotFoundAndNamesThePath) {
  files_.erase("ac.csv");
  base::Result<results::ReferenceData> data = Load();
  ASSERT_FALSE(data.ok());
  EXPECT_EQ(data.status().code(), base::StatusCode::kNotFound);
  EXPECT_THAT(data.status().message(), HasSubstr((dir_ / "ac.csv").string()));
}

TEST_F(IndiaLoaderTest, MissingFolderIsNotFound) {
  base::Result<results::ReferenceData> data = LoadIndiaData((dir_ / "nowhere").string());
  ASSERT_FALSE(data.ok());
  EXPECT_EQ(data.status().code(), base::StatusCode::kNotFound);
}

TEST_F(IndiaLoaderTest, MissingColumnNamesFileAndColumn) {
  ReplaceLine("pc.csv", 1, "state_code,state_name,pc_no,pc_name,reserved,pc_name_hi");
  ExpectInvalid("pc.csv: line 1: missing column 'reservation'");
}

TEST_F(IndiaLoaderTest, NonNumericVotesNameFileAndLine) {
  ReplaceLine("ls2019_candidates.csv", 3, "S01,1,2,A TWO,INC,4o0,0");
  ExpectInvalid("ls2019_candidates.csv: line 3: votes '4o0' is not a whole number");
}

TEST_F(IndiaLoaderTest, NegativeVotesAreRejected) {
  ReplaceLine("assembly_results.csv", 3, "S01,1,AE2023,2023,2,Y,BJP,-5,0");
  ExpectInvalid("assembly_results.csv: line 3: votes -5 is less than 0");
}

TEST_F(IndiaLoaderTest, SegmentOfAnUnknownSeat) {
  ReplaceLine("ac.csv", 4, "S01,3,THREE,SC,9,100");
  ExpectInvalid("ac.csv: line 4: seat S01-9 is not in pc.csv");
}

TEST_F(IndiaLoaderTest, UnknownStateInAResultsFile) {
  ReplaceLine("assembly_results.csv", 6, "S99,2,AE2018,2018,1,W,BJP,9,1");
  ExpectInvalid("assembly_results.csv: line 6: state code 'S99' is not in states.csv");
}

TEST_F(IndiaLoaderTest, UnknownStateInStateLanguages) {
  ReplaceLine("state_languages.csv", 3, "U09,Gamma,en:English,,");
  ExpectInvalid("state_languages.csv: line 3: state code 'U09' is not in states.csv");
}

TEST_F(IndiaLoaderTest, ResultsForAnUnknownSeatOrSegment) {
  ReplaceLine("ls2014_candidates.csv", 7, "U01,2,U01,1,1,C ONE,Some Minor Party,50,1");
  ExpectInvalid("ls2014_candidates.csv: line 7: seat U01-2 is not in pc.csv");
  ReplaceLine("ls2014_candidates.csv", 7, "U01,1,U01,1,1,C ONE,Some Minor Party,50,1");
  ReplaceLine("assembly_results.csv", 6, "S01,4,AE2018,2018,1,W,BJP,9,1");
  ExpectInvalid("assembly_results.csv: line 6: segment S01-AC-4 is not in ac.csv");
}

TEST_F(IndiaLoaderTest, DuplicateSeat) {
  ReplaceLine("pc.csv", 3, "S01,Alpha,1,Srikakulam,GEN,");
  ExpectInvalid("pc.csv: line 3: seat S01-1 appears twice");
}

TEST_F(IndiaLoaderTest, DuplicatePartyCode) {
  ReplaceLine("parties.csv", 5, "INC,Independent,IND,Independent,");
  ExpectInvalid("parties.csv: line 5: party code 'INC' appears twice");
}

TEST_F(IndiaLoaderTest, SeatCountDisagreesWithStates) {
  ReplaceLine("states.csv", 2, "S01,Alpha,AL,State,3,3,1");
  ExpectInvalid("pc.csv: state S01 (Alpha) has 2 seats but states.csv gives n_pc 3");
}

TEST_F(IndiaLoaderTest, SegmentCountDisagreesWithStates) {
  ReplaceLine("states.csv", 2, "S01,Alpha,AL,State,2,4,1");
  ExpectInvalid("ac.csv: state S01 (Alpha) has 3 segments but states.csv gives n_ac 4");
}

TEST_F(IndiaLoaderTest, UnknownReservation) {
  ReplaceLine("ac.csv", 4, "S01,3,THREE,OBC,2,100");
  ExpectInvalid("ac.csv: line 4: reservation 'OBC' is not one of GEN, SC, ST, BL, SANGHA");
}

TEST_F(IndiaLoaderTest, SeatsTakeNoSegmentOnlyReservation) {
  ReplaceLine("pc.csv", 3, "S01,Alpha,2,Srikakulam,BL,");
  ExpectInvalid("pc.csv: line 3: reservation 'BL' is not one of GEN, SC, ST");
}

TEST_F(IndiaLoaderTest, TwoWinnersInOneConstituency) {
  ReplaceLine("ls2019_candidates.csv", 3, "S01,1,2,A TWO,INC,400,1");
  ExpectInvalid("ls2019_candidates.csv: line 3: seat S01-1 has a second winner");
}

TEST_F(IndiaLoaderTest, WinnerOutsidePositionOne) {
  ReplaceLine("assembly_results.csv", 2, "S01,1,AE2023,2023,1,X,INC,10,0");
  ReplaceLine("assembly_results.csv", 3, "S01,1,AE2023,2023,2,Y,BJP,5,1");
  ExpectInvalid("assembly_results.csv: line 3: the winner of segment S01-AC-1 has position 2");
}

TEST_F(IndiaLoaderTest, RepeatedPositionInOneConstituency) {
  ReplaceLine("ls2019_candidates.csv", 3, "S01,1,1,A TWO,INC,400,0");
  ExpectInvalid("ls2019_candidates.csv: line 3: seat S01-1 has position 1 twice");
}

TEST_F(IndiaLoaderTest, BlankPositionOnlyForNota) {
  ReplaceLine("ls2019_candidates.csv", 3, "S01,1,,A TWO,INC,400,0");
  ExpectInvalid("ls2019_candidates.csv: line 3: position is blank for party 'INC'");
}

TEST_F(IndiaLoaderTest, OneElectionHasOneYear) {
  ReplaceLine("assembly_results.csv", 3, "S01,1,AE2023,2022,2,Y,BJP,5,0");
  ExpectInvalid("assembly_results.csv: line 3: election AE2023 is in year 2022");
}

TEST_F(IndiaLoaderTest, MalformedLanguageCode) {
  ReplaceLine("state_languages.csv", 2, "S01,Alpha,Telugu,,");
  ExpectInvalid("state_languages.csv: line 2: official_languages: 'Telugu' does not start");
}

TEST_F(IndiaLoaderTest, MalformedCsvNamesFileAndLine) {
  ReplaceLine("ac.csv", 3, "S01,2,TWO,BL,1");
  ExpectInvalid("ac.csv: line 3: expected 6 fields, found 5");
}

}  // namespace
}  // namespace refdata
