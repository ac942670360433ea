// The calling list on a fake clock: each test is a timeline of hand-outs and outcomes.
#include "callcenter/calling_list.h"

#include <gtest/gtest.h>

#include <map>
#include <random>
#include <set>

#include "fakes/fake_clock.h"

namespace callcenter {
namespace {

using namespace std::chrono_literals;  // NOLINT(google-build-using-namespace)
using std::chrono::January;

constexpr auto kDay = 2026y / January / 2;
constexpr auto kPollDay = 2026y / January / 10;
const std::string kDndNumber = "+919800000099";

Contact Person(int n, std::string number = "") {
  std::string id = std::to_string(n);
  if (number.empty()) number = "+9198000000" + std::string(id.size() < 2 ? "0" : "") + id;
  return Contact{"c" + id, std::move(number), "hi", "S12", "S12-19"};
}

class CallingListTest : public ::testing::Test {
 protected:
  CallingListTest() {
    EXPECT_TRUE(dnd_.Add(kDndNumber).ok());
    clock_.AdvanceTo(FromIst(kDay, 10h));
  }

  base::TimePoint Now() const { return clock_.Now(); }
  std::optional<DialTarget> Next() { return list_.Next(Now()); }
  void Add(const Contact& contact, base::Duration after = 0s) {
    ASSERT_TRUE(list_.Add(contact, Now() + after).ok());
  }
  // Hands out the next contact and reports `outcome` for it at once.
  DialTarget Call(AttemptOutcome outcome) {
    std::optional<DialTarget> target = Next();
    EXPECT_TRUE(target);
    if (!target) return {};
    list_.Report(*target, outcome, Now());
    return *target;
  }
  ContactProgress Progress(const std::string& id) { return *list_.Progress(id); }

