#include "callcenter/vicidial_adaptive_pacer.h"

#include <algorithm>
#include <chrono>
#include <cmath>

namespace callcenter {
namespace {

constexpr double kMinLevel = 1.0;
constexpr int kMaxIntensity = 40;
constexpr base::Duration kMinute = std::chrono::minutes(1);

// Out-of-range settings are clamped rather than refused: a pacer must always be able to run.
VicidialParams Clamped(VicidialParams params) {
  params.maximum_level = std::max(params.maximum_level, kMinLevel);
  params.initial_level = std::clamp(params.initial_level, kMinLevel, params.maximum_level);
  params.intensity = std::clamp(params.intensity, -kMaxIntensity, kMaxIntensity);
  params.place_every = std::max(params.place_every, 1);
  params.recompute_every = std::max(params.recompute_every, 1);
  params.samples = std::max(params.samples, 1);
  return params;
}

int Agents(const PacingInput& input) {
  return std::max(0, input.agents_logged_in - input.agents_paused);
}

}  // namespace

VicidialAdaptivePacer::VicidialAdaptivePacer(VicidialParams params)
    : params_(Clamped(params)), level_(params_.initial_level) {}

int VicidialAdaptivePacer::CallsToPlace(const PacingInput& input, const Measurements& measured) {
  TakeSample(input, measured);
  // VICIDIAL's timer keeps running while no agent is there and recomputes at the first second
  // with agents after it expired; so does this counter.
  if (++since_recompute_ >= params_.recompute_every && Recompute(input, measured)) {
    since_recompute_ = 0;
  }
  const bool place_now = calls_ % params_.place_every == 0;
  ++calls_;
  return place_now ? Place(input) : 0;
}

void VicidialAdaptivePacer::TakeSample(const PacingInput& input, const Measurements& measured) {
  samples_.push_back({input.agents_ready, input.waiting_calls, Agents(input)});
  if (samples_.size() > static_cast<std::size_t>(params_.samples)) samples_.pop_front();

  last_minute_.push_back({input.now, measured.results_seen(), measured.abandoned_total()});
  while (last_minute_.front().when < input.now - kMinute) last_minute_.pop_front();
}

bool VicidialAdaptivePacer::Recompute(const PacingInput& input, const Measurements& measured) {
  double ready = 0;
  double waiting = 0;
  double agents = 0;
  for (const Sample& s : samples_) {
    ready += s.ready;
    waiting += s.waiting;
    agents += s.agents;
  }
  if (agents <= 0) return false;
  // The sums share the divisor (the sample count), so their ratio is the ratio of averages.
  const auto n = static_cast<double>(samples_.size());
  const double differential = (ready - waiting) / n + params_.diff_target;
  const double step = differential / (agents / n);

  double level = level_ * (1.0 + BentStep(step));
  level = std::clamp(level, kMinLevel, params_.maximum_level);
  level = ApplyMinuteGuard(level, measured);
  level = ApplyDayGuard(level, input, measured);
  level_ = std::max(level, kMinLevel);
  return true;
}

// A positive intensity makes rises steeper and falls gentler; a negative one the reverse.
double VicidialAdaptivePacer::BentStep(double step) const {
  const double intensity = params_.intensity / 100.0;
  return step >= 0 ? step * (1.0 + intensity) : step * (1.0 - intensity);
}

// A burst of drops in the last minute halves the level whatever the day looks like.
double VicidialAdaptivePacer::ApplyMinuteGuard(double level, const Measurements& measured) const {
  const Tally& oldest = last_minute_.front();
  const auto calls = static_cast<std::int64_t>(measured.results_seen() - oldest.results);
  const std::int64_t drops = measured.abandoned_total() - oldest.abandoned;
  if (calls <= params_.minute_min_calls) return level;
  const double drop_rate = static_cast<double>(drops) / static_cast<double>(calls);
  return drop_rate > params_.minute_drop_limit ? level / 2.0 : level;
}

// Once the day's drops over human answers pass the target, the level is cut at every
// recomputation until the rate comes back under it.
double VicidialAdaptivePacer::ApplyDayGuard(double level, const PacingInput& input,
                                            const Measurements& measured) const {
  if (static_cast<std::int64_t>(measured.results_seen()) <= params_.day_min_calls) return level;
  const auto answered = static_cast<double>(std::max<std::int64_t>(measured.answered_total(), 1));
  const double drop_rate = static_cast<double>(measured.abandoned_total()) / answered;
  if (drop_rate <= input.abandon_target) return level;
  switch (params_.drop_guard) {
    case VicidialParams::DropGuard::kHardLimit:
      return kMinLevel;
    case VicidialParams::DropGuard::kAverage:
      return level / 2.0;
  }
  return kMinLevel;
}

int VicidialAdaptivePacer::Place(const PacingInput& input) const {
  const auto goal = static_cast<int>(std::lround(level_ * Agents(input)));
  const int live =
      static_cast<int>(input.ringing_elapsed.size()) + input.waiting_calls + input.talking_calls;
  return std::max(0, goal - live);
}

std::unique_ptr<Pacer> MakeVicidialAdaptivePacer(VicidialParams params) {
  return std::make_unique<VicidialAdaptivePacer>(params);
}

}  // namespace callcenter
