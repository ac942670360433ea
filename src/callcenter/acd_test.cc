// The ACD on a fake clock: each test is a timeline of agents becoming ready and calls arriving.
#include "callcenter/acd.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <array>
#include <chrono>
#include <map>
#include <optional>
#include <random>
#include <string>
#include <tuple>
#include <utility>
#include <vector>

#include "fakes/fake_clock.h"

namespace callcenter {
namespace {

using std::chrono::microseconds;
using std::chrono::minutes;
using std::chrono::seconds;
using telephony::CallId;
using Routed = std::vector<std::pair<CallId, std::string>>;

CallerNeeds Caller(std::string language, std::string territory = "",
                   std::optional<std::string> fallback = std::nullopt) {
  CallerNeeds needs;
  needs.language = std::move(language);
  needs.territory = std::move(territory);
  needs.fallback_language = std::move(fallback);
  return needs;
}

CallerNeeds Callback(std::string language, std::string territory = "") {
  CallerNeeds needs = Caller(std::move(language), std::move(territory));
  needs.callback = true;
  return needs;
}

AgentProfile Profile(std::string id, std::vector<std::string> languages,
                     std::vector<std::string> territories) {
  AgentProfile profile;
  profile.line = "sip:" + id + "@desk";
  profile.name = "Agent " + id + " (synthetic)";
  profile.id = std::move(id);
  profile.languages = std::move(languages);
  profile.territories = std::move(territories);
  return profile;
}

class AcdTest : public ::testing::Test {
 protected:
  Agent* Offline(const std::string& id, std::vector<std::string> languages,
                 std::vector<std::string> territories = {}) {
    base::Result<Agent*> added =
        pool_.Add(Profile(id, std::move(languages), std::move(territories)));
    EXPECT_TRUE(added.ok()) << added.status().ToString();
    return added.ok() ? *added : nullptr;
  }
  // Logged in now. Nobody tells the Acd: tests say acd_.OnAgentReady() where they mean it.
  Agent* Ready(const std::string& id, std::vector<std::string> languages,
               std::vector<std::string> territories = {}) {
    Agent* agent = Offline(id, std::move(languages), std::move(territories));
    EXPECT_TRUE(agent->LogIn().ok());
    return agent;
  }
  // The agent now reserved for the call, or null when it waits.
  Agent* Offer(CallId call, CallerNeeds needs) {
    base::Result<Agent*> offered = acd_.Offer(call, std::move(needs));
    EXPECT_TRUE(offered.ok()) << offered.status().ToString();
    return offered.ok() ? *offered : nullptr;
  }

