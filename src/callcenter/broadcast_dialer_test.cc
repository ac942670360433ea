// The voice broadcast on a fake clock against a scripted network, with a real CallingList and
// its CallingRules in front: each test is a timeline. Numbers and people are synthetic.
#include "callcenter/broadcast_dialer.h"

#include <gtest/gtest.h>

#include "callcenter/calling_list.h"
#include "fakes/fake_clock.h"
#include "fakes/in_memory_database.h"
#include "fakes/scripted_call_control.h"

namespace callcenter {
namespace {

using namespace std::chrono_literals;  // NOLINT(google-build-using-namespace)
using std::chrono::January;
using telephony::AnswerKind;
using telephony::CallId;
using telephony::EndCause;

constexpr auto kDay = 2026y / January / 5;
const std::string kDndNumber = "+919800000099";

Contact Person(int n) {
  std::string id = std::to_string(n);
  return Contact{"c" + id, "+91980000" + std::to_string(1000 + n), "hi", "S12", "S12-19"};
}

BroadcastSettings Settings() {
  BroadcastSettings settings;
  settings.campaign_id = "rally";
  settings.mcmc_certificate = "MCMC/DL/2026/0412";
  settings.message_prompt = "rally/rally_invite";
  settings.question = BroadcastQuestion{"will-attend", "rally/attend_question", 3};
  settings.max_calls_in_progress = 2;
  settings.calls_per_second = 1;
  return settings;
}

class BroadcastDialerTest : public ::testing::Test {
 protected:
  BroadcastDialerTest() {
    EXPECT_TRUE(dnd_.Add(kDndNumber).ok());
    clock_.AdvanceTo(FromIst(kDay, 10h));
  }

  void Add(const Contact& contact) { ASSERT_TRUE(list_.Add(contact, clock_.Now()).ok()); }
  void Start(BroadcastSettings settings = Settings()) {
    dialer_ = std::make_unique<BroadcastDialer>(clock_, calls_, list_, db_.broadcast_answers(),
                                                std::move(settings));
    base::Status started = dialer_->Start();
    ASSERT_TRUE(started.ok()) << started.ToString();
  }
  CallId Nth(std::size_t n) { return calls_.dial_order().at(n); }
  const std::vector<std::string>& Prompts(CallId id) { return calls_.call(id).prompts; }
  std::vector<store::BroadcastAnswer> Answers() {
    return *db_.broadcast_answers().ListBroadcastAnswers("rally");
  }
  // Answers the first call and lets the message and the question play out.
  CallId AnswerAndHearTheQuestion() {
    calls_.Answer(Nth(0));
    clock_.AdvanceBy(calls_.prompt_length);  // the message
    clock_.AdvanceBy(calls_.prompt_length);  // the question
    return Nth(0);
  }

