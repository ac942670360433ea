#pragma once

#include <cstdint>

#include "base/clock.h"

namespace store {

// Times are stored as integers: microseconds since the epoch, base::Duration's own unit.
inline std::int64_t Micros(base::TimePoint at) { return at.time_since_epoch().count(); }
inline base::TimePoint FromMicros(std::int64_t micros) {
  return base::TimePoint(base::Duration(micros));
}

}  // namespace store