  fakes::FakeClock clock_;
  AgentPool pool_{clock_};
  Routed routed_;
  Acd acd_{pool_, clock_, AcdTiers{},
           [this](CallId call, Agent& agent) { routed_.emplace_back(call, agent.profile().id); }};
};

TEST_F(AcdTest, RoutesHindiCallerToHindiAgentFirst) {
  Agent* tamil = Ready("ta1", {"ta"});
  clock_.AdvanceBy(seconds(1));
  Agent* hindi = Ready("hi1", {"hi"});

  EXPECT_EQ(Offer(1, Caller("hi")), hindi);
  EXPECT_EQ(hindi->state(), AgentState::kReserved);
  EXPECT_EQ(hindi->call(), 1U);
  EXPECT_EQ(tamil->state(), AgentState::kReady);
  EXPECT_EQ(acd_.waiting(), 0U);
}

TEST_F(AcdTest, PrefersAnAgentCoveringTheCallersSeatOverOneReadyLonger) {
  Ready("far", {"hi"}, {"S05"});
  clock_.AdvanceBy(seconds(1));
  Agent* near = Ready("near", {"hi"}, {"S12"});

  EXPECT_EQ(Offer(1, Caller("hi", "S12-19")), near);
}

TEST_F(AcdTest, ACallerFromAStateIsServedByAnAgentOfOneOfItsSeats) {
  Agent* seat = Ready("seat", {"hi"}, {"S12-19"});
  EXPECT_EQ(Offer(1, Caller("hi", "S12")), seat);
}

TEST_F(AcdTest, ACallerFromASeatIsServedByItsWholeStateButNotByAnotherSeat) {
  Ready("other-seat", {"hi"}, {"S12-20"});
  clock_.AdvanceBy(seconds(1));
  Agent* state = Ready("state", {"hi"}, {"S12"});

  EXPECT_EQ(Offer(1, Caller("hi", "S12-19")), state);
  EXPECT_EQ(Offer(2, Caller("hi", "S12-19")), nullptr);
}

TEST_F(AcdTest, AnAgentWithNoTerritoryServesTheWholeCountry) {
  Agent* national = Ready("national", {"hi"});
  EXPECT_EQ(Offer(1, Caller("hi", "S12-19")), national);
}

TEST_F(AcdTest, ACallerFromNowhereKnownIsServedByAnySpeaker) {
  Agent* local = Ready("local", {"hi"}, {"S05-3"});
  EXPECT_EQ(Offer(1, Caller("hi")), local);
}

TEST_F(AcdTest, TakesTheMatchingAgentReadyLongest) {
  Agent* first = Ready("b", {"hi"}, {"S12"});
  clock_.AdvanceBy(seconds(1));
  Agent* second = Ready("a", {"en", "hi"}, {"S12-19"});
  clock_.AdvanceBy(seconds(1));
  Agent* third = Ready("c", {"hi"});

  EXPECT_EQ(Offer(1, Caller("hi", "S12-19")), first);
  EXPECT_EQ(Offer(2, Caller("hi", "S12-19")), second);
  EXPECT_EQ(Offer(3, Caller("hi", "S12-19")), third);
  EXPECT_EQ(Offer(4, Caller("hi", "S12-19")), nullptr);
}

TEST_F(AcdTest, QueuesACallNoReadyAgentMayTake) {
  Agent* tamil = Ready("ta1", {"ta"});
  Agent* elsewhere = Ready("hi-S05", {"hi"}, {"S05"});

  EXPECT_EQ(Offer(1, Caller("hi", "S12")), nullptr);
  EXPECT_EQ(acd_.waiting(), 1U);
  EXPECT_EQ(*acd_.Position(1), 1);
  EXPECT_EQ(*acd_.TierOf(1), AcdTier::kLocal);
  EXPECT_EQ(tamil->state(), AgentState::kReady);
  EXPECT_EQ(elsewhere->state(), AgentState::kReady);
}

TEST_F(AcdTest, WidensToAnyHindiAgentExactlyAtTheThreshold) {
  Agent* elsewhere = Ready("hi-S05", {"hi"}, {"S05"});
  ASSERT_EQ(Offer(1, Caller("hi", "S12")), nullptr);

  clock_.AdvanceBy(seconds(20) - microseconds(1));
  EXPECT_TRUE(routed_.empty());
  EXPECT_EQ(elsewhere->state(), AgentState::kReady);
  EXPECT_EQ(*acd_.TierOf(1), AcdTier::kLocal);

  clock_.AdvanceBy(microseconds(1));
  EXPECT_EQ(routed_, (Routed{{1, "hi-S05"}}));
  EXPECT_EQ(elsewhere->state(), AgentState::kReserved);
  EXPECT_EQ(elsewhere->call(), 1U);
  EXPECT_EQ(acd_.waiting(), 0U);
}

TEST_F(AcdTest, AWidenedCallTakesTheNextHindiAgentFromAnyTerritory) {
  ASSERT_EQ(Offer(1, Caller("hi", "S12")), nullptr);
  clock_.AdvanceBy(seconds(20));
  EXPECT_EQ(*acd_.TierOf(1), AcdTier::kLanguage);

  Agent* elsewhere = Ready("hi-S05", {"hi"}, {"S05"});
  EXPECT_EQ(acd_.OnAgentReady(*elsewhere), 1U);
  EXPECT_EQ(elsewhere->call(), 1U);
  EXPECT_TRUE(routed_.empty());  // reported by the return value, not by the timer function
}

TEST_F(AcdTest, FallsBackToEnglishOnlyWhenTheCallerAcceptedIt) {
  Agent* english = Ready("en1", {"en"});
  ASSERT_EQ(Offer(1, Caller("hi", "S12")), nullptr);
  ASSERT_EQ(Offer(2, Caller("hi", "S12", "en")), nullptr);

  clock_.AdvanceBy(seconds(60) - microseconds(1));
  EXPECT_TRUE(routed_.empty());
  EXPECT_EQ(*acd_.TierOf(2), AcdTier::kLanguage);

  clock_.AdvanceBy(microseconds(1));
  EXPECT_EQ(routed_, (Routed{{2, "en1"}}));
  EXPECT_EQ(english->call(), 2U);

  clock_.AdvanceBy(minutes(10));
  EXPECT_EQ(*acd_.TierOf(1), AcdTier::kLanguage);  // no fallback: never further than Hindi
  Agent* another = Ready("en2", {"en"});
  EXPECT_EQ(acd_.OnAgentReady(*another), std::nullopt);
}

TEST_F(AcdTest, AnAgentWithOnlyTheFallbackWaitsForTheFallbackThreshold) {
  ASSERT_EQ(Offer(1, Caller("hi", "S12", "en")), nullptr);
  clock_.AdvanceBy(seconds(30));  // widened to Hindi anywhere, not yet to English
  Agent* english = Ready("en1", {"en"});
  EXPECT_EQ(acd_.OnAgentReady(*english), std::nullopt);

  clock_.AdvanceBy(seconds(30));
  EXPECT_EQ(routed_, (Routed{{1, "en1"}}));
}

TEST_F(AcdTest, AWidenedCallStillPrefersALocalSpeaker) {
  Acd instant(pool_, clock_, AcdTiers{seconds(0), seconds(0)}, nullptr);
  Ready("en1", {"en"});
  clock_.AdvanceBy(seconds(1));
  Ready("hi-S05", {"hi"}, {"S05"});
  clock_.AdvanceBy(seconds(1));
  Agent* local = Ready("hi-S12", {"hi"}, {"S12"});

  base::Result<Agent*> offered = instant.Offer(1, Caller("hi", "S12", "en"));
  ASSERT_TRUE(offered.ok());
  EXPECT_EQ(*offered, local);
  EXPECT_EQ(*instant.Offer(2, Caller("hi", "S12", "en")), pool_.Find("hi-S05"));
  EXPECT_EQ(*instant.Offer(3, Caller("hi", "S12", "en")), pool_.Find("en1"));
}

TEST_F(AcdTest, CallbacksJumpTheQueue) {
  ASSERT_EQ(Offer(1, Caller("hi")), nullptr);
  ASSERT_EQ(Offer(2, Caller("hi")), nullptr);
  ASSERT_EQ(Offer(3, Callback("hi")), nullptr);
  EXPECT_EQ(*acd_.Position(3), 1);
  EXPECT_EQ(*acd_.Position(1), 2);
  EXPECT_EQ(*acd_.Position(2), 3);

  EXPECT_EQ(acd_.OnAgentReady(*Ready("a", {"hi"})), 3U);
  EXPECT_EQ(acd_.OnAgentReady(*Ready("b", {"hi"})), 1U);
  EXPECT_EQ(acd_.OnAgentReady(*Ready("c", {"hi"})), 2U);
}

TEST_F(AcdTest, AnAgentBecomingReadyTakesTheLongestWaitingCallItMayTake) {
  ASSERT_EQ(Offer(1, Caller("hi", "S12")), nullptr);
  ASSERT_EQ(Offer(2, Caller("ta")), nullptr);
  ASSERT_EQ(Offer(3, Caller("hi", "S05-3")), nullptr);
  ASSERT_EQ(Offer(4, Caller("hi", "S05")), nullptr);

  EXPECT_EQ(acd_.OnAgentReady(*Ready("seat", {"hi"}, {"S05-3"})), 3U);
  EXPECT_EQ(acd_.OnAgentReady(*Ready("state", {"hi"}, {"S05"})), 4U);
  EXPECT_EQ(acd_.OnAgentReady(*Ready("national", {"ta", "hi"})), 1U);
  EXPECT_EQ(acd_.OnAgentReady(*Ready("tamil", {"ta"}, {"S33"})), 2U);
}

TEST_F(AcdTest, AnAgentNoWaitingCallMayTakeStaysReady) {
  ASSERT_EQ(Offer(1, Caller("hi", "S12")), nullptr);
  Agent* elsewhere = Ready("hi-S05", {"hi"}, {"S05"});
  EXPECT_EQ(acd_.OnAgentReady(*elsewhere), std::nullopt);
  EXPECT_EQ(elsewhere->state(), AgentState::kReady);
  EXPECT_EQ(acd_.waiting(), 1U);
}

TEST_F(AcdTest, IgnoresAnAgentWhoIsNotReadyAfterAll) {
  ASSERT_EQ(Offer(1, Caller("hi")), nullptr);
  Agent* paused = Ready("a", {"hi"});
  ASSERT_TRUE(paused->Pause("tea").ok());
  EXPECT_EQ(acd_.OnAgentReady(*paused), std::nullopt);
  EXPECT_EQ(acd_.waiting(), 1U);
}

TEST_F(AcdTest, WithdrawnCallsAreGone) {
  Agent* elsewhere = Ready("hi-S05", {"hi"}, {"S05"});
  ASSERT_EQ(Offer(1, Caller("hi", "S12")), nullptr);
  ASSERT_EQ(Offer(2, Caller("ta")), nullptr);

  EXPECT_TRUE(acd_.Withdraw(1).ok());
  EXPECT_EQ(acd_.Withdraw(1).code(), base::StatusCode::kNotFound);
  EXPECT_EQ(acd_.Position(1).status().code(), base::StatusCode::kNotFound);
  EXPECT_EQ(acd_.ExpectedWait(1).status().code(), base::StatusCode::kNotFound);
  EXPECT_EQ(acd_.waiting(), 1U);

  clock_.AdvanceBy(minutes(1));  // its widening would have reached the S05 agent
  EXPECT_TRUE(routed_.empty());
  EXPECT_EQ(elsewhere->state(), AgentState::kReady);
}

TEST_F(AcdTest, ACallGivenToAnAgentIsForgotten) {
  ASSERT_EQ(Offer(1, Caller("hi", "S12")), nullptr);
  Agent* local = Ready("hi-S12", {"hi"}, {"S12"});
  Agent* elsewhere = Ready("hi-S05", {"hi"}, {"S05"});
  ASSERT_EQ(acd_.OnAgentReady(*local), 1U);

  clock_.AdvanceBy(minutes(2));
  EXPECT_TRUE(routed_.empty());
  EXPECT_EQ(elsewhere->state(), AgentState::kReady);
  EXPECT_EQ(acd_.Withdraw(1).code(), base::StatusCode::kNotFound);
}

TEST_F(AcdTest, PositionsAndExpectedWaitsFollowArrivalsAndDepartures) {
  Agent* a = Ready("a", {"hi"});
  Agent* b = Ready("b", {"hi"});
  ASSERT_EQ(Offer(1, Caller("hi")), a);
  ASSERT_EQ(Offer(2, Caller("hi")), b);
  acd_.RecordHandle(minutes(4));

  ASSERT_EQ(Offer(3, Caller("hi")), nullptr);
  ASSERT_EQ(Offer(4, Caller("hi")), nullptr);
  ASSERT_EQ(Offer(5, Caller("ta")), nullptr);
  EXPECT_EQ(*acd_.Position(3), 1);
  EXPECT_EQ(*acd_.Position(4), 2);
  EXPECT_EQ(*acd_.Position(5), 1);
  EXPECT_EQ(*acd_.ExpectedWait(3), minutes(2));  // 1 x 4 min / 2 Hindi agents at work
  EXPECT_EQ(*acd_.ExpectedWait(4), minutes(4));
  EXPECT_EQ(*acd_.ExpectedWait(5), minutes(4));  // nobody speaks Tamil: as if one did

  ASSERT_EQ(Offer(6, Callback("hi")), nullptr);
  EXPECT_EQ(*acd_.Position(6), 1);
  EXPECT_EQ(*acd_.Position(4), 3);
  EXPECT_EQ(*acd_.ExpectedWait(4), minutes(6));

  ASSERT_TRUE(acd_.Withdraw(3).ok());
  EXPECT_EQ(*acd_.Position(4), 2);
  ASSERT_TRUE(b->LoseLine().ok());  // one Hindi agent left at work
  EXPECT_EQ(*acd_.ExpectedWait(4), minutes(8));
}

TEST_F(AcdTest, MeanHandleTimeStartsAtTheAssumptionAndFollowsWhatIsRecorded) {
  EXPECT_EQ(acd_.mean_handle(), Acd::kAssumedHandle);
  acd_.RecordHandle(minutes(2));
  EXPECT_EQ(acd_.mean_handle(), minutes(2));
  acd_.RecordHandle(minutes(4));
  EXPECT_EQ(acd_.mean_handle(), minutes(3));
  acd_.RecordHandle(seconds(-1));
  EXPECT_EQ(acd_.mean_handle(), minutes(3));
}

TEST_F(AcdTest, RefusesCallsItCannotRoute) {
  EXPECT_EQ(acd_.Offer(0, Caller("hi")).status().code(), base::StatusCode::kInvalidArgument);
  EXPECT_EQ(acd_.Offer(1, Caller("")).status().code(), base::StatusCode::kInvalidArgument);
  ASSERT_EQ(Offer(1, Caller("hi")), nullptr);
  base::Result<Agent*> again = acd_.Offer(1, Caller("hi"));
  EXPECT_EQ(again.status().code(), base::StatusCode::kConflict);
  EXPECT_NE(again.status().message().find("call 1"), std::string::npos);
  EXPECT_EQ(acd_.waiting(), 1U);
}

TEST_F(AcdTest, TheTimerFunctionMayCallBackIn) {
  Agent* elsewhere = Ready("hi-S05", {"hi"}, {"S05"});
  Acd* self = nullptr;
  std::optional<base::Result<Agent*>> offered_inside;
  Acd acd(pool_, clock_, AcdTiers{}, [&](CallId /*call*/, Agent& /*agent*/) {
    offered_inside.emplace(self->Offer(7, Caller("hi", "S12")));
  });
  self = &acd;
  ASSERT_EQ(*acd.Offer(1, Caller("hi", "S12")), nullptr);

  clock_.AdvanceBy(seconds(20));
  EXPECT_EQ(elsewhere->call(), 1U);
  ASSERT_TRUE(offered_inside.has_value() && offered_inside->ok());
  EXPECT_EQ(**offered_inside, nullptr);  // the only Hindi agent is taken: call 7 waits
  EXPECT_EQ(*acd.Position(7), 1);
}

// ---- Property: the Acd agrees with a brute-force router, whatever happens ----------------------

const std::array<std::string, 4> kLanguages = {"hi", "en", "ta", "bn"};
const std::array<std::string, 8> kTerritories = {"",      "S01",   "S02",   "S01-1",
                                                 "S01-2", "S02-1", "S03-4", "S03"};

// Written independently of CoversTerritory, by prefixes.
bool ReferenceCovers(const AgentProfile& profile, const std::string& territory) {
  if (profile.territories.empty() || territory.empty()) return true;
  return std::any_of(profile.territories.begin(), profile.territories.end(),
                     [&](const std::string& mine) {
                       return mine == territory || territory.starts_with(mine + "-") ||
                              mine.starts_with(territory + "-");
                     });
}

struct ModelCall {
  CallerNeeds needs;
  base::TimePoint offered;
  int rank = 1;
  std::uint64_t arrival = 0;
};

class ReferenceRouter {
 public:
  ReferenceRouter(const AgentPool& pool, AcdTiers tiers) : pool_(pool), tiers_(tiers) {}

