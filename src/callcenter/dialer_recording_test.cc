// Recording campaigns: the consent announcement before the bridge, the recording after it.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <map>

#include "callcenter/campaign_engine.h"
#include "callcenter/dialer.h"
#include "callcenter/predictive_pacer.h"
#include "fakes/fake_clock.h"
#include "fakes/in_memory_database.h"
#include "fakes/scripted_call_control.h"

namespace callcenter {
namespace {

using std::chrono::milliseconds;
using std::chrono::seconds;
using telephony::EndCause;
using ::testing::ElementsAre;

// Synthetic numbers, one per call.
class NumberedContacts : public ContactSource {
 public:
  std::optional<DialTarget> Next(base::TimePoint /*now*/) override {
    ++next_;
    DialTarget target;
    target.contact_id = "c" + std::to_string(next_);
    target.number = "+91900000" + std::to_string(1000 + next_);
    target.language = "hi";
    return target;
  }
  void Report(const DialTarget& target, AttemptOutcome outcome, base::TimePoint /*now*/) override {
    outcomes[target.number] = outcome;
  }
  std::map<std::string, AttemptOutcome> outcomes;

 private:
  int next_ = 0;
};

DialerSettings Recording() {
  DialerSettings settings;
  settings.record_calls = true;
  settings.recording_directory = "/rec";
  settings.campaign_id = "ls-volunteers";
  return settings;
}

class DialerRecordingTest : public ::testing::Test {
 protected:
  void Start(DialerSettings settings, int agents = 1, store::AttemptStore* attempts = nullptr) {
    dialer_ = std::make_unique<Dialer>(clock_, calls_, pool_, contacts_, *pacer_, settings);
    if (attempts != nullptr) dialer_->SetAttemptStore(attempts, "ls-volunteers");
    for (int i = 1; i <= agents; ++i) {
      std::string n = std::to_string(i);
      Agent* agent = *pool_.Add({"a" + n, "Synthetic agent " + n, "line-" + n, {"hi"}, {}, {}});
      ASSERT_TRUE(agent->LogIn().ok());
    }
    dialer_->Start();
  }
  telephony::CallId First() { return calls_.dial_order().at(0); }
  Agent& agent() { return *pool_.Find("a1"); }

  fakes::FakeClock clock_;
  fakes::ScriptedCallControl calls_{clock_};
  AgentPool pool_{clock_};
  NumberedContacts contacts_;
  std::unique_ptr<Pacer> pacer_ = MakeProgressivePacer();
  std::unique_ptr<Dialer> dialer_;
};

TEST_F(DialerRecordingTest, PersonHearsTheConsentBeforeTheBridgeThenTheCallIsRecorded) {
  calls_.prompt_length = seconds(4);  // longer than the 2-second deadline
  Start(Recording());
  calls_.Answer(First());
  // The agent is theirs at once (the 2-second rule is met) and waits through the announcement.
  EXPECT_EQ(agent().state(), AgentState::kReserved);
  EXPECT_THAT(calls_.call(First()).commands, ElementsAre("play call_recording_consent_hi"));
  EXPECT_EQ(dialer_->stats().customer_waits_s, std::vector<double>{0.0});
  clock_.AdvanceBy(seconds(4) - milliseconds(1));
  EXPECT_TRUE(calls_.call(First()).bridged_to.empty());
  EXPECT_EQ(dialer_->stats().abandoned, 0);
  clock_.AdvanceBy(milliseconds(1));
  EXPECT_THAT(calls_.call(First()).commands,
              ElementsAre("play call_recording_consent_hi", "bridge line-1",
                          "record /rec/ls-volunteers/call-1.wav"));
  EXPECT_EQ(agent().state(), AgentState::kTalking);
  EXPECT_EQ(dialer_->stats().connected, 1);
  EXPECT_EQ(dialer_->stats().recorded, 1);
}

TEST_F(DialerRecordingTest, WithoutRecordingNothingIsAnnouncedOrRecorded) {
  Start(DialerSettings{});
  calls_.Answer(First());
  EXPECT_THAT(calls_.call(First()).commands, ElementsAre("bridge line-1"));
  clock_.AdvanceBy(seconds(60));
  EXPECT_THAT(calls_.call(First()).commands, ElementsAre("bridge line-1"));
  EXPECT_EQ(dialer_->stats().recorded, 0);
}

TEST_F(DialerRecordingTest, TheFileIsNamedAfterTheJournaledAttempt) {
  fakes::InMemoryDatabase db;
  Start(Recording(), 1, &db.attempts());
  calls_.Answer(First());
  clock_.AdvanceBy(calls_.prompt_length);
  std::vector<store::CallAttempt> attempts = *db.attempts().ListAttempts("ls-volunteers");
  ASSERT_EQ(attempts.size(), 1u);
  EXPECT_EQ(calls_.call(First()).recording,
            "/rec/ls-volunteers/attempt-" + std::to_string(attempts[0].id) + ".wav");
  dialer_ = nullptr;  // before the journal it writes to
}

TEST_F(DialerRecordingTest, PersonWhoHangsUpDuringTheConsentFreesTheAgentAndIsNotRecorded) {
  Start(Recording());
  calls_.Answer(First());
  clock_.AdvanceBy(seconds(1));
  calls_.End(First(), EndCause::kRemoteHangup);
  EXPECT_EQ(agent().state(), AgentState::kReady);
  EXPECT_TRUE(calls_.call(First()).recording.empty());
  EXPECT_THAT(calls_.call(First()).commands, ElementsAre("play call_recording_consent_hi"));
  EXPECT_EQ(dialer_->stats().left_in_consent, 1);
  EXPECT_EQ(dialer_->stats().abandoned, 0);
  EXPECT_EQ(dialer_->stats().recorded, 0);
}

TEST_F(DialerRecordingTest, AFileThatCannotBeWrittenIsCountedAndTheCallGoesOn) {
  Start(Recording());
  calls_.Answer(First());
  clock_.AdvanceBy(calls_.prompt_length);
  calls_.RecordingFails(First(), "WAV /rec/x.wav: cannot create: Permission denied");
  EXPECT_EQ(dialer_->stats().recordings_failed, 1);
  EXPECT_FALSE(calls_.call(First()).hung_up);
  EXPECT_EQ(agent().state(), AgentState::kTalking);
}

TEST_F(DialerRecordingTest, CampaignRecordingBecomesTheDialersSettings) {
  Campaign campaign;
  campaign.id = "ls-volunteers";
  campaign.recording.enabled = true;
  campaign.recording.consent_prompt = "consent_short";
  DialerSettings settings = DialerSettingsFor(campaign);
  EXPECT_TRUE(settings.record_calls);
  EXPECT_EQ(settings.consent_prompt, "consent_short");
  EXPECT_EQ(RecordingPath(settings, 42, 7), "recordings/ls-volunteers/attempt-42.wav");
  EXPECT_EQ(RecordingPath(settings, 0, 7), "recordings/ls-volunteers/call-7.wav");
  EXPECT_FALSE(DialerSettingsFor(Campaign{}).record_calls);
}

}  // namespace
}  // namespace callcenter
