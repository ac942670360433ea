// Campaign files: the examples read, a campaign survives a round trip, and every kind of error
// names the source and where in the file.
#include "api/campaign_json.h"

#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

namespace api {
namespace {

using nlohmann::json;

std::string ReadExample(const std::string& name) {
  std::ifstream in(std::string(JANSAMPARK_EXAMPLES_DIR) + "/campaigns/" + name);
  EXPECT_TRUE(in.good()) << name;
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

// A small valid campaign file, as JSON to change before parsing.
json Minimal() {
  return json::parse(R"({
    "id": "test-outbound",
    "name": "Test",
    "kind": "outbound",
    "dial_mode": "power:2",
    "languages": ["hi"],
    "contact_lists": ["list-a"],
    "dispositions": [{"code": "dnc", "label": "Do not call", "effect": "do_not_call"}]
  })");
}

// The error message of parsing `text` from "test.json"; "" when it parses.
std::string ErrorOfText(const std::string& text) {
  base::Result<callcenter::Campaign> campaign = ParseCampaign(text, "test.json");
  if (campaign.ok()) return "";
  EXPECT_EQ(campaign.status().code(), base::StatusCode::kInvalidArgument);
  return campaign.status().message();
}

std::string ErrorOf(const json& document) { return ErrorOfText(document.dump()); }

TEST(CampaignJsonTest, ExamplesAreValid) {
  for (const std::string name : {"volunteers.json", "helpline.json", "rally-broadcast.json"}) {
    base::Result<callcenter::Campaign> campaign = ParseCampaign(ReadExample(name), name);
    EXPECT_TRUE(campaign.ok()) << campaign.status().ToString();
  }
}

TEST(CampaignJsonTest, VolunteersExampleReadsEveryField) {
  base::Result<callcenter::Campaign> campaign =
      ParseCampaign(ReadExample("volunteers.json"), "volunteers.json");
  ASSERT_TRUE(campaign.ok()) << campaign.status().ToString();
  EXPECT_EQ(campaign->id, "ls-volunteers");
  EXPECT_EQ(campaign->kind, callcenter::CampaignKind::kOutbound);
  EXPECT_EQ(campaign->dial_mode->kind, callcenter::DialModeKind::kPredictive);
  EXPECT_EQ(campaign->languages, (std::vector<std::string>{"hi", "en"}));
  EXPECT_EQ(campaign->hours.ToString(), "10:00-20:30 IST");
  EXPECT_EQ(campaign->retry.max_attempts, 4);
  EXPECT_EQ(campaign->retry.machine, std::chrono::hours(6));
  EXPECT_EQ(campaign->abandon_target, 0.025);
  ASSERT_EQ(campaign->survey.size(), 4u);
  EXPECT_EQ(campaign->survey[2].max, 40);
  EXPECT_EQ(campaign->survey[3].max_length, 300);
  EXPECT_EQ(campaign->dispositions.back().effect, callcenter::DispositionEffect::kDoNotCall);
}

TEST(CampaignJsonTest, LeftOutKeysTakeTheirDefaults) {
  base::Result<callcenter::Campaign> campaign = ParseCampaign(Minimal().dump(), "test.json");
  ASSERT_TRUE(campaign.ok()) << campaign.status().ToString();
  callcenter::Campaign defaults;
  EXPECT_EQ(campaign->hours.ToString(), "09:00-21:00 IST");
  EXPECT_EQ(campaign->retry.busy, defaults.retry.busy);
  EXPECT_EQ(campaign->retry.max_attempts, 3);
  EXPECT_EQ(campaign->abandon_target, 0.03);
  EXPECT_TRUE(campaign->survey.empty());
  EXPECT_EQ(campaign->note, "");
}

TEST(CampaignJsonTest, RoundTripGivesAnEqualCampaign) {
  for (const std::string name : {"volunteers.json", "helpline.json", "rally-broadcast.json"}) {
    base::Result<callcenter::Campaign> first = ParseCampaign(ReadExample(name), name);
    ASSERT_TRUE(first.ok()) << first.status().ToString();
    std::string written = CampaignToJson(*first).dump();
    base::Result<callcenter::Campaign> second = ParseCampaign(written, "written");
    ASSERT_TRUE(second.ok()) << second.status().ToString();
    EXPECT_EQ(*first, *second) << written;
    EXPECT_EQ(CampaignToJson(*second), CampaignToJson(*first));
  }
}

TEST(CampaignJsonTest, BroadcastExampleReadsItsMessageCertificateAndQuestion) {
  base::Result<callcenter::Campaign> campaign =
      ParseCampaign(ReadExample("rally-broadcast.json"), "rally-broadcast.json");
  ASSERT_TRUE(campaign.ok()) << campaign.status().ToString();
  EXPECT_EQ(campaign->kind, callcenter::CampaignKind::kBroadcast);
  ASSERT_TRUE(campaign->broadcast.has_value());
  EXPECT_EQ(campaign->broadcast->message, "rally_invite");
  EXPECT_EQ(campaign->broadcast->mcmc_certificate, "MCMC/DL/2026/0412");
  ASSERT_TRUE(campaign->broadcast->question.has_value());
  EXPECT_EQ(campaign->broadcast->question->id, "will-attend");
  EXPECT_EQ(campaign->broadcast->question->choices, 3);
  EXPECT_EQ(campaign->broadcast->max_calls_in_progress, 20);
  EXPECT_EQ(campaign->broadcast->calls_per_second, 4);
  EXPECT_TRUE(campaign->dispositions.empty());
  json written = CampaignToJson(*campaign);
  EXPECT_EQ(written["broadcast"]["mcmc_certificate"], "MCMC/DL/2026/0412");
  EXPECT_EQ(written["broadcast"]["question"]["prompt"], "attend_question");
}

// A broadcast file with everything but the certificate.
json UncertifiedBroadcast() {
  return json::parse(R"({
    "id": "rally", "name": "Rally", "kind": "broadcast", "languages": ["hi"],
    "contact_lists": ["supporters"], "broadcast": {"message": "rally_invite"}
  })");
}

TEST(CampaignJsonTest, BroadcastWithoutMcmcCertificateIsRefusedNamingTheField) {
  std::string error = ErrorOf(UncertifiedBroadcast());
  EXPECT_EQ(error.rfind("test.json: campaign rally: broadcast.mcmc_certificate is required: ", 0),
            0u)
      << error;
  EXPECT_NE(error.find("pre-certified by the MCMC"), std::string::npos) << error;
  json blank = UncertifiedBroadcast();
  blank["broadcast"]["mcmc_certificate"] = "   ";
  EXPECT_NE(ErrorOf(blank).find("broadcast.mcmc_certificate is required"), std::string::npos);
  json certified = UncertifiedBroadcast();
  certified["broadcast"]["mcmc_certificate"] = "MCMC/DL/2026/0412";
  EXPECT_EQ(ErrorOf(certified), "");
}

TEST(CampaignJsonTest, BroadcastKeysAreCheckedStrictly) {
  json document = UncertifiedBroadcast();
  document["broadcast"]["mcmc_certificate"] = "MCMC/DL/2026/0412";
  json typo = document;
  typo["broadcast"]["mesage"] = "x";
  EXPECT_NE(ErrorOf(typo).find("broadcast.mesage: unknown key; did you mean message?"),
            std::string::npos)
      << ErrorOf(typo);
  json too_many = document;
  too_many["broadcast"]["question"] = {{"id", "q"}, {"prompt", "ask"}, {"choices", 6}};
  EXPECT_EQ(ErrorOf(too_many),
            "test.json: campaign rally: broadcast.question.choices must be from 1 to 5, not 6");
  json no_broadcast = document;
  no_broadcast.erase("broadcast");
  EXPECT_NE(ErrorOf(no_broadcast).find("broadcast is required for a broadcast campaign"),
            std::string::npos);
  json outbound = Minimal();
  outbound["broadcast"] = document["broadcast"];
  EXPECT_EQ(ErrorOf(outbound),
            "test.json: campaign test-outbound: broadcast is only for broadcast campaigns; this "
            "one is outbound");
  json with_mode = document;
  with_mode["dial_mode"] = "predictive";
  EXPECT_NE(ErrorOf(with_mode).find("dial_mode is not for a broadcast campaign"),
            std::string::npos);
}

TEST(CampaignJsonTest, OtherKindsStillNeedDispositions) {
  json document = Minimal();
  document.erase("dispositions");
  EXPECT_EQ(ErrorOf(document), "test.json: dispositions: required key is missing");
}

TEST(CampaignJsonTest, InboundCampaignRoundTripsWithoutADialMode) {
  json inbound = Minimal();
  inbound["kind"] = "inbound";
  inbound.erase("dial_mode");
  inbound.erase("contact_lists");
  base::Result<callcenter::Campaign> campaign = ParseCampaign(inbound.dump(), "in.json");
  ASSERT_TRUE(campaign.ok()) << campaign.status().ToString();
  json written = CampaignToJson(*campaign);
  EXPECT_FALSE(written.contains("dial_mode"));
  EXPECT_EQ(*ParseCampaign(written.dump(), "again"), *campaign);
}

TEST(CampaignJsonTest, WrittenKeysAreTheFileFormat) {
  json written = CampaignToJson(*ParseCampaign(Minimal().dump(), "test.json"));
  EXPECT_EQ(written["dial_mode"], "power:2");
  EXPECT_EQ(written["hours"], json({{"open", "09:00"}, {"close", "21:00"}}));
  EXPECT_EQ(written["retry"]["busy_minutes"], 30);
  EXPECT_EQ(written["retry"]["no_answer_minutes"], 120);
  EXPECT_EQ(written["dispositions"][0]["effect"], "do_not_call");
}

TEST(CampaignJsonTest, HelplineExampleCarriesTheExampleIvrFlow) {
  base::Result<callcenter::Campaign> campaign =
      ParseCampaign(ReadExample("helpline.json"), "helpline.json");
  ASSERT_TRUE(campaign.ok()) << campaign.status().ToString();
  std::ifstream in(std::string(JANSAMPARK_EXAMPLES_DIR) + "/ivr/helpline.json");
  EXPECT_EQ(json::parse(campaign->ivr), json::parse(in));
  EXPECT_EQ(CampaignToJson(*campaign)["ivr"]["start"], "welcome");
  base::Result<std::shared_ptr<const telephony::ivr::Flow>> flow = IvrFlowOf(*campaign);
  ASSERT_TRUE(flow.ok()) << flow.status().ToString();
  EXPECT_EQ((*flow)->QueueNames(), std::vector<std::string>{"helpline"});
}

TEST(CampaignJsonTest, CampaignWithoutAnIvrWritesNone) {
  EXPECT_FALSE(CampaignToJson(*ParseCampaign(Minimal().dump(), "test.json")).contains("ivr"));
}

TEST(CampaignJsonTest, IvrFlowErrorsAreNamedUnderIvr) {
  json document = Minimal();
  document["kind"] = "blended";
  document["ivr"] = json::parse(R"({"start": "welcome",
      "steps": {"welcome": {"paly": "welcome", "next": "queue"}, "queue": {"queue": "helpline"}}})");
  EXPECT_EQ(ErrorOf(document),
            "test.json: campaign test-outbound: ivr: steps.welcome.paly: unknown key; did you "
            "mean play?");
  document["ivr"] = "helpline.json";
  EXPECT_EQ(ErrorOf(document), "test.json: ivr: expected an object");
  document["ivr"] = json::parse(R"({"start": "q", "steps": {"q": {"queue": "helpline"}}})");
  document["kind"] = "outbound";
  EXPECT_EQ(ErrorOf(document),
            "test.json: campaign test-outbound: ivr is only for inbound and blended campaigns; an "
            "outbound campaign takes no calls");
}