  AcdTier TierAt(const ModelCall& call, base::TimePoint now) const {
    base::Duration wait = now - call.offered;
    if (call.needs.fallback_language && wait >= tiers_.widen_to_fallback) {
      return AcdTier::kFallback;
    }
    return wait >= tiers_.widen_to_language ? AcdTier::kLanguage : AcdTier::kLocal;
  }

  static bool MayTake(const ModelCall& call, AcdTier tier, const Agent& agent) {
    const CallerNeeds& needs = call.needs;
    bool speaks = agent.SpeaksLanguage(needs.language);
    if (tier == AcdTier::kLocal) return speaks && ReferenceCovers(agent.profile(), needs.territory);
    if (tier == AcdTier::kLanguage) return speaks;
    return speaks || agent.SpeaksLanguage(*needs.fallback_language);
  }

  // The agent the call should get at `tier`: the longest ready of the narrowest tier with
  // anyone. `extra`, when set, counts as ready since `extra_since`.
  const Agent* AgentFor(const ModelCall& call, AcdTier tier, const Agent* extra = nullptr,
                        base::TimePoint extra_since = {}) const {
    for (AcdTier narrow : {AcdTier::kLocal, AcdTier::kLanguage, AcdTier::kFallback}) {
      if (narrow > tier) break;
      std::optional<std::pair<base::TimePoint, std::string>> best;
      const Agent* chosen = nullptr;
      auto consider = [&](const Agent& agent, base::TimePoint since) {
        if (!MayTake(call, narrow, agent)) return;
        auto key = std::make_pair(since, agent.profile().id);
        if (!best || key < *best) {
          best = key;
          chosen = &agent;
        }
      };
      pool_.ForEach([&](const Agent& agent) {
        if (agent.state() == AgentState::kReady) consider(agent, agent.state_since());
      });
      if (extra != nullptr) consider(*extra, extra_since);
      if (chosen != nullptr) return chosen;
    }
    return nullptr;
  }

