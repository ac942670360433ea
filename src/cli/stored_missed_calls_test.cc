#include "cli/stored_missed_calls.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "base/logging.h"
#include "fakes/fake_clock.h"
#include "fakes/in_memory_database.h"

namespace cli {
namespace {

// 2026-01-01T00:00:00Z
const base::TimePoint kNewYear = base::TimePoint(std::chrono::seconds(1'767'225'600));

// A database whose call records cannot be written, as when the disk is full.
class FullDatabase : public fakes::InMemoryDatabase {
 public:
  base::Result<std::int64_t> AddCallRecord(const store::CallRecord& /*record*/) override {
    return base::Unavailable("database or disk is full");
  }
};

std::vector<store::CallRecord> Records(store::Database& db) {
  base::Result<std::vector<store::CallRecord>> records =
      db.call_records().ListCallRecords(store::CallRecordQuery{});
  EXPECT_TRUE(records.ok()) << records.status().ToString();
  return records.ok() ? *records : std::vector<store::CallRecord>{};
}

TEST(StoredMissedCallsTest, WritesEachMissedCallAsACallRecordDatedNow) {
  fakes::InMemoryDatabase db;
  api::LockedDatabase locked(db);
  fakes::FakeClock clock(kNewYear);
  StoredMissedCalls sink(locked, clock, {});
  sink.OnMissedCall({.from = "+919000000001", .to = "+917000000000"});
  clock.AdvanceBy(std::chrono::minutes(5));
  sink.OnMissedCall({.from = "", .to = "+917000000000"});  // the network withheld the number

  std::vector<store::CallRecord> records = Records(db);
  ASSERT_EQ(records.size(), 2U);
  const store::CallRecord& first = records[1];
  EXPECT_EQ(first.direction, "inbound");
  EXPECT_EQ(first.kind, "missed_call");
  EXPECT_EQ(first.outcome, "missed_call");
  EXPECT_EQ(first.from, "+919000000001");
  EXPECT_EQ(first.to, "+917000000000");
  EXPECT_EQ(first.started_at, kNewYear);
  EXPECT_EQ(first.campaign_id, "");
  EXPECT_EQ(first.state, "");
  EXPECT_EQ(first.answered_at, std::nullopt);
  EXPECT_EQ(first.ended_at, std::nullopt);
  EXPECT_EQ(records[0].from, "");
  EXPECT_EQ(records[0].started_at, kNewYear + std::chrono::minutes(5));
}

TEST(StoredMissedCallsTest, KeepsTheCallbackCampaignOfTheNumberCalled) {
  fakes::InMemoryDatabase db;
  api::LockedDatabase locked(db);
  fakes::FakeClock clock(kNewYear);
  StoredMissedCalls sink(locked, clock, {{"+917000000001", "callback-bihar"}});
  sink.OnMissedCall({.from = "+919000000001", .to = "+917000000001"});
  sink.OnMissedCall({.from = "+919000000001", .to = "+917000000000"});
  std::vector<store::CallRecord> records = Records(db);
  ASSERT_EQ(records.size(), 2U);
  EXPECT_EQ(records[1].campaign_id, "callback-bihar");
  EXPECT_EQ(records[1].outcome, "missed_call");
  EXPECT_EQ(records[0].campaign_id, "");
}

TEST(StoredMissedCallsTest, AFailedWriteIsLoggedAsAnErrorAndNothingThrows) {
  FullDatabase db;
  api::LockedDatabase locked(db);
  fakes::FakeClock clock(kNewYear);
  StoredMissedCalls sink(locked, clock, {});
  std::vector<std::string> errors;
  base::SetLogSink([&](base::LogLevel level, std::string_view line) {
    if (level == base::LogLevel::kError) errors.emplace_back(line);
  });
  sink.OnMissedCall({.from = "+919000000001", .to = "+917000000000"});
  base::SetLogSink(nullptr);
  ASSERT_EQ(errors.size(), 1U);
  EXPECT_NE(errors[0].find("+919000000001"), std::string::npos) << errors[0];
  EXPECT_NE(errors[0].find("disk is full"), std::string::npos) << errors[0];
  // The lock was given back: the database is usable afterwards.
  EXPECT_TRUE(
      locked.With([](store::Database& d) { return d.call_records().ListCallRecords({}); }).ok());
}

}  // namespace
}  // namespace cli