TEST(CampaignJsonTest, MalformedJsonGivesLineAndColumn) {
  std::string error = ErrorOfText("{\n  \"id\": \"x\",\n  \"name\": tru\n}");
  EXPECT_EQ(error.find("test.json: line 3, column "), 0u) << error;
  EXPECT_NE(error.find("malformed JSON"), std::string::npos) << error;
  EXPECT_EQ(ErrorOfText("").find("test.json: line 1, column 1: malformed JSON"), 0u)
      << ErrorOfText("");
}

TEST(CampaignJsonTest, DocumentMustBeAnObject) {
  EXPECT_EQ(ErrorOfText("[1, 2]"), "test.json: expected an object at the top of the document");
}

TEST(CampaignJsonTest, WrongTypeNamesThePath) {
  json document = Minimal();
  document["retry"] = {{"busy_minutes", "thirty"}};
  EXPECT_EQ(ErrorOf(document), "test.json: retry.busy_minutes: expected a whole number");
  document = Minimal();
  document["languages"] = {"hi", 7};
  EXPECT_EQ(ErrorOf(document), "test.json: languages[1]: expected a string");
  document = Minimal();
  document["abandon_target"] = "3%";
  EXPECT_EQ(ErrorOf(document), "test.json: abandon_target: expected a number");
  document = Minimal();
  document["retry"]["max_attempts"] = 2.5;
  EXPECT_EQ(ErrorOf(document), "test.json: retry.max_attempts: expected a whole number");
  document = Minimal();
  document["retry"]["max_attempts"] = 99999999999;
  EXPECT_NE(ErrorOf(document).find("retry.max_attempts"), std::string::npos);
  document = Minimal();
  document["dispositions"] = {"dnc"};
  EXPECT_EQ(ErrorOf(document), "test.json: dispositions[0]: expected an object");
}

