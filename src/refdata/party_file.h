#pragma once

#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "base/result.h"
#include "results/party.h"

namespace refdata {

// parties.csv: the party crosswalk. Aliases are the `aliases` column split on ';' (trimmed,
// blanks dropped), plus `ls2019_abbr` where it differs from the code. Codes must be unique.
base::Result<std::vector<results::Party>> ReadParties(const std::string& dir);

// Turns the full party names of ls2014_candidates.csv into party codes. Tries, in order: the
// exact `ls2014_name`, the `ls2014_name` ignoring case, then the full name or an alias ignoring
// case. "None of the Above" is NOTA and "Independent" is IND. A name that matches nothing is
// returned as it is (minor parties are not all in the crosswalk).
class Ls2014PartyCodes {
 public:
  explicit Ls2014PartyCodes(const std::vector<results::Party>& parties);

  std::string CodeOf(const std::string& name) const;

 private:
  std::unordered_map<std::string, std::string> by_exact_name_;
  std::unordered_map<std::string, std::string> by_lowered_name_;  // ls2014 names first
};

}  // namespace refdata
