#include "refdata/geo_index.h"

namespace refdata {

bool GeoIndex::AddState(const std::string& code) {
  if (!state_by_code_.emplace(code, state_codes_.size()).second) {
    return false;
  }
  state_codes_.push_back(code);
  return true;
}

std::optional<std::size_t> GeoIndex::FindState(std::string_view code) const {
  auto it = state_by_code_.find(code);
  if (it == state_by_code_.end()) {
    return std::nullopt;
  }
  return it->second;
}

base::Result<std::size_t> StateOfRecord(const CsvTable& table, const GeoIndex& index) {
  const std::string& code = table.Field("state_code");
  std::optional<std::size_t> state = index.FindState(code);
  if (!state) {
    return table.Error("state code '" + code + "' is not in states.csv");
  }
  return *state;
}

}  // namespace refdata
