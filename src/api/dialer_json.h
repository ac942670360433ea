#pragma once

#include <nlohmann/json.hpp>

#include "simulation/day_simulation.h"

namespace api {

// The JSON of a simulated calling day (docs/json.md), shared by `dialer simulate --format json`
// and GET /api/dialer/simulate.
nlohmann::json DayReportJson(const simulation::DayParams& params,
                             const simulation::DayReport& report);

}  // namespace api