  std::optional<CallId> CallFor(const Agent& agent, const std::map<CallId, ModelCall>& calls,
                                base::TimePoint now) const {
    std::optional<std::tuple<int, std::uint64_t, CallId>> best;
    for (const auto& [id, call] : calls) {
      if (!MayTake(call, TierAt(call, now), agent)) continue;
      auto key = std::make_tuple(call.rank, call.arrival, id);
      if (!best || key < *best) best = key;
    }
    if (!best) return std::nullopt;
    return std::get<2>(*best);
  }

 private:
  const AgentPool& pool_;
  AcdTiers tiers_;
};

// Drives agents and calls at random; the test is the pool's listener and does what an owner
// must: tells the Acd of every agent who becomes ready.
class AcdProperty : public AgentListener {
 public:
  explicit AcdProperty(std::uint32_t seed) : random_(seed) {
    for (int i = 0; i < 24; ++i) agents_.push_back(AddRandomAgent(i));
    pool_.SetListener(this);
  }
  ~AcdProperty() override { pool_.SetListener(nullptr); }
  AcdProperty(const AcdProperty&) = delete;
  AcdProperty& operator=(const AcdProperty&) = delete;

  void Step() {
    int what = Pick(0, 9);
    if (what <= 2) {
      OfferRandomCall();
    } else if (what == 3) {
      WithdrawRandomCall();
    } else if (what <= 6) {
      DriveRandomAgent();
    } else {
      AdvanceRandomly();
    }
  }

