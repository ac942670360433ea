#include "api/router.h"

#include <gtest/gtest.h>

#include "fakes/country_builder.h"
#include "fakes/in_memory_database.h"

namespace api {
namespace {

using nlohmann::json;

class RouterTest : public ::testing::Test {
 protected:
  ApiResponse Get(const std::string& path, std::map<std::string, std::string> query = {}) {
    ApiRequest request;
    request.path = path;
    request.query = std::move(query);
    return HandleRequest(db_, request);
  }
  static json Body(const ApiResponse& response) { return json::parse(response.body); }

  fakes::InMemoryDatabase db_{fakes::CountryBuilder()
                                  .Seat(1, {11})
                                  .Seat(2)
                                  .Votes("ls2019", 1, "AAA", 600)
                                  .Votes("ls2019", 1, "BBB", 400)
                                  .Votes("ls2019", 2, "AAA", 450)
                                  .Votes("ls2019", 2, "BBB", 550)
                                  .Votes("ae2021", 11, "BBB", 700)
                                  .Votes("ae2021", 11, "AAA", 300)
                                  .Build()};
};

TEST_F(RouterTest, HealthReportsSeatsAndElections) {
  ApiResponse response = Get("/health");
  EXPECT_EQ(response.status, 200);
  json body = Body(response);
  EXPECT_EQ(body["status"], "ok");
  EXPECT_EQ(body["seats"], 2);
  EXPECT_EQ(body["elections"], json({"ls2019", "ae2021"}));
}

TEST_F(RouterTest, WeakSeatsWeakestFirstWithStableFields) {
  ApiResponse response = Get("/api/seats/weak", {{"party", "alpha"}});
  ASSERT_EQ(response.status, 200) << response.body;
  json body = Body(response);
  EXPECT_EQ(body["party"], "AAA");
  EXPECT_EQ(body["score_version"], 1);
  ASSERT_EQ(body["seats"].size(), 2u);
  json first = body["seats"][0];
  EXPECT_EQ(first["seat_id"], "S01-2");
  EXPECT_EQ(first["won"], false);
  EXPECT_EQ(first["margin_pct"], -10.0);
  EXPECT_EQ(first["reason"], "lost to BBB by 10.0%");
  json second = body["seats"][1];
  EXPECT_EQ(second["assembly"]["segments_won"], 0);
  EXPECT_EQ(second["score"]["assembly"], -3.0);  // mean margin -40, clamped to -20, × 0.15
}

TEST_F(RouterTest, SegmentsListTheSegmentsOfTheTopSeats) {
  ApiResponse response = Get("/api/seats/segments", {{"party", "AAA"}, {"top", "2"}});
  ASSERT_EQ(response.status, 200) << response.body;
  json body = Body(response);
  ASSERT_EQ(body["segments"].size(), 1u);
  EXPECT_EQ(body["segments"][0]["segment_id"], "S01-AC-11");
  EXPECT_EQ(body["segments"][0]["seat_rank"], 2);
  EXPECT_EQ(body["segments"][0]["assembly"]["winner_party"], "BBB");
}

TEST_F(RouterTest, SummaryCountsSeatsPerParty) {
  json body = Body(Get("/api/seats/summary", {{"election", "ls2019"}}));
  EXPECT_EQ(body["seats"], 2);
  EXPECT_EQ(body["parties"][0]["seats_won"], 1);
}

TEST_F(RouterTest, BadInputIsA400WithAMessage) {
  ApiResponse unknown_party = Get("/api/seats/weak", {{"party", "AAX"}});
  EXPECT_EQ(unknown_party.status, 400);
  EXPECT_EQ(Body(unknown_party)["error"]["code"], "invalid_argument");
  EXPECT_NE(Body(unknown_party)["error"]["message"].get<std::string>().find("AAA"),
            std::string::npos);
  EXPECT_EQ(Get("/api/seats/weak", {}).status, 400);
  EXPECT_EQ(Get("/api/seats/weak", {{"party", "AAA"}, {"top", "0"}}).status, 400);
  EXPECT_EQ(Get("/api/seats/weak", {{"party", "AAA"}, {"mode", "weak"}}).status, 400);
  EXPECT_EQ(Get("/api/seats/weak", {{"party", "AAA"}, {"election", "ls1999"}}).status, 400);
  EXPECT_EQ(Get("/api/seats/weak", {{"party", "AAA"}, {"baseline", "ls2019"}}).status, 400);
  ApiResponse unknown_parameter = Get("/api/seats/weak", {{"party", "AAA"}, {"topp", "3"}});
  EXPECT_EQ(unknown_parameter.status, 400);
  EXPECT_NE(unknown_parameter.body.find("did you mean top"), std::string::npos);
}

TEST_F(RouterTest, SimulatesASmallCallingDay) {
  ApiResponse response =
      Get("/api/dialer/simulate", {{"agents", "5"}, {"hours", "0.5"}, {"mode", "progressive"}});
  ASSERT_EQ(response.status, 200) << response.body;
  json body = Body(response);
  EXPECT_EQ(body["mode"], "progressive");
  EXPECT_GT(body["placed"].get<int>(), 0);
  EXPECT_EQ(body["abandoned"], 0);
  for (const char* key : {"answered_human", "connected", "abandon_rate", "agent_utilization",
                          "talk_seconds_per_agent_hour", "contacts_per_agent_hour",
                          "mean_agent_idle_s", "p95_customer_wait_s"}) {
    EXPECT_TRUE(body.contains(key)) << key;
  }
}

TEST_F(RouterTest, SimulatesABlendedDayWithCallersRingingIn) {
  ApiResponse response =
      Get("/api/dialer/simulate",
          {{"agents", "5"}, {"hours", "1"}, {"mode", "preview"}, {"inbound_per_hour", "30"}});
  ASSERT_EQ(response.status, 200) << response.body;
  json inbound = Body(response)["inbound"];
  EXPECT_EQ(inbound["per_hour"], 30.0);
  EXPECT_GT(inbound["offered"].get<int>(), 0);
  EXPECT_EQ(inbound["connected"].get<int>() + inbound["abandoned"].get<int>(),
            inbound["offered"].get<int>());
  EXPECT_FALSE(
      Body(Get("/api/dialer/simulate", {{"agents", "5"}, {"hours", "0.5"}})).contains("inbound"));
  EXPECT_EQ(Get("/api/dialer/simulate", {{"inbound_per_hour", "-1"}}).status, 400);
}

TEST_F(RouterTest, SimulationRefusesBadOrTooLargeDays) {
  EXPECT_EQ(Get("/api/dialer/simulate", {{"mode", "sideways"}}).status, 400);
  EXPECT_EQ(Get("/api/dialer/simulate", {{"agents", "many"}}).status, 400);
  EXPECT_EQ(Get("/api/dialer/simulate", {{"agents", "500"}, {"hours", "8"}}).status, 400);
  EXPECT_EQ(Get("/api/dialer/simulate", {{"agentz", "5"}}).status, 400);
}

store::CallRecord MissedCallAt(int hour) {
  store::CallRecord record;
  record.direction = "inbound";
  record.kind = "missed_call";
  record.from = "+919000000001";  // synthetic
  record.to = "+918000000000";
  record.started_at =
      base::TimePoint(std::chrono::seconds(1'767'225'600) + std::chrono::hours(hour));
  record.outcome = "missed_call";
  return record;
}

TEST_F(RouterTest, CallsListsCallRecordsNewestFirstWithFilters) {
  ASSERT_TRUE(db_.call_records().AddCallRecord(MissedCallAt(1)).ok());
  store::CallRecord helpline = MissedCallAt(2);
  helpline.kind = "helpline";
  helpline.outcome = "talked";
  helpline.ended_at = helpline.started_at + std::chrono::minutes(3);
  ASSERT_TRUE(db_.call_records().AddCallRecord(helpline).ok());
  ASSERT_TRUE(db_.call_records().AddCallRecord(MissedCallAt(3)).ok());

  ApiResponse all = Get("/api/calls");
  ASSERT_EQ(all.status, 200) << all.body;
  json body = Body(all);
  EXPECT_EQ(body["count"], 3);
  EXPECT_EQ(body["calls"][0]["started_at"], "2026-01-01T03:00:00Z");
  EXPECT_EQ(body["calls"][1]["kind"], "helpline");
  EXPECT_EQ(body["calls"][1]["ended_at"], "2026-01-01T02:03:00Z");
  EXPECT_TRUE(body["calls"][0]["ended_at"].is_null());

  json missed = Body(Get("/api/calls", {{"kind", "missed_call"}, {"limit", "1"}}));
  ASSERT_EQ(missed["count"], 1);
  EXPECT_EQ(missed["calls"][0]["started_at"], "2026-01-01T03:00:00Z");
  // 07:30 IST is 02:00 UTC: the helpline call and the later missed call.
  json since = Body(Get("/api/calls", {{"since", "2026-01-01T07:30:00+05:30"}}));
  EXPECT_EQ(since["count"], 2);
}

TEST_F(RouterTest, CallsRefusesBadParametersNamingThem) {
  for (const auto& [name, value] :
       std::vector<std::pair<std::string, std::string>>{{"kind", "helpdesk"},
                                                        {"since", "last week"},
                                                        {"limit", "0"},
                                                        {"limit", "5000"},
                                                        {"limit", "x"},
                                                        {"sort", "asc"}}) {
    ApiResponse response = Get("/api/calls", {{name, value}});
    EXPECT_EQ(response.status, 400) << name << "=" << value;
    std::string message = Body(response)["error"]["message"];
    EXPECT_NE(message.find("'" + name + "'"), std::string::npos) << message;
  }
}

TEST_F(RouterTest, UnknownRouteIs404AndWrongMethodIs405) {
  EXPECT_EQ(Get("/api/nothing").status, 404);
  ApiRequest post;
  post.method = "POST";
  post.path = "/api/seats/weak";
  EXPECT_EQ(HandleRequest(db_, post).status, 405);
}

}  // namespace
}  // namespace api
