#include "callcenter/predictive_pacer.h"

#include <algorithm>
#include <cmath>
#include <numbers>

namespace callcenter {
namespace {

double Seconds(base::Duration duration) { return std::chrono::duration<double>(duration).count(); }

// The ring-time table's resolution and reach (no one answers after the ring timeout).
constexpr double kRingStep = 0.25;
constexpr double kRingReach = 60.0;
// The wrap-up table's resolution, and the step of the talk-then-wrap-up convolution.
constexpr double kPartStep = 0.5;
// Fewer samples than these and the measured distribution is not trusted yet.
constexpr std::size_t kMinRingSamples = 20;
constexpr std::size_t kMinHandleSamples = 10;
// Bernoulli terms this close to 0 or 1 are taken as certain.
constexpr double kNegligible = 1e-6;

// Linear interpolation in a CDF tabulated at multiples of `step`; 1 beyond the table.
double Interpolate(const std::vector<double>& table, double step, double x) {
  if (x <= 0.0) return table.empty() ? 0.0 : table.front();
  double position = x / step;
  auto index = static_cast<std::size_t>(position);
  if (index + 1 >= table.size()) return 1.0;
  double fraction = position - static_cast<double>(index);
  return table[index] + fraction * (table[index + 1] - table[index]);
}

// The empirical CDF of `sorted` at 0, step, 2 step, ... up to `reach`.
std::vector<double> Tabulate(const std::vector<double>& sorted, double step, double reach) {
  std::vector<double> table;
  const auto n = static_cast<double>(sorted.size());
  std::size_t below = 0;
  for (double x = 0.0; x <= reach + step; x += step) {
    while (below < sorted.size() && sorted[below] <= x) ++below;
    table.push_back(static_cast<double>(below) / n);
    if (below == sorted.size()) break;
  }
  table.push_back(1.0);
  return table;
}

// Mean, variance and third central moment of a sum of independent Bernoulli variables, each
// added with sign +1 (demand) or -1 (supply).
struct Moments {
  double mean = 0;
  double variance = 0;
  double third = 0;
  void Add(double p, double sign) {
    mean += sign * p;
    variance += p * (1 - p);
    third += sign * p * (1 - p) * (1 - 2 * p);
  }
};

// The distribution of a sum of independent Bernoulli variables (Poisson-binomial), exactly.
std::vector<double> PoissonBinomial(const std::vector<double>& ps) {
  std::vector<double> dist(ps.size() + 1, 0.0);
  dist[0] = 1.0;
  std::size_t top = 0;
  for (double p : ps) {
    ++top;
    for (std::size_t k = top; k > 0; --k) dist[k] = dist[k] * (1 - p) + dist[k - 1] * p;
    dist[0] *= 1 - p;
  }
  return dist;
}

}  // namespace

PredictivePacer::PredictivePacer(PredictiveParams params)
    : params_(params), risk_(std::clamp(params.initial_risk, params.min_risk, params.max_risk)) {
  params_.quadrature_points = std::max(params_.quadrature_points, 1);
}

double PredictivePacer::calibration() const {
  double prior = params_.calibration_prior;
  return std::clamp((static_cast<double>(abandoned_seen_) + prior) / (forecast_abandons_ + prior),
                    0.25, 4.0);
}

int PredictivePacer::CallsToPlace(const PacingInput& input, const Measurements& measured) {
  points_current_ = false;
  Refresh(input.now, measured);
  abandoned_seen_ = measured.abandoned_total();
  target_ = input.abandon_target;
  int working = input.agents_logged_in - input.agents_paused;
  if (working <= 0) return 0;
  const auto ringing = static_cast<int>(input.ringing_elapsed.size());
  int progressive = std::max(0, input.agents_ready - ringing - input.waiting_calls);
  // At the target over the last 24 hours nothing may add risk: one line per free agent only;
  // and already in the guard band just below it, once the rate means something.
  double rate = measured.AbandonRate24h(input.now);
  if (rate >= input.abandon_target) return progressive;
  if (measured.answered_total() >= params_.guard_min_answers &&
      rate >= params_.guard_fraction * input.abandon_target) {
    return progressive;
  }

  const double share = Share(input.now, measured);
  BuildPoints(input);
  int max_calls = static_cast<int>(params_.max_lines_per_agent * working) - ringing;
  int placed = 0;
  // Risk(n) is the risk of each of n + 1 calls placed together; it grows with n.
  while (placed < max_calls && Risk(placed) <= share * risk_) ++placed;
  placed = std::max(placed, progressive);
  placing_rate_ += (placed - placing_rate_) / 30.0;
  last_share_ = share;
  points_current_ = true;
  return placed;
}

void PredictivePacer::Placed(int placed) {
  // Only calls that added risk teach the controller; at the stop and in the guard band the
  // pacer placed one line per free agent and built no model to reckon them with.
  if (!points_current_) return;
  points_current_ = false;
  if (placed > 0) Learn(placed, Risk(placed - 1), last_share_);
}

double PredictivePacer::Share(base::TimePoint now, const Measurements& measured) const {
  // The slack, in abandons, before the 24-hour rate reaches the target: how many more the
  // campaign could abandon right now without stopping.
  const double slack = target_ * static_cast<double>(measured.Answered24h(now)) -
                       static_cast<double>(measured.Abandoned24h(now));
  return std::clamp((slack - params_.slack_floor) / params_.slack_span, params_.min_share, 1.0);
}

void PredictivePacer::Learn(int placed, double risk_each, double share) {
  // Every call placed is a forecast: answered by a person with p_human, then abandoned with
  // risk_each. ln β integrates the gap between the aimed and the forecast abandons, so the
  // forecast rate settles on the aim within a few dozen expected answers, at any team size.
  double answers = p_estimate_ * placed;
  double abandons = answers * risk_each;
  forecast_answers_ += answers;
  forecast_abandons_ += abandons;
  double aim = share * params_.aim_fraction * target_ / calibration();
  double log_risk = std::log(risk_) + params_.gain * (aim * answers - abandons);
  risk_ = std::clamp(std::exp(log_risk), params_.min_risk, params_.max_risk);
}

void PredictivePacer::Refresh(base::TimePoint now, const Measurements& measured) {
  if (refreshed_ && now - last_refresh_ < params_.refresh_every) return;
  refreshed_ = true;
  last_refresh_ = now;
  p_estimate_ = measured.HumanAnswerRate();
  // Demand is reckoned with an upper confidence bound on the answer rate: at the start of a
  // day, when the rate is still the prior, a list answered more often than assumed would
  // otherwise flood every agent at once.
  const auto results = static_cast<double>(std::min(measured.results_seen(), measured.window()));
  p_human_ = std::min(
      1.0, p_estimate_ + params_.answer_rate_z *
                             std::sqrt(p_estimate_ * (1.0 - p_estimate_) / (results + 1.0)));

  const std::vector<double>& ring = measured.HumanRingTimes();
  std::vector<double> sample;
  if (ring.size() >= kMinRingSamples) {
    sample = ring;
  } else {
    // Prior until enough answers are seen: log-uniform from 4 to 16 s (median 8 s), the usual
    // spread of a person's time to answer.
    constexpr int kPriorPoints = 64;
    for (int i = 0; i < kPriorPoints; ++i) {
      sample.push_back(4.0 * std::pow(4.0, (i + 0.5) / kPriorPoints));
    }
  }
  ring_cdf_ = Tabulate(sample, kRingStep, kRingReach);
  ring_points_.clear();
  future_weight_.clear();
  const int n = params_.quadrature_points;
  for (int j = 0; j < n; ++j) {
    auto index = static_cast<std::size_t>((j + 0.5) / n * static_cast<double>(sample.size()));
    ring_points_.push_back(sample[std::min(index, sample.size() - 1)]);
    double weight = 0.0;
    for (double u = 0.5 * kRingStep; u < ring_points_.back() - 1.0; u += kRingStep) {
      weight += RingCdf(u) * kRingStep;
    }
    future_weight_.push_back(weight);
  }

  const std::vector<double>& handle = measured.HandleTimes();
  if (handle.size() >= kMinHandleSamples) {
    handle_cdf_ = Tabulate(handle, 1.0, handle.back());
  } else {
    handle_cdf_.clear();
  }
  RefreshParts(measured);
}

void PredictivePacer::RefreshParts(const Measurements& measured) {
  const std::vector<double>& talk = measured.TalkTimes();
  const std::vector<double>& wrap = measured.WrapUpTimes();
  talk_free_.clear();
  if (talk.size() < kMinHandleSamples || wrap.size() < kMinHandleSamples) {
    wrap_cdf_.clear();
    return;
  }
  wrap_cdf_ = Tabulate(wrap, kPartStep, wrap.back());
  talk_cdf_ = Tabulate(talk, 1.0, talk.back());
  // Rows are filled when first needed: busy agents occupy a narrow band of the longest talks.
  const auto rows = static_cast<std::size_t>(std::ceil(talk.back())) + 2;
  talk_free_.assign(rows, {});
}

const std::vector<double>& PredictivePacer::TalkFreeRow(std::size_t e) {
  std::vector<double>& row = talk_free_[e];
  if (!row.empty()) return row;
  // For a call that has lasted e whole seconds, the chance that its talk ends at e + s and the
  // wrap-up after it by h, for each point's horizon h: the sum over s of P(talk in [e + s, e + s
  // + ds) | talk > e) W(h - s).
  auto talk_at = [&](double x) { return Interpolate(talk_cdf_, 1.0, x); };
  const double deadline = Seconds(params_.connect_deadline);
  const auto ed = static_cast<double>(e);
  const double still = 1.0 - talk_at(ed);
  for (double ring_point : ring_points_) {
    const double h = ring_point + deadline;
    double p = 0.0;
    if (still <= kNegligible) {
      p = WrapCdf(h);  // longer than every talk seen: likely to end now
    } else {
      for (double u = 0.0; u < h; u += kPartStep) {
        p += (talk_at(ed + u + kPartStep) - talk_at(ed + u)) * WrapCdf(h - u - 0.5 * kPartStep);
      }
      p /= still;
    }
    row.push_back(std::clamp(p, 0.0, 1.0));
  }
  return row;
}

double PredictivePacer::WrapCdf(double seconds) const {
  return Interpolate(wrap_cdf_, kPartStep, seconds);
}

double PredictivePacer::FreeChance(std::size_t point, double horizon, double busy,
                                   std::optional<double> wrapping) {
  if (wrapping) {
    const double done = WrapCdf(*wrapping);
    if (done >= 1.0) return 1.0;  // longer than every wrap-up seen: likely to end soon
    return std::clamp((WrapCdf(*wrapping + horizon) - done) / (1.0 - done), 0.0, 1.0);
  }
  const std::size_t last = talk_free_.size() - 1;
  const double position = std::min(busy, static_cast<double>(last));
  auto index = static_cast<std::size_t>(position);
  const double below = TalkFreeRow(index)[point];
  if (index + 1 > last) return below;
  const double fraction = position - static_cast<double>(index);
  return below + fraction * (TalkFreeRow(index + 1)[point] - below);
}

double PredictivePacer::HandleCdf(double seconds) const {
  return Interpolate(handle_cdf_, 1.0, seconds);
}

double PredictivePacer::RingCdf(double seconds) const {
  return Interpolate(ring_cdf_, kRingStep, seconds);
}

void PredictivePacer::BuildPoints(const PacingInput& input) {
  const int n = params_.quadrature_points;
  points_.resize(static_cast<std::size_t>(n));
  const double deadline = Seconds(params_.connect_deadline);
  for (int j = 0; j < n; ++j) {
    Point& point = points_[static_cast<std::size_t>(j)];
    // By construction of the points, a new call is answered by a person by t with p (j + ½)/n.
    point.q_new = p_human_ * (j + 0.5) / n;
    point.future = placing_rate_ * p_human_ * future_weight_[static_cast<std::size_t>(j)];
    point.certain = input.agents_ready - input.waiting_calls;
    point.supply.clear();
    point.demand.clear();
  }
  // Supply: each busy agent frees up by t + deadline with the conditional chance given how
  // long its call has lasted. With too few handle times seen, no busy agent is counted on.
  const bool parts =
      !talk_free_.empty() && input.wrap_up_elapsed.size() == input.busy_elapsed.size();
  if (parts) {
    for (std::size_t i = 0; i < input.busy_elapsed.size(); ++i) {
      std::optional<double> wrapping;
      if (input.wrap_up_elapsed[i]) wrapping = Seconds(*input.wrap_up_elapsed[i]);
      const double e = Seconds(input.busy_elapsed[i]);
      for (std::size_t j = 0; j < points_.size(); ++j) {
        Point& point = points_[j];
        double p = FreeChance(j, ring_points_[j] + deadline, e, wrapping);
        if (p >= 1.0 - kNegligible) {
          ++point.certain;
        } else if (p > kNegligible) {
          point.supply.push_back(p);
        }
      }
    }
  } else if (!handle_cdf_.empty()) {
    for (base::Duration elapsed : input.busy_elapsed) {
      const double e = Seconds(elapsed);
      const double done = HandleCdf(e);
      for (std::size_t j = 0; j < points_.size(); ++j) {
        Point& point = points_[j];
        // Longer than every call seen: likely to end soon.
        double p = 1.0;
        if (done < 1.0) {
          p = std::clamp((HandleCdf(e + ring_points_[j] + deadline) - done) / (1.0 - done), 0.0,
                         1.0);
        }
        if (p >= 1.0 - kNegligible) {
          ++point.certain;
        } else if (p > kNegligible) {
          point.supply.push_back(p);
        }
      }
    }
  }
  // Demand: each ringing call is answered by a person within t given it has rung so long.
  for (base::Duration elapsed : input.ringing_elapsed) {
    const double e = Seconds(elapsed);
    const double before = RingCdf(e);
    const double still = 1.0 - p_human_ * before;
    if (still <= 0.0 || before >= 1.0) continue;
    for (std::size_t j = 0; j < points_.size(); ++j) {
      Point& point = points_[j];
      double p = std::clamp(p_human_ * (RingCdf(e + ring_points_[j]) - before) / still, 0.0, 1.0);
      if (p >= 1.0 - kNegligible) {
        --point.certain;
      } else if (p > kNegligible) {
        point.demand.push_back(p);
      }
    }
  }
  for (Point& point : points_) {
    point.exact =
        static_cast<int>(point.supply.size() + point.demand.size()) <= params_.exact_limit;
    point.others = 0;
    if (point.exact) {
      point.supply_dist = PoissonBinomial(point.supply);
      point.demand_dist = BaseDemand(point);
    } else {
      Moments m;
      m.mean = m.variance = m.third = point.future;  // a Poisson number of answers
      for (double p : point.demand) m.Add(p, 1.0);
      for (double p : point.supply) m.Add(p, -1.0);
      point.mean = m.mean;
      point.variance = m.variance;
      point.third = m.third;
    }
  }
}

std::vector<double> PredictivePacer::BaseDemand(const Point& point) {
  std::vector<double> d = PoissonBinomial(point.demand);
  if (point.future <= kNegligible) return d;
  // Convolve with Poisson(future), truncated where its tail is negligible.
  auto reach = static_cast<std::size_t>(point.future + 8.0 * std::sqrt(point.future) + 8.0);
  std::vector<double> poisson(reach + 1);
  poisson[0] = std::exp(-point.future);
  for (std::size_t k = 1; k <= reach; ++k) {
    poisson[k] = poisson[k - 1] * point.future / static_cast<double>(k);
  }
  std::vector<double> out(d.size() + reach, 0.0);
  for (std::size_t i = 0; i < d.size(); ++i) {
    for (std::size_t k = 0; k <= reach; ++k) out[i + k] += d[i] * poisson[k];
  }
  return out;
}

double PredictivePacer::Risk(int others) {
  double sum = 0.0;
  for (Point& point : points_) {
    sum += point.exact ? PointRiskExact(point, others) : PointRiskNormal(point, others);
  }
  return sum / static_cast<double>(points_.size());
}

double PredictivePacer::PointRiskExact(Point& point, int others) {
  if (others < point.others) {
    point.demand_dist = BaseDemand(point);
    point.others = 0;
  }
  for (; point.others < others; ++point.others) {
    std::vector<double>& d = point.demand_dist;
    d.push_back(0.0);
    for (std::size_t k = d.size() - 1; k > 0; --k) {
      d[k] = d[k] * (1 - point.q_new) + d[k - 1] * point.q_new;
    }
    d[0] *= 1 - point.q_new;
  }
  // Abandoned when the answers before it (demand plus the other new calls) take every agent
  // free by then: P(D + N >= certain + S).
  const std::vector<double>& d = point.demand_dist;
  double risk = 0.0;
  double tail = 0.0;  // P(D + N >= need), built from the top down
  int top = static_cast<int>(d.size());
  for (std::size_t k = point.supply_dist.size(); k > 0; --k) {
    int need = std::max(point.certain + static_cast<int>(k - 1), 0);
    while (top > need) tail += d[static_cast<std::size_t>(--top)];
    risk += point.supply_dist[k - 1] * tail;
  }
  return std::clamp(risk, 0.0, 1.0);
}

double PredictivePacer::PointRiskNormal(const Point& point, int others) {
  const double q = point.q_new;
  const double mean = point.mean + others * q;
  const double variance = point.variance + others * q * (1 - q);
  const double third = point.third + others * q * (1 - q) * (1 - 2 * q);
  // P(X >= certain) for X = D + N - S, by the refined normal approximation (skew-corrected,
  // with a continuity correction), accurate to about 1e-3 for the sums of a large team.
  const double threshold = point.certain - 0.5;
  if (variance < 1e-9) return mean >= threshold ? 1.0 : 0.0;
  const double sd = std::sqrt(variance);
  const double x = (threshold - mean) / sd;
  const double skew = third / (variance * sd);
  const double phi = std::exp(-0.5 * x * x) / std::sqrt(2.0 * std::numbers::pi);
  const double below = 0.5 * std::erfc(-x / std::sqrt(2.0)) + skew * (1.0 - x * x) * phi / 6.0;
  return std::clamp(1.0 - below, 0.0, 1.0);
}

std::unique_ptr<Pacer> MakePredictivePacer(PredictiveParams params) {
  return std::make_unique<PredictivePacer>(params);
}

}  // namespace callcenter
