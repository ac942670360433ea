// A voice broadcast on real SIP: the BroadcastDialer calls a synthetic contact through a
// carrier trunk (SIPp answering, its media a UdpPeer of the test), who hears the campaign's
// uploaded message and question byte for byte, presses 3 as RFC 4733 events, and the answer
// "3" is stored in an SQLite database, as is the uploaded prompt it heard.

#include <gtest/gtest.h>

#include <functional>
#include <future>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "api/campaign_catalog.h"
#include "api/campaign_prompts.h"
#include "base/real_clock.h"
#include "callcenter/broadcast_dialer.h"
#include "callcenter/broadcast_setup.h"
#include "callcenter/contact_source.h"
#include "fakes/temp_dir.h"
#include "integration/rtp_ears.h"
#include "integration/sip_peers.h"
#include "integration/sipp_scenarios.h"
#include "store/store.h"
#include "telephony/sip/sip_call_control.h"

namespace {

using rtp_ears::HeardStream;
using rtp_ears::Listen;
using sip_peers::Sipp;
using sip_peers::UdpPeer;

constexpr char kCampaign[] = R"json({
  "id": "rally", "name": "Rally invitation (synthetic)", "kind": "broadcast",
  "languages": ["hi"], "contact_lists": ["supporters"],
  "broadcast": {"message": "rally_invite", "mcmc_certificate": "MCMC/DL/2026/0412",
                "question": {"id": "will-attend", "prompt": "attend_question", "choices": 3}}
})json";
constexpr char kContact[] = "+919000020001";

// One synthetic contact, handed out once. (The CallingList, with its calling hours, is tested
// on a fake clock; on the real clock it would refuse to call at night.)
class OneContact : public callcenter::ContactSource {
 public:
  std::optional<callcenter::DialTarget> Next(base::TimePoint /*now*/) override {
    if (handed_out_) return std::nullopt;
    handed_out_ = true;
    callcenter::DialTarget target;
    target.contact_id = "c1";
    target.number = kContact;
    target.language = "hi";
    return target;
  }
  void Report(const callcenter::DialTarget& /*target*/, callcenter::AttemptOutcome outcome,
              base::TimePoint /*now*/) override {
    outcomes.push_back(outcome);
  }
  std::vector<callcenter::AttemptOutcome> outcomes;

 private:
  bool handed_out_ = false;
};

// Raw µ-law of `frames` 20 ms frames of one byte value, so the callee can tell it from others.
std::vector<std::uint8_t> Tone(std::uint8_t value, std::size_t frames) {
  return std::vector<std::uint8_t>(frames * 160, value);
}

class SipBroadcastTest : public ::testing::Test {
 protected:
  void OnClock(const std::function<void()>& work) {
    std::promise<void> done;
    clock_.RunAfter(base::Duration(0), [&] {
      work();
      done.set_value();
    });
    done.get_future().wait();
  }

  void TearDown() override {
    if (sip_ == nullptr) return;
    OnClock([&] {
      sip_->SetEvents(nullptr);
      dialer_.reset();
    });
    sip_.reset();
  }

  fakes::TempDir dir_;
  std::unique_ptr<store::Database> db_;  // outlives the dialer, which stores answers in it
  base::RealClock clock_;
  telephony::rtp::PromptLibrary prompts_;
  telephony::sip::SipConfig config_;
  std::unique_ptr<telephony::sip::SipCallControl> sip_;
  OneContact contacts_;
  std::unique_ptr<callcenter::BroadcastDialer> dialer_;
};