  fakes::FakeClock clock_;
  fakes::ScriptedCallControl calls_{clock_};
  fakes::InMemoryDatabase db_;
  InMemoryBlocklist dnd_;
  CallingRules rules_{dnd_, InMemoryBlocklist(), CallingHours(), PollSchedule(), 3};
  CallingList list_{rules_, RetryPolicy{}};
  std::unique_ptr<BroadcastDialer> dialer_;
};

TEST_F(BroadcastDialerTest, PersonHearsMessageAndQuestionAndTheirKeyIsStored) {
  Add(Person(1));
  Start();
  ASSERT_EQ(calls_.dialled(), 1u);
  EXPECT_EQ(calls_.call(Nth(0)).request.number, Person(1).number);
  CallId call = AnswerAndHearTheQuestion();
  EXPECT_EQ(Prompts(call),
            (std::vector<std::string>{"rally/rally_invite", "rally/attend_question"}));
  clock_.AdvanceBy(2s);
  calls_.Digit(call, '3');
  EXPECT_EQ(Prompts(call).back(), "thank_you");
  EXPECT_EQ(Answers(), (std::vector<store::BroadcastAnswer>{
                           {"rally", Person(1).number, "will-attend", '3', clock_.Now()}}));
  EXPECT_FALSE(calls_.call(call).hung_up);  // not before "thank you" has played
  clock_.AdvanceBy(calls_.prompt_length);
  EXPECT_TRUE(calls_.call(call).ended);
  EXPECT_EQ(dialer_->stats().answers, 1);
  EXPECT_EQ(list_.Progress("c1")->state, ContactState::kDone);
}

TEST_F(BroadcastDialerTest, KeysDuringTheMessageAreIgnoredAndDuringTheQuestionCount) {
  Add(Person(1));
  Start();
  calls_.Answer(Nth(0));
  calls_.Digit(Nth(0), '2');  // still the message
  EXPECT_TRUE(Answers().empty());
  clock_.AdvanceBy(calls_.prompt_length);
  calls_.Digit(Nth(0), '2');  // the question is playing
  ASSERT_EQ(Answers().size(), 1u);
  EXPECT_EQ(Answers()[0].digit, '2');
}

TEST_F(BroadcastDialerTest, WrongKeyReplaysTheQuestionOnceThenARightOneIsStored) {
  Add(Person(1));
  Start();
  CallId call = AnswerAndHearTheQuestion();
  calls_.Digit(call, '7');  // only 1 to 3
  EXPECT_EQ(Prompts(call).back(), "rally/attend_question");
  EXPECT_EQ(Prompts(call).size(), 3u);
  EXPECT_TRUE(Answers().empty());
  clock_.AdvanceBy(calls_.prompt_length);
  calls_.Digit(call, '1');
  ASSERT_EQ(Answers().size(), 1u);
  EXPECT_EQ(Answers()[0].digit, '1');
  EXPECT_EQ(dialer_->stats().wrong_digits, 1);
}

TEST_F(BroadcastDialerTest, SecondWrongKeyEndsTheCallWithNoAnswer) {
  Add(Person(1));
  Start();
  CallId call = AnswerAndHearTheQuestion();
  calls_.Digit(call, '0');
  calls_.Digit(call, '#');
  EXPECT_TRUE(calls_.call(call).hung_up);
  EXPECT_TRUE(Answers().empty());
  EXPECT_EQ(dialer_->stats().wrong_digits, 2);
}

TEST_F(BroadcastDialerTest, SilenceAfterTheQuestionTimesOut) {
  Add(Person(1));
  Start();
  CallId call = AnswerAndHearTheQuestion();
  clock_.AdvanceBy(Settings().digit_timeout - 1s);
  EXPECT_FALSE(calls_.call(call).hung_up);
  clock_.AdvanceBy(1s);
  EXPECT_TRUE(calls_.call(call).hung_up);
  EXPECT_TRUE(Answers().empty());
  EXPECT_EQ(dialer_->stats().timeouts, 1);
  calls_.Digit(call, '1');  // too late: the call is gone
  EXPECT_TRUE(Answers().empty());
  // A person was reached: the contact is done, not called again for a missing answer.
  EXPECT_EQ(list_.Progress("c1")->state, ContactState::kDone);
}

TEST_F(BroadcastDialerTest, MachineIsHungUpWithoutTheMessageAndRetried) {
  Add(Person(1));
  Start();
  calls_.Answer(Nth(0), AnswerKind::kMachine);
  EXPECT_TRUE(calls_.call(Nth(0)).hung_up);
  EXPECT_TRUE(Prompts(Nth(0)).empty());
  clock_.AdvanceBy(1s);
  EXPECT_EQ(dialer_->stats().machines, 1);
  EXPECT_EQ(list_.Progress("c1")->last_outcome, AttemptOutcome::kMachine);
  EXPECT_EQ(list_.Progress("c1")->state, ContactState::kPending);
}

TEST_F(BroadcastDialerTest, BusyLineIsRetriedLater) {
  Add(Person(1));
  Start();
  calls_.End(Nth(0), EndCause::kBusy);
  EXPECT_EQ(dialer_->stats().busy, 1);
  EXPECT_EQ(list_.Progress("c1")->last_outcome, AttemptOutcome::kBusy);
  clock_.AdvanceBy(29min);
  EXPECT_EQ(calls_.dialled(), 1u);
  clock_.AdvanceBy(2min);  // the busy retry interval (30 min) has passed
  EXPECT_EQ(calls_.dialled(), 2u);
}

TEST_F(BroadcastDialerTest, DoNotCallAndDndNumbersAreNeverDialled) {
  ASSERT_TRUE(rules_.RecordOptOut(Person(2).number).ok());
  Add(Contact{"c9", kDndNumber, "hi", "S12", ""});
  Add(Person(2));
  Add(Person(3));
  Start();
  clock_.AdvanceBy(5s);
  ASSERT_EQ(calls_.dialled(), 1u);
  EXPECT_EQ(calls_.call(Nth(0)).request.number, Person(3).number);
  EXPECT_EQ(list_.Stats().refused_for(GateReason::kDnd), 1);
  EXPECT_EQ(list_.Stats().refused_for(GateReason::kDoNotCall), 1);
}

TEST_F(BroadcastDialerTest, NothingIsDialledOutsideCallingHours) {
  clock_.AdvanceTo(FromIst(kDay, 21h + 30min));
  Add(Person(1));
  Start();
  clock_.AdvanceBy(10min);
  EXPECT_EQ(calls_.dialled(), 0u);
  EXPECT_GE(list_.Stats().refused_for(GateReason::kOutsideHours), 1);
  clock_.AdvanceTo(FromIst(2026y / January / 6, 9h + 1min));
  EXPECT_EQ(calls_.dialled(), 1u);  // next morning, once the hours open
}

TEST_F(BroadcastDialerTest, PacesByCallsPerSecondAndCallsInProgress) {
  for (int n = 1; n <= 5; ++n) Add(Person(n));
  Start();  // 1 a second, 2 at a time
  EXPECT_EQ(calls_.dialled(), 1u);
  clock_.AdvanceBy(1s);
  EXPECT_EQ(calls_.dialled(), 2u);
  clock_.AdvanceBy(3s);
  EXPECT_EQ(calls_.dialled(), 2u);  // both still ringing
  calls_.End(Nth(0), EndCause::kNoAnswer);
  clock_.AdvanceBy(1s);
  EXPECT_EQ(calls_.dialled(), 3u);
  EXPECT_EQ(dialer_->calls_in_progress(), 2u);
}

TEST_F(BroadcastDialerTest, WithoutAQuestionTheCallEndsAfterTheMessage) {
  Add(Person(1));
  BroadcastSettings settings = Settings();
  settings.question.reset();
  Start(settings);
  calls_.Answer(Nth(0));
  clock_.AdvanceBy(calls_.prompt_length);
  EXPECT_TRUE(calls_.call(Nth(0)).hung_up);
  EXPECT_EQ(Prompts(Nth(0)), std::vector<std::string>{"rally/rally_invite"});
}

TEST_F(BroadcastDialerTest, RefusesToStartWithoutMcmcCertificate) {
  Add(Person(1));
  BroadcastSettings settings = Settings();
  settings.mcmc_certificate = "  ";
  BroadcastDialer dialer(clock_, calls_, list_, db_.broadcast_answers(), settings);
  base::Status started = dialer.Start();
  EXPECT_EQ(started.code(), base::StatusCode::kConflict);
  EXPECT_NE(started.message().find("MCMC pre-certification number"), std::string::npos)
      << started.ToString();
  EXPECT_FALSE(dialer.running());
  clock_.AdvanceBy(10s);
  EXPECT_EQ(calls_.dialled(), 0u);
}

TEST_F(BroadcastDialerTest, StopPlacesNoMoreCallsAndLetsCallsInProgressFinish) {
  for (int n = 1; n <= 3; ++n) Add(Person(n));
  Start();
  dialer_->Stop();
  clock_.AdvanceBy(5s);
  EXPECT_EQ(calls_.dialled(), 1u);
  CallId call = AnswerAndHearTheQuestion();
  calls_.Digit(call, '2');
  EXPECT_EQ(Answers().size(), 1u);
}

}  // namespace
}  // namespace callcenter