TEST(CampaignJsonTest, MissingRequiredKeyIsNamed) {
  json document = Minimal();
  document.erase("languages");
  EXPECT_EQ(ErrorOf(document), "test.json: languages: required key is missing");
  document = Minimal();
  document["dispositions"][0].erase("label");
  EXPECT_EQ(ErrorOf(document), "test.json: dispositions[0].label: required key is missing");
}

TEST(CampaignJsonTest, MisspeltRequiredKeyIsNamedWithItsTypo) {
  json document = Minimal();
  document["nam"] = document["name"];
  document.erase("name");
  EXPECT_EQ(ErrorOf(document),
            "test.json: name: required key is missing; is 'nam' a misspelling of it?");
}

TEST(CampaignJsonTest, UnknownKeySuggestsTheNearest) {
  json document = Minimal();
  document["retry"] = {{"busy_minute", 30}};
  EXPECT_EQ(ErrorOf(document),
            "test.json: retry.busy_minute: unknown key; did you mean busy_minutes?");
  document = Minimal();
  document["langauges"] = {"en"};
  EXPECT_NE(ErrorOf(document).find("langauges: unknown key; did you mean languages?"),
            std::string::npos)
      << ErrorOf(document);
  document = Minimal();
  document["religion"] = "any";  // there is no such field, by design
  EXPECT_EQ(ErrorOf(document), "test.json: religion: unknown key");
}

