#pragma once

#include <string>
#include <vector>

#include "base/result.h"
#include "refdata/geo_index.h"
#include "results/election.h"

namespace refdata {

// assembly_results.csv: one ElectionResults per distinct `election` ("AE2021" becomes the
// assembly election "ae2021", its year from the `year` column), ordered by year. Each row's
// segment must be in ac.csv; `party` is taken as it is.
base::Result<std::vector<results::ElectionResults>> ReadAssemblyResults(const std::string& dir,
                                                                        const GeoIndex& index);

}  // namespace refdata
