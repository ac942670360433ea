// A restart in the middle of a calling day: the calling list resumes from the attempt journal,
// so nobody reached is called again and no attempt is made twice.
#include <gtest/gtest.h>

#include "callcenter/calling_list.h"
#include "callcenter/dialer.h"
#include "callcenter/stored_do_not_call.h"
#include "fakes/fake_clock.h"
#include "fakes/in_memory_database.h"
#include "fakes/scripted_call_control.h"

namespace callcenter {
namespace {

using namespace std::chrono_literals;  // NOLINT(google-build-using-namespace)
using std::chrono::January;
using telephony::EndCause;

// Synthetic contacts.
const std::vector<Contact> kContacts = {
    {"c1", "+919800000001", "hi", "S12", "S12-19"},
    {"c2", "+919800000002", "hi", "S12", "S12-19"},
    {"c3", "+919800000003", "hi", "S12", "S12-19"},
};

// One run of the engine between two restarts: its list, pacer and dialer.
struct Engine {
  Engine(base::Clock& clock, telephony::CallControl& calls, AgentPool& pool, CallingRules& rules,
         store::AttemptStore& journal)
      : list(rules, RetryPolicy{}), pacer(MakePowerPacer(3.0)) {
    for (const Contact& contact : kContacts) EXPECT_TRUE(list.Add(contact, clock.Now()).ok());
    EXPECT_TRUE(list.Resume(*journal.ListAttempts("camp"), clock.Now()).ok());
    dialer = std::make_unique<Dialer>(clock, calls, pool, list, *pacer, DialerSettings{});
    dialer->SetAttemptStore(&journal, "camp");
  }
  CallingList list;
  std::unique_ptr<Pacer> pacer;
  std::unique_ptr<Dialer> dialer;
};

class DialerRestartTest : public ::testing::Test {
 protected:
  DialerRestartTest() { clock_.AdvanceTo(FromIst(2026y / January / 2, 10h)); }
  void SetUp() override {
    Agent* agent = *pool_.Add({"a1", "Synthetic agent", "line-a1", {"hi"}, {}, {}});
    ASSERT_TRUE(agent->LogIn().ok());
  }
  // The attempt numbers journaled for `contact_id`, in the order placed.
  std::vector<int> AttemptsOf(const std::string& contact_id) {
    std::vector<int> made;
    std::vector<store::CallAttempt> journal = *db_.attempts().ListAttempts("camp");
    for (const store::CallAttempt& row : journal) {
      if (row.contact_id == contact_id) made.push_back(row.attempt);
    }
    return made;
  }