TEST(CampaignJsonTest, KeyGivenTwiceIsRefused) {
  std::string text = Minimal().dump();
  text.insert(1, "\"name\": \"Shadowed\", ");
  EXPECT_EQ(ErrorOfText(text), "test.json: key 'name' is given twice in one object");
}

TEST(CampaignJsonTest, UnknownNamesSuggestTheNearest) {
  json document = Minimal();
  document["kind"] = "outbond";
  EXPECT_EQ(ErrorOf(document),
            "test.json: kind: unknown value 'outbond'; did you mean outbound? (one of outbound, "
            "inbound, blended, broadcast)");
  document = Minimal();
  document["dial_mode"] = "predictiv";
  EXPECT_NE(ErrorOf(document).find("test.json: dial_mode: unknown dial mode 'predictiv'; did you "
                                   "mean predictive?"),
            std::string::npos);
  document = Minimal();
  document["dispositions"][0]["effect"] = "donotcall";
  EXPECT_NE(ErrorOf(document).find("dispositions[0].effect: unknown value 'donotcall'"),
            std::string::npos);
}

TEST(CampaignJsonTest, HoursAreHhMmAndCheckedAsAWindow) {
  json document = Minimal();
  document["hours"] = {{"open", "9am"}, {"close", "21:00"}};
  EXPECT_EQ(ErrorOf(document),
            "test.json: hours.open: expected a time of day HH:MM (00:00 to 23:59), not '9am'");
  document["hours"] = {{"open", "22:30"}, {"close", "23:30"}};
  EXPECT_NE(ErrorOf(document).find("test.json: hours: calling hours 22:30-23:30"),
            std::string::npos)
      << ErrorOf(document);
  document["hours"] = {{"open", "24:00"}, {"close", "23:30"}};
  EXPECT_NE(ErrorOf(document).find("hours.open"), std::string::npos);
}

