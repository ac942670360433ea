#pragma once

#include <string>

#include "base/result.h"
#include "refdata/geo_index.h"
#include "refdata/party_file.h"
#include "results/election.h"

namespace refdata {

// ls2019_candidates.csv: election "ls2019". Parties are ECI codes already; votes are
// `total_votes` (EVM and postal).
base::Result<results::ElectionResults> ReadLokSabha2019(const std::string& dir,
                                                        const GeoIndex& index);

// ls2014_candidates.csv: election "ls2014". Its full party names become codes through
// `party_codes`. Seats are the post-2014 `state_code` and `pc_no`, not the *_2014 columns.
base::Result<results::ElectionResults> ReadLokSabha2014(const std::string& dir,
                                                        const GeoIndex& index,
                                                        const Ls2014PartyCodes& party_codes);

}  // namespace refdata
