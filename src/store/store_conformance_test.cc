// The behaviour every store backend must have, written against store.h alone. A backend joins
// by adding a TestBackend below and a line to INSTANTIATE_TEST_SUITE_P.

#include <gtest/gtest.h>

#include <functional>
#include <map>
#include <memory>
#include <sstream>
#include <string>
#include <vector>

#include "base/text.h"
#include "fakes/in_memory_database.h"
#include "fakes/temp_dir.h"
#include "store/sqlite/migrations.h"
#include "store/store.h"

namespace store {
namespace {

// Where one test's database lives. Each test gets a fresh, empty one.
class TestBackend {
 public:
  virtual ~TestBackend() = default;
  // What to pass to OpenDatabase; the same database every time.
  virtual std::string Spec() const = 0;
  // Whether the data outlives the Database object, so that opening again finds it.
  virtual bool Persistent() const = 0;
  // Opens the backend's database (again).
  virtual base::Result<std::unique_ptr<Database>> Open() { return OpenDatabase(Spec()); }
};

class SqliteMemoryBackend : public TestBackend {
 public:
  std::string Spec() const override { return ":memory:"; }
  bool Persistent() const override { return false; }
};

// The fake that tests above the store use. It runs the suites of the stores it keeps to the
// letter (call records); it keeps reference data as given, so not the main suite.
class InMemoryFakeBackend : public TestBackend {
 public:
  std::string Spec() const override { return "fake:in-memory"; }
  bool Persistent() const override { return false; }
  base::Result<std::unique_ptr<Database>> Open() override {
    return std::unique_ptr<Database>(std::make_unique<fakes::InMemoryDatabase>());
  }
};

class SqliteFileBackend : public TestBackend {
 public:
  std::string Spec() const override { return "sqlite:" + dir_.File("store.db"); }
  bool Persistent() const override { return true; }

