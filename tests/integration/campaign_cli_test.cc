// The `campaign` verbs end to end, in process: files, database, exit statuses and messages.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "cli/command.h"
#include "fakes/temp_dir.h"
#include "telephony/rtp/wav_test_util.h"

namespace integration {
namespace {

struct CliRun {
  int status = 0;
  std::string out;
  std::string err;
};

const std::string kVolunteers = std::string(JANSAMPARK_EXAMPLES_DIR) + "/campaigns/volunteers.json";
const std::string kHelpline = std::string(JANSAMPARK_EXAMPLES_DIR) + "/campaigns/helpline.json";
const std::string kBroadcast =
    std::string(JANSAMPARK_EXAMPLES_DIR) + "/campaigns/rally-broadcast.json";

class CampaignCliTest : public ::testing::Test {
 protected:
  CliRun Cli(std::vector<std::string> args) {
    std::ostringstream out;
    std::ostringstream err;
    cli::Io io{out, err, [](const std::string&) { return std::string(); }};
    int status = cli::RunCli(args, io);
    return {status, out.str(), err.str()};
  }
  // `campaign <verb> args... --db <the test's database>`
  CliRun Campaign(std::vector<std::string> args) {
    args.insert(args.begin(), "campaign");
    args.insert(args.end(), {"--db", db_});
    return Cli(args);
  }
  // A copy of the volunteers example with `from` replaced by `to` once.
  std::string ChangedVolunteers(const std::string& from, const std::string& to) {
    std::ifstream in(kVolunteers);
    std::stringstream text;
    text << in.rdbuf();
    std::string content = text.str();
    std::size_t at = content.find(from);
    EXPECT_NE(at, std::string::npos) << from;
    if (at != std::string::npos) content.replace(at, from.size(), to);
    std::string path = dir_.File("changed.json");
    std::ofstream(path, std::ios::trunc) << content;
    return path;
  }