  fakes::FakeClock clock_;
  InMemoryBlocklist dnd_;
  CallingRules rules_{dnd_, InMemoryBlocklist(), CallingHours(),
                      *PollSchedule::FromPollDates({{"S12-19", kPollDay}}), 3};
  CallingList list_{rules_, RetryPolicy{}};
};

TEST_F(CallingListTest, HandsOutDueContactsEarliestFirstAndNothingBeforeItIsDue) {
  Add(Person(1), 10min);
  Add(Person(2), 5min);
  Add(Person(3), 5min);
  EXPECT_FALSE(Next());
  clock_.AdvanceBy(5min);
  EXPECT_EQ(Next()->contact_id, "c2");
  EXPECT_EQ(Next()->contact_id, "c3");  // same due time: in the order added
  EXPECT_FALSE(Next());
  clock_.AdvanceBy(5min);
  std::optional<DialTarget> target = Next();
  ASSERT_TRUE(target);
  EXPECT_EQ(target->contact_id, "c1");
  EXPECT_EQ(target->number, "+919800000001");
  EXPECT_EQ(target->attempt, 1);
  EXPECT_EQ(target->language, "hi");
  EXPECT_EQ(target->state_code, "S12");
  EXPECT_EQ(target->seat_id, "S12-19");
  EXPECT_EQ(Progress("c1").state, ContactState::kDialling);
}

TEST_F(CallingListTest, ConnectedContactIsDoneAndNeverHandedOutAgain) {
  Add(Person(1));
  Call(AttemptOutcome::kConnected);
  clock_.AdvanceBy(24h);
  EXPECT_FALSE(Next());
  EXPECT_EQ(Progress("c1").state, ContactState::kDone);
  EXPECT_EQ(Progress("c1").last_outcome, AttemptOutcome::kConnected);
  EXPECT_EQ(list_.Stats().done, 1);
}

struct RetryCase {
  AttemptOutcome outcome;
  base::Duration interval;
};

class CallingListRetryTest : public CallingListTest,
                             public ::testing::WithParamInterface<RetryCase> {};

TEST_P(CallingListRetryTest, RetriesAfterTheIntervalForTheOutcome) {
  Add(Person(1));
  Call(GetParam().outcome);
  EXPECT_EQ(Progress("c1").due, Now() + GetParam().interval);
  clock_.AdvanceBy(GetParam().interval - 1s);
  EXPECT_FALSE(Next());
  clock_.AdvanceBy(1s);
  std::optional<DialTarget> again = Next();
  ASSERT_TRUE(again);
  EXPECT_EQ(again->attempt, 2);
}

INSTANTIATE_TEST_SUITE_P(
    Outcomes, CallingListRetryTest,
    ::testing::Values(RetryCase{AttemptOutcome::kBusy, 30min},
                      RetryCase{AttemptOutcome::kNoAnswer, 2h},
                      RetryCase{AttemptOutcome::kFailed, 4h},
                      RetryCase{AttemptOutcome::kMachine, 4h},
                      // An abandoned person is called back as soon as after a busy line.
                      RetryCase{AttemptOutcome::kAbandoned, 30min}));

TEST_F(CallingListTest, ContactIsExhaustedAfterMaxAttempts) {
  Add(Person(1));
  EXPECT_EQ(Call(AttemptOutcome::kBusy).attempt, 1);
  clock_.AdvanceBy(30min);
  EXPECT_EQ(Call(AttemptOutcome::kAbandoned).attempt, 2);
  clock_.AdvanceBy(30min);
  EXPECT_EQ(Call(AttemptOutcome::kNoAnswer).attempt, 3);
  EXPECT_EQ(Progress("c1").state, ContactState::kExhausted);
  EXPECT_EQ(Progress("c1").attempts, 3);
  clock_.AdvanceBy(48h);
  EXPECT_FALSE(Next());
  EXPECT_EQ(list_.Stats().exhausted, 1);
}

TEST_F(CallingListTest, GateClosesAContactWhoseListAllowsMoreAttemptsThanTheCampaign) {
  RetryPolicy generous;
  generous.max_attempts = 5;
  CallingList list(rules_, generous);
  ASSERT_TRUE(list.Add(Person(1), Now()).ok());
  for (int attempt = 1; attempt <= 3; ++attempt) {
    std::optional<DialTarget> target = list.Next(Now());
    ASSERT_TRUE(target);
    list.Report(*target, AttemptOutcome::kBusy, Now());
    clock_.AdvanceBy(30min);
  }
  EXPECT_FALSE(list.Next(Now()));
  EXPECT_EQ(list.Progress("c1")->state, ContactState::kExhausted);
  EXPECT_EQ(list.Stats().refused_for(GateReason::kMaxAttempts), 1);
}

TEST_F(CallingListTest, OptOutStopsAContactWaitingForItsRetry) {
  Add(Person(1));
  Call(AttemptOutcome::kBusy);
  ASSERT_TRUE(list_.OptOut("+919800000001").ok());
  clock_.AdvanceBy(1h);
  EXPECT_FALSE(Next());
  EXPECT_EQ(Progress("c1").state, ContactState::kOptedOut);
  EXPECT_FALSE(Progress("c1").due);
  EXPECT_EQ(list_.Stats().pending, 0);
  EXPECT_EQ(list_.Stats().opted_out, 1);
}

TEST_F(CallingListTest, OptOutHeardOnACallClosesItAndTheLateReportChangesNothing) {
  Add(Person(1));
  std::optional<DialTarget> target = Next();
  ASSERT_TRUE(target);
  ASSERT_TRUE(list_.OptOut(target->number).ok());  // said on the call, before it ended
  list_.Report(*target, AttemptOutcome::kConnected, Now());
  EXPECT_EQ(Progress("c1").state, ContactState::kOptedOut);
  EXPECT_EQ(Progress("c1").last_outcome, AttemptOutcome::kConnected);
  EXPECT_EQ(list_.Stats().dialling, 0);
}

TEST_F(CallingListTest, OptOutClosesEveryContactSharingTheNumber) {
  Add(Person(1, "+919811111111"));
  Add(Person(2, "+919811111111"), 1h);
  Add(Person(3));
  ASSERT_TRUE(list_.OptOut("+919811111111").ok());
  clock_.AdvanceBy(2h);
  EXPECT_EQ(Next()->contact_id, "c3");
  EXPECT_FALSE(Next());
  EXPECT_EQ(list_.Stats().opted_out, 2);
}

TEST_F(CallingListTest, OptOutSurvivesReimportUnderANewId) {
  Add(Person(1));
  ASSERT_TRUE(list_.OptOut("+919800000001").ok());
  Add(Person(7, "+919800000001"));  // the same person, imported again from another sheet
  EXPECT_FALSE(Next());
  EXPECT_EQ(Progress("c7").state, ContactState::kBlocked);
  ASSERT_EQ(list_.refusals().size(), 1u);
  EXPECT_EQ(list_.refusals().back().reason, GateReason::kDoNotCall);
  EXPECT_EQ(list_.refusals().back().contact_id, "c7");
}

TEST_F(CallingListTest, OptOutInAnotherListOfTheCampaignIsHonouredHere) {
  CallingList helpline(rules_, RetryPolicy{});
  Add(Person(1));
  ASSERT_TRUE(helpline.OptOut("+919800000001").ok());
  EXPECT_FALSE(Next());
  EXPECT_EQ(Progress("c1").state, ContactState::kBlocked);
}

TEST_F(CallingListTest, ReimportOfAKnownIdIsAConflictAndKeepsItsState) {
  Add(Person(1));
  Call(AttemptOutcome::kBusy);
  base::Status again = list_.Add(Person(1), Now());
  EXPECT_EQ(again.code(), base::StatusCode::kConflict);
  EXPECT_EQ(Progress("c1").attempts, 1);
  EXPECT_EQ(list_.size(), 1u);
}

TEST_F(CallingListTest, RefusesContactsThatCannotBeGated) {
  EXPECT_EQ(list_.Add(Person(1, "098000 00001"), Now()).code(), base::StatusCode::kInvalidArgument);
  EXPECT_EQ(list_.Add(Contact{"", "+919800000001", "hi", "S12", ""}, Now()).code(),
            base::StatusCode::kInvalidArgument);
  EXPECT_EQ(list_.size(), 0u);
}

TEST_F(CallingListTest, DndContactIsClosedAndTheRefusalRecorded) {
  Add(Person(1, kDndNumber));
  Add(Person(2));
  EXPECT_EQ(Next()->contact_id, "c2");
  EXPECT_EQ(Progress("c1").state, ContactState::kBlocked);
  ASSERT_EQ(list_.refusals().size(), 1u);
  const GateRecord& record = list_.refusals().front();
  EXPECT_EQ(record.contact_id, "c1");
  EXPECT_EQ(record.number, kDndNumber);
  EXPECT_EQ(record.reason, GateReason::kDnd);
  EXPECT_EQ(record.at, Now());
  EXPECT_EQ(list_.Stats().blocked, 1);
  EXPECT_EQ(list_.Stats().refused_for(GateReason::kDnd), 1);
}

TEST_F(CallingListTest, NumberAddedToDndAfterImportIsRefusedAtDialling) {
  Add(Person(1));
  Call(AttemptOutcome::kNoAnswer);
  ASSERT_TRUE(dnd_.Add("+919800000001").ok());
  clock_.AdvanceBy(2h);
  EXPECT_FALSE(Next());
  EXPECT_EQ(Progress("c1").state, ContactState::kBlocked);
}

TEST_F(CallingListTest, ContactRefusedOutsideHoursIsRescheduledAtTheNextOpening) {
  clock_.AdvanceTo(FromIst(kDay, 20h + 45min));
  Add(Person(1));
  Call(AttemptOutcome::kBusy);  // due again at 21:15, after hours
  clock_.AdvanceBy(30min);
  EXPECT_FALSE(Next());
  EXPECT_EQ(Progress("c1").state, ContactState::kPending);
  EXPECT_EQ(Progress("c1").due, FromIst(2026y / January / 3, 9h));
  EXPECT_EQ(list_.Stats().refused_for(GateReason::kOutsideHours), 1);
  clock_.AdvanceTo(FromIst(2026y / January / 3, 8h + 59min) + 59s);
  EXPECT_FALSE(Next());
  clock_.AdvanceBy(1s);
  std::optional<DialTarget> target = Next();
  ASSERT_TRUE(target);
  EXPECT_EQ(target->attempt, 2);  // the refusal was not an attempt
}

TEST_F(CallingListTest, ContactRefusedInTheSilencePeriodWaitsUntilThePollHasClosed) {
  base::TimePoint close = FromIst(kPollDay, 18h);
  clock_.AdvanceTo(close - 48h);
  Add(Person(1));
  EXPECT_FALSE(Next());
  EXPECT_EQ(Progress("c1").due, close + 1us);
  EXPECT_EQ(list_.refusals().back().reason, GateReason::kSilencePeriod);
  clock_.AdvanceTo(close);
  EXPECT_FALSE(Next());
  clock_.AdvanceBy(1us);
  EXPECT_TRUE(Next());
}

TEST_F(CallingListTest, StatsCountContactsByState) {
  Add(Person(3, kDndNumber));
  Add(Person(1));
  Add(Person(2));
  Add(Person(4), 1h);
  Call(AttemptOutcome::kConnected);
  ASSERT_TRUE(Next());
  CallingListStats stats = list_.Stats();
  EXPECT_EQ(stats.done, 1);
  EXPECT_EQ(stats.dialling, 1);
  EXPECT_EQ(stats.blocked, 1);
  EXPECT_EQ(stats.pending, 1);
  EXPECT_EQ(stats.exhausted, 0);
  EXPECT_EQ(stats.refused_for(GateReason::kDnd), 1);
}

TEST_F(CallingListTest, KeepsOnlyTheNewestRefusalsButCountsThemAll) {
  CallingList list(rules_, RetryPolicy{}, /*max_records=*/2);
  for (int n = 1; n <= 3; ++n) {
    ASSERT_TRUE(
        list.Add(Contact{"c" + std::to_string(n), kDndNumber, "hi", "S12", ""}, Now()).ok());
  }
  EXPECT_FALSE(list.Next(Now()));
  ASSERT_EQ(list.refusals().size(), 2u);
  EXPECT_EQ(list.refusals().front().contact_id, "c2");
  EXPECT_EQ(list.Stats().refused_for(GateReason::kDnd), 3);
}

TEST_F(CallingListTest, IgnoresReportsOfContactsItDidNotHandOut) {
  Add(Person(1));
  list_.Report(DialTarget{"c1", "+919800000001", 1, "hi", "S12", "S12-19"},
               AttemptOutcome::kConnected, Now());
  list_.Report(DialTarget{"c9", "+919800000009", 1, "hi", "S12", ""}, AttemptOutcome::kBusy, Now());
  EXPECT_EQ(Progress("c1").state, ContactState::kPending);
  DialTarget target = Call(AttemptOutcome::kBusy);
  list_.Report(target, AttemptOutcome::kConnected, Now());  // a second report of the attempt
  EXPECT_EQ(Progress("c1").state, ContactState::kPending);
}

// Thousands of seeded random timelines: random outcomes, clock moves, DND changes, opt-outs
// and re-imports, each hand-out checked against the rules computed here independently.
class Timeline {
 public:
  explicit Timeline(std::uint32_t seed) : random_(seed) {
    const std::array<std::pair<int, int>, 4> windows{{{9, 21}, {6, 23}, {20, 8}, {10, 18}}};
    auto [open, close] = windows[Pick(windows.size())];
    open_ = std::chrono::hours(open);
    close_ = std::chrono::hours(close);
    max_attempts_ = 1 + static_cast<int>(Pick(4));
    policy_.max_attempts = Pick(4) == 0 ? max_attempts_ + 1 : max_attempts_;
    const std::array<base::Duration, 5> intervals{0s, 1min, 30min, 2h, 4h};
    for (base::Duration* interval : {&policy_.busy, &policy_.no_answer, &policy_.failed,
                                     &policy_.machine, &policy_.abandoned}) {
      *interval = intervals[Pick(intervals.size())];
    }
    clock_.AdvanceBy(std::chrono::hours(Pick(24)));
    // Polls within the first ten days: a seat's, a whole state's.
    PollSchedule polls;
    seat_close_ = clock_.Now() + std::chrono::hours(Pick(240));
    state_close_ = clock_.Now() + std::chrono::hours(Pick(240));
    EXPECT_TRUE(polls.AddPollClose("S01-1", seat_close_).ok());
    EXPECT_TRUE(polls.AddPollClose("S02", state_close_).ok());
    for (int i = 0; i < 2; ++i) BlockInDnd(RandomNumber());
    auto hours = CallingHours::Make(open_, close_);
    rules_ = std::make_unique<CallingRules>(dnd_, InMemoryBlocklist(), *hours, std::move(polls),
                                            max_attempts_);
    list_ = std::make_unique<CallingList>(*rules_, policy_);
    for (int i = 0; i < 20; ++i) AddContact();
  }

