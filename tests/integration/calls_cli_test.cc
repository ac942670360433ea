// `calls list` end to end, in process: records written through the store, read by the verb.
#include <gtest/gtest.h>

#include <filesystem>
#include <nlohmann/json.hpp>
#include <sstream>

#include "cli/command.h"
#include "fakes/temp_dir.h"
#include "store/store.h"

namespace integration {
namespace {

struct CliRun {
  int status = 0;
  std::string out;
  std::string err;
};

// 2026-01-01T00:00:00Z
const base::TimePoint kNewYear = base::TimePoint(std::chrono::seconds(1'767'225'600));

class CallsCliTest : public ::testing::Test {
 protected:
  void SetUp() override {
    base::Result<std::unique_ptr<store::Database>> db = store::OpenDatabase(db_);
    ASSERT_TRUE(db.ok()) << db.status().ToString();
    store::CallRecord missed;
    missed.direction = "inbound";
    missed.kind = "missed_call";
    missed.from = "+919000000001";  // synthetic
    missed.to = "+917000000001";
    missed.campaign_id = "callback-test";
    missed.started_at = kNewYear + std::chrono::hours(4);  // 09:30 IST
    missed.outcome = "missed_call";
    ASSERT_TRUE((*db)->call_records().AddCallRecord(missed).ok());
    store::CallRecord helpline = missed;
    helpline.kind = "helpline";
    helpline.campaign_id = "";
    helpline.to = "+911800000001";
    helpline.state = "S01";
    helpline.language = "hi";
    helpline.started_at = kNewYear + std::chrono::hours(5);
    helpline.answered_at = helpline.started_at + std::chrono::seconds(2);
    helpline.connected_at = helpline.started_at + std::chrono::seconds(40);
    helpline.ended_at = helpline.started_at + std::chrono::seconds(300);
    helpline.agent_id = "agent-1";
    helpline.outcome = "talked";
    helpline.recording = "recordings/helpline-test/call-9.wav";
    ASSERT_TRUE((*db)->call_records().AddCallRecord(helpline).ok());
  }

  CliRun Calls(std::vector<std::string> args) {
    args.insert(args.begin(), {"calls", "list"});
    args.insert(args.end(), {"--db", db_});
    std::ostringstream out;
    std::ostringstream err;
    cli::Io io{out, err, [](const std::string&) { return std::string(); }};
    int status = cli::RunCli(args, io);
    return {status, out.str(), err.str()};
  }

  fakes::TempDir dir_;
  std::string db_ = dir_.File("calls.db");
};

TEST_F(CallsCliTest, ListsNewestFirstAsATableInIst) {
  CliRun run = Calls({});
  ASSERT_EQ(run.status, 0) << run.err;
  std::size_t helpline = run.out.find("helpline");
  std::size_t missed = run.out.find("missed_call");
  ASSERT_NE(helpline, std::string::npos) << run.out;
  ASSERT_NE(missed, std::string::npos) << run.out;
  EXPECT_LT(helpline, missed) << run.out;
  EXPECT_NE(run.out.find("2026-01-01 09:30 IST"), std::string::npos) << run.out;
  EXPECT_NE(run.out.find("callback-test"), std::string::npos) << run.out;
}

TEST_F(CallsCliTest, FiltersByKindSinceAndLimit) {
  CliRun missed = Calls({"--kind", "missed_call", "--format", "csv"});
  ASSERT_EQ(missed.status, 0) << missed.err;
  EXPECT_EQ(missed.out,
            "id,started_at,kind,direction,from,to,campaign,state,language,agent,outcome,"
            "answered_after_s,duration_s,recording\n"
            "1,2026-01-01T04:00:00Z,missed_call,inbound,+919000000001,+917000000001,"
            "callback-test,,,,missed_call,,,\n");
  CliRun since = Calls({"--since", "2026-01-01T10:00:00+05:30", "--format", "csv"});
  ASSERT_EQ(since.status, 0) << since.err;
  EXPECT_NE(since.out.find("\n2,2026-01-01T05:00:00Z,helpline"), std::string::npos) << since.out;
  EXPECT_EQ(since.out.find("missed_call"), std::string::npos) << since.out;
  CliRun one = Calls({"--limit", "1", "--format", "json"});
  ASSERT_EQ(one.status, 0) << one.err;
  nlohmann::json body = nlohmann::json::parse(one.out);
  EXPECT_EQ(body["count"], 1);
  EXPECT_EQ(body["calls"][0]["kind"], "helpline");
  EXPECT_EQ(body["calls"][0]["connected_at"], "2026-01-01T05:00:40Z");
  EXPECT_EQ(body["calls"][0]["recording"], "recordings/helpline-test/call-9.wav");
  CliRun none = Calls({"--kind", "campaign"});
  ASSERT_EQ(none.status, 0) << none.err;
  EXPECT_EQ(none.out, "no calls recorded of kind campaign\n");
}

TEST_F(CallsCliTest, BadFlagsExitTwoNamingTheFlag) {
  for (const auto& [flags, named] : std::vector<std::pair<std::vector<std::string>, std::string>>{
           {{"--kind", "missed"}, "--kind: unknown kind 'missed'; did you mean missed_call?"},
           {{"--since", "yesterday"}, "--since 'yesterday' is not a date or time"},
           {{"--limit", "0"}, "--limit must be from 1 to 1000, not 0"},
           {{"--limit", "lots"}, "--limit 'lots' is not a whole number"},
           {{"--format", "xml"}, "unknown format 'xml'"}}) {
    CliRun run = Calls(flags);
    EXPECT_EQ(run.status, 2) << named;
    EXPECT_NE(run.err.find(named), std::string::npos) << run.err;
    EXPECT_TRUE(run.out.empty()) << run.out;
  }
}

TEST_F(CallsCliTest, AMissingDatabaseIsNotCreated) {
  std::ostringstream out;
  std::ostringstream err;
  cli::Io io{out, err, [](const std::string&) { return std::string(); }};
  std::string missing = dir_.File("missing.db");
  EXPECT_NE(cli::RunCli({"calls", "list", "--db", missing}, io), 0);
  EXPECT_FALSE(std::filesystem::exists(missing));
}

}  // namespace
}  // namespace integration
