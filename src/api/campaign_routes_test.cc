// The /api/campaigns routes over an in-memory database: statuses, bodies and error shapes.
#include "api/campaign_routes.h"

#include <gtest/gtest.h>

#include "api/campaign_json.h"
#include "api/campaign_prompts.h"
#include "fakes/in_memory_database.h"
#include "telephony/rtp/wav_test_util.h"

namespace api {
namespace {

using nlohmann::json;

// A synthetic outbound campaign file.
json CampaignFile(const std::string& id) {
  return {
      {"id", id},
      {"name", "Test campaign"},
      {"kind", "outbound"},
      {"dial_mode", "progressive"},
      {"languages", {"hi", "en"}},
      {"contact_lists", {"list-a"}},
      {"dispositions", {{{"code", "dnc"}, {"label", "Do not call"}, {"effect", "do_not_call"}}}}};
}

class CampaignRoutesTest : public ::testing::Test {
 protected:
  ApiResponse Send(const std::string& method, const std::string& path, std::string body = "") {
    ApiRequest request;
    request.method = method;
    request.path = path;
    request.body = std::move(body);
    request.received_at = now_;
    return HandleRequest(db_, request);
  }
  ApiResponse Post(const std::string& path, const json& body) {
    return Send("POST", path, body.dump());
  }
  static json Body(const ApiResponse& response) { return json::parse(response.body); }
  static std::string Message(const ApiResponse& response) {
    return Body(response)["error"]["message"].get<std::string>();
  }