  fakes::FakeClock clock_;
  fakes::ScriptedCallControl calls_{clock_};
  AgentPool pool_{clock_};
  InMemoryBlocklist dnd_;
  CallingRules rules_{dnd_, InMemoryBlocklist(), CallingHours(), PollSchedule(), 3};
  fakes::InMemoryDatabase db_;
};

TEST_F(DialerRestartTest, AfterARestartNobodyReachedIsCalledAgainAndNoAttemptIsRepeated) {
  auto first = std::make_unique<Engine>(clock_, calls_, pool_, rules_, db_.attempts());
  first->dialer->Start();
  ASSERT_EQ(calls_.dialled(), 3u);
  calls_.Answer(calls_.dial_order()[0]);  // c1 reached
  calls_.End(calls_.dial_order()[0], EndCause::kRemoteHangup);
  ASSERT_TRUE(pool_.Find("a1")->Dispose("supporter").ok());
  calls_.End(calls_.dial_order()[1], EndCause::kBusy);  // c2 busy
  // c3 still rings when the process stops: its attempt has no outcome.
  first.reset();

  Engine second(clock_, calls_, pool_, rules_, db_.attempts());
  EXPECT_EQ(second.list.Progress("c1")->state, ContactState::kDone);
  EXPECT_EQ(second.list.Progress("c2")->attempts, 1);
  second.dialer->Start();
  clock_.AdvanceBy(5h);  // past every retry interval
  EXPECT_EQ(AttemptsOf("c1"), std::vector<int>{1});
  EXPECT_EQ(AttemptsOf("c2"), (std::vector<int>{1, 2}));
  EXPECT_EQ(AttemptsOf("c3"), (std::vector<int>{1, 2}));
  EXPECT_EQ(second.dialer->stats().not_journaled, 0);
}

TEST_F(DialerRestartTest, RetriesAfterARestartKeepTheirIntervals) {
  auto first = std::make_unique<Engine>(clock_, calls_, pool_, rules_, db_.attempts());
  first->dialer->Start();
  calls_.End(calls_.dial_order()[1], EndCause::kBusy);
  first.reset();
  Engine second(clock_, calls_, pool_, rules_, db_.attempts());
  EXPECT_EQ(second.list.Progress("c2")->due, clock_.Now() + RetryPolicy{}.busy);
  // c3's attempt was cut off: retried as a failed call, from the restart.
  EXPECT_EQ(second.list.Progress("c3")->due, clock_.Now() + RetryPolicy{}.failed);
}

TEST_F(DialerRestartTest, AnOptOutMadeInACallOutlivesTheRestart) {
  auto first = std::make_unique<Engine>(clock_, calls_, pool_, rules_, db_.attempts());
  first->dialer->SetDoNotCallStore(&db_.do_not_call(), "camp");
  first->dialer->Start();
  calls_.Answer(calls_.dial_order()[0]);  // c1 asks not to be called again
  calls_.End(calls_.dial_order()[0], EndCause::kRemoteHangup);
  ASSERT_TRUE(pool_.Find("a1")->Dispose("do_not_call").ok());
  first.reset();

  std::vector<store::DoNotCallEntry> stored = *db_.do_not_call().ListDoNotCall("camp");
  ASSERT_EQ(stored.size(), 1u);
  EXPECT_EQ(stored[0].number, kContacts[0].number);
  EXPECT_EQ(stored[0].reason, "asked in a call (do_not_call)");
  base::Result<InMemoryBlocklist> reloaded = LoadDoNotCallList(db_.do_not_call(), "camp");
  ASSERT_TRUE(reloaded.ok()) << reloaded.status().ToString();
  // A new run of the campaign, whose list has c1's number under another contact id.
  CallingRules rules(dnd_, *reloaded, CallingHours(), PollSchedule(), 3);
  CallingList list(rules, RetryPolicy{});
  ASSERT_TRUE(list.Add({"c1-again", kContacts[0].number, "hi", "S12", ""}, clock_.Now()).ok());
  EXPECT_FALSE(list.Next(clock_.Now()));
  EXPECT_EQ(list.Stats().refused_for(GateReason::kDoNotCall), 1);
}

TEST_F(DialerRestartTest, AStoredListWithABadNumberIsNotUsedAtAll) {
  ASSERT_TRUE(db_.do_not_call().AddDoNotCall("camp", "+919800000001", "", clock_.Now()).ok());
  ASSERT_TRUE(db_.do_not_call().AddDoNotCall("camp", "98000-00002", "", clock_.Now()).ok());
  base::Result<InMemoryBlocklist> loaded = LoadDoNotCallList(db_.do_not_call(), "camp");
  ASSERT_FALSE(loaded.ok());
  EXPECT_NE(loaded.status().message().find("campaign camp"), std::string::npos);
}

TEST_F(DialerRestartTest, ResumeRefusesAListAlreadyDiallingAndChangesNothing) {
  CallingList list(rules_, RetryPolicy{});
  ASSERT_TRUE(list.Add(kContacts[0], clock_.Now()).ok());
  ASSERT_TRUE(list.Next(clock_.Now()));
  store::CallAttempt row;
  row.contact_id = "c1";
  row.outcome = "busy";
  EXPECT_EQ(list.Resume({row}, clock_.Now()).code(), base::StatusCode::kConflict);
  EXPECT_EQ(list.Progress("c1")->state, ContactState::kDialling);
}

}  // namespace
}  // namespace callcenter