  void Run(int steps) {
    for (int step = 0; step < steps && !::testing::Test::HasFatalFailure(); ++step) {
      switch (Pick(8)) {
        case 0:
          clock_.AdvanceBy(std::chrono::seconds(1 + Pick(std::size_t{12} * 3600)));
          break;
        case 1:
          clock_.AdvanceBy(std::chrono::minutes(1 + Pick(30)));
          break;
        case 2:
          BlockInDnd(RandomNumber());
          break;
        case 3:
          if (Pick(4) == 0) OptOut(RandomNumber());
          break;
        case 4:
          if (Pick(3) == 0) AddContact();
          break;
        default:
          DrainAndReport();
      }
    }
  }

  // After the timeline: past every poll, with every call connected, every contact ends closed.
  void Finish() {
    clock_.AdvanceTo(std::max({clock_.Now(), seat_close_ + 1s, state_close_ + 1s}));
    for (int hour = 0; hour < 24 * 10 && !::testing::Test::HasFatalFailure(); ++hour) {
      ReportAllConnected();
      HandOutAll();
      clock_.AdvanceBy(1h);
    }
    ReportAllConnected();
    CallingListStats stats = list_->Stats();
    EXPECT_EQ(stats.pending, 0);
    EXPECT_EQ(stats.dialling, 0);
    EXPECT_EQ(stats.done + stats.exhausted + stats.blocked + stats.opted_out,
              static_cast<int>(list_->size()));
  }

