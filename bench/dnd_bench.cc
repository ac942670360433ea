// DND lookups: "is this number on the registry", the question the dialer asks before every
// call. A registry of 50 million synthetic mobile numbers (the national one holds about that
// many), half the questions about numbers on it. Beside it the peer a plain program would use:
// the same numbers as a sorted vector of integers, found by binary search.
#include <benchmark/benchmark.h>

#include <algorithm>
#include <cstdint>
#include <random>
#include <vector>

#include "contacts/number_set.h"

namespace {

constexpr std::size_t kRegistered = 50'000'000;
constexpr std::size_t kQuestions = 1 << 20;

struct Registry {
  std::vector<std::uint64_t> sorted;
  contacts::NumberSet set;
  std::vector<std::uint64_t> questions;
};

const Registry& TheRegistry() {
  static const Registry registry = [] {
    Registry built;
    std::mt19937_64 random(42);
    std::uniform_int_distribution<std::uint64_t> mobile(6'000'000'000ULL, 9'999'999'999ULL);
    built.sorted.reserve(kRegistered);
    for (std::size_t i = 0; i < kRegistered; ++i) {
      built.sorted.push_back(910'000'000'000ULL + mobile(random));
    }
    std::sort(built.sorted.begin(), built.sorted.end());
    built.sorted.erase(std::unique(built.sorted.begin(), built.sorted.end()), built.sorted.end());
    built.set = contacts::NumberSet::FromSorted(built.sorted);
    std::uniform_int_distribution<std::size_t> index(0, built.sorted.size() - 1);
    for (std::size_t i = 0; i < kQuestions; ++i) {
      built.questions.push_back(i % 2 == 0 ? built.sorted[index(random)]
                                           : 910'000'000'000ULL + mobile(random));
    }
    return built;
  }();
  return registry;
}

void BM_NumberSetContains(benchmark::State& state) {
  const Registry& registry = TheRegistry();
  std::size_t i = 0;
  std::size_t found = 0;
  for (auto _ : state) {
    found += registry.set.Contains(registry.questions[i++ & (kQuestions - 1)]) ? 1 : 0;
  }
  benchmark::DoNotOptimize(found);
  state.SetItemsProcessed(state.iterations());
  state.counters["bytes_per_number"] =
      static_cast<double>(registry.set.EncodedBytes()) / static_cast<double>(registry.set.size());
  state.counters["numbers"] = static_cast<double>(registry.set.size());
}

void BM_SortedVectorPeer(benchmark::State& state) {
  const Registry& registry = TheRegistry();
  std::size_t i = 0;
  std::size_t found = 0;
  for (auto _ : state) {
    found += std::binary_search(registry.sorted.begin(), registry.sorted.end(),
                                registry.questions[i++ & (kQuestions - 1)])
                 ? 1
                 : 0;
  }
  benchmark::DoNotOptimize(found);
  state.SetItemsProcessed(state.iterations());
  state.counters["bytes_per_number"] = sizeof(std::uint64_t);
  state.counters["numbers"] = static_cast<double>(registry.sorted.size());
}

BENCHMARK(BM_NumberSetContains)->Repetitions(5)->ReportAggregatesOnly(true);
BENCHMARK(BM_SortedVectorPeer)->Repetitions(5)->ReportAggregatesOnly(true);

}  // namespace

BENCHMARK_MAIN();
