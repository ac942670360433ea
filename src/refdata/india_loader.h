#pragma once

#include <string>

#include "base/result.h"
#include "results/reference_data.h"

namespace refdata {

// Reads the bundled India reference data folder (data/india, described in its PROVENANCE.md)
// and checks it whole: states.csv, state_languages.csv, pc.csv, ac.csv, parties.csv,
// ls2014_candidates.csv, ls2019_candidates.csv and assembly_results.csv.
//
// States, seats, segments and parties come in file order; elections as ls2014, ls2019, then the
// assembly elections by year. Stops at the first problem: kNotFound naming the path of a missing
// file, kInvalidArgument naming the file and line of a bad one
// ("ac.csv: line 17: seat S01-99 is not in pc.csv").
base::Result<results::ReferenceData> LoadIndiaData(const std::string& dir);

}  // namespace refdata
