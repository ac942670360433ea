#include "api/call_record_json.h"

#include <gtest/gtest.h>

namespace api {
namespace {

using std::chrono::hours;
using std::chrono::minutes;
using std::chrono::seconds;

// 2026-01-01T00:00:00Z
const base::TimePoint kNewYear = base::TimePoint(seconds(1'767'225'600));

TEST(ParseUtcTest, ReadsADateATimeInUtcAndATimeWithAnOffset) {
  EXPECT_EQ(ParseUtc("2026-01-01", "t").value(), kNewYear);
  EXPECT_EQ(ParseUtc("2026-01-01T09:30Z", "t").value(), kNewYear + hours(9) + minutes(30));
  EXPECT_EQ(ParseUtc("2026-01-01T09:30:15Z", "t").value(),
            kNewYear + hours(9) + minutes(30) + seconds(15));
  // India Standard Time is UTC+05:30.
  EXPECT_EQ(ParseUtc("2026-01-01T15:00:00+05:30", "t").value(), kNewYear + hours(9) + minutes(30));
  EXPECT_EQ(ParseUtc("2025-12-31T23:00:00-01:00", "t").value(), kNewYear);
}

TEST(ParseUtcTest, RefusesAnythingElseNamingWhatAndTheForms) {
  for (const char* bad : {"", "yesterday", "2026-1-1", "2026-02-30", "2026-01-01T09:30",
                          "2026-01-01 09:30Z", "2026-01-01T24:00Z", "2026-01-01T09:30:00+0530",
                          "2026-01-01T09:30:00Zjunk", "1767225600"}) {
    base::Result<base::TimePoint> at = ParseUtc(bad, "--since");
    ASSERT_FALSE(at.ok()) << bad;
    EXPECT_EQ(at.status().code(), base::StatusCode::kInvalidArgument);
    EXPECT_NE(at.status().message().find("--since '" + std::string(bad) + "'"), std::string::npos)
        << at.status().message();
    EXPECT_NE(at.status().message().find("2026-01-01T15:00:00+05:30"), std::string::npos);
  }
}

TEST(CallRecordQueryTest, DefaultsToEveryKindAndTheDefaultLimit) {
  base::Result<store::CallRecordQuery> query = ParseCallRecordQuery({}, ParameterStyle::kQuery);
  ASSERT_TRUE(query.ok()) << query.status().ToString();
  EXPECT_EQ(query->kind, "");
  EXPECT_EQ(query->since, std::nullopt);
  EXPECT_EQ(query->until, std::nullopt);
  EXPECT_EQ(query->limit, store::CallRecordQuery::kDefaultLimit);
}

TEST(CallRecordQueryTest, ErrorsNameTheParameterInTheCallersStyle) {
  auto error = [](CallRecordQueryText text, ParameterStyle style) {
    base::Result<store::CallRecordQuery> query = ParseCallRecordQuery(text, style);
    EXPECT_FALSE(query.ok());
    return query.ok() ? std::string() : query.status().message();
  };
  EXPECT_EQ(
      error({.kind = "missed", .since = {}, .until = {}, .limit = {}}, ParameterStyle::kQuery),
      "parameter 'kind': unknown kind 'missed'; did you mean missed_call? (kinds: "
      "helpline, missed_call, campaign)");
  EXPECT_EQ(error({.kind = {}, .since = {}, .until = {}, .limit = "0"}, ParameterStyle::kFlag),
            "--limit must be from 1 to 1000, not 0");
  EXPECT_EQ(error({.kind = {}, .since = {}, .until = {}, .limit = "ten"}, ParameterStyle::kQuery),
            "parameter 'limit' 'ten' is not a whole number");
  EXPECT_NE(error({.kind = {}, .since = "soon", .until = {}, .limit = {}}, ParameterStyle::kQuery)
                .find("parameter 'since' 'soon'"),
            std::string::npos);
  EXPECT_EQ(error({.kind = {}, .since = "2026-01-02", .until = "2026-01-01", .limit = {}},
                  ParameterStyle::kFlag),
            "--since must be before --until");
}

TEST(CallRecordsJsonTest, WritesEveryFieldWithNullForTimesNeverReached) {
  store::CallRecord record;
  record.id = 7;
  record.direction = "inbound";
  record.kind = "missed_call";
  record.from = "+919000000001";
  record.to = "+918000000000";
  record.campaign_id = "callback";
  record.started_at = kNewYear + hours(4);
  record.outcome = "missed_call";
  nlohmann::json json = CallRecordsJson({record});
  EXPECT_EQ(json["count"], 1);
  const nlohmann::json& call = json["calls"][0];
  EXPECT_EQ(call["id"], 7);
  EXPECT_EQ(call["kind"], "missed_call");
  EXPECT_EQ(call["from"], "+919000000001");
  EXPECT_EQ(call["campaign_id"], "callback");
  EXPECT_EQ(call["state"], "");
  EXPECT_EQ(call["started_at"], "2026-01-01T04:00:00Z");
  EXPECT_TRUE(call["answered_at"].is_null());
  EXPECT_TRUE(call["connected_at"].is_null());
  EXPECT_TRUE(call["ended_at"].is_null());
  EXPECT_EQ(call["outcome"], "missed_call");
  EXPECT_EQ(call["recording"], "");  // not recorded
  EXPECT_EQ(call.size(), 15U);
}

TEST(CallRecordsJsonTest, WritesWhereTheCallWasRecorded) {
  store::CallRecord record;
  record.direction = "outbound";
  record.kind = "campaign";
  record.started_at = kNewYear;
  record.outcome = "talked";
  record.recording = "recordings/ls-volunteers/attempt-3.wav";
  EXPECT_EQ(CallRecordsJson({record})["calls"][0]["recording"],
            "recordings/ls-volunteers/attempt-3.wav");
}

}  // namespace
}  // namespace api
