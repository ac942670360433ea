// `jansampark agents add|list|show|remove` end to end, in process, on a file database with the
// bundled reference data and the synthetic example roster.
#include <gtest/gtest.h>

#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "cli/command.h"
#include "fakes/temp_dir.h"

namespace integration {
namespace {

struct CliRun {
  int status = 0;
  std::string out;
  std::string err;
};

class AgentsCliTest : public ::testing::Test {
 protected:
  void SetUp() override {
    ASSERT_EQ(Cli({"data", "load", "--data", JANSAMPARK_TEST_DATA_DIR}).status, 0);
  }

  CliRun Cli(std::vector<std::string> args) {
    args.insert(args.end(), {"--db", db_});
    std::ostringstream out;
    std::ostringstream err;
    cli::Io io{out, err, [](const std::string&) { return std::string(); }};
    int status = cli::RunCli(args, io);
    return {status, out.str(), err.str()};
  }
  std::string Write(const std::string& text) {
    std::string path = dir_.File("agents.json");
    std::ofstream(path) << text;
    return path;
  }

  fakes::TempDir dir_;
  std::string db_ = dir_.File("agents.db");
};

TEST_F(AgentsCliTest, TheExampleRosterIsAddedListedShownAndRemoved) {
  std::string example = std::string(JANSAMPARK_EXAMPLES_DIR) + "/agents.json";
  CliRun added = Cli({"agents", "add", example});
  ASSERT_EQ(added.status, 0) << added.err;
  EXPECT_NE(added.out.find("added 3 agent(s)"), std::string::npos) << added.out;

  CliRun listed = Cli({"agents", "list", "--format", "json"});
  ASSERT_EQ(listed.status, 0) << listed.err;
  nlohmann::json roster = nlohmann::json::parse(listed.out);
  ASSERT_EQ(roster["count"], 3);
  EXPECT_EQ(roster["agents"][2]["id"], "a-lko-01");
  EXPECT_EQ(roster["agents"][2]["state"], "S24") << "UP, stored as its code";
  EXPECT_EQ(roster["agents"][1]["state"], "U05") << "DL, stored as its code";

  CliRun shown = Cli({"agents", "show", "a-lko-01"});
  ASSERT_EQ(shown.status, 0) << shown.err;
  EXPECT_NE(shown.out.find("seats:     S24-35"), std::string::npos) << shown.out;

  ASSERT_EQ(Cli({"agents", "remove", "a-lko-01"}).status, 0);
  CliRun gone = Cli({"agents", "show", "a-lko-01"});
  EXPECT_EQ(gone.status, 1);
  EXPECT_NE(gone.err.find("no agent 'a-lko-01'"), std::string::npos) << gone.err;
  EXPECT_EQ(Cli({"agents", "remove", "a-lko-01"}).status, 1);
}

TEST_F(AgentsCliTest, ABadAgentIsNamedWithItsFileAndFieldAndNothingIsAdded) {
  std::string path = Write(R"([
    {"id": "ok-1", "name": "Synthetic", "languages": ["hi"], "state": "UP",
     "phone": "+919000000101"},
    {"id": "bad-1", "name": "Synthetic", "languages": ["hi"], "state": "UP",
     "seats": ["S22-1"], "phone": "+919000000102"}])");
  CliRun run = Cli({"agents", "add", path});
  EXPECT_EQ(run.status, 2);
  EXPECT_NE(run.err.find(path + ": agent 'bad-1': seat 'S22-1' is not a Lok Sabha seat of S24"),
            std::string::npos)
      << run.err;
  EXPECT_NE(Cli({"agents", "list"}).out.find("no agents"), std::string::npos);

  run = Cli({"agents", "add", Write(R"([{"id": "x", "name": "n", "languages": ["hi"],
                                         "state": "UP", "phone": "98"}])")});
  EXPECT_EQ(run.status, 2);
  EXPECT_NE(run.err.find("[0].phone: '98' is not an E.164 number"), std::string::npos) << run.err;
  EXPECT_EQ(Cli({"agents", "add", dir_.File("missing.json")}).status, 2);
}

}  // namespace
}  // namespace integration