  fakes::TempDir dir_;
  std::string db_ = dir_.File("campaigns.db");
};

TEST_F(CampaignCliTest, CheckSummarisesAValidFileAndStoresNothing) {
  CliRun run = Cli({"campaign", "check", kVolunteers});
  ASSERT_EQ(run.status, 0) << run.err;
  EXPECT_NE(run.out.find("is a valid campaign file"), std::string::npos) << run.out;
  EXPECT_NE(run.out.find("ls-volunteers: Volunteer outreach"), std::string::npos) << run.out;
  EXPECT_NE(run.out.find("dialling predictive (abandon target 2.5%)"), std::string::npos);
  EXPECT_NE(run.out.find("at most 4 attempts"), std::string::npos);
  EXPECT_EQ(Cli({"campaign", "check", kHelpline}).status, 0);
  EXPECT_FALSE(std::filesystem::exists(db_));
}

TEST_F(CampaignCliTest, CheckNamesTheFileAndFieldAndExitsTwo) {
  std::string path = ChangedVolunteers("\"max_attempts\": 4", "\"max_attempts\": 0");
  CliRun run = Cli({"campaign", "check", path});
  EXPECT_EQ(run.status, 2);
  EXPECT_EQ(run.err, "jansampark: " + path +
                         ": campaign ls-volunteers: retry.max_attempts must be from 1 to 10, "
                         "not 0\n");
  path = ChangedVolunteers("\"busy_minutes\"", "\"busy_minute\"");
  run = Cli({"campaign", "check", path});
  EXPECT_EQ(run.status, 2);
  EXPECT_NE(run.err.find("retry.busy_minute: unknown key; did you mean busy_minutes?"),
            std::string::npos)
      << run.err;
  CliRun missing = Cli({"campaign", "check", dir_.File("none.json")});
  EXPECT_EQ(missing.status, 2);
  EXPECT_NE(missing.err.find("none.json"), std::string::npos);
  EXPECT_EQ(Cli({"campaign", "check"}).status, 2);
  EXPECT_EQ(Cli({"campaign", "check", kVolunteers, kHelpline}).status, 2);
}

TEST_F(CampaignCliTest, AddStoresOnceThenListsAndShows) {
  CliRun added = Campaign({"add", kVolunteers});
  ASSERT_EQ(added.status, 0) << added.err;
  EXPECT_NE(added.out.find("added campaign ls-volunteers"), std::string::npos);
  ASSERT_EQ(Campaign({"add", kHelpline}).status, 0);

  CliRun again = Campaign({"add", kVolunteers});
  EXPECT_EQ(again.status, 1);
  EXPECT_NE(again.err.find("campaign 'ls-volunteers' exists already"), std::string::npos)
      << again.err;

  CliRun table = Campaign({"list"});
  ASSERT_EQ(table.status, 0) << table.err;
  EXPECT_LT(table.out.find("ls-volunteers"), table.out.find("voter-helpline"));
  EXPECT_NE(table.out.find("progressive"), std::string::npos) << table.out;
  nlohmann::json listed = nlohmann::json::parse(Campaign({"list", "--format", "json"}).out);
  EXPECT_EQ(listed["count"], 2);

  CliRun shown = Campaign({"show", "ls-volunteers", "--format", "json"});
  ASSERT_EQ(shown.status, 0) << shown.err;
  nlohmann::json campaign = nlohmann::json::parse(shown.out);
  EXPECT_EQ(campaign["dial_mode"], "predictive");
  EXPECT_EQ(campaign["retry"]["machine_minutes"], 360);
  CliRun text = Campaign({"show", "voter-helpline"});
  ASSERT_EQ(text.status, 0) << text.err;
  EXPECT_NE(text.out.find("campaign voter-helpline: Voter helpline"), std::string::npos);
  EXPECT_NE(text.out.find("do-not-call: Asked not to be called (do_not_call)"), std::string::npos)
      << text.out;
}

TEST_F(CampaignCliTest, InvalidFileIsNotAddedAndCreatesNoDatabase) {
  std::string path = ChangedVolunteers("\"languages\": [\"hi\", \"en\"]", "\"languages\": []");
  CliRun run = Campaign({"add", path});
  EXPECT_EQ(run.status, 2);
  EXPECT_NE(run.err.find("languages must name at least one language"), std::string::npos);
  EXPECT_FALSE(std::filesystem::exists(db_));
}

TEST_F(CampaignCliTest, UnknownCampaignSuggestsTheNearest) {
  ASSERT_EQ(Campaign({"add", kVolunteers}).status, 0);
  CliRun run = Campaign({"show", "ls-volunter"});
  EXPECT_EQ(run.status, 1);
  EXPECT_NE(run.err.find("no campaign 'ls-volunter'; did you mean ls-volunteers?"),
            std::string::npos)
      << run.err;
  EXPECT_EQ(Campaign({"show", "ls-volunteers", "--format", "jsn"}).status, 2);
}

TEST_F(CampaignCliTest, OptOutIsPermanentAndListed) {
  ASSERT_EQ(Campaign({"add", kVolunteers}).status, 0);
  CliRun added = Campaign({"opt-out", "ls-volunteers", "+919000000001", "--reason", "asked"});
  ASSERT_EQ(added.status, 0) << added.err;
  EXPECT_NE(added.out.find("will not be called again"), std::string::npos);
  CliRun again = Campaign({"opt-out", "ls-volunteers", "+919000000001"});
  EXPECT_EQ(again.status, 0);
  EXPECT_NE(again.out.find("already on the do-not-call list"), std::string::npos);

  nlohmann::json listed =
      nlohmann::json::parse(Campaign({"dnc", "ls-volunteers", "--format", "json"}).out);
  EXPECT_EQ(listed["count"], 1);
  EXPECT_EQ(listed["numbers"][0]["number"], "+919000000001");
  EXPECT_EQ(listed["numbers"][0]["reason"], "asked");
  CliRun table = Campaign({"dnc", "ls-volunteers"});
  EXPECT_NE(table.out.find("IST"), std::string::npos) << table.out;
}

TEST_F(CampaignCliTest, OptOutRefusesANumberNotInE164FormAndAnUnknownCampaign) {
  ASSERT_EQ(Campaign({"add", kVolunteers}).status, 0);
  CliRun local = Campaign({"opt-out", "ls-volunteers", "09812345678"});
  EXPECT_EQ(local.status, 2);
  EXPECT_NE(local.err.find("E.164"), std::string::npos) << local.err;
  EXPECT_EQ(Campaign({"opt-out", "nowhere", "+919000000001"}).status, 1);
  EXPECT_EQ(Campaign({"opt-out", "ls-volunteers"}).status, 2);
  EXPECT_EQ(Campaign({"dnc", "nowhere"}).status, 1);
}

TEST_F(CampaignCliTest, ReadingVerbsNeedAnExistingDatabase) {
  CliRun run = Campaign({"list"});
  EXPECT_EQ(run.status, 1);
  EXPECT_NE(run.err.find("does not exist"), std::string::npos);
  EXPECT_FALSE(std::filesystem::exists(db_));
}

TEST_F(CampaignCliTest, HelpListsTheArguments) {
  CliRun help = Cli({"campaign", "opt-out", "--help"});
  EXPECT_EQ(help.status, 0);
  EXPECT_NE(help.out.find("arguments:\n  ID"), std::string::npos) << help.out;
  EXPECT_NE(help.out.find("  NUMBER"), std::string::npos);
  EXPECT_NE(help.out.find("--reason R"), std::string::npos);
}

TEST_F(CampaignCliTest, BroadcastCampaignShowsItsMessageAndMcmcCertificate) {
  CliRun checked = Cli({"campaign", "check", kBroadcast});
  ASSERT_EQ(checked.status, 0) << checked.err;
  EXPECT_NE(checked.out.find("It plays rally_invite (MCMC certificate MCMC/DL/2026/0412), then "
                             "asks will-attend (prompt attend_question, press 1 to 3)."),
            std::string::npos)
      << checked.out;
  ASSERT_EQ(Campaign({"add", kBroadcast}).status, 0);
  CliRun shown = Campaign({"show", "rally-broadcast"});
  ASSERT_EQ(shown.status, 0) << shown.err;
  EXPECT_NE(shown.out.find("    MCMC certificate: MCMC/DL/2026/0412\n"), std::string::npos)
      << shown.out;
  nlohmann::json json =
      nlohmann::json::parse(Campaign({"show", "rally-broadcast", "--format", "json"}).out);
  EXPECT_EQ(json["broadcast"]["question"]["choices"], 3);
}

TEST_F(CampaignCliTest, UncertifiedBroadcastIsRefusedNamingTheField) {
  std::ifstream in(kBroadcast);
  std::stringstream text;
  text << in.rdbuf();
  std::string content = text.str();
  std::string certificate = "\"mcmc_certificate\": \"MCMC/DL/2026/0412\",";
  ASSERT_NE(content.find(certificate), std::string::npos);
  content.erase(content.find(certificate), certificate.size());
  std::string path = dir_.File("uncertified.json");
  std::ofstream(path) << content;
  CliRun run = Campaign({"add", path});
  EXPECT_EQ(run.status, 2);
  EXPECT_NE(run.err.find(path + ": campaign rally-broadcast: broadcast.mcmc_certificate is "
                                "required: "),
            std::string::npos)
      << run.err;
  EXPECT_FALSE(std::filesystem::exists(db_));
}

TEST_F(CampaignCliTest, PromptsAreUploadedListedAndRemovedAndBadFilesNamed) {
  ASSERT_EQ(Campaign({"add", kBroadcast}).status, 0);
  namespace wav = telephony::rtp::testing;
  std::string good = dir_.File("invite.wav");
  wav::WriteFile(good, wav::Wav(1, 1, 8000, 16, wav::Pcm16Bytes(std::vector<std::int16_t>(12000))));
  CliRun added = Campaign({"prompt", "add", "rally-broadcast", "rally_invite", good});
  ASSERT_EQ(added.status, 0) << added.err;
  EXPECT_EQ(added.out,
            "campaign rally-broadcast has prompt rally_invite (1.5 s of 8 kHz µ-law), played as "
            "rally-broadcast/rally_invite\n");

  std::string loud = dir_.File("cd.wav");
  wav::WriteFile(loud, wav::Wav(1, 2, 44100, 16, wav::Pcm16Bytes(std::vector<std::int16_t>(8))));
  CliRun bad = Campaign({"prompt", "add", "rally-broadcast", "ask", loud});
  EXPECT_EQ(bad.status, 2);
  EXPECT_EQ(bad.err, "jansampark: prompt " + loud + ": 2 channels, expected mono\n");
  CliRun missing = Campaign({"prompt", "add", "rally-broadcast", "ask", dir_.File("none.wav")});
  EXPECT_EQ(missing.status, 2);
  EXPECT_NE(missing.err.find("none.wav' does not exist"), std::string::npos) << missing.err;
  EXPECT_EQ(Campaign({"prompt", "add", "nobody", "ask", good}).status, 1);

  CliRun listed = Campaign({"prompt", "list", "rally-broadcast", "--format", "json"});
  ASSERT_EQ(listed.status, 0) << listed.err;
  nlohmann::json json = nlohmann::json::parse(listed.out);
  EXPECT_EQ(json["count"], 1);
  EXPECT_EQ(json["prompts"][0]["name"], "rally_invite");
  EXPECT_EQ(json["prompts"][0]["bytes"], 12000);

  EXPECT_EQ(Campaign({"prompt", "remove", "rally-broadcast", "rally_invite"}).status, 0);
  CliRun again = Campaign({"prompt", "remove", "rally-broadcast", "rally_invite"});
  EXPECT_EQ(again.status, 1);
  EXPECT_NE(again.err.find("campaign rally-broadcast has no prompt 'rally_invite'"),
            std::string::npos)
      << again.err;
}

}  // namespace
}  // namespace integration
