// A stored broadcast campaign made into a running BroadcastDialer: prompts resolved, the
// stored do-not-call list honoured, and refusals that name what is missing. Synthetic data.
#include "callcenter/broadcast_setup.h"

#include <gtest/gtest.h>

#include <set>

#include "fakes/fake_clock.h"
#include "fakes/in_memory_database.h"
#include "fakes/scripted_call_control.h"

namespace callcenter {
namespace {

using namespace std::chrono_literals;  // NOLINT(google-build-using-namespace)

Campaign Rally() {
  Campaign campaign;
  campaign.id = "rally";
  campaign.name = "Rally invitation (synthetic)";
  campaign.kind = CampaignKind::kBroadcast;
  campaign.languages = {"hi"};
  campaign.contact_lists = {"supporters"};
  campaign.broadcast = Broadcast{};
  campaign.broadcast->message = "rally_invite";
  campaign.broadcast->mcmc_certificate = "MCMC/DL/2026/0412";
  campaign.broadcast->question = BroadcastQuestion{"will-attend", "survey_satisfaction", 5};
  return campaign;
}

class BroadcastSetupTest : public ::testing::Test {
 protected:
  BroadcastSetupTest() {
    clock_.AdvanceTo(FromIst(std::chrono::year{2026} / 1 / 5, 11h));
    setup_.clock = &clock_;
    setup_.control = &calls_;
    setup_.db = &db_;
    setup_.dnd = &dnd_;
    setup_.prompt_exists = [this](const std::string& name) { return prompts_.count(name) > 0; };
    setup_.caller_id = "+911140000000";
  }

  fakes::FakeClock clock_;
  fakes::ScriptedCallControl calls_{clock_};
  fakes::InMemoryDatabase db_;
  InMemoryBlocklist dnd_;
  // An upload of the campaign, and built-in prompts in their languages.
  std::set<std::string> prompts_ = {"rally/rally_invite", "survey_satisfaction_hi", "thank_you_hi",
                                    "thank_you_en"};
  BroadcastSetup setup_;
};

TEST_F(BroadcastSetupTest, PromptsResolveUploadFirstThenBuiltIn) {
  base::Result<BroadcastSettings> settings =
      BroadcastSettingsFor(Rally(), setup_.prompt_exists, "+911140000000");
  ASSERT_TRUE(settings.ok()) << settings.status().ToString();
  EXPECT_EQ(settings->message_prompt, "rally/rally_invite");
  EXPECT_EQ(settings->question->prompt, "survey_satisfaction_hi");
  EXPECT_EQ(settings->thank_you_prompt, "thank_you_hi");
  EXPECT_EQ(settings->mcmc_certificate, "MCMC/DL/2026/0412");
}

TEST_F(BroadcastSetupTest, MissingPromptIsNamedWhenTheBroadcastIsBuilt) {
  Campaign campaign = Rally();
  campaign.broadcast->message = "rally_invte";
  base::Result<std::unique_ptr<BroadcastRun>> run = BuildBroadcast(campaign, {}, setup_);
  ASSERT_FALSE(run.ok());
  EXPECT_EQ(run.status().code(), base::StatusCode::kNotFound);
  EXPECT_EQ(run.status().message(),
            "campaign rally: broadcast.message: no prompt 'rally_invte', neither uploaded to the "
            "campaign (`jansampark campaign prompt add rally rally_invte FILE`) nor built in "
            "(tried rally/rally_invte, rally_invte, rally_invte_hi)");
}

TEST_F(BroadcastSetupTest, UncertifiedCampaignIsNeverBuilt) {
  Campaign campaign = Rally();
  campaign.broadcast->mcmc_certificate = "";
  base::Result<std::unique_ptr<BroadcastRun>> run = BuildBroadcast(campaign, {}, setup_);
  ASSERT_FALSE(run.ok());
  EXPECT_NE(run.status().message().find("broadcast.mcmc_certificate is required"),
            std::string::npos)
      << run.status().ToString();
  base::Result<BroadcastSettings> settings =
      BroadcastSettingsFor(campaign, setup_.prompt_exists, "");
  EXPECT_EQ(settings.status().code(), base::StatusCode::kConflict);
}

TEST_F(BroadcastSetupTest, BuiltBroadcastSkipsStoredOptOutsAndStoresAnswers) {
  ASSERT_TRUE(db_.AddDoNotCall("rally", "+919800001002", "asked", clock_.Now()).ok());
  std::vector<Contact> contacts = {{"c1", "+919800001001", "hi", "S12", ""},
                                   {"c2", "+919800001002", "hi", "S12", ""}};
  base::Result<std::unique_ptr<BroadcastRun>> run = BuildBroadcast(Rally(), contacts, setup_);
  ASSERT_TRUE(run.ok()) << run.status().ToString();
  ASSERT_TRUE((*run)->dialer().Start().ok());
  clock_.AdvanceBy(3s);
  ASSERT_EQ(calls_.dialled(), 1u);
  telephony::CallId call = calls_.dial_order()[0];
  EXPECT_EQ(calls_.call(call).request.number, "+919800001001");
  EXPECT_EQ(calls_.call(call).request.caller_id, "+911140000000");
  calls_.Answer(call);
  clock_.AdvanceBy(calls_.prompt_length * 2);
  calls_.Digit(call, '5');
  std::vector<store::BroadcastAnswer> answers = *db_.ListBroadcastAnswers("rally");
  ASSERT_EQ(answers.size(), 1u);
  EXPECT_EQ(answers[0].digit, '5');
  EXPECT_EQ(answers[0].question_id, "will-attend");
}

TEST_F(BroadcastSetupTest, BadContactNumberStopsTheBuild) {
  std::vector<Contact> contacts = {{"c1", "98000 01001", "hi", "S12", ""}};
  base::Result<std::unique_ptr<BroadcastRun>> run = BuildBroadcast(Rally(), contacts, setup_);
  ASSERT_FALSE(run.ok());
  EXPECT_EQ(run.status().code(), base::StatusCode::kInvalidArgument);
  EXPECT_NE(run.status().message().find("c1"), std::string::npos) << run.status().ToString();
}

}  // namespace
}  // namespace callcenter
