#include "telephony/sim/call_fate.h"

#include <cassert>
#include <chrono>
#include <cmath>
#include <cstdint>
#include <numbers>

namespace telephony::sim {
namespace {

// The splitmix64 finaliser: a bijection on 64 bits that spreads every input bit.
std::uint64_t Mix(std::uint64_t x) {
  x = (x ^ (x >> 30)) * 0xbf58476d1ce4e5b9ULL;
  x = (x ^ (x >> 27)) * 0x94d049bb133111ebULL;
  return x ^ (x >> 31);
}

std::uint64_t Fnv1a(std::uint64_t hash, unsigned char byte) {
  return (hash ^ byte) * 0x100000001b3ULL;
}

// FNV-1a over the number's bytes, then the attempt's four bytes, low byte first.
std::uint64_t HashDial(const std::string& number, int attempt) {
  std::uint64_t hash = 0xcbf29ce484222325ULL;
  for (char c : number) hash = Fnv1a(hash, static_cast<unsigned char>(c));
  auto bits = static_cast<std::uint32_t>(attempt);
  for (int shift = 0; shift < 32; shift += 8) {
    hash = Fnv1a(hash, static_cast<unsigned char>((bits >> shift) & 0xffU));
  }
  return hash;
}

// A splitmix64 stream. <random>'s distributions differ between standard libraries, and the
// oracle pacer must see the same fates as the simulator wherever both are built.
class Draws {
 public:
  explicit Draws(std::uint64_t seed) : state_(seed) {}

  // Uniform in [0, 1), 53 bits.
  double Uniform() {
    state_ += 0x9e3779b97f4a7c15ULL;
    return static_cast<double>(Mix(state_) >> 11) * 0x1.0p-53;
  }

  // Standard normal by Box-Muller, using the cosine half only, so each draw takes two uniforms.
  double Normal() {
    double u1 = 1.0 - Uniform();  // in (0, 1], so the log is finite
    double u2 = Uniform();
    return std::sqrt(-2.0 * std::log(u1)) * std::cos(2.0 * std::numbers::pi * u2);
  }

 private:
  std::uint64_t state_;
};

base::Duration LogNormal(base::Duration median, double sigma, double z) {
  double seconds = std::chrono::duration<double>(median).count() * std::exp(sigma * z);
  return std::chrono::round<base::Duration>(std::chrono::duration<double>(seconds));
}

// Parameterised by the mean: exp(mu + sigma^2 / 2) = mean, so the median is mean / exp(s^2/2).
base::Duration LogNormalWithMean(base::Duration mean, double sigma, double z) {
  double mean_seconds = std::chrono::duration<double>(mean).count();
  double median_seconds = mean_seconds * std::exp(-sigma * sigma / 2);
  return LogNormal(
      std::chrono::round<base::Duration>(std::chrono::duration<double>(median_seconds)), sigma, z);
}

FateKind KindFor(const WorldParams& params, double u) {
  double edge = params.human_answer_rate;
  if (u < edge) return FateKind::kHuman;
  edge += params.machine_rate;
  if (u < edge) return FateKind::kMachine;
  edge += params.busy_rate;
  if (u < edge) return FateKind::kBusy;
  edge += params.failed_rate;
  if (u < edge) return FateKind::kFailed;
  return FateKind::kNoAnswer;
}

base::Duration DelayFor(const WorldParams& params, FateKind kind, double z) {
  switch (kind) {
    case FateKind::kHuman:
    case FateKind::kMachine:
      return LogNormal(params.answer_median, params.answer_sigma, z);
    case FateKind::kBusy:
      return LogNormal(params.busy_median, params.signal_sigma, z);
    case FateKind::kFailed:
      return LogNormal(params.failed_median, params.signal_sigma, z);
    case FateKind::kNoAnswer:
      return base::Duration::zero();
  }
  return base::Duration::zero();
}

}  // namespace

CallFate FateOf(const WorldParams& params, const std::string& number, int attempt) {
  assert(attempt >= 1 && "attempts count from 1");
  Draws draws(Mix(params.seed + Mix(HashDial(number, attempt))));
  // The order of the draws is part of the contract: change it and every fate changes.
  CallFate fate;
  fate.kind = KindFor(params, draws.Uniform());
  fate.delay = DelayFor(params, fate.kind, draws.Normal());
  fate.talk_time = LogNormalWithMean(params.talk_mean, params.talk_sigma, draws.Normal());
  fate.patience = LogNormal(params.patience_median, params.patience_sigma, draws.Normal());
  fate.machine_hangup =
      LogNormal(params.machine_hangup_median, params.machine_hangup_sigma, draws.Normal());
  return fate;
}

CallerFate InboundCallerFate(const WorldParams& params, std::int64_t n) {
  assert(n >= 1 && params.inbound_per_hour > 0);
  // A stream of its own, apart from every dial's: "inbound" and n hashed like a dial.
  Draws draws(Mix(params.seed + Mix(HashDial("inbound", static_cast<int>(n)))));
  CallerFate fate;
  double mean_gap_s = 3600.0 / params.inbound_per_hour;
  double gap_s = -mean_gap_s * std::log(1.0 - draws.Uniform());
  fate.gap = std::chrono::round<base::Duration>(std::chrono::duration<double>(gap_s));
  auto digits = static_cast<std::uint64_t>(draws.Uniform() * 1e8);
  std::string tail = std::to_string(digits);
  fate.from = "+9170" + std::string(8 - tail.size(), '0') + tail;
  fate.queue_patience =
      LogNormal(params.queue_patience_median, params.queue_patience_sigma, draws.Normal());
  fate.talk_time = LogNormalWithMean(params.talk_mean, params.talk_sigma, draws.Normal());
  return fate;
}

CallFate WithinRingTimeout(CallFate fate, base::Duration ring_timeout) {
  if (fate.kind == FateKind::kNoAnswer || fate.delay >= ring_timeout) {
    fate.kind = FateKind::kNoAnswer;
    fate.delay = ring_timeout;
  }
  return fate;
}

}  // namespace telephony::sim