  void ExpectInvariants() {
    base::TimePoint now = clock_.Now();
    max_waiting_ = std::max(max_waiting_, static_cast<int>(calls_.size()));
    EXPECT_EQ(acd_.waiting(), calls_.size());
    for (const auto& [id, call] : calls_) {
      AcdTier tier = reference_.TierAt(call, now);
      EXPECT_EQ(*acd_.TierOf(id), tier) << "call " << id;
      EXPECT_EQ(*acd_.Position(id), ReferencePosition(id)) << "call " << id;
      pool_.ForEach([&](const Agent& agent) {
        if (agent.state() != AgentState::kReady) return;
        EXPECT_FALSE(ReferenceRouter::MayTake(call, tier, agent))
            << "call " << id << " waits while " << agent.profile().id << " is ready";
      });
    }
  }

  int routed() const { return routed_; }
  int widened() const { return widened_; }
  int max_waiting() const { return max_waiting_; }

 private:
  int Pick(int low, int high) { return std::uniform_int_distribution<int>(low, high)(random_); }

  Agent* AddRandomAgent(int i) {
    AgentProfile profile;
    profile.id = "a" + std::to_string(i);
    profile.line = "line-" + profile.id;
    for (int n = Pick(1, 2); n > 0; --n) profile.languages.push_back(kLanguages[Pick(0, 3)]);
    for (int n = Pick(0, 2); n > 0; --n) {
      profile.territories.push_back(kTerritories[Pick(1, kTerritories.size() - 1)]);
    }
    base::Result<Agent*> added = pool_.Add(std::move(profile));
    EXPECT_TRUE(added.ok());
    return *added;
  }

