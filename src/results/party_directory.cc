#include "results/party_directory.h"

#include "base/text.h"

namespace results {

PartyDirectory::PartyDirectory(std::vector<Party> parties) : parties_(std::move(parties)) {
  // Codes win over names, names over aliases, when two parties claim the same spelling.
  // Blank spellings (some parties have no known full name) name nobody.
  auto add = [this](const std::string& spelling, std::size_t index) {
    if (!base::Trim(spelling).empty()) by_lowered_name_.emplace(base::ToLower(spelling), index);
  };
  for (std::size_t i = 0; i < parties_.size(); ++i) add(parties_[i].code, i);
  for (std::size_t i = 0; i < parties_.size(); ++i) {
    add(parties_[i].name, i);
    add(parties_[i].ls2014_name, i);
  }
  for (std::size_t i = 0; i < parties_.size(); ++i) {
    for (const std::string& alias : parties_[i].aliases) add(alias, i);
  }
}

base::Result<std::string> PartyDirectory::Resolve(std::string_view name) const {
  std::string trimmed(base::Trim(name));
  if (trimmed.empty()) return base::InvalidArgument("the party name is empty");
  auto it = by_lowered_name_.find(base::ToLower(trimmed));
  if (it != by_lowered_name_.end()) return parties_[it->second].code;

  std::vector<std::string> codes;
  std::vector<std::string> names;
  for (const Party& party : parties_) {
    codes.push_back(party.code);
    names.push_back(party.name);
  }
  std::vector<std::string> nearest = base::NearestNames(trimmed, codes);
  for (const std::string& full_name : base::NearestNames(trimmed, names)) {
    if (nearest.size() >= 5) break;
    nearest.push_back(full_name);
  }
  std::string message = "unknown party '" + trimmed + "'";
  if (!nearest.empty()) message += "; did you mean " + base::Join(nearest, ", ") + "?";
  message += " (party codes are ECI abbreviations such as BJP, INC, AITC)";
  return base::InvalidArgument(message);
}

const Party* PartyDirectory::Find(std::string_view code) const {
  auto it = by_lowered_name_.find(base::ToLower(code));
  if (it == by_lowered_name_.end() || parties_[it->second].code != code) return nullptr;
  return &parties_[it->second];
}

}  // namespace results
