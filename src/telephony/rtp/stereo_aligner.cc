#include "telephony/rtp/stereo_aligner.h"

#include <algorithm>
#include <cassert>

namespace telephony::rtp {

std::vector<std::int16_t> StereoAligner::Push(int channel, std::span<const std::int16_t> samples) {
  assert(channel == 0 || channel == 1);
  auto& mine = pending_[static_cast<std::size_t>(channel)];
  auto& other = pending_[static_cast<std::size_t>(1 - channel)];
  mine.insert(mine.end(), samples.begin(), samples.end());
  if (mine.size() > other.size() + max_skew_) other.resize(mine.size(), 0);
  return TakeFrames(std::min(mine.size(), other.size()));
}

std::vector<std::int16_t> StereoAligner::Flush() {
  std::size_t frames = std::max(pending_[0].size(), pending_[1].size());
  pending_[0].resize(frames, 0);
  pending_[1].resize(frames, 0);
  return TakeFrames(frames);
}

std::vector<std::int16_t> StereoAligner::TakeFrames(std::size_t frames) {
  std::vector<std::int16_t> out;
  out.reserve(frames * 2);
  for (std::size_t i = 0; i < frames; ++i) {
    out.push_back(pending_[0][i]);
    out.push_back(pending_[1][i]);
  }
  pending_[0].erase(pending_[0].begin(), pending_[0].begin() + static_cast<std::ptrdiff_t>(frames));
  pending_[1].erase(pending_[1].begin(), pending_[1].begin() + static_cast<std::ptrdiff_t>(frames));
  return out;
}

}  // namespace telephony::rtp