  void OfferRandomCall() {
    CallId id = next_call_++;
    ModelCall call;
    call.needs.language = kLanguages[Pick(0, 3)];
    call.needs.territory = kTerritories[Pick(0, kTerritories.size() - 1)];
    if (Pick(0, 2) == 0) call.needs.fallback_language = kLanguages[Pick(0, 3)];
    if (call.needs.fallback_language == call.needs.language) call.needs.fallback_language.reset();
    call.needs.callback = Pick(0, 4) == 0;
    call.offered = clock_.Now();
    call.rank = call.needs.callback ? 0 : 1;
    call.arrival = id;
    const Agent* expected = reference_.AgentFor(call, reference_.TierAt(call, clock_.Now()));
    base::Result<Agent*> offered = acd_.Offer(id, call.needs);
    ASSERT_TRUE(offered.ok());
    EXPECT_EQ(*offered, expected) << "call " << id;
    if (*offered == nullptr) {
      calls_.emplace(id, std::move(call));
      return;
    }
    EXPECT_EQ((*offered)->call(), id);
    ++routed_;
  }

  void WithdrawRandomCall() {
    if (calls_.empty()) {
      EXPECT_EQ(acd_.Withdraw(next_call_).code(), base::StatusCode::kNotFound);
      return;
    }
    auto it = std::next(calls_.begin(), Pick(0, static_cast<int>(calls_.size()) - 1));
    EXPECT_TRUE(acd_.Withdraw(it->first).ok());
    calls_.erase(it);
  }

