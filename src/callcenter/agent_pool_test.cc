#include "callcenter/agent_pool.h"

#include <gtest/gtest.h>

#include <array>
#include <chrono>
#include <random>
#include <string>
#include <tuple>
#include <utility>
#include <vector>

#include "fakes/fake_clock.h"

namespace callcenter {
namespace {

using std::chrono::hours;
using std::chrono::minutes;
using std::chrono::seconds;

constexpr std::array<AgentState, kAgentStateCount> kStates = {
    AgentState::kOffline, AgentState::kReady,  AgentState::kReserved,
    AgentState::kTalking, AgentState::kWrapUp, AgentState::kPaused};

AgentProfile Profile(std::string id, std::vector<std::string> languages = {"hi"},
                     std::vector<std::string> territories = {}) {
  AgentProfile profile;
  profile.territories = std::move(territories);
  profile.line = "sip:" + id + "@desk";
  profile.name = "Agent " + id + " (synthetic)";
  profile.id = std::move(id);
  profile.languages = std::move(languages);
  return profile;
}

bool Anyone(const Agent& /*agent*/) { return true; }

// Records what it hears, and what the pool said at that moment.
class PoolWatcher : public AgentListener {
 public:
  explicit PoolWatcher(const AgentPool& pool) : pool_(pool) {}

  void OnAgentStateChanged(const Agent& agent, AgentState from,
                           AgentChangeCause /*cause*/) override {
    heard.emplace_back(agent.profile().id, from, agent.state());
    ready_count_then.push_back(pool_.CountIn(AgentState::kReady));
    longest_idle_then.push_back(pool_.LongestIdle(Anyone));
    if (on_change) on_change(agent);
  }
  void OnTalkTimedOut(const Agent& agent, telephony::CallId call) override {
    talk_timeouts.emplace_back(agent.profile().id, call);
  }

  std::vector<std::tuple<std::string, AgentState, AgentState>> heard;
  std::vector<int> ready_count_then;
  std::vector<const Agent*> longest_idle_then;
  std::vector<std::pair<std::string, telephony::CallId>> talk_timeouts;
  std::function<void(const Agent&)> on_change;

 private:
  const AgentPool& pool_;
};

class AgentPoolTest : public ::testing::Test {
 protected:
  Agent* AddAgent(const std::string& id, std::vector<std::string> languages = {"hi"},
                  std::vector<std::string> territories = {}) {
    base::Result<Agent*> added =
        pool_.Add(Profile(id, std::move(languages), std::move(territories)));
    EXPECT_TRUE(added.ok()) << added.status().ToString();
    return added.ok() ? *added : nullptr;
  }
  Agent* AddReady(const std::string& id, std::vector<std::string> languages = {"hi"},
                  std::vector<std::string> territories = {}) {
    Agent* agent = AddAgent(id, std::move(languages), std::move(territories));
    EXPECT_TRUE(agent->LogIn().ok());
    return agent;
  }

