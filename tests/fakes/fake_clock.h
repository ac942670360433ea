#pragma once

#include "base/manual_clock.h"

namespace fakes {

// Tests say FakeClock: a Clock that moves only when the test calls AdvanceBy()/AdvanceTo().
using FakeClock = base::ManualClock;

}  // namespace fakes