  void DriveRandomAgent() {
    Agent& agent = *agents_[Pick(0, static_cast<int>(agents_.size()) - 1)];
    switch (Pick(0, 7)) {
      case 0:
        (void)agent.LogIn();
        return;
      case 1:
        (void)agent.SetReady();
        return;
      case 2:
        (void)agent.Pause("tea");
        return;
      case 3:
        (void)agent.LogOut();
        return;
      case 4:
        (void)agent.Connect();
        return;
      case 5:
        (void)agent.EndCall();
        return;
      case 6:
        (void)agent.Dispose("supporter");
        return;
      default:
        (void)agent.LoseLine();
        return;
    }
  }

  void AdvanceRandomly() {
    const std::array<base::Duration, 9> steps = {seconds(0),  microseconds(1), seconds(1),
                                                 seconds(5),  seconds(19),     seconds(20),
                                                 seconds(40), seconds(60),     minutes(2)};
    clock_.AdvanceBy(steps[Pick(0, steps.size() - 1)]);
  }

  int ReferencePosition(CallId id) const {
    const ModelCall& mine = calls_.at(id);
    int position = 1;
    for (const auto& [other_id, other] : calls_) {
      if (other.needs.language != mine.needs.language) continue;
      if (std::tie(other.rank, other.arrival) < std::tie(mine.rank, mine.arrival)) ++position;
    }
    return position;
  }