  fakes::FakeClock clock_;
  AgentPool pool_{clock_};
};

TEST_F(AgentPoolTest, AddsAgentsOffline) {
  Agent* asha = AddAgent("a1");
  EXPECT_EQ(asha->state(), AgentState::kOffline);
  EXPECT_EQ(pool_.size(), 1U);
  EXPECT_EQ(pool_.CountIn(AgentState::kOffline), 1);
  EXPECT_EQ(pool_.CountIn(AgentState::kReady), 0);
  EXPECT_EQ(pool_.Find("a1"), asha);
}

TEST_F(AgentPoolTest, RefusesADuplicateId) {
  AddAgent("a1");
  base::Result<Agent*> again = pool_.Add(Profile("a1"));
  EXPECT_EQ(again.status().code(), base::StatusCode::kConflict);
  EXPECT_NE(again.status().message().find("a1"), std::string::npos);
  EXPECT_EQ(pool_.size(), 1U);
  EXPECT_EQ(pool_.CountIn(AgentState::kOffline), 1);
}

TEST_F(AgentPoolTest, RefusesAnEmptyId) {
  EXPECT_EQ(pool_.Add(Profile("")).status().code(), base::StatusCode::kInvalidArgument);
  EXPECT_EQ(pool_.size(), 0U);
}

TEST_F(AgentPoolTest, FindsNobodyByAnUnknownId) {
  AddAgent("a1");
  EXPECT_EQ(pool_.Find("a2"), nullptr);
  EXPECT_EQ(pool_.Find(""), nullptr);
}

TEST_F(AgentPoolTest, NobodyIsIdleWhenNobodyIsReady) {
  AddAgent("a1");
  Agent* paused = AddReady("a2");
  ASSERT_TRUE(paused->Pause("lunch").ok());
  EXPECT_EQ(pool_.LongestIdle(Anyone), nullptr);
}

TEST_F(AgentPoolTest, LongestIdleIsTheAgentReadyTheLongest) {
  Agent* c = AddReady("c");
  clock_.AdvanceBy(seconds(1));
  Agent* a = AddReady("a");
  clock_.AdvanceBy(seconds(1));
  AddReady("b");
  EXPECT_EQ(pool_.LongestIdle(Anyone), c);

  ASSERT_TRUE(c->Reserve(7).ok());
  EXPECT_EQ(pool_.LongestIdle(Anyone), a);
}

TEST_F(AgentPoolTest, AnAgentBackFromACallGoesToTheEndOfTheLine) {
  Agent* a = AddReady("a");
  clock_.AdvanceBy(seconds(1));
  Agent* b = AddReady("b");
  ASSERT_TRUE(a->Reserve(7).ok());
  clock_.AdvanceBy(seconds(1));
  ASSERT_TRUE(a->EndCall().ok());
  EXPECT_EQ(pool_.LongestIdle(Anyone), b);
  ASSERT_TRUE(b->Pause("tea").ok());
  EXPECT_EQ(pool_.LongestIdle(Anyone), a);
}

TEST_F(AgentPoolTest, ReadyAtTheSameTimeGoesById) {
  AddReady("b");
  Agent* a = AddReady("a");
  EXPECT_EQ(pool_.LongestIdle(Anyone), a);
}

TEST_F(AgentPoolTest, PredicateSkipsAgentsItDoesNotAccept) {
  AddReady("a", {"hi"});
  clock_.AdvanceBy(seconds(1));
  Agent* tamil = AddReady("b", {"ta", "en"});
  clock_.AdvanceBy(seconds(1));
  AddReady("c", {"ta"});
  EXPECT_EQ(pool_.LongestIdle([](const Agent& agent) { return agent.SpeaksLanguage("ta"); }),
            tamil);
  EXPECT_EQ(pool_.LongestIdle([](const Agent& agent) { return agent.SpeaksLanguage("bn"); }),
            nullptr);
}

TEST_F(AgentPoolTest, LongestIdleLooksOnlyAtReadyAgentsInOrder) {
  for (int i = 0; i < 50; ++i) AddAgent("off" + std::to_string(i));
  AddReady("r1");
  clock_.AdvanceBy(seconds(1));
  AddReady("r0");
  clock_.AdvanceBy(seconds(1));
  AddReady("r2");
  std::vector<std::string> asked;
  Agent* found = pool_.LongestIdle([&](const Agent& agent) {
    asked.push_back(agent.profile().id);
    return false;
  });
  EXPECT_EQ(found, nullptr);
  EXPECT_EQ(asked, (std::vector<std::string>{"r1", "r0", "r2"}));
}

TEST_F(AgentPoolTest, RefusesAnEmptyLanguageOrTerritory) {
  EXPECT_EQ(pool_.Add(Profile("a1", {"hi", ""})).status().code(),
            base::StatusCode::kInvalidArgument);
  EXPECT_EQ(pool_.Add(Profile("a2", {"hi"}, {""})).status().code(),
            base::StatusCode::kInvalidArgument);
  EXPECT_EQ(pool_.size(), 0U);
}

TEST(CoversTerritoryTest, FollowsStatesSeatsAndTheWholeCountry) {
  struct Case {
    std::vector<std::string> agent;
    std::string caller;
    bool covered;
  };
  const std::vector<Case> cases = {
      {{}, "S12-19", true},          {{"S05"}, "", true},
      {{"S12"}, "S12", true},        {{"S12"}, "S12-19", true},
      {{"S12-19"}, "S12-19", true},  {{"S12-19"}, "S12", true},
      {{"S12-20"}, "S12-19", false}, {{"S12"}, "S1", false},
      {{"S1"}, "S12-19", false},     {{"S05", "S12-19"}, "S12", true},
      {{"S12-AC-150"}, "S12", true}, {{"S12-AC-150"}, "S12-19", false},
  };
  for (const Case& test : cases) {
    AgentProfile profile = Profile("a", {"hi"}, test.agent);
    EXPECT_EQ(CoversTerritory(profile, test.caller), test.covered)
        << "caller " << test.caller << ", agent's first territory "
        << (test.agent.empty() ? "(none)" : test.agent[0]);
  }
  EXPECT_EQ(StateOf("S12-19"), "S12");
  EXPECT_EQ(StateOf("S12"), "S12");
}

TEST_F(AgentPoolTest, LongestIdleSpeakingLooksOnlyAtSpeakersOfTheLanguage) {
  AddReady("a", {"hi"});
  clock_.AdvanceBy(seconds(1));
  Agent* first = AddReady("b", {"en", "ta"});
  clock_.AdvanceBy(seconds(1));
  Agent* second = AddReady("c", {"ta"});
  std::vector<std::string> asked;
  auto not_b = [&](const Agent& agent) {
    asked.push_back(agent.profile().id);
    return agent.profile().id != "b";
  };
  EXPECT_EQ(pool_.LongestIdleSpeaking("ta"), first);
  EXPECT_EQ(pool_.LongestIdleSpeaking("ta", not_b), second);
  EXPECT_EQ(asked, (std::vector<std::string>{"b", "c"}));
  EXPECT_EQ(pool_.LongestIdleSpeaking("bn"), nullptr);
  ASSERT_TRUE(first->Reserve(7).ok());
  EXPECT_EQ(pool_.LongestIdleSpeaking("ta"), second);
}

TEST_F(AgentPoolTest, LongestIdleCoveringPicksTheEarliestOfSeatStateAndCountry) {
  AddReady("other-seat", {"hi"}, {"S12-20"});
  clock_.AdvanceBy(seconds(1));
  Agent* state = AddReady("state", {"hi"}, {"S12"});
  clock_.AdvanceBy(seconds(1));
  Agent* seat = AddReady("seat", {"hi"}, {"S12-19"});
  clock_.AdvanceBy(seconds(1));
  Agent* national = AddReady("national", {"hi"});

  EXPECT_EQ(pool_.LongestIdleCovering("hi", "S12-19"), state);
  EXPECT_EQ(pool_.LongestIdleCovering("hi", "S12"), pool_.Find("other-seat"));
  EXPECT_EQ(pool_.LongestIdleCovering("hi", "S05"), national);
  EXPECT_EQ(pool_.LongestIdleCovering("en", "S12"), nullptr);
  ASSERT_TRUE(state->Pause("tea").ok());
  EXPECT_EQ(pool_.LongestIdleCovering("hi", "S12-19"), seat);
  ASSERT_TRUE(seat->Pause("tea").ok());
  EXPECT_EQ(pool_.LongestIdleCovering("hi", "S12-19"), national);
}

TEST_F(AgentPoolTest, CountsSpeakersOfEachLanguageByState) {
  Agent* a = AddReady("a", {"hi", "en", "hi"});
  AddReady("b", {"en"});
  AddAgent("c", {"ta"});
  ASSERT_TRUE(a->Reserve(7).ok());
  EXPECT_EQ(pool_.CountSpeaking("hi", AgentState::kReserved), 1);
  EXPECT_EQ(pool_.CountSpeaking("hi", AgentState::kReady), 0);
  EXPECT_EQ(pool_.CountSpeaking("en", AgentState::kReady), 1);
  EXPECT_EQ(pool_.CountSpeaking("en", AgentState::kReserved), 1);
  EXPECT_EQ(pool_.CountSpeaking("ta", AgentState::kOffline), 1);
  EXPECT_EQ(pool_.CountSpeaking("bn", AgentState::kReady), 0);
}

TEST_F(AgentPoolTest, CountsFollowCommandsAndTimeouts) {
  Agent* a = AddReady("a");
  Agent* b = AddReady("b");
  AddAgent("c");
  ASSERT_TRUE(a->Reserve(7).ok());
  ASSERT_TRUE(b->Pause("lunch").ok());
  EXPECT_EQ(pool_.CountIn(AgentState::kOffline), 1);
  EXPECT_EQ(pool_.CountIn(AgentState::kReady), 0);
  EXPECT_EQ(pool_.CountIn(AgentState::kReserved), 1);
  EXPECT_EQ(pool_.CountIn(AgentState::kPaused), 1);

  clock_.AdvanceBy(seconds(5));  // the reservation lapses
  EXPECT_EQ(pool_.CountIn(AgentState::kReserved), 0);
  EXPECT_EQ(pool_.CountIn(AgentState::kReady), 1);
  EXPECT_EQ(pool_.LongestIdle(Anyone), a);

  clock_.AdvanceBy(hours(1));  // the pause lapses
  EXPECT_EQ(pool_.CountIn(AgentState::kPaused), 0);
  EXPECT_EQ(pool_.CountIn(AgentState::kOffline), 2);
}

TEST_F(AgentPoolTest, ForwardsEveryEventAfterUpdatingItself) {
  PoolWatcher watcher(pool_);
  pool_.SetListener(&watcher);
  Agent* a = AddReady("a");
  ASSERT_TRUE(a->Reserve(7).ok());
  ASSERT_TRUE(a->Connect().ok());
  clock_.AdvanceBy(hours(2));  // the talk timeout

  using Heard = std::tuple<std::string, AgentState, AgentState>;
  EXPECT_EQ(watcher.heard, (std::vector<Heard>{{"a", AgentState::kOffline, AgentState::kReady},
                                               {"a", AgentState::kReady, AgentState::kReserved},
                                               {"a", AgentState::kReserved, AgentState::kTalking},
                                               {"a", AgentState::kTalking, AgentState::kWrapUp}}));
  EXPECT_EQ(watcher.ready_count_then, (std::vector<int>{1, 0, 0, 0}));
  EXPECT_EQ(watcher.longest_idle_then, (std::vector<const Agent*>{a, nullptr, nullptr, nullptr}));
  EXPECT_EQ(watcher.talk_timeouts,
            (std::vector<std::pair<std::string, telephony::CallId>>{{"a", 7}}));
  pool_.SetListener(nullptr);
}

// As the dialer does: a waiting call takes the agent the moment it becomes ready.
TEST_F(AgentPoolTest, ListenerMayReserveTheAgentThatJustBecameReady) {
  PoolWatcher watcher(pool_);
  watcher.on_change = [this](const Agent& /*agent*/) {
    Agent* idle = pool_.LongestIdle(Anyone);
    if (idle != nullptr) {
      EXPECT_TRUE(idle->Reserve(9).ok());
    }
  };
  pool_.SetListener(&watcher);
  Agent* a = AddReady("a");

  EXPECT_EQ(a->state(), AgentState::kReserved);
  EXPECT_EQ(pool_.CountIn(AgentState::kReady), 0);
  EXPECT_EQ(pool_.CountIn(AgentState::kReserved), 1);
  EXPECT_EQ(pool_.LongestIdle(Anyone), nullptr);
  pool_.SetListener(nullptr);
}

// The listener reserves an agent from inside the callback; a watcher, told first, still hears
// the changes in the order they happened, and never of talk timeouts.
TEST_F(AgentPoolTest, WatchersHearEveryChangeInOrderBeforeTheListener) {
  PoolWatcher listener(pool_);
  PoolWatcher watcher(pool_);
  listener.on_change = [this](const Agent& agent) {
    if (agent.state() == AgentState::kReady) {
      EXPECT_TRUE(pool_.Find(agent.profile().id)->Reserve(9).ok());
    }
  };
  pool_.SetListener(&listener);
  pool_.AddWatcher(&watcher);
  Agent* a = AddReady("a");
  ASSERT_TRUE(a->Connect().ok());
  clock_.AdvanceBy(hours(2));  // the talk timeout

  using Heard = std::tuple<std::string, AgentState, AgentState>;
  EXPECT_EQ(watcher.heard, (std::vector<Heard>{{"a", AgentState::kOffline, AgentState::kReady},
                                               {"a", AgentState::kReady, AgentState::kReserved},
                                               {"a", AgentState::kReserved, AgentState::kTalking},
                                               {"a", AgentState::kTalking, AgentState::kWrapUp}}));
  EXPECT_EQ(watcher.heard, listener.heard);
  EXPECT_TRUE(watcher.talk_timeouts.empty());
  EXPECT_EQ(listener.talk_timeouts.size(), 1u);

  pool_.RemoveWatcher(&watcher);
  ASSERT_TRUE(a->Dispose("done").ok());
  EXPECT_EQ(watcher.heard.size(), 4u);
  pool_.SetListener(nullptr);
}

TEST_F(AgentPoolTest, ForEachVisitsAgentsInTheOrderAdded) {
  AddAgent("c");
  AddAgent("a");
  AddAgent("b");
  std::vector<std::string> ids;
  pool_.ForEach([&](const Agent& agent) { ids.push_back(agent.profile().id); });
  EXPECT_EQ(ids, (std::vector<std::string>{"c", "a", "b"}));
}

// ---- Property: counts and the ready index agree with a recount, whatever happens ---------------

base::Status RunRandomCommand(Agent& agent, int command, telephony::CallId call) {
  switch (command) {
    case 0:
      return agent.LogIn();
    case 1:
      return agent.SetReady();
    case 2:
      return agent.Pause("tea");
    case 3:
      return agent.LogOut();
    case 4:
      return agent.Reserve(call);
    case 5:
      return agent.Connect();
    case 6:
      return agent.EndCall();
    case 7:
      return agent.Dispose("supporter");
    default:
      return agent.LoseLine();
  }
}

// The ready agent with the earliest (state_since, id) that `accept` takes, by looking at all.
const Agent* BruteForceLongestIdle(const AgentPool& pool,
                                   const std::function<bool(const Agent&)>& accept) {
  const Agent* best = nullptr;
  pool.ForEach([&](const Agent& agent) {
    if (agent.state() != AgentState::kReady || !accept(agent)) return;
    if (best == nullptr || std::make_pair(agent.state_since(), agent.profile().id) <
                               std::make_pair(best->state_since(), best->profile().id)) {
      best = &agent;
    }
  });
  return best;
}

void ExpectAgreesWithARecount(const AgentPool& pool) {
  std::array<int, kAgentStateCount> recount{};
  pool.ForEach([&](const Agent& agent) { ++recount[static_cast<std::size_t>(agent.state())]; });
  for (AgentState state : kStates) {
    EXPECT_EQ(pool.CountIn(state), recount[static_cast<std::size_t>(state)])
        << AgentStateName(state);
  }
  auto speaks_tamil = [](const Agent& agent) { return agent.SpeaksLanguage("ta"); };
  EXPECT_EQ(pool.LongestIdle(Anyone), BruteForceLongestIdle(pool, Anyone));
  EXPECT_EQ(pool.LongestIdle(speaks_tamil), BruteForceLongestIdle(pool, speaks_tamil));
  EXPECT_EQ(pool.LongestIdleSpeaking("ta"), BruteForceLongestIdle(pool, speaks_tamil));
  for (const std::string language : {"hi", "ta"}) {
    for (const std::string territory : {"", "S01", "S01-1", "S01-2", "S02", "S02-7"}) {
      auto covers = [&](const Agent& agent) {
        return agent.SpeaksLanguage(language) && CoversTerritory(agent.profile(), territory);
      };
      EXPECT_EQ(pool.LongestIdleCovering(language, territory), BruteForceLongestIdle(pool, covers))
          << language << " " << territory;
    }
    std::array<int, kAgentStateCount> speakers{};
    pool.ForEach([&](const Agent& agent) {
      if (agent.SpeaksLanguage(language)) ++speakers[static_cast<std::size_t>(agent.state())];
    });
    for (AgentState state : kStates) {
      EXPECT_EQ(pool.CountSpeaking(language, state), speakers[static_cast<std::size_t>(state)]);
    }
  }
}

TEST(AgentPoolPropertyTest, CountsAndReadyIndexAgreeWithARecountThroughRandomSequences) {
  const std::array<base::Duration, 8> advances = {seconds(0), seconds(1), seconds(3),  seconds(5),
                                                  minutes(1), minutes(2), minutes(30), hours(2)};
  AgentTimeouts timeouts;
  timeouts.talk = minutes(20);
  timeouts.pause = minutes(45);
  for (std::uint32_t seed = 1; seed <= 5; ++seed) {
    SCOPED_TRACE("seed " + std::to_string(seed));
    std::mt19937 random(seed);
    fakes::FakeClock clock;
    AgentPool pool(clock, timeouts);
    std::vector<Agent*> agents;
    const std::array<std::vector<std::string>, 5> territories = {
        std::vector<std::string>{}, {"S01"}, {"S01-1"}, {"S02", "S01-2"}, {"S01-1", "S01-2"}};
    for (int i = 0; i < 20; ++i) {
      std::vector<std::string> languages = {i % 3 == 0 ? "ta" : "hi"};
      if (i % 4 == 0) languages.emplace_back("hi");
      base::Result<Agent*> added =
          pool.Add(Profile("a" + std::to_string(i), languages, territories[i % 5]));
      ASSERT_TRUE(added.ok());
      agents.push_back(*added);
    }
    telephony::CallId next_call = 1;
    std::uniform_int_distribution<std::size_t> which_agent(0, agents.size() - 1);
    std::uniform_int_distribution<int> which_command(0, 10);  // 9 and 10: move the clock
    std::uniform_int_distribution<std::size_t> how_far(0, advances.size() - 1);

    for (int step = 0; step < 5000; ++step) {
      int command = which_command(random);
      if (command < 9) {
        (void)RunRandomCommand(*agents[which_agent(random)], command, next_call++);
      } else {
        clock.AdvanceBy(advances[how_far(random)]);
      }
      ExpectAgreesWithARecount(pool);
      if (::testing::Test::HasFailure()) {
        ADD_FAILURE() << "first failure at step " << step;
        return;
      }
    }
  }
}

}  // namespace
}  // namespace callcenter
