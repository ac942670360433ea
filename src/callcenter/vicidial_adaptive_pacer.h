#pragma once

#include <cstddef>
#include <cstdint>
#include <deque>
#include <memory>
#include <string_view>

#include "base/clock.h"
#include "callcenter/measurements.h"
#include "callcenter/pacer.h"

namespace callcenter {

// Our own implementation, for this harness, of the documented behaviour of VICIDIAL's adaptive
// ("ADAPT_*") dial methods, so that our pacers can be measured against the one most campaigns
// in the field actually run. Written from a reading of VICIDIAL 2.4's bin/AST_VDadapt.pl
// (subroutines count_agents_lines and calculate_dial_level), bin/AST_VDauto_dial.pl (how many
// calls to place) and the campaign help text in www/vicidial/admin.php (dial_method,
// auto_dial_level, adaptive_dropped_percentage, adaptive_maximum_level, adaptive_intensity,
// adaptive_dl_diff_target). No code was copied.
//
// What VICIDIAL does
//  - Placing (AST_VDauto_dial.pl, a loop every 2.5 s by default): goal = round(auto_dial_level x
//    active agents), where active agents are those READY, QUEUE, INCALL or DONE (not PAUSED,
//    not in a dead call); it places goal minus the campaign's calls already SENT, RINGING, LIVE
//    (answered, waiting for an agent), XFER or CLOSER (with an agent), if positive.
//  - Sampling (AST_VDadapt.pl, a loop every second): ready agents (READY or DONE), all live
//    agents of the campaign, and LIVE calls (answered, waiting); it averages the last 15 samples
//    (fewer at start-up).
//  - Every 15 s, when the average agent count is above 0: the differential is
//    avg ready - avg waiting + adaptive_dl_diff_target, and m = differential / avg agents.
//    adaptive_intensity i (the admin page offers -40..40) bends it: m x (1 + i/100) when m >= 0,
//    m x |i/100 - 1| when m < 0, so a positive intensity climbs faster and falls slower. The
//    new level is auto_dial_level x (1 + bent m), capped at adaptive_maximum_level (default
//    3.0) and raised to 1.0 if below.
//  - Drop rules, applied to that new level: when more than 20 calls ended in the last minute
//    and over 50% of them were drops, halve it. When more than 50 calls were placed today and
//    drops / human answers today (in percent) exceed adaptive_dropped_percentage:
//    ADAPT_HARD_LIMIT sets 1.0, ADAPT_AVERAGE halves it, ADAPT_TAPERED multiplies it by
//    (adaptive_latest_server_time - now, both as hhmm) / 1000 capped at 1, roughly the share
//    of a ten-hour horizon left, and sets 1.0 once past that time.
//    Finally anything below 1.0 becomes 1.0. The level is written back to the campaign.
//
// Where we simplified or differ
//  - Time is counted in CallsToPlace calls, one a second (the dialer's tick): a sample every
//    call, a recomputation once `recompute_every` (15) calls have passed since the last one and
//    the average agent count is above 0, placement every `place_every` calls. place_every
//    defaults to 1 rather than VICIDIAL's 2.5 s: the placement is a top-up to a goal, not a
//    flow, so placing every tick does not over-dial, it just reacts sooner; VICIDIAL's delay
//    is a database-load compromise we do not have. Set 2 or 3 to mimic it.
//  - Agents, both for placing and for the average in the denominator, are logged in and not
//    paused (ready, reserved, talking or in wrap-up). VICIDIAL's denominator counts every live
//    agent including paused ones, and its agents in the disposition screen are PAUSED, so not
//    dialled for; ours in wrap-up are.
//  - Live calls = ringing + waiting + talking.
//  - The drop figures are read fresh at each recomputation (VICIDIAL refreshes them once a
//    minute). "Today" is the Measurements' totals since construction: drops are
//    abandoned_total(), human answers answered_total() (at least 1), calls placed
//    results_seen(); the target is PacingInput::abandon_target (a fraction, not a percent). The
//    last minute's calls and drops are the growth of results_seen() and abandoned_total()
//    over the last 60 s of PacingInput::now.
//  - ADAPT_TAPERED is not implemented (it needs the shift's end in local time); neither are
//    available_only_ratio_tally, the dial-level and available-only thresholds, the empty-hopper
//    pause, blended inbound campaigns, drop-rate groups, nor AST_VDauto_dial.pl adding
//    adaptive_dl_diff_target to the agent count when placing. We keep full precision where
//    VICIDIAL rounds the level to three decimals, and round the goal half away from zero where
//    Perl's sprintf rounds half to even.
//
// Out-of-range parameters are clamped, as noted beside each.
struct VicidialParams {
  // What the day's drop rule does once the drop percentage passes the target.
  enum class DropGuard {
    kHardLimit,  // ADAPT_HARD_LIMIT: back to 1.0
    kAverage,    // ADAPT_AVERAGE: halve (never below 1.0)
  };

  double initial_level = 1.0;  // auto_dial_level at start; clamped to [1, maximum_level]
  double maximum_level = 3.0;  // adaptive_maximum_level; at least 1
  int intensity = 0;           // adaptive_intensity; clamped to [-40, 40]
  // adaptive_dl_diff_target: -1 aims at one agent waiting on average, +1 at one call waiting.
  int diff_target = 0;
  DropGuard drop_guard = DropGuard::kHardLimit;
  int place_every = 1;       // calls (seconds) between placements; at least 1
  int recompute_every = 15;  // calls (seconds) between level recomputations; at least 1
  int samples = 15;          // how many per-call samples are averaged; at least 1
  // The day's drop rule waits for more than this many results.
  std::int64_t day_min_calls = 50;
  // The last minute's drop rule: more than this many results ended in the last minute, and
  // more than this fraction of them were abandoned.
  std::int64_t minute_min_calls = 20;
  double minute_drop_limit = 0.5;
};

// See VicidialParams. Single-threaded; one per campaign. CallsToPlace must be called once a
// second with a non-decreasing `now`.
class VicidialAdaptivePacer : public Pacer {
 public:
  explicit VicidialAdaptivePacer(VicidialParams params = {});

  std::string_view name() const override { return "vicidial_adapt"; }
  int CallsToPlace(const PacingInput& input, const Measurements& measured) override;

  // The current auto_dial_level, in [1, maximum_level].
  double dial_level() const { return level_; }

 private:
  struct Sample {
    int ready = 0;
    int waiting = 0;
    int agents = 0;
  };
  struct Tally {
    base::TimePoint when;
    std::size_t results = 0;
    std::int64_t abandoned = 0;
  };

  void TakeSample(const PacingInput& input, const Measurements& measured);
  // Returns false, changing nothing, when the average agent count is 0.
  bool Recompute(const PacingInput& input, const Measurements& measured);
  double BentStep(double step) const;
  double ApplyMinuteGuard(double level, const Measurements& measured) const;
  double ApplyDayGuard(double level, const PacingInput& input, const Measurements& measured) const;
  int Place(const PacingInput& input) const;

  VicidialParams params_;
  double level_;
  std::deque<Sample> samples_;
  std::deque<Tally> last_minute_;
  std::int64_t calls_ = 0;
  int since_recompute_ = 0;
};

// Returns a VicidialAdaptivePacer.
std::unique_ptr<Pacer> MakeVicidialAdaptivePacer(VicidialParams params = {});

}  // namespace callcenter