 private:
  fakes::TempDir dir_;
};

struct BackendParam {
  std::string name;
  std::function<std::unique_ptr<TestBackend>()> make;
  int latest_schema_version = 0;  // the number of the backend's migrations
};

void PrintTo(const BackendParam& param, std::ostream* out) { *out << param.name; }

// ---- Synthetic data, given out of key order on purpose. ----

results::CandidateVotes Vote(std::string state, int number, int position, std::string candidate,
                             std::string party, std::int64_t votes) {
  return {.state_code = std::move(state),
          .number = number,
          .position = position,
          .candidate = std::move(candidate),
          .party = std::move(party),
          .votes = votes};
}

geo::Seat UnnamedInHindi(std::string state, int number, std::string name) {
  return {.state_code = std::move(state),
          .number = number,
          .name = std::move(name),
          .name_hi = "",
          .reservation = "GEN"};
}

// A made-up country: states, places and every person's name here are synthetic.
results::ReferenceData SmallCountry() {
  results::ReferenceData data;
  data.states = {
      {.code = "U01",
       .name = "Beta Islands",
       .abbr = "BI",
       .kind = geo::StateKind::kUnionTerritory,
       .seat_count = 1,
       .segment_count = 0,
       .has_assembly = false,
       .official_languages = {"en"},
       .additional_languages = {}},
      {.code = "S01",
       .name = "Alpha Pradesh",
       .abbr = "AP",
       .kind = geo::StateKind::kState,
       .seat_count = 2,
       .segment_count = 4,
       .has_assembly = true,
       .official_languages = {"hi", "en"},
       .additional_languages = {"ur"}},
  };
  data.seats = {
      {.state_code = "S01", .number = 10, .name = "Tenpur", .name_hi = "दसपुर", .reservation = "SC"},
      {.state_code = "U01", .number = 1, .name = "Beta", .name_hi = "", .reservation = "GEN"},
      {.state_code = "S01",
       .number = 9,
       .name = "Ninegarh",
       .name_hi = "नौगढ़",
       .reservation = "GEN"},
  };
  data.segments = {
      {.state_code = "S01",
       .number = 10,
       .name = "Ten East",
       .reservation = "GEN",
       .seat_number = 10,
       .electors_2014 = 210'000},
      {.state_code = "S01",
       .number = 2,
       .name = "Two North",
       .reservation = "ST",
       .seat_number = 9,
       .electors_2014 = 180'500},
      {.state_code = "S01",
       .number = 11,
       .name = "Eleven West",
       .reservation = "SC",
       .seat_number = 10,
       .electors_2014 = 3'000'000'000},
      {.state_code = "S01",
       .number = 9,
       .name = "Nine Old Town",
       .reservation = "GEN",
       .seat_number = 9,
       .electors_2014 = 0},
  };
  data.parties = {
      {.code = "NOTA", .name = "None of the Above", .ls2014_name = "", .aliases = {}},
      {.code = "INC",
       .name = "Indian National Congress",
       .ls2014_name = "Indian National Congress",
       .aliases = {"Congress", "INC(I)"}},
      {.code = "BJP",
       .name = "Bharatiya Janata Party",
       .ls2014_name = "Bharatiya Janata Party",
       .aliases = {"Bhajapa", "BJP4"}},
      {.code = "IND", .name = "Independent", .ls2014_name = "Independent", .aliases = {}},
  };
  data.elections = {
      {.election =
           {.id = "ae2018", .kind = results::ElectionKind::kAssembly, .year = 2018, .states = {}},
       .votes = {Vote("S01", 10, 1, "Kamla Devi", "INC", 61'000),
                 Vote("S01", 2, 0, "NOTA", "NOTA", 400),
                 Vote("S01", 2, 1, "Ram Lal", "BJP", 52'000)}},
      {.election =
           {.id = "ls2019", .kind = results::ElectionKind::kLokSabha, .year = 2019, .states = {}},
       .votes = {Vote("S01", 10, 0, "NOTA", "NOTA", 1'200),
                 Vote("S01", 10, 1, "Asha Kumari", "BJP", 500'000),
                 Vote("S01", 10, 2, "Bhola Nath", "INC", 400'000),
                 Vote("U01", 1, 1, "Esther Dias", "IND", 100'000),
                 Vote("S01", 9, 2, "Chandra Rao", "INC", 300'000),
                 Vote("S01", 9, 0, "NOTA", "NOTA", 900),
                 Vote("S01", 9, 1, "Deepak Singh", "BJP", 350'000),
                 Vote("U01", 1, 0, "NOTA", "NOTA", 50)}},
      {.election =
           {.id = "ls2014", .kind = results::ElectionKind::kLokSabha, .year = 2014, .states = {}},
       .votes = {Vote("S01", 9, 1, "Deepak Singh", "BJP", 310'000)}},
  };
  return data;
}

// ---- Rows as text, so that a failure shows what differs. ----

std::string Describe(const geo::State& state) {
  std::ostringstream out;
  out << state.code << " | " << state.name << " | " << state.abbr << " | "
      << (state.kind == geo::StateKind::kState ? "state" : "ut") << " | " << state.seat_count
      << " | " << state.segment_count << " | " << state.has_assembly << " | "
      << base::Join(state.official_languages, ",") << " | "
      << base::Join(state.additional_languages, ",") << " | "
      << state.official_languages.size() + state.additional_languages.size();
  return out.str();
}

std::string Describe(const geo::Seat& seat) {
  std::ostringstream out;
  out << seat.state_code << " | " << seat.number << " | " << seat.name << " | " << seat.name_hi
      << " | " << seat.reservation;
  return out.str();
}

std::string Describe(const geo::Segment& segment) {
  std::ostringstream out;
  out << segment.state_code << " | " << segment.number << " | " << segment.name << " | "
      << segment.reservation << " | " << segment.seat_number << " | " << segment.electors_2014;
  return out.str();
}

std::string Describe(const results::Party& party) {
  std::ostringstream out;
  out << party.code << " | " << party.name << " | " << party.ls2014_name << " | "
      << base::Join(party.aliases, ",") << " | " << party.aliases.size();
  return out.str();
}

std::string Describe(const results::Election& election) {
  std::ostringstream out;
  out << election.id << " | "
      << (election.kind == results::ElectionKind::kLokSabha ? "lok_sabha" : "assembly") << " | "
      << election.year << " | " << base::Join(election.states, ",");
  return out.str();
}

std::string Describe(const results::CandidateVotes& vote) {
  std::ostringstream out;
  out << vote.state_code << " | " << vote.number << " | " << vote.position << " | "
      << vote.candidate << " | " << vote.party << " | " << vote.votes;
  return out.str();
}

template <typename T>
std::vector<std::string> Described(const std::vector<T>& items) {
  std::vector<std::string> lines;
  lines.reserve(items.size());
  for (const T& item : items) {
    lines.push_back(Describe(item));
  }
  return lines;
}

// The listed rows as text; a failed list fails the test and reads as its error.
template <typename T>
std::vector<std::string> Described(const base::Result<std::vector<T>>& list) {
  EXPECT_TRUE(list.ok()) << list.status().ToString();
  if (!list.ok()) {
    return {"error: " + list.status().ToString()};
  }
  return Described(*list);
}

// Everything a Database lists, one line per row.
std::vector<std::string> Snapshot(Database& db) {
  std::vector<std::string> lines;
  auto add = [&lines](const std::string& heading, const std::vector<std::string>& rows) {
    lines.push_back("-- " + heading);
    lines.insert(lines.end(), rows.begin(), rows.end());
  };
  add("states", Described(db.reference().ListStates()));
  add("seats", Described(db.reference().ListSeats()));
  add("segments", Described(db.reference().ListSegments()));
  add("parties", Described(db.reference().ListParties()));
  base::Result<std::vector<results::Election>> elections = db.results().ListElections();
  add("elections", Described(elections));
  if (elections.ok()) {
    for (const results::Election& election : *elections) {
      add("votes of " + election.id, Described(db.results().ListVotes(election.id)));
    }
  }
  return lines;
}

class StoreConformanceTest : public testing::TestWithParam<BackendParam> {
 protected:
  void SetUp() override {
    backend_ = GetParam().make();
    ASSERT_NO_FATAL_FAILURE(Reopen());
  }

  // Closes the database (if open) and opens the backend's database again.
  void Reopen() {
    db_.reset();
    base::Result<std::unique_ptr<Database>> db = backend_->Open();
    ASSERT_TRUE(db.ok()) << db.status().ToString();
    db_ = std::move(db).value();
  }

  void Load(const results::ReferenceData& data) {
    base::Status status = db_->ReplaceReferenceData(data);
    ASSERT_TRUE(status.ok()) << status.ToString();
  }

  std::unique_ptr<TestBackend> backend_;  // outlives db_
  std::unique_ptr<Database> db_;
};

TEST_P(StoreConformanceTest, FreshDatabaseIsAtTheLatestSchemaVersion) {
  base::Result<int> version = db_->SchemaVersion();
  ASSERT_TRUE(version.ok()) << version.status().ToString();
  EXPECT_EQ(*version, GetParam().latest_schema_version);
  EXPECT_GE(*version, 1);
}

TEST_P(StoreConformanceTest, FreshDatabaseListsNothing) {
  EXPECT_EQ(Snapshot(*db_), (std::vector<std::string>{"-- states", "-- seats", "-- segments",
                                                      "-- parties", "-- elections"}));
}

TEST_P(StoreConformanceTest, ReopeningKeepsTheDataAndDoesNotMigrateAgain) {
  if (!backend_->Persistent()) {
    GTEST_SKIP() << "the database ends with its Database object";
  }
  Load(SmallCountry());
  std::vector<std::string> before = Snapshot(*db_);
  ASSERT_NO_FATAL_FAILURE(Reopen());
  ASSERT_NO_FATAL_FAILURE(Reopen());
  EXPECT_EQ(db_->SchemaVersion().value(), GetParam().latest_schema_version);
  EXPECT_EQ(Snapshot(*db_), before);
}

store::CallAttempt MadeUpAttempt(const std::string& contact, int attempt) {
  store::CallAttempt call;
  call.campaign_id = "test-campaign";
  call.contact_id = contact;
  call.number = "+919000000001";  // synthetic
  call.attempt = attempt;
  call.placed_at = base::TimePoint(std::chrono::seconds(1'767'225'600));
  return call;
}

TEST_P(StoreConformanceTest, AttemptsAreJournaledBeforeAndAfterTheCall) {
  AttemptStore& attempts = db_->attempts();
  base::Result<std::int64_t> id = attempts.BeginAttempt(MadeUpAttempt("c1", 1));
  ASSERT_TRUE(id.ok()) << id.status().ToString();
  base::TimePoint ended = MadeUpAttempt("c1", 1).placed_at + std::chrono::seconds(95);
  ASSERT_TRUE(attempts.EndAttempt(*id, "connected", ended).ok());
  ASSERT_TRUE(attempts.DisposeAttempt(*id, "supporter", "agent-7").ok());
  base::Result<std::vector<CallAttempt>> listed = attempts.ListAttempts("test-campaign");
  ASSERT_TRUE(listed.ok());
  ASSERT_EQ(listed->size(), 1u);
  const CallAttempt& attempt = listed->front();
  EXPECT_EQ(attempt.id, *id);
  EXPECT_EQ(attempt.contact_id, "c1");
  EXPECT_EQ(attempt.placed_at, MadeUpAttempt("c1", 1).placed_at);
  EXPECT_EQ(attempt.outcome, "connected");
  EXPECT_EQ(attempt.ended_at, ended);
  EXPECT_EQ(attempt.disposition, "supporter");
  EXPECT_EQ(attempt.agent_id, "agent-7");
  EXPECT_TRUE(attempts.ListAttempts("another")->empty());
}

TEST_P(StoreConformanceTest, TheSameAttemptCannotBeBegunTwice) {
  AttemptStore& attempts = db_->attempts();
  ASSERT_TRUE(attempts.BeginAttempt(MadeUpAttempt("c1", 1)).ok());
  EXPECT_EQ(attempts.BeginAttempt(MadeUpAttempt("c1", 1)).status().code(),
            base::StatusCode::kConflict);
  EXPECT_TRUE(attempts.BeginAttempt(MadeUpAttempt("c1", 2)).ok());
  EXPECT_TRUE(attempts.BeginAttempt(MadeUpAttempt("c2", 1)).ok());
  EXPECT_EQ(attempts.ListAttempts("test-campaign")->size(), 3u);
}

TEST_P(StoreConformanceTest, AnAttemptEndsOnceAndOnlyIfItExists) {
  AttemptStore& attempts = db_->attempts();
  base::Result<std::int64_t> id = attempts.BeginAttempt(MadeUpAttempt("c1", 1));
  ASSERT_TRUE(id.ok());
  base::TimePoint at = MadeUpAttempt("c1", 1).placed_at;
  EXPECT_TRUE(attempts.EndAttempt(*id, "busy", at).ok());
  EXPECT_EQ(attempts.EndAttempt(*id, "busy", at).code(), base::StatusCode::kConflict);
  EXPECT_EQ(attempts.EndAttempt(*id + 100, "busy", at).code(), base::StatusCode::kNotFound);
  EXPECT_EQ(attempts.DisposeAttempt(*id + 100, "x", "a").code(), base::StatusCode::kNotFound);
}

TEST_P(StoreConformanceTest, AttemptsSurviveReopening) {
  if (!backend_->Persistent()) {
    GTEST_SKIP() << "the database ends with its Database object";
  }
  ASSERT_TRUE(db_->attempts().BeginAttempt(MadeUpAttempt("c1", 1)).ok());
  ASSERT_NO_FATAL_FAILURE(Reopen());
  EXPECT_EQ(db_->attempts().ListAttempts("test-campaign")->size(), 1u);
  EXPECT_EQ(db_->attempts().BeginAttempt(MadeUpAttempt("c1", 1)).status().code(),
            base::StatusCode::kConflict);
}

base::TimePoint MadeUpTime(int minutes) {
  return base::TimePoint(std::chrono::seconds(1'767'225'600) + std::chrono::minutes(minutes));
}

TEST_P(StoreConformanceTest, CampaignsAreStoredOnceAndListedById) {
  CampaignStore& campaigns = db_->campaigns();
  EXPECT_TRUE(campaigns.ListCampaigns()->empty());
  ASSERT_TRUE(campaigns.AddCampaign("helpline", R"({"id":"helpline"})", MadeUpTime(1)).ok());
  ASSERT_TRUE(campaigns.AddCampaign("arogya-2026", R"({"id":"arogya-2026"})", MadeUpTime(2)).ok());
  base::Status again = campaigns.AddCampaign("helpline", "{}", MadeUpTime(3));
  EXPECT_EQ(again.code(), base::StatusCode::kConflict);
  EXPECT_NE(again.message().find("'helpline'"), std::string::npos) << again.ToString();

  base::Result<StoredCampaign> stored = campaigns.GetCampaign("helpline");
  ASSERT_TRUE(stored.ok()) << stored.status().ToString();
  EXPECT_EQ(stored->id, "helpline");
  EXPECT_EQ(stored->definition, R"({"id":"helpline"})");  // the first one, unchanged
  EXPECT_EQ(stored->created_at, MadeUpTime(1));
  base::Result<std::vector<StoredCampaign>> listed = campaigns.ListCampaigns();
  ASSERT_TRUE(listed.ok()) << listed.status().ToString();
  ASSERT_EQ(listed->size(), 2u);
  EXPECT_EQ((*listed)[0].id, "arogya-2026");
  EXPECT_EQ((*listed)[1].id, "helpline");
}

TEST_P(StoreConformanceTest, UnknownCampaignIsNotFoundAndNamed) {
  base::Result<StoredCampaign> missing = db_->campaigns().GetCampaign("nowhere");
  ASSERT_FALSE(missing.ok());
  EXPECT_EQ(missing.status().code(), base::StatusCode::kNotFound);
  EXPECT_NE(missing.status().message().find("'nowhere'"), std::string::npos);
}

TEST_P(StoreConformanceTest, CampaignDefinitionKeepsUnicodeAndQuotesExactly) {
  std::string definition = R"({"name":"स्वयंसेवक संपर्क","note":"it's "synthetic""})";
  ASSERT_TRUE(db_->campaigns().AddCampaign("hindi", definition, MadeUpTime(0)).ok());
  EXPECT_EQ(db_->campaigns().GetCampaign("hindi")->definition, definition);
}

std::vector<std::string> DescribedDoNotCall(Database& db, std::string_view campaign) {
  base::Result<std::vector<DoNotCallEntry>> entries = db.do_not_call().ListDoNotCall(campaign);
  EXPECT_TRUE(entries.ok()) << entries.status().ToString();
  std::vector<std::string> lines;
  if (!entries.ok()) return lines;
  for (const DoNotCallEntry& entry : *entries) {
    auto minutes = std::chrono::duration_cast<std::chrono::minutes>(entry.added_at - MadeUpTime(0));
    lines.push_back(entry.number + " | " + entry.reason + " | " + std::to_string(minutes.count()));
  }
  return lines;
}

TEST_P(StoreConformanceTest, DoNotCallListsAreKeptPerCampaignOldestFirst) {
  DoNotCallStore& lists = db_->do_not_call();
  EXPECT_TRUE(lists.ListDoNotCall("helpline")->empty());
  ASSERT_TRUE(lists.AddDoNotCall("helpline", "+919000000002", "asked on call", MadeUpTime(5)).ok());
  ASSERT_TRUE(lists.AddDoNotCall("helpline", "+919000000001", "", MadeUpTime(9)).ok());
  ASSERT_TRUE(lists.AddDoNotCall("helpline", "+919000000003", "sms STOP", MadeUpTime(5)).ok());
  ASSERT_TRUE(lists.AddDoNotCall("other", "+919000000009", "", MadeUpTime(1)).ok());
  EXPECT_EQ(DescribedDoNotCall(*db_, "helpline"),
            (std::vector<std::string>{"+919000000002 | asked on call | 5",
                                      "+919000000003 | sms STOP | 5", "+919000000001 |  | 9"}));
  EXPECT_EQ(DescribedDoNotCall(*db_, "other"), (std::vector<std::string>{"+919000000009 |  | 1"}));
}

TEST_P(StoreConformanceTest, AddingAListedNumberAgainKeepsTheFirstOptOut) {
  DoNotCallStore& lists = db_->do_not_call();
  ASSERT_TRUE(lists.AddDoNotCall("helpline", "+919000000002", "first", MadeUpTime(5)).ok());
  EXPECT_TRUE(lists.AddDoNotCall("helpline", "+919000000002", "second", MadeUpTime(8)).ok());
  EXPECT_EQ(DescribedDoNotCall(*db_, "helpline"),
            (std::vector<std::string>{"+919000000002 | first | 5"}));
}

TEST_P(StoreConformanceTest, ADndRegistryReplacesTheLastOneWholeAndSurvivesReopening) {
  DndRegistryStore& registry = db_->dnd_registry();
  EXPECT_FALSE(registry.GetDndRegistry()->has_value()) << "none loaded yet";
  DndRegistryRecord first{"first.txt", MadeUpTime(3), 2, {1, 2, 3, 0, 255}};
  ASSERT_TRUE(registry.ReplaceDndRegistry(first).ok());
  DndRegistryRecord second{"second.txt", MadeUpTime(7), 5, std::vector<std::uint8_t>(70'000, 9)};
  ASSERT_TRUE(registry.ReplaceDndRegistry(second).ok());
  if (backend_->Persistent()) {
    ASSERT_NO_FATAL_FAILURE(Reopen());
  }
  base::Result<std::optional<DndRegistryRecord>> stored = db_->dnd_registry().GetDndRegistry();
  ASSERT_TRUE(stored.ok()) << stored.status().message();
  ASSERT_TRUE(stored->has_value());
  EXPECT_EQ((*stored)->source, "second.txt");
  EXPECT_EQ((*stored)->loaded_at, MadeUpTime(7));
  EXPECT_EQ((*stored)->numbers, 5);
  EXPECT_EQ((*stored)->packed, second.packed);
}

TEST_P(StoreConformanceTest, CampaignsAndOptOutsSurviveReopening) {
  if (!backend_->Persistent()) {
    GTEST_SKIP() << "the database ends with its Database object";
  }
  ASSERT_TRUE(db_->campaigns().AddCampaign("helpline", "{}", MadeUpTime(1)).ok());
  ASSERT_TRUE(db_->do_not_call().AddDoNotCall("helpline", "+919000000002", "", MadeUpTime(2)).ok());
  ASSERT_NO_FATAL_FAILURE(Reopen());
  EXPECT_EQ(db_->campaigns().GetCampaign("helpline")->created_at, MadeUpTime(1));
  EXPECT_EQ(db_->campaigns().AddCampaign("helpline", "{}", MadeUpTime(3)).code(),
            base::StatusCode::kConflict);
  EXPECT_EQ(DescribedDoNotCall(*db_, "helpline"),
            (std::vector<std::string>{"+919000000002 |  | 2"}));
}

TEST_P(StoreConformanceTest, RoundTripComesBackInKeyOrder) {
  Load(SmallCountry());
  EXPECT_EQ(
      Described(db_->reference().ListStates()),
      (std::vector<std::string>{"S01 | Alpha Pradesh | AP | state | 2 | 4 | 1 | hi,en | ur | 3",
                                "U01 | Beta Islands | BI | ut | 1 | 0 | 0 | en |  | 1"}));
  EXPECT_EQ(Described(db_->reference().ListSeats()),
            (std::vector<std::string>{"S01 | 9 | Ninegarh | नौगढ़ | GEN",
                                      "S01 | 10 | Tenpur | दसपुर | SC", "U01 | 1 | Beta |  | GEN"}));
  EXPECT_EQ(Described(db_->reference().ListSegments()),
            (std::vector<std::string>{"S01 | 2 | Two North | ST | 9 | 180500",
                                      "S01 | 9 | Nine Old Town | GEN | 9 | 0",
                                      "S01 | 10 | Ten East | GEN | 10 | 210000",
                                      "S01 | 11 | Eleven West | SC | 10 | 3000000000"}));
  EXPECT_EQ(Described(db_->reference().ListParties()),
            (std::vector<std::string>{
                "BJP | Bharatiya Janata Party | Bharatiya Janata Party | Bhajapa,BJP4 | 2",
                "INC | Indian National Congress | Indian National Congress | Congress,INC(I) | 2",
                "IND | Independent | Independent |  | 0", "NOTA | None of the Above |  |  | 0"}));
  EXPECT_EQ(Described(db_->results().ListElections()),
            (std::vector<std::string>{"ls2014 | lok_sabha | 2014 | S01",
                                      "ls2019 | lok_sabha | 2019 | S01,U01",
                                      "ae2018 | assembly | 2018 | S01"}));
  EXPECT_EQ(
      Described(db_->results().ListVotes("ls2019")),
      (std::vector<std::string>{
          "S01 | 9 | 0 | NOTA | NOTA | 900", "S01 | 9 | 1 | Deepak Singh | BJP | 350000",
          "S01 | 9 | 2 | Chandra Rao | INC | 300000", "S01 | 10 | 0 | NOTA | NOTA | 1200",
          "S01 | 10 | 1 | Asha Kumari | BJP | 500000", "S01 | 10 | 2 | Bhola Nath | INC | 400000",
          "U01 | 1 | 0 | NOTA | NOTA | 50", "U01 | 1 | 1 | Esther Dias | IND | 100000"}));
  EXPECT_EQ(Described(db_->results().ListVotes("ae2018")),
            (std::vector<std::string>{"S01 | 2 | 0 | NOTA | NOTA | 400",
                                      "S01 | 2 | 1 | Ram Lal | BJP | 52000",
                                      "S01 | 10 | 1 | Kamla Devi | INC | 61000"}));
}

TEST_P(StoreConformanceTest, OrdersNumbersNumerically) {
  results::ReferenceData data = SmallCountry();
  data.seats.push_back(UnnamedInHindi("S01", 100, "Hundred"));
  data.seats.push_back(UnnamedInHindi("S01", 2, "Two"));
  Load(data);
  base::Result<std::vector<geo::Seat>> seats = db_->reference().ListSeats();
  ASSERT_TRUE(seats.ok()) << seats.status().ToString();
  std::vector<int> numbers;
  for (const geo::Seat& seat : *seats) {
    numbers.push_back(seat.number);
  }
  EXPECT_EQ(numbers, (std::vector<int>{2, 9, 10, 100, 1}));
}

TEST_P(StoreConformanceTest, ListsVotesInPositionOrderNotaFirst) {
  Load(SmallCountry());
  base::Result<std::vector<results::CandidateVotes>> votes = db_->results().ListVotes("ls2019");
  ASSERT_TRUE(votes.ok()) << votes.status().ToString();
  for (std::size_t i = 0; i + 1 < votes->size(); ++i) {
    const results::CandidateVotes& vote = (*votes)[i];
    const results::CandidateVotes& next = (*votes)[i + 1];
    bool same_constituency = vote.state_code == next.state_code && vote.number == next.number;
    if (same_constituency) {
      EXPECT_LT(vote.position, next.position) << Describe(vote) << " before " << Describe(next);
    }
  }
}

TEST_P(StoreConformanceTest, RefusesTwoRowsWithTheSamePositionInOneConstituency) {
  Load(SmallCountry());
  std::vector<std::string> before = Snapshot(*db_);
  results::ReferenceData clash = SmallCountry();
  clash.elections[1].votes.push_back(clash.elections[1].votes.front());
  base::Status status = db_->ReplaceReferenceData(clash);
  EXPECT_FALSE(status.ok());
  EXPECT_EQ(Snapshot(*db_), before);
}

TEST_P(StoreConformanceTest, ElectionsListTheStatesTheirVotesCover) {
  results::ReferenceData data = SmallCountry();
  data.elections[0].election.states = {"U99"};  // what the caller says is ignored
  Load(data);
  base::Result<std::vector<results::Election>> elections = db_->results().ListElections();
  ASSERT_TRUE(elections.ok()) << elections.status().ToString();
  std::map<std::string, std::vector<std::string>> states;
  for (const results::Election& election : *elections) states[election.id] = election.states;
  EXPECT_EQ(states["ls2019"], (std::vector<std::string>{"S01", "U01"}));
  EXPECT_EQ(states["ae2018"], (std::vector<std::string>{"S01"}));
}

TEST_P(StoreConformanceTest, TalliesAreTheVotesGroupedByConstituency) {
  Load(SmallCountry());
  for (const std::string election : {"ls2019", "ae2018", "ls2014"}) {
    base::Result<std::vector<results::CandidateVotes>> votes = db_->results().ListVotes(election);
    base::Result<std::vector<results::ConstituencyTally>> tallies =
        db_->results().ListTallies(election);
    ASSERT_TRUE(votes.ok() && tallies.ok()) << tallies.status().ToString();
    std::vector<results::ConstituencyTally> expected = results::TallyByConstituency(*votes);
    ASSERT_EQ(tallies->size(), expected.size()) << election;
    for (std::size_t i = 0; i < expected.size(); ++i) {
      const results::ConstituencyTally& got = (*tallies)[i];
      EXPECT_EQ(got.state_code, expected[i].state_code);
      EXPECT_EQ(got.number, expected[i].number);
      EXPECT_EQ(got.votes_counted, expected[i].votes_counted);
      ASSERT_EQ(got.candidates.size(), expected[i].candidates.size());
      for (std::size_t c = 0; c < got.candidates.size(); ++c) {
        EXPECT_EQ(got.candidates[c].party, expected[i].candidates[c].party);
        EXPECT_EQ(got.candidates[c].votes, expected[i].candidates[c].votes);
      }
    }
  }
  base::Result<std::vector<results::ConstituencyTally>> ls2019 =
      db_->results().ListTallies("ls2019");
  ASSERT_EQ(ls2019->size(), 3u);  // S01-9, S01-10, U01-1
  EXPECT_EQ((*ls2019)[0].number, 9);
  EXPECT_EQ((*ls2019)[0].votes_counted, 350'000 + 300'000 + 900);
}

TEST_P(StoreConformanceTest, ReplacingAnElectionReplacesItsTallies) {
  Load(SmallCountry());
  results::ReferenceData fewer = SmallCountry();
  fewer.elections[1].votes = {Vote("S01", 9, 1, "Deepak Singh", "BJP", 1)};
  Load(fewer);
  base::Result<std::vector<results::ConstituencyTally>> tallies =
      db_->results().ListTallies("ls2019");
  ASSERT_TRUE(tallies.ok());
  ASSERT_EQ(tallies->size(), 1u);
  EXPECT_EQ((*tallies)[0].votes_counted, 1);
  EXPECT_EQ(db_->results().ListTallies("ls1952").status().code(), base::StatusCode::kNotFound);
}

TEST_P(StoreConformanceTest, LoadingTheSameDataTwiceChangesNothing) {
  Load(SmallCountry());
  std::vector<std::string> once = Snapshot(*db_);
  Load(SmallCountry());
  EXPECT_EQ(Snapshot(*db_), once);
}

TEST_P(StoreConformanceTest, UpdatesRowsByKey) {
  Load(SmallCountry());
  results::ReferenceData renamed = SmallCountry();
  renamed.states[1].name = "Alpha Pradesh (new)";
  renamed.states[1].official_languages = {"hi"};
  renamed.parties[1].aliases = {"Congress"};
  renamed.elections[2].election.year = 2015;
  Load(renamed);
  base::Result<std::vector<geo::State>> states = db_->reference().ListStates();
  ASSERT_TRUE(states.ok()) << states.status().ToString();
  ASSERT_EQ(states->size(), 2U);
  EXPECT_EQ((*states)[0].name, "Alpha Pradesh (new)");
  EXPECT_EQ((*states)[0].official_languages, std::vector<std::string>{"hi"});
  base::Result<std::vector<results::Party>> parties = db_->reference().ListParties();
  ASSERT_TRUE(parties.ok()) << parties.status().ToString();
  ASSERT_EQ(parties->size(), 4U);
  EXPECT_EQ((*parties)[1].aliases, std::vector<std::string>{"Congress"});
  EXPECT_EQ(Described(db_->results().ListElections())[0], "ls2014 | lok_sabha | 2015 | S01");
}

TEST_P(StoreConformanceTest, ReplacingAnElectionRemovesItsOldVotesAndKeepsTheOthers) {
  Load(SmallCountry());
  std::vector<std::string> ae2018 = Described(db_->results().ListVotes("ae2018"));
  results::ReferenceData recount = SmallCountry();
  recount.elections = {{.election = {.id = "ls2019",
                                     .kind = results::ElectionKind::kLokSabha,
                                     .year = 2019,
                                     .states = {}},
                        .votes = {Vote("S01", 9, 1, "Chandra Rao", "INC", 360'000),
                                  Vote("S01", 9, 2, "Deepak Singh", "BJP", 350'000)}}};
  Load(recount);
  EXPECT_EQ(Described(db_->results().ListVotes("ls2019")),
            (std::vector<std::string>{"S01 | 9 | 1 | Chandra Rao | INC | 360000",
                                      "S01 | 9 | 2 | Deepak Singh | BJP | 350000"}));
  EXPECT_EQ(Described(db_->results().ListVotes("ae2018")), ae2018);
  EXPECT_EQ(Described(db_->results().ListElections()).size(), 3U);
}

TEST_P(StoreConformanceTest, LoadsAnElectionWithoutVotes) {
  results::ReferenceData data = SmallCountry();
  data.elections = {{.election = {.id = "ae2023",
                                  .kind = results::ElectionKind::kAssembly,
                                  .year = 2023,
                                  .states = {}},
                     .votes = {}}};
  Load(data);
  base::Result<std::vector<results::CandidateVotes>> votes = db_->results().ListVotes("ae2023");
  ASSERT_TRUE(votes.ok()) << votes.status().ToString();
  EXPECT_TRUE(votes->empty());
}

TEST_P(StoreConformanceTest, SeatOfAnUnknownStateFailsAndChangesNothing) {
  Load(SmallCountry());
  std::vector<std::string> before = Snapshot(*db_);
  results::ReferenceData bad = SmallCountry();
  bad.states[0].name = "Renamed before the failure";
  bad.parties.push_back({.code = "NEW", .name = "New Party", .ls2014_name = "", .aliases = {}});
  bad.seats.push_back(UnnamedInHindi("S99", 7, "Nowhere"));
  bad.elections[1].votes.pop_back();
  base::Status status = db_->ReplaceReferenceData(bad);
  EXPECT_FALSE(status.ok());
  EXPECT_NE(status.message().find("S99"), std::string::npos) << status.ToString();
  EXPECT_EQ(Snapshot(*db_), before);
}

TEST_P(StoreConformanceTest, VoteOfAnUnknownStateFailsAfterOtherWritesAndChangesNothing) {
  Load(SmallCountry());
  std::vector<std::string> before = Snapshot(*db_);
  results::ReferenceData bad = SmallCountry();
  bad.states[0].name = "Renamed before the failure";
  // ls2019's old votes are deleted and most new ones written before the bad row.
  bad.elections[1].votes.push_back(Vote("S99", 1, 1, "Nobody", "IND", 1));
  base::Status status = db_->ReplaceReferenceData(bad);
  EXPECT_FALSE(status.ok());
  EXPECT_NE(status.message().find("S99"), std::string::npos) << status.ToString();
  EXPECT_EQ(Snapshot(*db_), before);
}

TEST_P(StoreConformanceTest, StaysUsableAfterAFailedLoad) {
  results::ReferenceData bad = SmallCountry();
  bad.seats.push_back(UnnamedInHindi("S99", 7, "Nowhere"));
  EXPECT_FALSE(db_->ReplaceReferenceData(bad).ok());
  Load(SmallCountry());
  EXPECT_EQ(Described(db_->reference().ListSeats()).size(), 3U);
}

TEST_P(StoreConformanceTest, ListVotesOfAnUnknownElectionNamesTheLoadedOnes) {
  Load(SmallCountry());
  base::Result<std::vector<results::CandidateVotes>> votes = db_->results().ListVotes("xyz");
  ASSERT_FALSE(votes.ok());
  EXPECT_EQ(votes.status().code(), base::StatusCode::kNotFound);
  EXPECT_EQ(votes.status().message(),
            "election 'xyz' is not loaded; loaded: ls2014, ls2019, ae2018");
}

TEST_P(StoreConformanceTest, ListVotesOnAnEmptyDatabaseIsNotFound) {
  base::Result<std::vector<results::CandidateVotes>> votes = db_->results().ListVotes("ls2019");
  ASSERT_FALSE(votes.ok());
  EXPECT_EQ(votes.status().code(), base::StatusCode::kNotFound);
  EXPECT_NE(votes.status().message().find("'ls2019'"), std::string::npos);
}

// The SQLite backends and the in-memory fake: every backend of the stores the fake keeps too.
std::vector<BackendParam> EveryBackend() {
  return {BackendParam{"SqliteMemory", [] { return std::make_unique<SqliteMemoryBackend>(); },
                       sqlite::LatestSchemaVersion()},
          BackendParam{"SqliteFile", [] { return std::make_unique<SqliteFileBackend>(); },
                       sqlite::LatestSchemaVersion()},
          BackendParam{"InMemoryFake", [] { return std::make_unique<InMemoryFakeBackend>(); }, 1}};
}

std::string NameOf(const testing::TestParamInfo<BackendParam>& param_info) {
  return param_info.param.name;
}

INSTANTIATE_TEST_SUITE_P(
    Backends, StoreConformanceTest,
    testing::Values(BackendParam{"SqliteMemory",
                                 [] { return std::make_unique<SqliteMemoryBackend>(); },
                                 sqlite::LatestSchemaVersion()},
                    BackendParam{"SqliteFile", [] { return std::make_unique<SqliteFileBackend>(); },
                                 sqlite::LatestSchemaVersion()}),
    NameOf);

// ---- Call detail records: the SQLite backends and the in-memory fake alike. ----

// A query with every field written (designated initializers would leave some out).
CallRecordQuery Query(std::string kind, std::optional<base::TimePoint> since = std::nullopt,
                      std::optional<base::TimePoint> until = std::nullopt,
                      int limit = CallRecordQuery::kDefaultLimit) {
  CallRecordQuery query;
  query.kind = std::move(kind);
  query.since = since;
  query.until = until;
  query.limit = limit;
  return query;
}

class CallRecordConformanceTest : public StoreConformanceTest {
 protected:
  // 2026-01-01T00:00:00Z plus `seconds`.
  static base::TimePoint At(int seconds) {
    return base::TimePoint(std::chrono::seconds(1'767'225'600 + seconds));
  }

  // A synthetic missed call at At(seconds).
  static CallRecord MissedCall(int seconds, std::string from = "+919000000001") {
    CallRecord record;
    record.direction = "inbound";
    record.kind = "missed_call";
    record.from = std::move(from);
    record.to = "+918000000000";
    record.started_at = At(seconds);
    record.outcome = "missed_call";
    return record;
  }

  static CallRecord HelplineCall(int seconds) {
    CallRecord record = MissedCall(seconds, "+919000000002");
    record.kind = "helpline";
    record.to = "+918000000001";
    record.outcome = "talked";
    return record;
  }

  std::int64_t Add(const CallRecord& record) {
    base::Result<std::int64_t> id = db_->call_records().AddCallRecord(record);
    EXPECT_TRUE(id.ok()) << id.status().ToString();
    return id.ok() ? *id : -1;
  }

  // The listed records as "id kind seconds", newest first; an error as its text.
  std::vector<std::string> Listed(const CallRecordQuery& query) {
    base::Result<std::vector<CallRecord>> records = db_->call_records().ListCallRecords(query);
    if (!records.ok()) return {"error: " + records.status().ToString()};
    std::vector<std::string> lines;
    for (const CallRecord& record : *records) {
      auto seconds =
          std::chrono::duration_cast<std::chrono::seconds>(record.started_at - At(0)).count();
      lines.push_back(std::to_string(record.id) + " " + record.kind + " " +
                      std::to_string(seconds));
    }
    return lines;
  }
};

TEST_P(CallRecordConformanceTest, FreshDatabaseHasNoCallRecords) {
  EXPECT_EQ(Listed(Query("")), std::vector<std::string>{});
}

TEST_P(CallRecordConformanceTest, IdsAreAssignedIncreasingAndTheGivenIdIsIgnored) {
  CallRecord first = MissedCall(10);
  first.id = 77;
  std::int64_t a = Add(first);
  std::int64_t b = Add(MissedCall(5));
  EXPECT_GE(a, 1);
  EXPECT_GT(b, a);
}

TEST_P(CallRecordConformanceTest, ListsNewestFirstThenTheLaterWrittenFirst) {
  std::int64_t early = Add(MissedCall(10));
  std::int64_t late = Add(HelplineCall(30));
  std::int64_t tie_a = Add(MissedCall(20));
  std::int64_t tie_b = Add(HelplineCall(20));
  EXPECT_EQ(Listed(Query("")), (std::vector<std::string>{
                                   std::to_string(late) + " helpline 30",
                                   std::to_string(tie_b) + " helpline 20",
                                   std::to_string(tie_a) + " missed_call 20",
                                   std::to_string(early) + " missed_call 10",
                               }));
}

TEST_P(CallRecordConformanceTest, FiltersByKindAndByAHalfOpenTimeRange) {
  for (int seconds : {0, 10, 20, 30}) {
    Add(MissedCall(seconds));
    Add(HelplineCall(seconds + 1));
  }
  CallRecordQuery missed = Query("missed_call");
  EXPECT_EQ(Listed(missed).size(), 4U);
  for (const std::string& line : Listed(missed)) {
    EXPECT_NE(line.find(" missed_call "), std::string::npos) << line;
  }
  // since is included, until is not.
  CallRecordQuery window = Query("", At(10), At(30));
  std::vector<std::string> in_window = Listed(window);
  ASSERT_EQ(in_window.size(), 4U);
  EXPECT_NE(in_window.front().find(" helpline 21"), std::string::npos) << in_window.front();
  EXPECT_NE(in_window.back().find(" missed_call 10"), std::string::npos) << in_window.back();
  CallRecordQuery both = Query("helpline", At(11));
  EXPECT_EQ(Listed(both).size(), 3U);
  CallRecordQuery none = Query("campaign");
  EXPECT_TRUE(Listed(none).empty());
}

TEST_P(CallRecordConformanceTest, LimitKeepsTheNewestAndDefaultsToOneHundred) {
  for (int i = 0; i < CallRecordQuery::kDefaultLimit + 5; ++i) Add(MissedCall(i));
  EXPECT_EQ(Listed(Query("")).size(), static_cast<std::size_t>(CallRecordQuery::kDefaultLimit));
  std::vector<std::string> newest = Listed(Query("", std::nullopt, std::nullopt, 2));
  ASSERT_EQ(newest.size(), 2U);
  EXPECT_NE(newest[0].find(" missed_call 104"), std::string::npos) << newest[0];
  EXPECT_NE(newest[1].find(" missed_call 103"), std::string::npos) << newest[1];
  EXPECT_EQ(Listed(Query("", std::nullopt, std::nullopt, CallRecordQuery::kMaxLimit)).size(), 105U);
}

TEST_P(CallRecordConformanceTest, BadQueriesAreRefusedNamingTheField) {
  Add(MissedCall(0));
  for (const CallRecordQuery& query :
       {Query("", std::nullopt, std::nullopt, 0),
        Query("", std::nullopt, std::nullopt, CallRecordQuery::kMaxLimit + 1), Query("helpine"),
        Query("", At(5), At(5))}) {
    base::Result<std::vector<CallRecord>> listed = db_->call_records().ListCallRecords(query);
    ASSERT_FALSE(listed.ok());
    EXPECT_EQ(listed.status().code(), base::StatusCode::kInvalidArgument);
    std::string message = listed.status().message();
    EXPECT_TRUE(message.find("limit") != std::string::npos ||
                message.find("kind 'helpine'") != std::string::npos ||
                message.find("since") != std::string::npos)
        << message;
  }
}

TEST_P(CallRecordConformanceTest, EveryFieldAndTheOptionalTimesRoundTrip) {
  CallRecord full;
  full.direction = "inbound";
  full.kind = "helpline";
  full.from = "+919000000003";
  full.to = "+918000000001";
  full.campaign_id = "helpline-s01";
  full.state = "S01";
  full.language = "mai";
  full.started_at = At(100) + std::chrono::microseconds(123'456);
  full.answered_at = At(101);
  full.connected_at = At(140) + std::chrono::microseconds(1);
  full.ended_at = At(400);
  full.agent_id = "agent-7";
  full.outcome = "talked";
  full.recording = "recordings/helpline-s01/attempt-9.wav";
  full.id = Add(full);
  CallRecord bare = MissedCall(50);  // no times but the start, empty optional texts
  bare.id = Add(bare);

  base::Result<std::vector<CallRecord>> records = db_->call_records().ListCallRecords(Query(""));
  ASSERT_TRUE(records.ok()) << records.status().ToString();
  ASSERT_EQ(records->size(), 2U);
  const CallRecord& got = (*records)[0];
  EXPECT_EQ(got.id, full.id);
  EXPECT_EQ(got.direction, full.direction);
  EXPECT_EQ(got.kind, full.kind);
  EXPECT_EQ(got.from, full.from);
  EXPECT_EQ(got.to, full.to);
  EXPECT_EQ(got.campaign_id, full.campaign_id);
  EXPECT_EQ(got.state, full.state);
  EXPECT_EQ(got.language, full.language);
  EXPECT_EQ(got.started_at, full.started_at);
  EXPECT_EQ(got.answered_at, full.answered_at);
  EXPECT_EQ(got.connected_at, full.connected_at);
  EXPECT_EQ(got.ended_at, full.ended_at);
  EXPECT_EQ(got.agent_id, full.agent_id);
  EXPECT_EQ(got.outcome, full.outcome);
  EXPECT_EQ(got.recording, full.recording);
  const CallRecord& missed = (*records)[1];
  EXPECT_EQ(missed.id, bare.id);
  EXPECT_EQ(missed.answered_at, std::nullopt);
  EXPECT_EQ(missed.connected_at, std::nullopt);
  EXPECT_EQ(missed.ended_at, std::nullopt);
  EXPECT_EQ(missed.campaign_id, "");
  EXPECT_EQ(missed.state, "");
  EXPECT_EQ(missed.recording, "");  // not recorded
}

TEST_P(CallRecordConformanceTest, BadRecordsAreRefusedNamingTheFieldAndStoreNothing) {
  auto with = [](const std::function<void(CallRecord&)>& change) {
    CallRecord record = MissedCall(10);
    change(record);
    return record;
  };
  std::vector<std::pair<CallRecord, std::string>> bad = {
      {with([](CallRecord& r) { r.direction = "sideways"; }), "direction 'sideways'"},
      {with([](CallRecord& r) { r.kind = ""; }), "kind ''"},
      {with([](CallRecord& r) { r.outcome = "happy"; }), "outcome 'happy'"},
      {with([](CallRecord& r) { r.ended_at = At(9); }), "ended_at"},
      {with([](CallRecord& r) { r.answered_at = At(0); }), "answered_at"},
      {with([](CallRecord& r) { r.recording = "a\nb.wav"; }), "recording"},
      {with([](CallRecord& r) { r.recording = std::string(1001, 'r'); }), "recording"},
  };
  for (const auto& [record, named] : bad) {
    base::Result<std::int64_t> id = db_->call_records().AddCallRecord(record);
    ASSERT_FALSE(id.ok()) << named;
    EXPECT_EQ(id.status().code(), base::StatusCode::kInvalidArgument);
    EXPECT_NE(id.status().message().find(named), std::string::npos) << id.status().ToString();
  }
  EXPECT_TRUE(Listed(Query("")).empty());
}

TEST_P(CallRecordConformanceTest, RecordsOutliveTheDatabaseObject) {
  if (!backend_->Persistent()) {
    GTEST_SKIP() << "the database ends with its Database object";
  }
  std::int64_t id = Add(MissedCall(1));
  ASSERT_NO_FATAL_FAILURE(Reopen());
  EXPECT_EQ(Listed(Query("")), std::vector<std::string>{std::to_string(id) + " missed_call 1"});
  EXPECT_GT(Add(MissedCall(2)), id);
}

INSTANTIATE_TEST_SUITE_P(Backends, CallRecordConformanceTest, testing::ValuesIn(EveryBackend()),
                         NameOf);

// ---- Voice broadcast: answers and uploaded prompts, every backend including the fake. ----

class BroadcastConformanceTest : public StoreConformanceTest {
 protected:
  static base::TimePoint At(int seconds) {
    return base::TimePoint(std::chrono::seconds(1'767'225'600 + seconds));
  }

  // A synthetic answer.
  static BroadcastAnswer Answer(std::string number, char digit, int seconds) {
    return {"rally", std::move(number), "will-attend", digit, At(seconds)};
  }

  static CampaignPrompt Prompt(std::string name, std::vector<std::uint8_t> ulaw, int seconds) {
    return {"rally", std::move(name), std::move(ulaw), At(seconds)};
  }
};

TEST_P(BroadcastConformanceTest, AnswersAreListedOldestFirstPerCampaign) {
  ASSERT_TRUE(db_->broadcast_answers().AddBroadcastAnswer(Answer("+919000000002", '3', 20)).ok());
  ASSERT_TRUE(db_->broadcast_answers().AddBroadcastAnswer(Answer("+919000000001", '1', 10)).ok());
  BroadcastAnswer other = Answer("+919000000003", '2', 5);
  other.campaign_id = "other";
  ASSERT_TRUE(db_->broadcast_answers().AddBroadcastAnswer(other).ok());
  base::Result<std::vector<BroadcastAnswer>> answers =
      db_->broadcast_answers().ListBroadcastAnswers("rally");
  ASSERT_TRUE(answers.ok()) << answers.status().ToString();
  EXPECT_EQ(*answers, (std::vector<BroadcastAnswer>{Answer("+919000000001", '1', 10),
                                                    Answer("+919000000002", '3', 20)}));
  EXPECT_TRUE(db_->broadcast_answers().ListBroadcastAnswers("nobody")->empty());
}

TEST_P(BroadcastConformanceTest, AnsweringAgainReplacesTheEarlierAnswer) {
  ASSERT_TRUE(db_->broadcast_answers().AddBroadcastAnswer(Answer("+919000000001", '1', 10)).ok());
  ASSERT_TRUE(db_->broadcast_answers().AddBroadcastAnswer(Answer("+919000000001", '4', 30)).ok());
  EXPECT_EQ(*db_->broadcast_answers().ListBroadcastAnswers("rally"),
            std::vector<BroadcastAnswer>{Answer("+919000000001", '4', 30)});
}

TEST_P(BroadcastConformanceTest, BadAnswersAreRefusedAndStoreNothing) {
  for (char digit : {'0', '*', '#', 'a'}) {
    base::Status status =
        db_->broadcast_answers().AddBroadcastAnswer(Answer("+919000000001", digit, 1));
    EXPECT_EQ(status.code(), base::StatusCode::kInvalidArgument) << digit;
    EXPECT_NE(status.message().find("digit"), std::string::npos) << status.ToString();
  }
  EXPECT_EQ(db_->broadcast_answers().AddBroadcastAnswer(Answer("", '1', 1)).code(),
            base::StatusCode::kInvalidArgument);
  EXPECT_TRUE(db_->broadcast_answers().ListBroadcastAnswers("rally")->empty());
}

TEST_P(BroadcastConformanceTest, PromptsKeepEveryByteAndAreReplacedByName) {
  // Every byte value, NUL included: µ-law audio is binary.
  std::vector<std::uint8_t> all(256);
  for (int i = 0; i < 256; ++i) all[i] = static_cast<std::uint8_t>(i);
  ASSERT_TRUE(db_->campaign_prompts().PutCampaignPrompt(Prompt("rally_invite", all, 1)).ok());
  ASSERT_TRUE(db_->campaign_prompts().PutCampaignPrompt(Prompt("ask", {0xFF, 0x7F}, 2)).ok());
  ASSERT_TRUE(db_->campaign_prompts().PutCampaignPrompt(Prompt("ask", {0x00, 0x01, 0x02}, 3)).ok());
  base::Result<std::vector<CampaignPrompt>> prompts =
      db_->campaign_prompts().ListCampaignPrompts("rally");
  ASSERT_TRUE(prompts.ok()) << prompts.status().ToString();
  ASSERT_EQ(prompts->size(), 2u);
  EXPECT_EQ((*prompts)[0].name, "ask");
  EXPECT_EQ((*prompts)[0].ulaw, (std::vector<std::uint8_t>{0x00, 0x01, 0x02}));
  EXPECT_EQ((*prompts)[0].added_at, At(3));
  EXPECT_EQ((*prompts)[1].name, "rally_invite");
  EXPECT_EQ((*prompts)[1].ulaw, all);
  EXPECT_TRUE(db_->campaign_prompts().ListCampaignPrompts("other")->empty());
}

TEST_P(BroadcastConformanceTest, RemovingAPromptNamesAMissingOne) {
  ASSERT_TRUE(db_->campaign_prompts().PutCampaignPrompt(Prompt("ask", {1, 2}, 1)).ok());
  EXPECT_TRUE(db_->campaign_prompts().RemoveCampaignPrompt("rally", "ask").ok());
  EXPECT_TRUE(db_->campaign_prompts().ListCampaignPrompts("rally")->empty());
  base::Status again = db_->campaign_prompts().RemoveCampaignPrompt("rally", "ask");
  EXPECT_EQ(again.code(), base::StatusCode::kNotFound);
  EXPECT_EQ(again.message(), "campaign rally has no prompt 'ask'");
}

TEST_P(BroadcastConformanceTest, AnswersAndPromptsSurviveReopening) {
  if (!backend_->Persistent()) GTEST_SKIP() << "the database ends with its Database object";
  ASSERT_TRUE(db_->broadcast_answers().AddBroadcastAnswer(Answer("+919000000001", '3', 1)).ok());
  ASSERT_TRUE(db_->campaign_prompts().PutCampaignPrompt(Prompt("ask", {7, 8, 9}, 1)).ok());
  ASSERT_NO_FATAL_FAILURE(Reopen());
  EXPECT_EQ(db_->broadcast_answers().ListBroadcastAnswers("rally")->size(), 1u);
  EXPECT_EQ(db_->campaign_prompts().ListCampaignPrompts("rally")->at(0).ulaw,
            (std::vector<std::uint8_t>{7, 8, 9}));
}

// ---- The agents' roster: the SQLite backends and the in-memory fake alike. ----

using AgentConformanceTest = StoreConformanceTest;

// A synthetic agent.
StoredAgent MadeUpAgent(std::string id, std::vector<std::string> languages = {"hi", "en"},
                        std::vector<std::string> seats = {}) {
  StoredAgent agent;
  agent.id = std::move(id);
  agent.name = "Synthetic Agent " + agent.id;
  agent.languages = std::move(languages);
  agent.state = "S24";
  agent.seats = std::move(seats);
  agent.phone = "+919811100001";
  agent.added_at = base::TimePoint(std::chrono::seconds(1'767'225'600));
  return agent;
}

std::string Described(const StoredAgent& agent) {
  return agent.id + "|" + agent.name + "|" + base::Join(agent.languages, ",") + "|" + agent.state +
         "|" + base::Join(agent.seats, ",") + "|" + agent.phone + "|" +
         std::to_string(agent.added_at.time_since_epoch().count());
}

std::vector<std::string> ListedAgents(Database& db) {
  base::Result<std::vector<StoredAgent>> agents = db.agents().ListAgents();
  if (!agents.ok()) return {"error: " + agents.status().ToString()};
  std::vector<std::string> lines;
  for (const StoredAgent& agent : *agents) lines.push_back(Described(agent));
  return lines;
}

TEST_P(AgentConformanceTest, FreshDatabaseHasNoAgents) {
  EXPECT_EQ(ListedAgents(*db_), std::vector<std::string>{});
}

TEST_P(AgentConformanceTest, AgentsRoundTripWholeAndAreListedById) {
  StoredAgent b = MadeUpAgent("b-agent", {"ta", "en", "hi"}, {"S24-35", "S24-36"});
  StoredAgent a = MadeUpAgent("a-agent", {"hi"});
  ASSERT_TRUE(db_->agents().AddAgent(b).ok());
  ASSERT_TRUE(db_->agents().AddAgent(a).ok());
  EXPECT_EQ(ListedAgents(*db_), (std::vector<std::string>{Described(a), Described(b)}));
  base::Result<StoredAgent> got = db_->agents().GetAgent("b-agent");
  ASSERT_TRUE(got.ok()) << got.status().ToString();
  EXPECT_EQ(Described(*got), Described(b)) << "languages keep their order";
}

TEST_P(AgentConformanceTest, AnIdIsStoredOnceAndNamedWhenTakenOrMissing) {
  ASSERT_TRUE(db_->agents().AddAgent(MadeUpAgent("a1")).ok());
  base::Status again = db_->agents().AddAgent(MadeUpAgent("a1", {"bn"}));
  EXPECT_EQ(again.code(), base::StatusCode::kConflict);
  EXPECT_NE(again.message().find("'a1'"), std::string::npos) << again.message();
  EXPECT_EQ(db_->agents().GetAgent("a1")->languages, (std::vector<std::string>{"hi", "en"}))
      << "the first stays";
  base::Result<StoredAgent> missing = db_->agents().GetAgent("zz");
  EXPECT_EQ(missing.status().code(), base::StatusCode::kNotFound);
  EXPECT_NE(missing.status().message().find("'zz'"), std::string::npos);
}

TEST_P(AgentConformanceTest, RemovingTakesOnlyThatAgentAndAMissingOneIsNotFound) {
  ASSERT_TRUE(db_->agents().AddAgent(MadeUpAgent("a1")).ok());
  ASSERT_TRUE(db_->agents().AddAgent(MadeUpAgent("a2")).ok());
  EXPECT_TRUE(db_->agents().RemoveAgent("a1").ok());
  EXPECT_EQ(db_->agents().RemoveAgent("a1").code(), base::StatusCode::kNotFound);
  ASSERT_EQ(db_->agents().ListAgents()->size(), 1u);
  EXPECT_EQ(db_->agents().ListAgents()->front().id, "a2");
  EXPECT_TRUE(db_->agents().AddAgent(MadeUpAgent("a1")).ok()) << "the id is free again";
}

TEST_P(AgentConformanceTest, AgentsOutliveTheDatabaseObject) {
  if (!backend_->Persistent()) {
    GTEST_SKIP() << "the database ends with its Database object";
  }
  StoredAgent agent = MadeUpAgent("a1", {"mr"}, {"S13-1"});
  ASSERT_TRUE(db_->agents().AddAgent(agent).ok());
  ASSERT_NO_FATAL_FAILURE(Reopen());
  EXPECT_EQ(ListedAgents(*db_), std::vector<std::string>{Described(agent)});
}

INSTANTIATE_TEST_SUITE_P(Backends, AgentConformanceTest, testing::ValuesIn(EveryBackend()), NameOf);

INSTANTIATE_TEST_SUITE_P(Backends, BroadcastConformanceTest, testing::ValuesIn(EveryBackend()),
                         NameOf);

}  // namespace
}  // namespace store
