// Each validation rule of a campaign: a valid campaign, one field broken, the message naming it.
#include "callcenter/campaign.h"

#include <gtest/gtest.h>

#include <cmath>
#include <functional>

namespace callcenter {
namespace {

using namespace std::chrono_literals;  // NOLINT(google-build-using-namespace)

// A synthetic outbound campaign that breaks no rule.
Campaign Valid() {
  Campaign campaign;
  campaign.id = "ls-volunteers";
  campaign.name = "Volunteer outreach";
  campaign.kind = CampaignKind::kOutbound;
  campaign.dial_mode = DialMode{DialModeKind::kPredictive};
  campaign.languages = {"hi", "en"};
  campaign.contact_lists = {"volunteers-north"};
  SurveyQuestion question;
  question.id = "will-help";
  question.text = "Will you help?";
  campaign.survey = {question};
  campaign.dispositions = {{"interested", "Interested", DispositionEffect::kDone},
                           {"dnc", "Asked not to be called", DispositionEffect::kDoNotCall}};
  return campaign;
}

// The message of Validate() after `change` is applied to a valid campaign; "" when valid.
std::string ErrorAfter(const std::function<void(Campaign&)>& change) {
  Campaign campaign = Valid();
  change(campaign);
  base::Status status = campaign.Validate();
  if (!status.ok()) {
    EXPECT_EQ(status.code(), base::StatusCode::kInvalidArgument);
  }
  return status.message();
}

TEST(CampaignTest, ValidCampaignPasses) {
  EXPECT_TRUE(Valid().Validate().ok()) << Valid().Validate().ToString();
}

TEST(CampaignTest, DefaultsAreTheProductsRules) {
  Campaign campaign;
  EXPECT_EQ(campaign.abandon_target, 0.03);
  EXPECT_EQ(campaign.hours.ToString(), "09:00-21:00 IST");
  EXPECT_EQ(campaign.retry.max_attempts, 3);
}

TEST(CampaignTest, IdMustBeASlug) {
  EXPECT_EQ(ErrorAfter([](Campaign& c) { c.id = "LS Volunteers"; }),
            "campaign id 'LS Volunteers' must be 1 to 64 of a-z, 0-9 and '-', starting with a "
            "letter or a digit");
  EXPECT_NE(ErrorAfter([](Campaign& c) { c.id = ""; }), "");
  EXPECT_NE(ErrorAfter([](Campaign& c) { c.id = "-flag"; }), "");
  EXPECT_NE(ErrorAfter([](Campaign& c) { c.id = std::string(65, 'a'); }), "");
  EXPECT_EQ(ErrorAfter([](Campaign& c) { c.id = std::string(64, 'a'); }), "");
  EXPECT_EQ(ErrorAfter([](Campaign& c) { c.id = "2024-ls-9"; }), "");
}

TEST(CampaignTest, NameIsRequiredAndBounded) {
  EXPECT_EQ(ErrorAfter([](Campaign& c) { c.name = "  "; }),
            "campaign ls-volunteers: name must not be empty");
  EXPECT_NE(ErrorAfter([](Campaign& c) { c.name = std::string(201, 'x'); }).find("at most 200"),
            std::string::npos);
  // Characters, not bytes: 200 Devanagari letters are 600 bytes and fine.
  std::string hindi;
  for (int i = 0; i < 200; ++i) hindi += "क";
  EXPECT_EQ(ErrorAfter([&](Campaign& c) { c.name = hindi; }), "");
  EXPECT_NE(ErrorAfter([](Campaign& c) { c.note = std::string(2001, 'x'); }).find("note has"),
            std::string::npos);
}

TEST(CampaignTest, LanguagesAreIsoCodesAtLeastOneNoneTwice) {
  EXPECT_EQ(ErrorAfter([](Campaign& c) { c.languages.clear(); }),
            "campaign ls-volunteers: languages must name at least one language");
  EXPECT_NE(ErrorAfter([](Campaign& c) {
              c.languages = {"hi", "Hindi"};
            }).find("languages[1]"),
            std::string::npos);
  EXPECT_NE(ErrorAfter([](Campaign& c) {
              c.languages = {"hi", "en", "hi"};
            }).find("languages[2] 'hi' is listed twice"),
            std::string::npos);
  EXPECT_EQ(ErrorAfter([](Campaign& c) { c.languages = {"mai", "sat"}; }), "");
}

TEST(CampaignTest, OutboundAndBlendedNeedADialModeAndLists) {
  for (CampaignKind kind : {CampaignKind::kOutbound, CampaignKind::kBlended}) {
    EXPECT_NE(ErrorAfter([&](Campaign& c) {
                c.kind = kind;
                c.dial_mode.reset();
              }).find("dial_mode is required"),
              std::string::npos);
    EXPECT_NE(ErrorAfter([&](Campaign& c) {
                c.kind = kind;
                c.contact_lists.clear();
              }).find("contact_lists must name at least one list"),
              std::string::npos);
  }
}

TEST(CampaignTest, InboundHasNoDialModeAndNoLists) {
  auto inbound = [](Campaign& c) {
    c.kind = CampaignKind::kInbound;
    c.dial_mode.reset();
    c.contact_lists.clear();
  };
  EXPECT_EQ(ErrorAfter(inbound), "");
  EXPECT_NE(ErrorAfter([&](Campaign& c) {
              inbound(c);
              c.dial_mode = DialMode{};
            }).find("dial_mode is only for outbound and blended"),
            std::string::npos);
  EXPECT_NE(ErrorAfter([&](Campaign& c) {
              inbound(c);
              c.contact_lists = {"list"};
            }).find("contact_lists must be empty"),
            std::string::npos);
}

TEST(CampaignTest, ContactListsAreSlugsNoneTwice) {
  EXPECT_NE(ErrorAfter([](Campaign& c) {
              c.contact_lists = {"a", "B"};
            }).find("contact_lists[1]"),
            std::string::npos);
  EXPECT_NE(ErrorAfter([](Campaign& c) {
              c.contact_lists = {"a", "a"};
            }).find("listed twice"),
            std::string::npos);
}

TEST(CampaignTest, PowerRatioIsFromOneToTenAndOnlyForPower) {
  EXPECT_EQ(ErrorAfter([](Campaign& c) { c.dial_mode = DialMode{DialModeKind::kPower, 10}; }), "");
  EXPECT_NE(ErrorAfter([](Campaign& c) {
              c.dial_mode = DialMode{DialModeKind::kPower, 0.5};
            }).find("dial_mode power ratio must be from 1 to 10"),
            std::string::npos);
  EXPECT_NE(ErrorAfter([](Campaign& c) {
              c.dial_mode = DialMode{DialModeKind::kPredictive, 2};
            }).find("only power dialling"),
            std::string::npos);
}

TEST(CampaignTest, MaxAttemptsIsFromOneToTen) {
  EXPECT_EQ(ErrorAfter([](Campaign& c) { c.retry.max_attempts = 0; }),
            "campaign ls-volunteers: retry.max_attempts must be from 1 to 10, not 0");
  EXPECT_NE(ErrorAfter([](Campaign& c) { c.retry.max_attempts = 11; }), "");
  EXPECT_EQ(ErrorAfter([](Campaign& c) { c.retry.max_attempts = 10; }), "");
}

TEST(CampaignTest, EachRetryIntervalIsFromAMinuteToAWeek) {
  EXPECT_EQ(ErrorAfter([](Campaign& c) { c.retry.busy = 0min; }),
            "campaign ls-volunteers: retry.busy_minutes must be from 1 to 10080 minutes (7 days), "
            "not 0");
  EXPECT_NE(
      ErrorAfter([](Campaign& c) { c.retry.no_answer = 30s; }).find("retry.no_answer_minutes"),
      std::string::npos);
  EXPECT_NE(ErrorAfter([](Campaign& c) { c.retry.failed = 8 * 24h; }).find("retry.failed_minutes"),
            std::string::npos);
  EXPECT_NE(ErrorAfter([](Campaign& c) { c.retry.machine = -1min; }).find("retry.machine_minutes"),
            std::string::npos);
  EXPECT_NE(ErrorAfter([](Campaign& c) { c.retry.abandoned = 0min; }).find("abandoned_minutes"),
            std::string::npos);
  EXPECT_EQ(ErrorAfter([](Campaign& c) { c.retry.busy = 7 * 24h; }), "");
}

TEST(CampaignTest, AbandonTargetIsAboveZeroAndAtMostThreePercent) {
  EXPECT_EQ(ErrorAfter([](Campaign& c) { c.abandon_target = 0.01; }), "");
  EXPECT_NE(ErrorAfter([](Campaign& c) { c.abandon_target = 0; }).find("abandon_target"),
            std::string::npos);
  EXPECT_NE(ErrorAfter([](Campaign& c) { c.abandon_target = 0.031; }).find("at most 0.03"),
            std::string::npos);
  EXPECT_NE(ErrorAfter([](Campaign& c) { c.abandon_target = std::nan(""); }), "");
}

TEST(CampaignTest, QuestionIdsAreSlugsAndUnique) {
  SurveyQuestion again = Valid().survey[0];
  EXPECT_EQ(ErrorAfter([&](Campaign& c) { c.survey.push_back(again); }),
            "campaign ls-volunteers: survey[1].id 'will-help' is used by an earlier question");
  EXPECT_NE(ErrorAfter([](Campaign& c) { c.survey[0].id = "Will help"; }).find("survey[0].id"),
            std::string::npos);
  EXPECT_EQ(ErrorAfter([](Campaign& c) { c.survey.clear(); }), "");
}

TEST(CampaignTest, QuestionRulesOfItsTypeAreChecked) {
  EXPECT_EQ(ErrorAfter([](Campaign& c) { c.survey[0].type = AnswerType::kChoice; }),
            "campaign ls-volunteers: survey[0].options must list at least 2 choices for a choice "
            "question");
  EXPECT_NE(ErrorAfter([](Campaign& c) { c.survey[0].text = ""; }).find("survey[0].text"),
            std::string::npos);
}

TEST(CampaignTest, DispositionsNeedUniqueSlugCodesAndLabels) {
  EXPECT_NE(
      ErrorAfter([](Campaign& c) { c.dispositions[0].code = "Yes!"; }).find("dispositions[0].code"),
      std::string::npos);
  EXPECT_NE(ErrorAfter([](Campaign& c) {
              c.dispositions[1].code = "interested";
            }).find("dispositions[1].code 'interested' is used by an earlier one"),
            std::string::npos);
  EXPECT_NE(ErrorAfter([](Campaign& c) {
              c.dispositions[0].label = "";
            }).find("dispositions[0].label must not be empty"),
            std::string::npos);
}

TEST(CampaignTest, EveryCampaignCanRecordAnOptOut) {
  EXPECT_EQ(ErrorAfter([](Campaign& c) { c.dispositions.pop_back(); }),
            "campaign ls-volunteers: dispositions must include one with effect do_not_call, for a "
            "person who asks not to be called again");
  EXPECT_NE(ErrorAfter([](Campaign& c) { c.dispositions.clear(); }), "");
}

// A flow in the campaign's languages, compact as the campaign file's reader keeps it.
constexpr std::string_view kFlow =
    R"({"start":"menu","steps":{"en":{"language":"en","next":"queue"},)"
    R"("menu":{"menu":{"options":{"1":"en"},"prompt":"language_menu"}},)"
    R"("queue":{"queue":"helpline"}}})";

TEST(CampaignTest, IvrFlowIsOnlyForCampaignsThatTakeCalls) {
  EXPECT_EQ(ErrorAfter([](Campaign& c) { c.ivr = kFlow; }),
            "campaign ls-volunteers: ivr is only for inbound and blended campaigns; an outbound "
            "campaign takes no calls");
  EXPECT_EQ(ErrorAfter([](Campaign& c) {
              c.kind = CampaignKind::kBlended;
              c.ivr = kFlow;
            }),
            "");
}

TEST(CampaignTest, IvrFlowErrorsNameTheirPlaceUnderIvr) {
  auto blended_with = [](std::string flow) {
    return [flow](Campaign& c) {
      c.kind = CampaignKind::kBlended;
      c.ivr = flow;
    };
  };
  std::string typo(kFlow);
  typo.replace(typo.find(R"("next":"queue")"), 14, R"("next":"qeue")");
  EXPECT_EQ(ErrorAfter(blended_with(typo)),
            "campaign ls-volunteers: ivr: steps.en.next: no step named 'qeue' (did you mean "
            "'queue'?)");
  EXPECT_EQ(ErrorAfter(blended_with(R"({"start":"x"})")),
            "campaign ls-volunteers: ivr: steps: required key is missing");
}

TEST(CampaignTest, IvrFlowChoosesOnlyLanguagesOfTheCampaign) {
  std::string tamil(kFlow);
  tamil.replace(tamil.find(R"("language":"en")"), 15, R"("language":"ta")");
  EXPECT_EQ(ErrorAfter([&](Campaign& c) {
              c.kind = CampaignKind::kBlended;
              c.ivr = tamil;
            }),
            "campaign ls-volunteers: ivr: steps.en.language: 'ta' is not one of the campaign's "
            "languages (hi, en)");
}

TEST(CampaignTest, IvrFlowOfParsesTheFlowOrIsNullWithoutOne) {
  base::Result<std::shared_ptr<const telephony::ivr::Flow>> none = IvrFlowOf(Valid());
  ASSERT_TRUE(none.ok());
  EXPECT_EQ(*none, nullptr);
  Campaign campaign = Valid();
  campaign.ivr = kFlow;
  base::Result<std::shared_ptr<const telephony::ivr::Flow>> flow = IvrFlowOf(campaign);
  ASSERT_TRUE(flow.ok()) << flow.status().ToString();
  EXPECT_EQ((*flow)->start(), "menu");
  EXPECT_EQ((*flow)->QueueNames(), std::vector<std::string>{"helpline"});
}

TEST(CampaignTest, EqualityComparesEveryField) {
  EXPECT_EQ(Valid(), Valid());
  Campaign other = Valid();
  other.hours = *CallingHours::Make(10h, 20h);
  EXPECT_FALSE(other == Valid());
  other = Valid();
  other.retry.machine = 5h;
  EXPECT_FALSE(other == Valid());
  other = Valid();
  other.survey[0].text = "Will you volunteer?";
  EXPECT_FALSE(other == Valid());
  other = Valid();
  other.ivr = kFlow;
  EXPECT_FALSE(other == Valid());
}

TEST(DialModeTest, NamesRoundTrip) {
  for (std::string name : {"preview", "progressive", "power:2", "power:2.5", "predictive"}) {
    base::Result<DialMode> mode = ParseDialMode(name);
    ASSERT_TRUE(mode.ok()) << name << ": " << mode.status().ToString();
    EXPECT_EQ(DialModeName(*mode), name);
  }
  EXPECT_EQ(ParseDialMode("power:3")->ratio, 3.0);
}

TEST(DialModeTest, UnknownModeSuggestsTheNearest) {
  base::Result<DialMode> typo = ParseDialMode("predictiv");
  ASSERT_FALSE(typo.ok());
  EXPECT_NE(typo.status().message().find("did you mean predictive?"), std::string::npos)
      << typo.status().message();
  EXPECT_NE(ParseDialMode("power").status().message().find("power:2"), std::string::npos);
  EXPECT_NE(ParseDialMode("power:11").status().message().find("from 1 to 10"), std::string::npos);
  EXPECT_FALSE(ParseDialMode("power:x").ok());
  EXPECT_FALSE(ParseDialMode("power:nan").ok());
  EXPECT_FALSE(ParseDialMode("").ok());
}

}  // namespace
}  // namespace callcenter

