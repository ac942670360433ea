#pragma once

#include <nlohmann/json.hpp>

#include "analysis/seat_queries.h"

// The JSON shapes of the seat analysis, shared by `--format json` and the HTTP API. Field names
// are stable and documented in docs/json.md; percentages are rounded to two decimals.
namespace api {

nlohmann::json SummaryJson(const analysis::ElectionSummary& summary);
nlohmann::json WeakSeatsJson(const analysis::WeakSeatsAnswer& answer);
nlohmann::json SegmentsJson(const analysis::SegmentsAnswer& answer);

// Two decimals, as every percentage in the JSON.
double Round2(double value);

}  // namespace api
