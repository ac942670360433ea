#include "callcenter/predictive_pacer.h"

#include <algorithm>
#include <cmath>
#include <optional>

namespace callcenter {
namespace {

double Seconds(base::Duration duration) { return std::chrono::duration<double>(duration).count(); }

// Fraction of `sorted` at or below `x`; `fallback` when there are no samples.
double EmpiricalCdf(const std::vector<double>& sorted, double x, double fallback) {
  if (sorted.empty()) return fallback;
  auto it = std::upper_bound(sorted.begin(), sorted.end(), x);
  return static_cast<double>(it - sorted.begin()) / static_cast<double>(sorted.size());
}

double Median(const std::vector<double>& sorted, double fallback) {
  return sorted.empty() ? fallback : sorted[sorted.size() / 2];
}

// P(N(0,1) > z).
double UpperTail(double z) { return 0.5 * std::erfc(z / std::sqrt(2.0)); }

// Mean and variance of a sum of independent Bernoulli variables.
struct Moments {
  double mean = 0;
  double variance = 0;
  void Add(double p) {
    mean += p;
    variance += p * (1 - p);
  }
};

class PredictivePacer : public Pacer {
 public:
  explicit PredictivePacer(PredictiveParams params) : params_(params), risk_(params.initial_risk) {}

  std::string_view name() const override { return "predictive"; }

  int CallsToPlace(const PacingInput& input, const Measurements& measured) override {
    Adjust(input, measured);
    int working = input.agents_logged_in - input.agents_paused;
    if (working <= 0) return 0;
    int progressive =
        std::max(0, input.agents_ready - static_cast<int>(input.ringing_elapsed.size()) -
                        input.waiting_calls);
    // At the target over the last 24 hours nothing may add risk: one line per free agent only.
    if (measured.AbandonRate24h(input.now) >= input.abandon_target) return progressive;

    double p_human = measured.HumanAnswerRate();
    const std::vector<double>& ring = measured.HumanRingTimes();
    const std::vector<double>& handle = measured.HandleTimes();
    // The horizon: how soon a call placed now is typically answered by a person; agents who free
    // up within it, plus the connect deadline, can take that answer.
    double horizon = Median(ring, 8.0);
    double supply_horizon = horizon + 2.0;

    Moments supply;
    supply.mean = input.agents_ready;
    for (base::Duration elapsed : input.busy_elapsed) {
      supply.Add(FreeWithin(handle, Seconds(elapsed), supply_horizon));
    }
    Moments demand;
    demand.mean = input.waiting_calls;
    for (base::Duration elapsed : input.ringing_elapsed) {
      demand.Add(AnswerWithin(p_human, ring, Seconds(elapsed), horizon));
    }
    double p_new = p_human * EmpiricalCdf(ring, horizon, 0.5);

    int max_calls = static_cast<int>(params_.max_lines_per_agent * working) -
                    static_cast<int>(input.ringing_elapsed.size());
    int placed = 0;
    while (placed < max_calls) {
      // The next call, if a person answers it, is abandoned when the other answers already
      // take every agent free by then: P(demand >= supply), normal approximation with a
      // continuity correction.
      double mean = demand.mean - supply.mean;
      double sd = std::sqrt(std::max(demand.variance + supply.variance, 0.25));
      double risk = UpperTail((-0.5 - mean) / sd);
      if (risk > risk_) break;
      demand.Add(p_new);
      ++placed;
    }
    return std::max(placed, progressive);
  }

 private:
  // P(an agent busy for `elapsed` s frees up within `within` s), from the measured handle times.
  static double FreeWithin(const std::vector<double>& handle, double elapsed, double within) {
    if (handle.size() < 10) return 0.0;  // nothing known yet: count on no one
    double survive = 1.0 - EmpiricalCdf(handle, elapsed, 0.0);
    if (survive <= 0.0) return 1.0;  // longer than every call seen: likely to end soon
    double done_by =
        EmpiricalCdf(handle, elapsed + within, 0.0) - EmpiricalCdf(handle, elapsed, 0.0);
    return std::clamp(done_by / survive, 0.0, 1.0);
  }

  // P(a call ringing for `elapsed` s is answered by a person within `within` s).
  static double AnswerWithin(double p_human, const std::vector<double>& ring, double elapsed,
                             double within) {
    double before = EmpiricalCdf(ring, elapsed, 0.0);
    double by = EmpiricalCdf(ring, elapsed + within, 1.0);
    double still_possible = 1.0 - p_human * before;
    if (still_possible <= 0.0) return 0.0;
    return std::clamp(p_human * (by - before) / still_possible, 0.0, 1.0);
  }

  // Every `adjust_every`, moves the risk allowance so that the abandon rate measured since the
  // last adjustment heads for aim_fraction × target: multiplicative steps, faster down than up.
  void Adjust(const PacingInput& input, const Measurements& measured) {
    if (!last_adjust_) {
      last_adjust_ = input.now;
      answered_at_adjust_ = measured.answered_total();
      abandoned_at_adjust_ = measured.abandoned_total();
      return;
    }
    if (input.now - *last_adjust_ < params_.adjust_every) return;
    std::int64_t answered = measured.answered_total() - answered_at_adjust_;
    std::int64_t abandoned = measured.abandoned_total() - abandoned_at_adjust_;
    if (answered >= 20) {
      double recent = static_cast<double>(abandoned) / static_cast<double>(answered);
      double day = measured.AbandonRate24h(input.now);
      double aim = params_.aim_fraction * input.abandon_target;
      if (recent > aim || day > aim) {
        risk_ *= 0.7;
      } else if (recent < 0.5 * aim && day < aim) {
        risk_ *= 1.15;
      }
      risk_ = std::clamp(risk_, params_.min_risk, params_.max_risk);
      last_adjust_ = input.now;
      answered_at_adjust_ = measured.answered_total();
      abandoned_at_adjust_ = measured.abandoned_total();
    }
  }

  PredictiveParams params_;
  double risk_;
  std::optional<base::TimePoint> last_adjust_;
  std::int64_t answered_at_adjust_ = 0;
  std::int64_t abandoned_at_adjust_ = 0;
};

}  // namespace

std::unique_ptr<Pacer> MakePredictivePacer(PredictiveParams params) {
  return std::make_unique<PredictivePacer>(params);
}

}  // namespace callcenter
