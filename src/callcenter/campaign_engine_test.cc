#include "callcenter/campaign_engine.h"

#include <gtest/gtest.h>

namespace callcenter {
namespace {

// A synthetic campaign.
Campaign Volunteers() {
  Campaign campaign;
  campaign.id = "volunteer-outreach";
  campaign.name = "Volunteer outreach (synthetic)";
  campaign.dial_mode = DialMode{DialModeKind::kPredictive, 1.0};
  campaign.languages = {"mai", "hi"};
  campaign.contact_lists = {"volunteers"};
  campaign.abandon_target = 0.02;
  campaign.dispositions = {{"supporter", "Supporter", DispositionEffect::kNone},
                           {"dnc", "Do not call", DispositionEffect::kDoNotCall},
                           {"remove-me", "Remove me", DispositionEffect::kDoNotCall},
                           {"later", "Call back", DispositionEffect::kCallback},
                           {"busy-now", "Call another day", DispositionEffect::kRetry}};
  campaign.retry.no_answer = std::chrono::hours(3);
  return campaign;
}

TEST(CampaignEngineTest, SettingsFollowTheCampaign) {
  DialerSettings settings = DialerSettingsFor(Volunteers());
  EXPECT_DOUBLE_EQ(settings.abandon_target, 0.02);
  EXPECT_FALSE(settings.preview);
  EXPECT_EQ(settings.default_language, "mai");
  EXPECT_EQ(settings.opt_out_dispositions, (std::vector<std::string>{"dnc", "remove-me"}));
  EXPECT_EQ(settings.retry_dispositions, std::vector<std::string>{"busy-now"});
  EXPECT_EQ(settings.retry_after, std::chrono::hours(3));
}

TEST(CampaignEngineTest, InboundLineSpeaksTheFirstLanguageThroughTheCampaignsFlow) {
  Campaign campaign = Volunteers();
  campaign.kind = CampaignKind::kBlended;
  campaign.ivr = R"({"start":"q","steps":{"q":{"queue":"helpline"}}})";
  base::Result<std::shared_ptr<const telephony::ivr::Flow>> flow = IvrFlowOf(campaign);
  ASSERT_TRUE(flow.ok()) << flow.status().ToString();
  InboundLine line = InboundLineFor(campaign, "+911800100100", *flow);
  EXPECT_EQ(line.number, "+911800100100");
  EXPECT_EQ(line.language, "mai");
  EXPECT_EQ(line.territory, "");
  EXPECT_EQ(line.flow, *flow);
  EXPECT_EQ(InboundLineFor(Volunteers(), "+911800100100", nullptr).flow, nullptr);
}

TEST(CampaignEngineTest, PreviewCampaignDialsInPreview) {
  Campaign campaign = Volunteers();
  campaign.dial_mode = DialMode{DialModeKind::kPreview, 1.0};
  EXPECT_TRUE(DialerSettingsFor(campaign).preview);
}

TEST(CampaignEngineTest, EachDialModeGetsItsPacer) {
  EXPECT_EQ(PacerFor({DialModeKind::kPreview, 1.0})->name(), "progressive");
  EXPECT_EQ(PacerFor({DialModeKind::kProgressive, 1.0})->name(), "progressive");
  EXPECT_EQ(PacerFor({DialModeKind::kPredictive, 1.0})->name(), "predictive");
  std::unique_ptr<Pacer> power = PacerFor({DialModeKind::kPower, 2.5});
  PacingInput input;
  input.agents_ready = 4;
  input.agents_logged_in = 4;
  EXPECT_EQ(power->CallsToPlace(input, Measurements()), 10);  // 2.5 lines for each of 4
}

}  // namespace
}  // namespace callcenter
