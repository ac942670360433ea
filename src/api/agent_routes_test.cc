// The /api/agents roster routes over an in-memory database: validation names the field, adding
// is all or none, states are checked against the reference data.
#include "api/agent_routes.h"

#include <gtest/gtest.h>

#include "fakes/country_builder.h"
#include "fakes/in_memory_database.h"

namespace api {
namespace {

using nlohmann::json;

// A synthetic agent of Testland (S01, abbreviated TL).
json AgentBody(const std::string& id) {
  return {{"id", id},      {"name", "Synthetic Agent"}, {"languages", {"hi", "en"}},
          {"state", "TL"}, {"seats", {"S01-2"}},        {"phone", "+919811100001"}};
}

class AgentRoutesTest : public ::testing::Test {
 protected:
  AgentRoutesTest() : db_(fakes::CountryBuilder().Seat(1).Seat(2).Build()) {}

  ApiResponse Send(const std::string& method, const std::string& path, std::string body = "") {
    ApiRequest request;
    request.method = method;
    request.path = path;
    request.body = std::move(body);
    request.received_at = base::TimePoint(std::chrono::seconds(1'767'225'600));
    return HandleRequest(db_, request);
  }
  static std::string Message(const ApiResponse& response) {
    return json::parse(response.body)["error"]["message"].get<std::string>();
  }

  fakes::InMemoryDatabase db_;
};

TEST_F(AgentRoutesTest, AddedAgentsAreListedAndShownWithTheirStateCode) {
  json two = json::array({AgentBody("b-2"), AgentBody("a-1")});
  ApiResponse added = Send("POST", "/api/agents", two.dump());
  ASSERT_EQ(added.status, 201) << added.body;
  EXPECT_EQ(json::parse(added.body)["count"], 2);

  json listed = json::parse(Send("GET", "/api/agents").body);
  ASSERT_EQ(listed["count"], 2);
  EXPECT_EQ(listed["agents"][0]["id"], "a-1");
  EXPECT_EQ(listed["agents"][0]["state"], "S01") << "the abbreviation is stored as the code";

  ApiResponse shown = Send("GET", "/api/agents/b-2");
  ASSERT_EQ(shown.status, 200);
  json agent = json::parse(shown.body);
  EXPECT_EQ(agent["languages"], json({"hi", "en"}));
  EXPECT_EQ(agent["seats"], json({"S01-2"}));
  EXPECT_EQ(agent["phone"], "+919811100001");
  EXPECT_EQ(agent["added_at"], "2026-01-01T00:00:00Z");
}

TEST_F(AgentRoutesTest, EachBadFieldIsNamedAndNothingIsStored) {
  struct Case {
    std::string key;
    json value;
    std::string expected;
  };
  std::vector<Case> cases = {
      {"id", "Not A Slug", "[1].id: 'Not A Slug' is not a slug"},
      {"name", "", "[1].name: is empty"},
      {"languages", json::array(), "[1].languages: at least one language"},
      {"languages", {"hi", "Hindi"}, "[1].languages[1]: 'Hindi' is not an ISO 639 code"},
      {"languages", {"hi", "hi"}, "[1].languages[1]: 'hi' is listed twice"},
      {"phone", "98111 00001", "[1].phone: '98111 00001' is not an E.164 number"},
      {"state", "ZZ", "agent 'bad': state 'ZZ' is not a state code"},
      {"seats", {"S01-9"}, "agent 'bad': seat 'S01-9' is not a Lok Sabha seat of S01"},
      {"religion", "x", "[1].religion: unknown key"},
  };
  for (const Case& c : cases) {
    json bad = AgentBody("bad");
    bad[c.key] = c.value;
    ApiResponse response =
        Send("POST", "/api/agents", json::array({AgentBody("good"), bad}).dump());
    EXPECT_EQ(response.status, 400) << c.key;
    EXPECT_NE(Message(response).find(c.expected), std::string::npos)
        << c.key << ": " << Message(response);
  }
  EXPECT_EQ(json::parse(Send("GET", "/api/agents").body)["count"], 0) << "all or none";
}

TEST_F(AgentRoutesTest, ATakenIdIsAConflictAndAnUnknownOneNotFound) {
  ASSERT_EQ(Send("POST", "/api/agents", AgentBody("a-1").dump()).status, 201);
  ApiResponse again = Send("POST", "/api/agents", AgentBody("a-1").dump());
  EXPECT_EQ(again.status, 409);
  EXPECT_NE(Message(again).find("agent 'a-1' exists already"), std::string::npos);
  ApiResponse missing = Send("GET", "/api/agents/zz");
  EXPECT_EQ(missing.status, 404);
  EXPECT_NE(Message(missing).find("'zz'"), std::string::npos);
  EXPECT_EQ(Send("DELETE", "/api/agents/a-1").status, 405);
}

TEST_F(AgentRoutesTest, WithoutReferenceDataTheStateCannotBeChecked) {
  fakes::InMemoryDatabase empty;
  ApiRequest request;
  request.method = "POST";
  request.path = "/api/agents";
  request.body = AgentBody("a-1").dump();
  ApiResponse response = HandleRequest(empty, request);
  EXPECT_EQ(response.status, 400);
  EXPECT_NE(Message(response).find("jansampark data load"), std::string::npos);
}

}  // namespace
}  // namespace api
