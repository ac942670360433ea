#include "refdata/india_loader.h"

#include <filesystem>
#include <utility>

#include "refdata/assembly_file.h"
#include "refdata/geo_files.h"
#include "refdata/geo_index.h"
#include "refdata/lok_sabha_files.h"
#include "refdata/party_file.h"

namespace refdata {

base::Result<results::ReferenceData> LoadIndiaData(const std::string& dir) {
  std::error_code error;
  if (!std::filesystem::is_directory(dir, error)) {
    return base::NotFound(dir + ": no such data folder");
  }
  // The order matters: each file is checked against those read before it.
  results::ReferenceData data;
  GeoIndex index;
  JS_ASSIGN_OR_RETURN(data.states, ReadStates(dir, index));
  JS_RETURN_IF_ERROR(ReadStateLanguages(dir, index, data.states));
  JS_ASSIGN_OR_RETURN(data.seats, ReadSeats(dir, data.states, index));
  JS_ASSIGN_OR_RETURN(data.segments, ReadSegments(dir, data.states, index));
  JS_ASSIGN_OR_RETURN(data.parties, ReadParties(dir));

  const Ls2014PartyCodes party_codes(data.parties);
  JS_ASSIGN_OR_RETURN(results::ElectionResults ls2014, ReadLokSabha2014(dir, index, party_codes));
  JS_ASSIGN_OR_RETURN(results::ElectionResults ls2019, ReadLokSabha2019(dir, index));
  JS_ASSIGN_OR_RETURN(std::vector<results::ElectionResults> assembly,
                      ReadAssemblyResults(dir, index));
  data.elections.reserve(2 + assembly.size());
  data.elections.push_back(std::move(ls2014));
  data.elections.push_back(std::move(ls2019));
  for (results::ElectionResults& election : assembly) {
    data.elections.push_back(std::move(election));
  }
  return data;
}

}  // namespace refdata
