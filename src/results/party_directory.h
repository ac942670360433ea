#pragma once

#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "base/result.h"
#include "results/party.h"

namespace results {

// Resolves what a user types ("bjp", "Bharatiya Janata Party", "Congress") to a party code.
class PartyDirectory {
 public:
  explicit PartyDirectory(std::vector<Party> parties);

  // The party's code. Matches codes, full names, 2014 names and aliases, ignoring case.
  // An unknown name fails with kInvalidArgument and suggests the nearest codes and names.
  base::Result<std::string> Resolve(std::string_view name) const;

  // Nullptr when `code` is not a known party code.
  const Party* Find(std::string_view code) const;

  const std::vector<Party>& parties() const { return parties_; }

 private:
  std::vector<Party> parties_;
  std::unordered_map<std::string, std::size_t> by_lowered_name_;
};

}  // namespace results
