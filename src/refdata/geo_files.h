#pragma once

#include <string>
#include <vector>

#include "base/result.h"
#include "geo/seat.h"
#include "geo/state.h"
#include "refdata/geo_index.h"

namespace refdata {

// Readers of the files that describe the country. Each takes the data folder and the index of
// what has been read before it, which it extends; they run in the order declared here.

// states.csv: states and union territories with their seat and segment counts.
base::Result<std::vector<geo::State>> ReadStates(const std::string& dir, GeoIndex& index);

// state_languages.csv: fills in the languages of `states` (indexed as in `index`). A state
// without a row keeps no languages.
base::Status ReadStateLanguages(const std::string& dir, const GeoIndex& index,
                                std::vector<geo::State>& states);

// pc.csv: Lok Sabha seats. The number per state must equal the state's `seat_count`.
base::Result<std::vector<geo::Seat>> ReadSeats(const std::string& dir,
                                               const std::vector<geo::State>& states,
                                               GeoIndex& index);

// ac.csv: assembly segments, each inside a seat of pc.csv. The number per state must equal the
// state's `segment_count`.
base::Result<std::vector<geo::Segment>> ReadSegments(const std::string& dir,
                                                     const std::vector<geo::State>& states,
                                                     GeoIndex& index);

}  // namespace refdata