 private:
  std::size_t Pick(std::size_t n) {
    return std::uniform_int_distribution<std::size_t>(0, n - 1)(random_);
  }
  std::string RandomNumber() { return "+9198765432" + std::to_string(10 + Pick(15)); }

  void AddContact() {
    std::string id = "c" + std::to_string(next_id_++);
    const std::array<std::pair<const char*, const char*>, 4> places{
        {{"S01", "S01-1"}, {"S01", "S01-2"}, {"S02", "S02-5"}, {"S02", ""}}};
    auto [state, seat] = places[Pick(places.size())];
    base::TimePoint due = clock_.Now() + std::chrono::minutes(Pick(std::size_t{3} * 24 * 60));
    ASSERT_TRUE(list_->Add(Contact{id, RandomNumber(), "hi", state, seat}, due).ok());
  }

  void BlockInDnd(const std::string& number) {
    ASSERT_TRUE(dnd_.Add(number).ok());
    blocked_.insert(number);
  }

  void OptOut(const std::string& number) {
    ASSERT_TRUE(list_->OptOut(number).ok());
    blocked_.insert(number);
  }

  void HandOutAll() {
    while (std::optional<DialTarget> target = list_->Next(clock_.Now())) {
      Check(*target);
      if (::testing::Test::HasFailure()) return;
      in_flight_.push_back(*target);
    }
  }