TEST_F(SipBroadcastTest, ContactHearsTheUploadedMessagePressesThreeAndTheAnswerIsStored) {
  // The campaign and its recorded prompts, uploaded as `campaign prompt add` does.
  auto opened = store::OpenDatabase("sqlite:" + dir_.File("broadcast.db"));
  ASSERT_TRUE(opened.ok()) << opened.status().ToString();
  db_ = std::move(*opened);
  store::Database* db = db_.get();
  base::Result<callcenter::Campaign> campaign =
      api::AddCampaign(db->campaigns(), kCampaign, "rally.json", clock_.Now());
  ASSERT_TRUE(campaign.ok()) << campaign.status().ToString();
  std::vector<std::uint8_t> message = Tone(0x21, 25);  // 0.5 s
  std::vector<std::uint8_t> question = Tone(0x43, 25);
  ASSERT_TRUE(
      api::AddCampaignPrompt(*db, "rally", "rally_invite", message, "invite.ulaw", clock_.Now())
          .ok());
  ASSERT_TRUE(
      api::AddCampaignPrompt(*db, "rally", "attend_question", question, "ask.ulaw", clock_.Now())
          .ok());
  ASSERT_EQ(*api::LoadCampaignPrompts(*db, prompts_), 2);
  prompts_.Add("thank_you_hi", std::make_shared<const telephony::rtp::Prompt>(
                                   telephony::rtp::Prompt{Tone(0x65, 10), Tone(0x65, 10)}));

  // The callee: a carrier whose callee answers with media to the test and stays on.
  UdpPeer callee_media;
  int carrier_port = sip_peers::FreePort();
  std::string scenario =
      sip_peers::WriteFile(dir_.path().string(), "carrier.xml",
                           sipp_scenarios::CarrierAnswersAndStays(callee_media.port()));
  Sipp carrier({"-sf", scenario, "-p", std::to_string(carrier_port), "-m", "1"},
               dir_.path().string());
  ASSERT_TRUE(sip_peers::WaitUntilBound(carrier_port)) << carrier.Output();
  config_.trunks.push_back(
      {"carrier", "127.0.0.1", carrier_port, "udp", "", "", "+911140000000", 4});
  config_.listen_port = sip_peers::FreePort(true);
  config_.media.port_low = 21000;
  config_.media.port_high = 29998;
  auto started = telephony::sip::SipCallControl::Start(config_, clock_, prompts_);
  ASSERT_TRUE(started.ok()) << started.status().message();
  sip_ = std::move(*started);

  OnClock([&] {
    callcenter::PromptExists exists = [&](const std::string& name) {
      return prompts_.Find(name) != nullptr;
    };
    base::Result<callcenter::BroadcastSettings> settings =
        callcenter::BroadcastSettingsFor(*campaign, exists, "+911140000000");
    ASSERT_TRUE(settings.ok()) << settings.status().ToString();
    EXPECT_EQ(settings->message_prompt, "rally/rally_invite");
    dialer_ = std::make_unique<callcenter::BroadcastDialer>(
        clock_, *sip_, contacts_, db->broadcast_answers(), std::move(*settings));
    base::Status start = dialer_->Start();
    ASSERT_TRUE(start.ok()) << start.ToString();
  });
  ASSERT_NE(dialer_, nullptr);

  // The message, then the question, as uploaded.
  HeardStream heard = Listen(callee_media, message.size() + question.size());
  ASSERT_EQ(heard.payload.size(), message.size() + question.size());
  auto middle = heard.payload.begin() + static_cast<std::ptrdiff_t>(message.size());
  EXPECT_EQ(std::vector<std::uint8_t>(heard.payload.begin(), middle), message)
      << "the uploaded message";
  EXPECT_EQ(std::vector<std::uint8_t>(middle, heard.payload.end()), question) << "the question";
  EXPECT_TRUE(heard.continuous);

  rtp_ears::Press(callee_media, heard, '3');
  EXPECT_EQ(Listen(callee_media, 1600).payload, Tone(0x65, 10)) << "thank you";
  EXPECT_EQ(carrier.Wait(20), 0) << "we hung up: " << carrier.Output();

  std::vector<store::BroadcastAnswer> answers;
  ASSERT_TRUE(sip_peers::WaitUntil([&] {
    OnClock([&] { answers = *db->broadcast_answers().ListBroadcastAnswers("rally"); });
    return !answers.empty();
  }));
  ASSERT_EQ(answers.size(), 1u);
  EXPECT_EQ(answers[0].number, kContact);
  EXPECT_EQ(answers[0].question_id, "will-attend");
  EXPECT_EQ(answers[0].digit, '3');
  ASSERT_TRUE(sip_peers::WaitUntil([&] {
    bool reported = false;
    OnClock([&] { reported = !contacts_.outcomes.empty(); });
    return reported;
  }));
  OnClock([&] {
    EXPECT_EQ(contacts_.outcomes,
              std::vector<callcenter::AttemptOutcome>{callcenter::AttemptOutcome::kConnected});
    EXPECT_EQ(dialer_->stats().answers, 1);
  });
}

}  // namespace