TEST(CampaignJsonTest, QuestionKeysOfAnotherTypeAreNamed) {
  json document = Minimal();
  document["survey"] = {{{"id", "q"}, {"text", "Q?"}, {"type", "yes_no"}, {"max", 3}}};
  EXPECT_EQ(ErrorOf(document),
            "test.json: survey[0].max: only a number question has max; this one is yes_no");
  document["survey"] = {{{"id", "q"}, {"text", "Q?"}, {"type", "number"}, {"min", 1}}};
  EXPECT_EQ(ErrorOf(document), "test.json: survey[0].max: required key is missing");
}

TEST(CampaignJsonTest, BrokenRulesNameTheCampaignAndField) {
  json document = Minimal();
  document["retry"] = {{"max_attempts", 0}};
  EXPECT_EQ(ErrorOf(document),
            "test.json: campaign test-outbound: retry.max_attempts must be from 1 to 10, not 0");
  document = Minimal();
  document["dispositions"][0]["effect"] = "done";
  EXPECT_NE(ErrorOf(document).find("must include one with effect do_not_call"), std::string::npos);
}

TEST(CampaignJsonTest, OverlongTextIsRefusedBeforeParsing) {
  std::string huge(kMaxCampaignJsonBytes + 1, ' ');
  EXPECT_NE(ErrorOfText(huge).find("at most 1 MiB"), std::string::npos);
}

TEST(CampaignJsonTest, RecordingRoundTripsWithItsDefaults) {
  json document = Minimal();
  document["recording"] = {{"enabled", true}};
  base::Result<callcenter::Campaign> campaign = ParseCampaign(document.dump(), "test.json");
  ASSERT_TRUE(campaign.ok()) << campaign.status().ToString();
  EXPECT_TRUE(campaign->recording.enabled);
  EXPECT_EQ(campaign->recording.consent_prompt, "call_recording_consent");
  EXPECT_EQ(campaign->recording.DirectoryOrDefault(), "recordings");
  json written = CampaignToJson(*campaign);
  EXPECT_EQ(written["recording"],
            json({{"enabled", true}, {"consent_prompt", "call_recording_consent"}}));
  EXPECT_EQ(*ParseCampaign(written.dump(), "again"), *campaign);

  document["recording"] = {
      {"enabled", true}, {"consent_prompt", "consent_short"}, {"directory", "/var/rec"}};
  campaign = ParseCampaign(document.dump(), "test.json");
  ASSERT_TRUE(campaign.ok()) << campaign.status().ToString();
  written = CampaignToJson(*campaign);
  EXPECT_EQ(written["recording"]["directory"], "/var/rec");
  EXPECT_EQ(*ParseCampaign(written.dump(), "again"), *campaign);
}

TEST(CampaignJsonTest, CampaignThatDoesNotRecordWritesNoRecording) {
  base::Result<callcenter::Campaign> campaign = ParseCampaign(Minimal().dump(), "test.json");
  ASSERT_TRUE(campaign.ok());
  EXPECT_FALSE(campaign->recording.enabled);
  EXPECT_FALSE(CampaignToJson(*campaign).contains("recording"));
}

TEST(CampaignJsonTest, RecordingErrorsNameTheField) {
  json document = Minimal();
  document["recording"] = {{"enabled", "yes"}};
  EXPECT_EQ(ErrorOf(document), "test.json: recording.enabled: expected true or false");
  document["recording"] = {{"enabled", true}, {"consent_prompt", "Consent Please"}};
  EXPECT_EQ(ErrorOf(document),
            "test.json: campaign test-outbound: recording.consent_prompt must be a prompt name of "
            "1 to 64 of a-z, A-Z, 0-9, '_' and '-', not 'Consent Please'");
  document["recording"] = {{"enabled", true}, {"directory", "rec\nordings"}};
  EXPECT_EQ(ErrorOf(document),
            "test.json: campaign test-outbound: recording.directory must not hold control "
            "characters");
  document["recording"] = {{"enabeld", true}};
  EXPECT_EQ(ErrorOf(document), "test.json: recording.enabeld: unknown key; did you mean enabled?");
  document["recording"] = true;
  EXPECT_EQ(ErrorOf(document), "test.json: recording: expected an object");
}

}  // namespace
}  // namespace api
