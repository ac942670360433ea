// The program's verbs end to end, in process: files, database, exit statuses and messages.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "base/text.h"
#include "cli/command.h"
#include "fakes/temp_dir.h"

namespace integration {
namespace {

struct CliRun {
  int status = 0;
  std::string out;
  std::string err;
};

class CliTest : public ::testing::Test {
 protected:
  CliRun Cli(std::vector<std::string> args) {
    std::ostringstream out;
    std::ostringstream err;
    cli::Io io{out, err, [this](const std::string& name) {
                 auto it = env_.find(name);
                 return it == env_.end() ? std::string() : it->second;
               }};
    int status = cli::RunCli(args, io);
    return {status, out.str(), err.str()};
  }
  CliRun LoadData() {
    return Cli({"data", "load", "--db", db_, "--data", JANSAMPARK_TEST_DATA_DIR});
  }

  fakes::TempDir dir_;
  std::string db_ = dir_.File("test.db");
  std::map<std::string, std::string> env_;
};

TEST_F(CliTest, DataLoadIsIdempotent) {
  CliRun first = LoadData();
  ASSERT_EQ(first.status, 0) << first.err;
  EXPECT_NE(first.out.find("543 seats, 4120 segments"), std::string::npos) << first.out;
  std::string summary_before = Cli({"seats", "summary", "--db", db_, "--format", "csv"}).out;
  CliRun second = LoadData();
  ASSERT_EQ(second.status, 0) << second.err;
  EXPECT_EQ(Cli({"seats", "summary", "--db", db_, "--format", "csv"}).out, summary_before);
}

TEST_F(CliTest, BadDataFileStopsTheLoadAndLeavesTheDatabaseAsItWas) {
  ASSERT_EQ(LoadData().status, 0);
  std::string before = Cli({"seats", "weak", "--db", db_, "--party", "BJP", "--format", "csv"}).out;
  ASSERT_FALSE(before.empty());

  // A copy of the data whose 2019 results have a non-numeric vote count on line 2.
  std::filesystem::path bad = dir_.path() / "bad";
  std::filesystem::copy(JANSAMPARK_TEST_DATA_DIR, bad);
  std::filesystem::path results = bad / "ls2019_candidates.csv";
  std::ifstream in(results);
  std::stringstream text;
  text << in.rdbuf();
  in.close();
  std::string content = text.str();
  std::size_t votes_at = content.find(",562190,");  // Araku's winner, the first record
  ASSERT_NE(votes_at, std::string::npos);
  ASSERT_LT(votes_at, content.find('\n', content.find('\n') + 1));
  content.replace(votes_at, 8, ",56x190,");
  std::ofstream(results, std::ios::trunc) << content;

  CliRun failed = Cli({"data", "load", "--db", db_, "--data", bad.string()});
  EXPECT_NE(failed.status, 0);
  EXPECT_NE(failed.err.find("ls2019_candidates.csv"), std::string::npos) << failed.err;
  EXPECT_NE(failed.err.find("line 2"), std::string::npos) << failed.err;
  EXPECT_NE(failed.err.find("56x190"), std::string::npos) << failed.err;
  EXPECT_EQ(Cli({"seats", "weak", "--db", db_, "--party", "BJP", "--format", "csv"}).out, before);
}

TEST_F(CliTest, MissingDataFolderIsAClearError) {
  CliRun run = Cli({"data", "load", "--db", db_, "--data", dir_.File("nowhere")});
  EXPECT_NE(run.status, 0);
  EXPECT_NE(run.err.find("nowhere"), std::string::npos) << run.err;
}

TEST_F(CliTest, WeakSeatsAsJsonTableAndCsv) {
  ASSERT_EQ(LoadData().status, 0);
  CliRun json_run = Cli({"seats", "weak", "--db", db_, "--party", "INC", "--baseline", "ls2014",
                         "--top", "5", "--format", "json"});
  ASSERT_EQ(json_run.status, 0) << json_run.err;
  nlohmann::json body = nlohmann::json::parse(json_run.out);
  EXPECT_EQ(body["party"], "INC");
  EXPECT_EQ(body["count"], 5);
  EXPECT_EQ(body["seats"][0]["rank"], 1);
  EXPECT_TRUE(body["seats"][0].contains("reason"));

  CliRun table = Cli({"seats", "weak", "--db", db_, "--party", "INC", "--top", "3"});
  ASSERT_EQ(table.status, 0) << table.err;
  EXPECT_NE(table.out.find("strength"), std::string::npos);
  EXPECT_EQ(std::count(table.out.begin(), table.out.end(), '\n'), 5);  // title, header, 3 rows

  CliRun csv = Cli({"seats", "weak", "--db", db_, "--party", "INC", "--mode", "battleground",
                    "--format", "csv"});
  ASSERT_EQ(csv.status, 0);
  EXPECT_EQ(std::count(csv.out.begin(), csv.out.end(), '\n'), 544);  // header + 543 seats
}

TEST_F(CliTest, SegmentsOfTheWeakestSeats) {
  ASSERT_EQ(LoadData().status, 0);
  CliRun run =
      Cli({"seats", "segments", "--db", db_, "--party", "BJP", "--top", "10", "--format", "json"});
  ASSERT_EQ(run.status, 0) << run.err;
  nlohmann::json body = nlohmann::json::parse(run.out);
  EXPECT_EQ(body["seat_count"], 10);
  EXPECT_GT(body["count"].get<int>(), 10);
  EXPECT_EQ(body["segments"][0]["seat_rank"], 1);
}

TEST_F(CliTest, UnknownPartyElectionFlagOrFormatExitsTwoWithASuggestion) {
  ASSERT_EQ(LoadData().status, 0);
  CliRun party = Cli({"seats", "weak", "--db", db_, "--party", "BJPP"});
  EXPECT_EQ(party.status, 2);
  EXPECT_NE(party.err.find("did you mean BJP"), std::string::npos) << party.err;
  CliRun election = Cli({"seats", "weak", "--db", db_, "--party", "BJP", "--election", "ls2091"});
  EXPECT_EQ(election.status, 2);
  EXPECT_NE(election.err.find("ls2019"), std::string::npos) << election.err;
  CliRun flag = Cli({"seats", "weak", "--db", db_, "--partyy", "BJP"});
  EXPECT_EQ(flag.status, 2);
  EXPECT_NE(flag.err.find("--party"), std::string::npos) << flag.err;
  CliRun format = Cli({"seats", "summary", "--db", db_, "--format", "jsn"});
  EXPECT_EQ(format.status, 2);
  EXPECT_NE(format.err.find("json"), std::string::npos);
  CliRun later = Cli({"seats", "weak", "--db", db_, "--party", "BJP", "--election", "ls2014",
                      "--baseline", "ls2019"});
  EXPECT_EQ(later.status, 2);
  EXPECT_NE(later.err.find("earlier"), std::string::npos) << later.err;
  CliRun top = Cli({"seats", "weak", "--db", db_, "--party", "BJP", "--top", "0"});
  EXPECT_EQ(top.status, 2);
  CliRun verb = Cli({"seat", "weak"});
  EXPECT_EQ(verb.status, 2);
  EXPECT_NE(verb.err.find("seats weak"), std::string::npos) << verb.err;
}

TEST_F(CliTest, ReadingANonexistentDatabaseSaysHowToCreateIt) {
  CliRun run = Cli({"seats", "weak", "--db", dir_.File("none.db"), "--party", "BJP"});
  EXPECT_EQ(run.status, 1);
  EXPECT_NE(run.err.find("jansampark data load"), std::string::npos) << run.err;
  EXPECT_FALSE(std::filesystem::exists(dir_.File("none.db")));
}

TEST_F(CliTest, DatabaseComesFromTheEnvironmentWhenNoFlagIsGiven) {
  env_["JANSAMPARK_DB"] = db_;
  ASSERT_EQ(Cli({"data", "load", "--data", JANSAMPARK_TEST_DATA_DIR}).status, 0);
  EXPECT_TRUE(std::filesystem::exists(db_));
  EXPECT_EQ(Cli({"seats", "summary"}).status, 0);
}

TEST_F(CliTest, DialerSimulateReportsADayAsJsonOrATable) {
  CliRun json_run = Cli({"dialer", "simulate", "--agents", "5", "--hours", "0.5", "--mode",
                         "power:2", "--seed", "3", "--format", "json"});
  ASSERT_EQ(json_run.status, 0) << json_run.err;
  nlohmann::json body = nlohmann::json::parse(json_run.out);
  EXPECT_EQ(body["mode"], "power:2");
  EXPECT_EQ(body["seed"], 3);
  EXPECT_EQ(body["connected"].get<int>() + body["abandoned"].get<int>(),
            body["answered_human"].get<int>());
  CliRun table = Cli({"dialer", "simulate", "--agents", "5", "--hours", "0.5"});
  ASSERT_EQ(table.status, 0) << table.err;
  EXPECT_NE(table.out.find("contacts_per_agent_hour"), std::string::npos);
}

TEST_F(CliTest, DialerSimulateRefusesBadFlags) {
  EXPECT_EQ(Cli({"dialer", "simulate", "--agents", "2.5"}).status, 2);
  EXPECT_EQ(Cli({"dialer", "simulate", "--mode", "predictiv"}).status, 2);
  EXPECT_EQ(Cli({"dialer", "simulate", "--answer-rate", "1.5"}).status, 2);
  EXPECT_EQ(Cli({"dialer", "simulate", "--aht", "-5"}).status, 2);
  EXPECT_EQ(Cli({"dialer", "simulate", "--seed", "-1"}).status, 2);
  EXPECT_EQ(Cli({"dialer", "simulate", "--agent", "5"}).status, 2);
}

TEST_F(CliTest, HelpListsEveryCommandAndEveryCommandHasHelp) {
  CliRun help = Cli({"help"});
  EXPECT_EQ(help.status, 0);
  for (const cli::Command& command : cli::AllCommands()) {
    EXPECT_NE(help.out.find(command.name), std::string::npos) << command.name;
    std::vector<std::string> args = base::Split(command.name, ' ');
    args.push_back("--help");
    CliRun command_help = Cli(args);
    EXPECT_EQ(command_help.status, 0) << command.name;
    EXPECT_NE(command_help.out.find("usage: jansampark " + command.name), std::string::npos);
  }
  EXPECT_EQ(Cli({"seats", "weak", "--explain"}).out.find("Seat strength, version 1"), 0u);
}

}  // namespace
}  // namespace integration