  void OnAgentStateChanged(const Agent& agent, AgentState /*from*/,
                           AgentChangeCause /*cause*/) override {
    if (agent.state() != AgentState::kReady) return;
    ready_since_[&agent] = agent.state_since();
    std::optional<CallId> expected = reference_.CallFor(agent, calls_, clock_.Now());
    std::optional<CallId> taken = acd_.OnAgentReady(agent);
    EXPECT_EQ(taken, expected) << agent.profile().id << " became ready";
    if (!taken) return;
    EXPECT_EQ(agent.call(), taken);
    calls_.erase(*taken);
    ++routed_;
  }
  void OnTalkTimedOut(const Agent& /*agent*/, CallId /*call*/) override {}

  // A waiting call widened and took `agent`, who was ready until a moment ago.
  void OnRouted(CallId id, Agent& agent) {
    auto it = calls_.find(id);
    ASSERT_NE(it, calls_.end()) << "call " << id << " routed but not waiting";
    const Agent* expected = reference_.AgentFor(
        it->second, reference_.TierAt(it->second, clock_.Now()), &agent, ready_since_[&agent]);
    EXPECT_EQ(&agent, expected) << "call " << id << " widened";
    EXPECT_EQ(agent.call(), id);
    calls_.erase(it);
    ++routed_;
    ++widened_;
  }

  std::mt19937 random_;
  fakes::FakeClock clock_;
  AgentTimeouts timeouts_{seconds(5), minutes(10), minutes(1), minutes(30)};
  AgentPool pool_{clock_, timeouts_};
  AcdTiers tiers_{seconds(20), seconds(60)};
  Acd acd_{pool_, clock_, tiers_, [this](CallId id, Agent& agent) { OnRouted(id, agent); }};
  ReferenceRouter reference_{pool_, tiers_};
  std::vector<Agent*> agents_;
  std::map<CallId, ModelCall> calls_;
  std::map<const Agent*, base::TimePoint> ready_since_;
  CallId next_call_ = 1;
  int routed_ = 0;
  int widened_ = 0;  // routed by a widening timer
  int max_waiting_ = 0;
};

TEST(AcdPropertyTest, AgreesWithABruteForceRouterThroughRandomTimelines) {
  for (std::uint32_t seed = 1; seed <= 6; ++seed) {
    SCOPED_TRACE("seed " + std::to_string(seed));
    AcdProperty run(seed);
    for (int step = 0; step < 4000; ++step) {
      run.Step();
      run.ExpectInvariants();
      if (::testing::Test::HasFailure()) {
        ADD_FAILURE() << "first failure at step " << step;
        return;
      }
    }
    // The run exercised every way a call reaches an agent, and kept a queue.
    EXPECT_GT(run.routed(), 500);
    EXPECT_GT(run.widened(), 50);
    EXPECT_GT(run.max_waiting(), 5);
  }
}

}  // namespace
}  // namespace callcenter
