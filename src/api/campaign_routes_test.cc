// The /api/campaigns routes over an in-memory database: statuses, bodies and error shapes.
#include "api/campaign_routes.h"

#include <gtest/gtest.h>

#include "api/campaign_json.h"
#include "fakes/in_memory_database.h"

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

}  // namespace
}  // namespace api
