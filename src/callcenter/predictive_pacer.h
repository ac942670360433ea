#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string_view>
#include <vector>

#include "callcenter/pacer.h"

namespace callcenter {

struct PredictiveParams {
  // Starting marginal-risk allowance β: the largest chance, for the last call placed, that a
  // person answers it while no agent is free for it (docs/predictive-dialing.md). The
  // controller moves it within [min_risk, max_risk].
  double initial_risk = 0.05;
  double min_risk = 0.001;
  double max_risk = 0.5;
  // The controller aims the campaign's abandon rate at aim_fraction × target, leaving room for
  // noise below the hard limit.
  double aim_fraction = 0.80;
  // Guard band: once at least guard_min_answers people have answered and the 24-hour abandon
  // rate is at or over guard_fraction × target, calls that add risk stop (one line per free
  // agent) until it falls back below.
  double guard_fraction = 0.93;
  std::int64_t guard_min_answers = 1000;
  // How fast β follows the forecast: ln β falls by `gain` for every abandon the model expects
  // above the aim, and rises as much for every one it expects below.
  double gain = 1.0;
  // Weight, in abandons, of the prior belief that the model is unbiased, in the calibration
  // factor (observed abandons / forecast abandons).
  double calibration_prior = 5.0;
  // A person who answers is abandoned unless an agent is free within this time.
  base::Duration connect_deadline = std::chrono::seconds(2);
  // Points over the answer-time distribution of a new call at which the risk is evaluated.
  int quadrature_points = 8;
  // Up to this many uncertain calls and agents the risk is computed exactly (Poisson-binomial);
  // above it by a skew-corrected normal approximation.
  int exact_limit = 64;
  // How often the measured distributions are re-read (they change slowly; re-reading sorts).
  base::Duration refresh_every = std::chrono::seconds(5);
  // Standard errors added to the measured answer rate when reckoning demand.
  double answer_rate_z = 2.0;
  // The risk allowance is scaled by (slack - slack_floor) / slack_span, within [min_share, 1],
  // where slack = target x answers - abandons over the last 24 hours: how many more abandons
  // the campaign has before the hard stop.
  double slack_floor = 0.5;
  double slack_span = 3.0;
  double min_share = 0.05;
  // At most this many calls ringing per logged-in, unpaused agent.
  double max_lines_per_agent = 4.0;
};

// jansampark's predictive pacing: a probabilistic model of the next seconds (who answers when,
// which agents free up: from PacingInput::wrap_up_elapsed and the measured talk and wrap-up
// times when the dialer gives them, else from handle times) decides each call; a controller
// sets how much risk each call may carry so that the model's own forecast of the abandon rate,
// corrected by the ratio of observed to forecast abandons, meets the aim, and uses only part of
// that allowance while few abandons separate the 24-hour rate from the target. Holds the
// campaign's 24-hour abandon rate at or under its target; falls back to progressive dialling
// near and at the target. Single-threaded; one per campaign; CallsToPlace must be called with a
// non-decreasing `now`. Deterministic.
class PredictivePacer : public Pacer {
 public:
  explicit PredictivePacer(PredictiveParams params = {});

  std::string_view name() const override { return "predictive"; }
  int CallsToPlace(const PacingInput& input, const Measurements& measured) override;
  // The controller learns from the calls really placed, at the risk each of them carried.
  void Placed(int placed) override;

  // The current risk allowance β.
  double risk() const { return risk_; }
  // Observed abandons / forecast abandons, with the prior of an unbiased model mixed in.
  double calibration() const;

 private:
  // One point of the answer-time quadrature: the Bernoulli terms of the supply of agents and
  // the demand of answers at that time.
  struct Point {
    double q_new = 0;            // chance that another new call is answered by a person by then
    double future = 0;           // expected answers, before then, of calls placed at later ticks
    int certain = 0;             // ready agents - people already waiting
    std::vector<double> supply;  // busy agents: chance of being free by then + deadline
    std::vector<double> demand;  // ringing calls: chance of a person answering by then
    bool exact = false;
    // Exact: the distributions of the supply, and of the demand with `others` new calls.
    std::vector<double> supply_dist;
    std::vector<double> demand_dist;
    int others = 0;
    // Otherwise: the moments of demand - supply without new calls.
    double mean = 0;
    double variance = 0;
    double third = 0;
  };

  static std::vector<double> BaseDemand(const Point& point);
  void Refresh(base::TimePoint now, const Measurements& measured);
  void BuildPoints(const PacingInput& input);
  // Mean over the quadrature points of P(no agent free for a call answered by a person) when
  // `others` other new calls are placed with it.
  double Risk(int others);
  static double PointRiskExact(Point& point, int others);
  static double PointRiskNormal(const Point& point, int others);
  void RefreshParts(const Measurements& measured);
  double HandleCdf(double seconds) const;
  double WrapCdf(double seconds) const;
  // The chance that a busy agent is free within `horizon` of now (the horizon of quadrature
  // point `point`), from its talk and wrap-up so far: `busy` seconds since it was connected,
  // `wrapping` seconds in wrap-up when its call is over.
  double FreeChance(std::size_t point, double horizon, double busy, std::optional<double> wrapping);
  // talk_free_[e], filled on first use.
  const std::vector<double>& TalkFreeRow(std::size_t e);
  double RingCdf(double seconds) const;
  void Learn(int placed, double risk_each, double share);
  // The share of the risk allowance in force at the last CallsToPlace, for Placed().
  double last_share_ = 1.0;
  // Whether the last CallsToPlace built points_ for Placed() to reckon with.
  bool points_current_ = false;
  // The share of the risk allowance usable now, from the slack under the 24-hour target.
  double Share(base::TimePoint now, const Measurements& measured) const;

  PredictiveParams params_;
  double risk_;
  double target_ = 0.03;
  // Measured distributions, as tables (refreshed every refresh_every).
  bool refreshed_ = false;
  base::TimePoint last_refresh_;
  double p_estimate_ = 0.3;         // measured answer rate
  double p_human_ = 0.3;            // its upper confidence bound, for demand
  std::vector<double> handle_cdf_;  // at whole seconds; empty while too few samples
  std::vector<double> ring_cdf_;    // at kRingStep steps
  // With talk and wrap-up times measured apart: the wrap-up CDF, the talk CDF (at whole
  // seconds), and for an agent still talking after e whole seconds, for each quadrature point,
  // the chance that it is free by the point's horizon (a row is empty until first needed).
  std::vector<double> wrap_cdf_;
  std::vector<double> talk_cdf_;
  std::vector<std::vector<double>> talk_free_;
  std::vector<double> ring_points_;  // answer times of the quadrature points (seconds)
  std::vector<Point> points_;
  // Integral of the ring-time CDF from 0 to each point's time less one tick (seconds).
  std::vector<double> future_weight_;
  // Calls placed per tick, smoothed.
  double placing_rate_ = 0;
  // Forecast since construction: expected answers and expected abandons of the calls placed.
  double forecast_answers_ = 0;
  double forecast_abandons_ = 0;
  std::int64_t abandoned_seen_ = 0;
};

std::unique_ptr<Pacer> MakePredictivePacer(PredictiveParams params = {});

}  // namespace callcenter
