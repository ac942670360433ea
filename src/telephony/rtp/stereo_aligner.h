#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <deque>
#include <span>
#include <vector>

namespace telephony::rtp {

// Pairs two streams of 8 kHz samples into interleaved stereo frames (left, right), in the order
// they arrive: a call's two sides come in 20 ms packets at about the same pace, so the n-th
// sample of one side goes beside the n-th of the other. When one side falls silent (no packets:
// a muted phone, a leg that is not bridged) and the other gets more than `max_skew` ahead, the
// silent side is filled with zeros up to the other, so that the file keeps time. A packet lost
// on one side shifts that side by its length until the next fill.
// Pure; not thread-safe (the recorder's writer thread owns it).
class StereoAligner {
 public:
  static constexpr std::size_t kDefaultMaxSkew = 800;  // samples: 100 ms at 8 kHz

  explicit StereoAligner(std::size_t max_skew = kDefaultMaxSkew) : max_skew_(max_skew) {}

  // Adds `samples` to `channel` (0 left, 1 right) and returns the frames now complete,
  // interleaved (left, right, left, right, ...).
  std::vector<std::int16_t> Push(int channel, std::span<const std::int16_t> samples);
  // The rest, the shorter side filled with zeros, interleaved; afterwards nothing is pending.
  std::vector<std::int16_t> Flush();

 private:
  std::vector<std::int16_t> TakeFrames(std::size_t frames);

  std::size_t max_skew_;
  std::array<std::deque<std::int16_t>, 2> pending_;
};

}  // namespace telephony::rtp
