// The routes that reach the running call centre, against a recording link: what each asks of
// it, and the 503 when no call centre runs.
#include "api/call_centre_routes.h"

#include <gtest/gtest.h>

#include "fakes/country_builder.h"
#include "fakes/in_memory_database.h"

namespace api {
namespace {

using nlohmann::json;

class RecordingLink : public CallCentreLink {
 public:
  base::Status AddAgent(const store::StoredAgent& agent) override {
    asked.push_back("add " + agent.id + " " + agent.state);
    return base::OkStatus();
  }
  base::Status Ready(const std::string& id) override {
    asked.push_back("ready " + id);
    return ready;
  }
  base::Status Release(const std::string& id) override {
    asked.push_back("release " + id);
    return base::OkStatus();
  }
  base::Result<callcenter::LiveAgent> AgentOf(const std::string& id) override {
    callcenter::LiveAgent agent;
    agent.id = id;
    agent.state = "S01";
    agent.phone.status = callcenter::PhoneStatus::kDialling;
    return agent;
  }
  callcenter::CallCentreSnapshot Snapshot() override {
    callcenter::CallCentreSnapshot snapshot;
    snapshot.callers_waiting = 2;
    snapshot.calls_in_progress = 3;
    snapshot.stats.inbound_connected = 1;
    callcenter::LiveAgent talking;
    talking.id = "a1";
    talking.state = "S01";
    talking.agent_state = callcenter::AgentState::kTalking;
    snapshot.agents = {talking, talking};
    snapshot.agents[1].id = "a2";
    snapshot.helplines = {{"18001100101", "S01", "hi", nullptr}};
    return snapshot;
  }

  std::vector<std::string> asked;
  base::Status ready = base::OkStatus();
};

class CallCentreRoutesTest : public ::testing::Test {
 protected:
  CallCentreRoutesTest() : db_(fakes::CountryBuilder().Seat(1).Build()), locked_(db_) {}

  ApiResponse Send(CallCentreLink* link, const std::string& method, const std::string& path,
                   std::string body = "") {
    ApiRequest request;
    request.method = method;
    request.path = path;
    request.body = std::move(body);
    std::optional<ApiResponse> response = RouteCallCentre(link, locked_, request);
    if (response) return *response;
    return locked_.With([&](store::Database& db) { return HandleRequest(db, request); });
  }

  fakes::InMemoryDatabase db_;
  LockedDatabase locked_;
  RecordingLink link_;
};

TEST_F(CallCentreRoutesTest, ReadyAndReleaseReachTheCallCentre) {
  ApiResponse ready = Send(&link_, "POST", "/api/agents/a1/ready");
  EXPECT_EQ(ready.status, 202) << ready.body;
  EXPECT_EQ(json::parse(ready.body)["agent"]["phone"]["status"], "dialling");
  EXPECT_EQ(Send(&link_, "POST", "/api/agents/a1/release").status, 202);
  EXPECT_EQ(link_.asked, (std::vector<std::string>{"ready a1", "release a1"}));
  EXPECT_EQ(Send(&link_, "GET", "/api/agents/a1/ready").status, 405);
}

TEST_F(CallCentreRoutesTest, ACallCentreRefusalBecomesItsHttpStatus) {
  link_.ready = base::Unavailable("no SIP trunk is configured (sip.trunks)");
  ApiResponse ready = Send(&link_, "POST", "/api/agents/a1/ready");
  EXPECT_EQ(ready.status, 503);
  EXPECT_NE(ready.body.find("sip.trunks"), std::string::npos);
}

TEST_F(CallCentreRoutesTest, WithoutACallCentreTheLiveRoutesAre503AndTheRosterStillWorks) {
  ApiResponse ready = Send(nullptr, "POST", "/api/agents/a1/ready");
  EXPECT_EQ(ready.status, 503);
  EXPECT_NE(ready.body.find("no call centre runs"), std::string::npos);
  EXPECT_EQ(Send(nullptr, "GET", "/api/callcentre").status, 503);
  EXPECT_EQ(Send(nullptr, "GET", "/api/agents").status, 200);
}

TEST_F(CallCentreRoutesTest, OverviewGroupsAgentsByStateAndCountsCalls) {
  json overview = json::parse(Send(&link_, "GET", "/api/callcentre").body);
  EXPECT_EQ(overview["callers_waiting"], 2);
  EXPECT_EQ(overview["calls_in_progress"], 3);
  EXPECT_EQ(overview["dialer"]["inbound_connected"], 1);
  ASSERT_EQ(overview["states"].size(), 1u);
  EXPECT_EQ(overview["states"][0]["state"], "S01");
  EXPECT_EQ(overview["states"][0]["counts"]["talking"], 2);
  EXPECT_EQ(overview["helplines"][0]["number"], "18001100101");
}

TEST_F(CallCentreRoutesTest, AddedAgentsJoinTheRunningCentreAndShowTheirPhone) {
  json agent = {{"id", "a9"},
                {"name", "Synthetic Agent"},
                {"languages", {"hi"}},
                {"state", "TL"},
                {"phone", "+919811100009"}};
  ApiResponse added = Send(&link_, "POST", "/api/agents", agent.dump());
  ASSERT_EQ(added.status, 201) << added.body;
  EXPECT_EQ(link_.asked, std::vector<std::string>{"add a9 S01"});
  json shown = json::parse(Send(&link_, "GET", "/api/agents/a9").body);
  EXPECT_EQ(shown["phone"], "+919811100009");
  EXPECT_EQ(shown["live"]["phone"]["status"], "dialling");
  EXPECT_EQ(Send(&link_, "GET", "/api/agents/zz").status, 404);

  ApiResponse bad = Send(&link_, "POST", "/api/agents", "{}");
  EXPECT_EQ(bad.status, 400);
  EXPECT_EQ(link_.asked.size(), 1u) << "nothing more added";
}

}  // namespace
}  // namespace api
