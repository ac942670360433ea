#pragma once

#include <memory>
#include <string>

#include "base/result.h"
#include "callcenter/pacer.h"

namespace simulation {

// The pacer of a dial mode named as on `jansampark dialer simulate --mode`: "preview" (whose
// dialer never asks its pacer: DialerSettings::preview), "progressive",
// "power:RATIO" (RATIO from 1 to 10), "predictive" or "vicidial-adaptive". Every mode but
// "oracle", which needs the simulated world's foresight (simulation/oracle.h). An unknown mode
// or a bad ratio fails with kInvalidArgument, suggesting the nearest mode.
base::Result<std::unique_ptr<callcenter::Pacer>> MakePacer(const std::string& mode);

}  // namespace simulation