  void ReportAllConnected() {
    for (const DialTarget& target : in_flight_) {
      list_->Report(target, AttemptOutcome::kConnected, clock_.Now());
      in_call_.erase(target.contact_id);
    }
    in_flight_.clear();
  }

  void DrainAndReport() {
    HandOutAll();
    const std::array<AttemptOutcome, 6> outcomes{
        AttemptOutcome::kConnected, AttemptOutcome::kAbandoned, AttemptOutcome::kMachine,
        AttemptOutcome::kBusy,      AttemptOutcome::kNoAnswer,  AttemptOutcome::kFailed};
    // Some calls end now, others stay in flight across later clock moves.
    std::vector<DialTarget> still;
    for (const DialTarget& target : in_flight_) {
      if (Pick(3) == 0) {
        still.push_back(target);
        continue;
      }
      list_->Report(target, outcomes[Pick(outcomes.size())], clock_.Now());
      in_call_.erase(target.contact_id);
    }
    in_flight_ = std::move(still);
  }

  // The rules, computed here without the classes under test.
  void Check(const DialTarget& target) {
    base::TimePoint now = clock_.Now();
    EXPECT_EQ(blocked_.count(target.number), 0u) << target.number << " is on DND or opted out";
    auto micros = std::chrono::floor<std::chrono::microseconds>(now.time_since_epoch()).count();
    std::int64_t day = 86'400'000'000LL;
    std::int64_t local = ((micros + 19'800'000'000LL) % day + day) % day;
    std::int64_t open = std::chrono::microseconds(open_).count();
    std::int64_t close = std::chrono::microseconds(close_).count();
    bool in_window =
        open < close ? (local >= open && local < close) : (local >= open || local < close);
    bool quiet = local >= 22 * 3'600'000'000LL || local < 6 * 3'600'000'000LL;
    EXPECT_TRUE(in_window && !quiet) << "handed out at " << FormatIst(now);
    for (auto [area, close_at] :
         {std::pair{target.seat_id, seat_close_}, std::pair{target.state_code, state_close_}}) {
      bool area_polls = area == "S01-1" || area == "S02";
      EXPECT_FALSE(area_polls && now >= close_at - 48h && now <= close_at)
          << target.contact_id << " handed out in the silence period of " << area;
    }
    int& attempts = attempts_[target.contact_id];
    ++attempts;
    EXPECT_EQ(target.attempt, attempts);
    EXPECT_LE(attempts, std::min(max_attempts_, policy_.max_attempts));
    EXPECT_TRUE(in_call_.insert(target.contact_id).second)
        << target.contact_id << " handed out while still being dialled";
  }

  std::mt19937 random_;
  fakes::FakeClock clock_;
  std::chrono::minutes open_{};
  std::chrono::minutes close_{};
  int max_attempts_ = 3;
  RetryPolicy policy_;
  base::TimePoint seat_close_;
  base::TimePoint state_close_;
  InMemoryBlocklist dnd_;
  std::unique_ptr<CallingRules> rules_;
  std::unique_ptr<CallingList> list_;
  int next_id_ = 1;
  std::set<std::string> blocked_;
  std::map<std::string, int> attempts_;
  std::set<std::string> in_call_;
  std::vector<DialTarget> in_flight_;
};

TEST(CallingListPropertyTest, NeverHandsOutABlockedNumberOutOfHoursInSilenceOrTooOften) {
  for (std::uint32_t seed = 1; seed <= 2000; ++seed) {
    SCOPED_TRACE("seed " + std::to_string(seed));
    Timeline timeline(seed);
    timeline.Run(150);
    timeline.Finish();
    if (::testing::Test::HasFailure()) return;
  }
}

TEST_F(CallingListTest, CallbackComesDueAtItsTimeBeforeOrdinaryContactsDueEarlier) {
  Add(Person(1));
  DialTarget reached = Call(AttemptOutcome::kConnected);
  Add(Person(2), 5min);
  ASSERT_TRUE(list_.ScheduleCallback(reached, Now() + 30min).ok());
  EXPECT_EQ(Progress("c1").state, ContactState::kPending);
  clock_.AdvanceBy(29min);
  clock_.AdvanceBy(1min);  // c2 has been due 25 minutes, the callback only now
  std::optional<DialTarget> first = Next();
  ASSERT_TRUE(first);
  EXPECT_EQ(first->contact_id, "c1");
  EXPECT_TRUE(first->callback);
  EXPECT_EQ(first->attempt, 2);
  std::optional<DialTarget> second = Next();
  ASSERT_TRUE(second);
  EXPECT_EQ(second->contact_id, "c2");
  EXPECT_FALSE(second->callback);
}

TEST_F(CallingListTest, RetryReopensAReachedContactAsAnOrdinaryCall) {
  Add(Person(1));
  DialTarget reached = Call(AttemptOutcome::kConnected);
  Add(Person(2), 5min);
  ASSERT_TRUE(list_.ScheduleRetry(reached, Now() + 5min).ok());
  clock_.AdvanceBy(5min);
  // Due at the same time as c2, queued after it, and not a callback: c2 goes first.
  std::optional<DialTarget> first = Next();
  ASSERT_TRUE(first);
  EXPECT_EQ(first->contact_id, "c2");
  std::optional<DialTarget> second = Next();
  ASSERT_TRUE(second);
  EXPECT_EQ(second->contact_id, "c1");
  EXPECT_FALSE(second->callback);
  EXPECT_EQ(second->attempt, 2);
}

TEST_F(CallingListTest, CallbackStillPassesTheGates) {
  Add(Person(1));
  DialTarget reached = Call(AttemptOutcome::kConnected);
  base::TimePoint night = FromIst(kDay, 23h);  // in the quiet band
  ASSERT_TRUE(list_.ScheduleCallback(reached, night).ok());
  clock_.AdvanceTo(night);
  EXPECT_FALSE(Next());
  EXPECT_EQ(list_.Stats().refused_for(GateReason::kOutsideHours), 1);
  clock_.AdvanceTo(FromIst(2026y / January / 3, 9h));
  std::optional<DialTarget> morning = Next();
  ASSERT_TRUE(morning);
  EXPECT_TRUE(morning->callback);  // still first in line when the hours open
}

TEST_F(CallingListTest, NoCallbackForAContactClosedForGoodOrOutOfAttempts) {
  Add(Person(1));
  Add(Person(2));
  DialTarget opted = Call(AttemptOutcome::kConnected);
  ASSERT_TRUE(list_.OptOut(opted.number).ok());
  // c1 was done, so the opt-out does not change its state; a callback must not reopen it.
  EXPECT_EQ(list_.ScheduleCallback(opted, Now()).code(), base::StatusCode::kConflict);
  DialTarget last;
  for (int attempt = 1; attempt <= 3; ++attempt) {
    last = Call(attempt < 3 ? AttemptOutcome::kBusy : AttemptOutcome::kConnected);
    clock_.AdvanceBy(RetryPolicy{}.busy);
  }
  EXPECT_EQ(last.attempt, 3);
  EXPECT_EQ(list_.ScheduleCallback(last, Now()).code(), base::StatusCode::kConflict);
  DialTarget stranger{"nobody", "+919800000077", 1, "hi", "S12", "S12-19"};
  EXPECT_EQ(list_.ScheduleCallback(stranger, Now()).code(), base::StatusCode::kNotFound);
}

}  // namespace
}  // namespace callcenter
