#include "refdata/party_file.h"

#include <algorithm>
#include <unordered_set>

#include "base/text.h"
#include "refdata/csv_table.h"

namespace refdata {
namespace {

void AddAlias(std::string_view alias, results::Party& party) {
  alias = base::Trim(alias);
  if (alias.empty() || alias == party.code) {
    return;
  }
  if (std::find(party.aliases.begin(), party.aliases.end(), alias) != party.aliases.end()) {
    return;
  }
  party.aliases.emplace_back(alias);
}

base::Result<results::Party> PartyOfRow(CsvTable& table) {
  results::Party party;
  JS_ASSIGN_OR_RETURN(std::string_view code, table.Required("party", "party"));
  party.code = base::Trim(code);
  party.name = base::Trim(table.Field("party_name"));
  party.ls2014_name = table.Field("ls2014_name");
  for (const std::string& alias : base::Split(table.Field("aliases"), ';')) {
    AddAlias(alias, party);
  }
  AddAlias(table.Field("ls2019_abbr"), party);
  return party;
}

}  // namespace

base::Result<std::vector<results::Party>> ReadParties(const std::string& dir) {
  JS_ASSIGN_OR_RETURN(CsvTable table, CsvTable::Open(dir, "parties.csv",
                                                     {"party", "party_name", "ls2019_abbr",
                                                      "ls2014_name", "aliases"}));
  std::vector<results::Party> parties;
  std::unordered_set<std::string> codes;
  while (true) {
    JS_ASSIGN_OR_RETURN(bool more, table.Next());
    if (!more) {
      break;
    }
    JS_ASSIGN_OR_RETURN(results::Party party, PartyOfRow(table));
    if (!codes.insert(party.code).second) {
      return table.Error("party code '" + party.code + "' appears twice");
    }
    parties.push_back(std::move(party));
  }
  return parties;
}

Ls2014PartyCodes::Ls2014PartyCodes(const std::vector<results::Party>& parties) {
  // emplace keeps the first claim on a spelling: 2014 names over full names over aliases, and
  // within each, the earlier row of parties.csv.
  for (const results::Party& party : parties) {
    if (party.ls2014_name.empty()) {
      continue;
    }
    by_exact_name_.emplace(party.ls2014_name, party.code);
    by_lowered_name_.emplace(base::ToLower(party.ls2014_name), party.code);
  }
  for (const results::Party& party : parties) {
    if (!party.name.empty()) {
      by_lowered_name_.emplace(base::ToLower(party.name), party.code);
    }
  }
  for (const results::Party& party : parties) {
    for (const std::string& alias : party.aliases) {
      by_lowered_name_.emplace(base::ToLower(alias), party.code);
    }
  }
  // The source's own spellings of the two rows that are not parties, whatever parties.csv says.
  by_exact_name_.insert_or_assign("None of the Above", results::kNota);
  by_exact_name_.insert_or_assign("Independent", results::kIndependent);
}

std::string Ls2014PartyCodes::CodeOf(const std::string& name) const {
  if (auto it = by_exact_name_.find(name); it != by_exact_name_.end()) {
    return it->second;
  }
  if (auto it = by_lowered_name_.find(base::ToLower(name)); it != by_lowered_name_.end()) {
    return it->second;
  }
  return name;
}

}  // namespace refdata