namespace callcenter {
namespace {

// A synthetic broadcast campaign that breaks no rule.
Campaign ValidBroadcast() {
  Campaign campaign;
  campaign.id = "rally";
  campaign.name = "Rally invitation";
  campaign.kind = CampaignKind::kBroadcast;
  campaign.languages = {"hi"};
  campaign.contact_lists = {"supporters"};
  campaign.broadcast = Broadcast{};
  campaign.broadcast->message = "rally_invite";
  campaign.broadcast->mcmc_certificate = "MCMC/DL/2026/0412";
  campaign.broadcast->question = BroadcastQuestion{"will-attend", "attend_question", 3};
  return campaign;
}

std::string BroadcastErrorAfter(const std::function<void(Campaign&)>& change) {
  Campaign campaign = ValidBroadcast();
  change(campaign);
  return campaign.Validate().message();
}

TEST(CampaignBroadcastTest, ValidBroadcastNeedsNoAgentsNorDispositions) {
  EXPECT_TRUE(ValidBroadcast().Validate().ok()) << ValidBroadcast().Validate().ToString();
  EXPECT_EQ(CampaignKindName(CampaignKind::kBroadcast), "broadcast");
}

TEST(CampaignBroadcastTest, McmcCertificateIsRequired) {
  std::string error = BroadcastErrorAfter([](Campaign& c) { c.broadcast->mcmc_certificate = ""; });
  EXPECT_EQ(error.rfind("campaign rally: broadcast.mcmc_certificate is required: ", 0), 0u)
      << error;
  EXPECT_NE(error.find("pre-certified by the MCMC"), std::string::npos);
  EXPECT_NE(BroadcastErrorAfter([](Campaign& c) { c.broadcast->mcmc_certificate = " \t"; }), "");
  EXPECT_NE(BroadcastErrorAfter([](Campaign& c) {
              c.broadcast->mcmc_certificate = std::string(101, 'X');
            }).find("at most 100"),
            std::string::npos);
}

TEST(CampaignBroadcastTest, BroadcastFieldsAreBounded) {
  EXPECT_EQ(BroadcastErrorAfter([](Campaign& c) { c.broadcast->message = "../etc/passwd"; }),
            "campaign rally: broadcast.message '../etc/passwd' must name a prompt: 1 to 64 of "
            "a-z, A-Z, 0-9, '_' and '-' (\"rally_invite\")");
  EXPECT_EQ(BroadcastErrorAfter([](Campaign& c) { c.broadcast->question->choices = 0; }),
            "campaign rally: broadcast.question.choices must be from 1 to 5, not 0");
  EXPECT_NE(BroadcastErrorAfter([](Campaign& c) { c.broadcast->question->id = "Will Attend"; }),
            "");
  EXPECT_NE(BroadcastErrorAfter([](Campaign& c) { c.broadcast->calls_per_second = 0; }), "");
  EXPECT_NE(BroadcastErrorAfter([](Campaign& c) { c.broadcast->max_calls_in_progress = 1001; }),
            "");
  EXPECT_EQ(BroadcastErrorAfter([](Campaign& c) { c.broadcast->question.reset(); }), "");
}

TEST(CampaignBroadcastTest, AgentFieldsAndOtherKindsAreRefused) {
  EXPECT_NE(BroadcastErrorAfter([](Campaign& c) {
              c.broadcast.reset();
            }).find("broadcast is required for a broadcast campaign"),
            std::string::npos);
  EXPECT_NE(BroadcastErrorAfter([](Campaign& c) {
              c.dial_mode = DialMode{DialModeKind::kPredictive};
            }).find("dial_mode is not for a broadcast campaign"),
            std::string::npos);
  EXPECT_NE(BroadcastErrorAfter([](Campaign& c) {
              c.dispositions = {{"dnc", "No", DispositionEffect::kDoNotCall}};
            }).find("dispositions are chosen by agents"),
            std::string::npos);
  EXPECT_NE(BroadcastErrorAfter([](Campaign& c) {
              c.contact_lists.clear();
            }).find("contact_lists must name at least one list for a broadcast campaign"),
            std::string::npos);
  Campaign outbound = Valid();
  outbound.broadcast = ValidBroadcast().broadcast;
  EXPECT_EQ(outbound.Validate().message(),
            "campaign ls-volunteers: broadcast is only for broadcast campaigns; this one is "
            "outbound");
}

}  // namespace
}  // namespace callcenter