  fakes::InMemoryDatabase db_;
  base::TimePoint now_ = base::TimePoint(std::chrono::seconds(1'767'260'000));
};

TEST_F(CampaignRoutesTest, PostedCampaignIsCreatedThenListedAndShown) {
  ApiResponse created = Post("/api/campaigns", CampaignFile("gamma"));
  ASSERT_EQ(created.status, 201) << created.body;
  EXPECT_EQ(Body(created)["id"], "gamma");
  EXPECT_EQ(Body(created)["retry"]["max_attempts"], 3);  // defaults are written out
  ASSERT_EQ(Post("/api/campaigns", CampaignFile("alpha")).status, 201);

  ApiResponse listed = Send("GET", "/api/campaigns");
  ASSERT_EQ(listed.status, 200) << listed.body;
  EXPECT_EQ(Body(listed)["count"], 2);
  EXPECT_EQ(Body(listed)["campaigns"][0]["id"], "alpha");

  ApiResponse shown = Send("GET", "/api/campaigns/gamma");
  ASSERT_EQ(shown.status, 200) << shown.body;
  EXPECT_EQ(Body(shown), Body(created));
  EXPECT_EQ(db_.GetCampaign("gamma")->created_at, now_);
}

TEST_F(CampaignRoutesTest, UnknownCampaignIs404NamingIt) {
  ApiResponse missing = Send("GET", "/api/campaigns/nowhere");
  EXPECT_EQ(missing.status, 404);
  EXPECT_EQ(Body(missing)["error"]["code"], "not_found");
  EXPECT_NE(Message(missing).find("'nowhere'"), std::string::npos);
  EXPECT_EQ(Send("GET", "/api/campaigns/nowhere/opt-outs").status, 404);
  EXPECT_EQ(Post("/api/campaigns/nowhere/opt-outs", {{"number", "+919000000001"}}).status, 404);
}

TEST_F(CampaignRoutesTest, InvalidCampaignIs400NamingTheField) {
  json bad = CampaignFile("beta");
  bad["retry"] = {{"max_attempts", 0}};
  ApiResponse response = Post("/api/campaigns", bad);
  EXPECT_EQ(response.status, 400);
  EXPECT_EQ(Body(response)["error"]["code"], "invalid_argument");
  EXPECT_EQ(Message(response),
            "request body: campaign beta: retry.max_attempts must be from 1 to 10, not 0");
  ApiResponse malformed = Send("POST", "/api/campaigns", "{\"id\": ");
  EXPECT_EQ(malformed.status, 400);
  EXPECT_NE(Message(malformed).find("request body: line 1, column"), std::string::npos);
  EXPECT_TRUE(db_.ListCampaigns()->empty());
}

TEST_F(CampaignRoutesTest, ExistingIdIs409AndKeepsTheFirst) {
  ASSERT_EQ(Post("/api/campaigns", CampaignFile("alpha")).status, 201);
  json changed = CampaignFile("alpha");
  changed["name"] = "Another";
  ApiResponse again = Post("/api/campaigns", changed);
  EXPECT_EQ(again.status, 409);
  EXPECT_EQ(Body(again)["error"]["code"], "conflict");
  EXPECT_NE(Message(again).find("'alpha'"), std::string::npos);
  EXPECT_EQ(Body(Send("GET", "/api/campaigns/alpha"))["name"], "Test campaign");
}

TEST_F(CampaignRoutesTest, BodyOverOneMebibyteIs413) {
  ApiResponse response =
      Send("POST", "/api/campaigns", std::string(kMaxCampaignJsonBytes + 1, ' '));
  EXPECT_EQ(response.status, 413);
  EXPECT_NE(Message(response).find("over 1 MiB"), std::string::npos);
}

TEST_F(CampaignRoutesTest, OptOutIsAddedOnceAndListed) {
  ASSERT_EQ(Post("/api/campaigns", CampaignFile("alpha")).status, 201);
  ApiResponse added = Post("/api/campaigns/alpha/opt-outs",
                           {{"number", "+919000000001"}, {"reason", "asked on the call"}});
  ASSERT_EQ(added.status, 201) << added.body;
  EXPECT_EQ(Body(added)["number"], "+919000000001");
  EXPECT_EQ(Body(added)["added_at"], "2026-01-01T09:33:20Z");
  now_ += std::chrono::hours(1);
  ApiResponse again =
      Post("/api/campaigns/alpha/opt-outs", {{"number", "+919000000001"}, {"reason", "later"}});
  EXPECT_EQ(again.status, 200);
  EXPECT_EQ(Body(again)["reason"], "asked on the call");

  ApiResponse listed = Send("GET", "/api/campaigns/alpha/opt-outs");
  ASSERT_EQ(listed.status, 200);
  EXPECT_EQ(Body(listed), json::parse(R"({"campaign_id": "alpha", "count": 1, "numbers": [{"number":
              "+919000000001", "reason": "asked on the call", "added_at": "2026-01-01T09:33:20Z"}]})"));
}

TEST_F(CampaignRoutesTest, OptOutNeedsAnE164NumberAndKnownKeys) {
  ASSERT_EQ(Post("/api/campaigns", CampaignFile("alpha")).status, 201);
  ApiResponse local = Post("/api/campaigns/alpha/opt-outs", {{"number", "09812345678"}});
  EXPECT_EQ(local.status, 400);
  EXPECT_NE(Message(local).find("E.164"), std::string::npos);
  ApiResponse typo = Post("/api/campaigns/alpha/opt-outs", {{"numbr", "+919000000001"}});
  EXPECT_EQ(typo.status, 400);
  EXPECT_EQ(Message(typo),
            "request body: number: required key is missing; is 'numbr' a misspelling of it?");
  ApiResponse extra =
      Post("/api/campaigns/alpha/opt-outs", {{"number", "+919000000001"}, {"reasn", "x"}});
  EXPECT_EQ(Message(extra), "request body: reasn: unknown key; did you mean reason?");
  EXPECT_EQ(Body(Send("GET", "/api/campaigns/alpha/opt-outs"))["count"], 0);
}

TEST_F(CampaignRoutesTest, WrongMethodIs405AndParametersAreRefused) {
  EXPECT_EQ(Send("DELETE", "/api/campaigns").status, 405);
  EXPECT_EQ(Send("POST", "/api/campaigns/alpha").status, 405);
  EXPECT_EQ(Send("DELETE", "/api/campaigns/alpha/opt-outs").status, 405);
  ApiRequest request;
  request.path = "/api/campaigns";
  request.query = {{"limit", "5"}};
  EXPECT_EQ(HandleRequest(db_, request).status, 400);
  EXPECT_EQ(Send("GET", "/api/campaigns/a/b/c").status, 404);
  EXPECT_EQ(Send("GET", "/api/campaignsx").status, 404);
}

// ---- Prompts a campaign uploads. ----

std::string Text(const std::vector<std::uint8_t>& bytes) { return {bytes.begin(), bytes.end()}; }

// A second of synthetic 16-bit audio as an 8 kHz mono WAV, or at another rate or channels.
std::string WavOfOneSecond(std::uint32_t rate = 8000, std::uint16_t channels = 1) {
  std::vector<std::int16_t> samples(rate * channels, 1000);
  return Text(telephony::rtp::testing::Wav(1, channels, rate, 16,
                                           telephony::rtp::testing::Pcm16Bytes(samples)));
}

TEST_F(CampaignRoutesTest, UploadedPromptIsStoredAsUlawListedAndRemoved) {
  ASSERT_EQ(Post("/api/campaigns", CampaignFile("rally")).status, 201);
  ApiResponse uploaded =
      Send("POST", "/api/campaigns/rally/prompts/rally_invite", WavOfOneSecond());
  ASSERT_EQ(uploaded.status, 201) << uploaded.body;
  EXPECT_EQ(Body(uploaded)["bytes"], 8000);
  EXPECT_EQ(Body(uploaded)["seconds"], 1.0);
  std::vector<store::CampaignPrompt> stored = *db_.campaign_prompts().ListCampaignPrompts("rally");
  ASSERT_EQ(stored.size(), 1u);
  EXPECT_EQ(stored[0].name, "rally_invite");
  EXPECT_EQ(stored[0].ulaw.size(), 8000u);
  EXPECT_EQ(stored[0].added_at, now_);

  // Raw µ-law is taken as it is.
  std::string ulaw(4000, '\x55');
  ASSERT_EQ(Send("POST", "/api/campaigns/rally/prompts/ask", ulaw).status, 201);
  ApiResponse listed = Send("GET", "/api/campaigns/rally/prompts");
  ASSERT_EQ(listed.status, 200) << listed.body;
  EXPECT_EQ(Body(listed)["count"], 2);
  EXPECT_EQ(Body(listed)["prompts"][0]["name"], "ask");
  EXPECT_EQ(db_.campaign_prompts().ListCampaignPrompts("rally")->at(0).ulaw,
            std::vector<std::uint8_t>(4000, 0x55));

  EXPECT_EQ(Send("DELETE", "/api/campaigns/rally/prompts/ask").status, 200);
  ApiResponse again = Send("DELETE", "/api/campaigns/rally/prompts/ask");
  EXPECT_EQ(again.status, 404);
  EXPECT_EQ(Message(again), "campaign rally has no prompt 'ask'");
}

TEST_F(CampaignRoutesTest, UploadedPromptsLoadIntoALibraryUnderTheCampaignsName) {
  ASSERT_EQ(Post("/api/campaigns", CampaignFile("rally")).status, 201);
  ASSERT_EQ(Send("POST", "/api/campaigns/rally/prompts/invite", std::string(1600, '\x21')).status,
            201);
  telephony::rtp::PromptLibrary library;
  base::Result<int> loaded = LoadCampaignPrompts(db_, library);
  ASSERT_TRUE(loaded.ok()) << loaded.status().ToString();
  EXPECT_EQ(*loaded, 1);
  ASSERT_NE(library.Find("rally/invite"), nullptr);
  EXPECT_EQ(library.Find("rally/invite")->pcmu, std::vector<std::uint8_t>(1600, 0x21));
  EXPECT_EQ(library.Find("rally/invite")->pcma.size(), 1600u);
  EXPECT_EQ(library.Find("invite"), nullptr);
}

TEST_F(CampaignRoutesTest, BroadcastAnswersAreListedWithATallyByKey) {
  ASSERT_EQ(Post("/api/campaigns", CampaignFile("rally")).status, 201);
  for (const auto& [number, digit] : std::vector<std::pair<std::string, char>>{
           {"+919000000001", '3'}, {"+919000000002", '1'}, {"+919000000003", '3'}}) {
    ASSERT_TRUE(db_.AddBroadcastAnswer({"rally", number, "will-attend", digit, now_}).ok());
  }
  ApiResponse listed = Send("GET", "/api/campaigns/rally/answers");
  ASSERT_EQ(listed.status, 200) << listed.body;
  EXPECT_EQ(Body(listed)["count"], 3);
  EXPECT_EQ(Body(listed)["tally"], json({{"will-attend", {{"1", 1}, {"3", 2}}}}));
  EXPECT_EQ(Body(listed)["answers"][0]["number"], "+919000000001");
  EXPECT_EQ(Body(listed)["answers"][0]["digit"], "3");
  EXPECT_EQ(Send("GET", "/api/campaigns/nope/answers").status, 404);
  EXPECT_EQ(Send("POST", "/api/campaigns/rally/answers").status, 405);
}

TEST_F(CampaignRoutesTest, BadPromptUploadsAreRefusedNamingWhatIsWrong) {
  ASSERT_EQ(Post("/api/campaigns", CampaignFile("rally")).status, 201);
  auto error_of = [&](const std::string& name, const std::string& body) {
    ApiResponse response = Send("POST", "/api/campaigns/rally/prompts/" + name, body);
    EXPECT_EQ(response.status, 400) << response.body;
    return Message(response);
  };
  EXPECT_EQ(error_of("invite", WavOfOneSecond(44100)),
            "prompt invite (request body): 44100 Hz, expected 8000 Hz");
  EXPECT_EQ(error_of("invite", WavOfOneSecond(8000, 2)),
            "prompt invite (request body): 2 channels, expected mono");
  EXPECT_EQ(error_of("invite", std::string(800, '\x55')),
            "prompt invite (request body): 0.1 s of audio; a prompt is at least 0.2 s");
  EXPECT_EQ(error_of("invite", std::string(121 * 8000, '\x55')),
            "prompt invite (request body): 121.0 s of audio; a prompt is at most 2 minutes "
            "(120 s)");
  EXPECT_NE(error_of("in.vite", std::string(8000, '\x55')).find("the name 'in.vite' must be"),
            std::string::npos);
  EXPECT_TRUE(db_.campaign_prompts().ListCampaignPrompts("rally")->empty());
  ApiResponse unknown = Send("POST", "/api/campaigns/nope/prompts/x", std::string(8000, 'U'));
  EXPECT_EQ(unknown.status, 404) << unknown.body;
  ApiResponse huge =
      Send("POST", "/api/campaigns/rally/prompts/x", std::string(kMaxPromptUploadBytes + 1, 'U'));
  EXPECT_EQ(huge.status, 413);
  EXPECT_EQ(Send("PUT", "/api/campaigns/rally/prompts/x").status, 405);
}

}  // namespace
}  // namespace api
