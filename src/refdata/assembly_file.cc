#include "refdata/assembly_file.h"

#include <algorithm>
#include <cstdint>
#include <map>

#include "base/text.h"
#include "refdata/csv_table.h"
#include "refdata/vote_rows.h"

namespace refdata {
namespace {

constexpr std::int64_t kFirstYear = 1950;
constexpr std::int64_t kLastYear = 2100;

struct AssemblyElection {
  results::ElectionResults results;
  ContestChecker contests{ConstituencyKind::kSegment};
};

// The election of the current row, created on its first row. All rows of one election must
// give the same year.
base::Result<AssemblyElection*> ElectionOfRecord(
    const CsvTable& table, std::map<std::string, AssemblyElection, std::less<>>& elections) {
  JS_ASSIGN_OR_RETURN(std::string_view name, table.Required("election", "election"));
  JS_ASSIGN_OR_RETURN(std::int64_t year, table.Number("year", "year", kFirstYear, kLastYear));
  std::string id = base::ToLower(name);
  auto it = elections.find(id);
  if (it == elections.end()) {
    AssemblyElection election;
    election.results.election = {.id = id,
                                 .kind = results::ElectionKind::kAssembly,
                                 .year = static_cast<int>(year),
                                 .states = {}};
    it = elections.emplace(std::move(id), std::move(election)).first;
  }
  AssemblyElection& election = it->second;
  if (election.results.election.year != year) {
    return table.Error("election " + std::string(name) + " is in year " + std::to_string(year) +
                       " here but " + std::to_string(election.results.election.year) +
                       " on earlier rows");
  }
  return &election;
}

}  // namespace

base::Result<std::vector<results::ElectionResults>> ReadAssemblyResults(const std::string& dir,
                                                                        const GeoIndex& index) {
  JS_ASSIGN_OR_RETURN(CsvTable table,
                      CsvTable::Open(dir, "assembly_results.csv",
                                     {"state_code", "ac_no", "election", "year", "position",
                                      "candidate", "party", "votes", "is_winner"}));
  // Keyed by election id; ordered by id within a year.
  std::map<std::string, AssemblyElection, std::less<>> elections;
  const VoteColumns columns{.number = "ac_no", .votes = "votes"};
  while (true) {
    JS_ASSIGN_OR_RETURN(bool more, table.Next());
    if (!more) {
      break;
    }
    JS_ASSIGN_OR_RETURN(AssemblyElection * election, ElectionOfRecord(table, elections));
    JS_ASSIGN_OR_RETURN(VoteRow row,
                        ReadVoteRow(table, index, ConstituencyKind::kSegment, columns));
    JS_RETURN_IF_ERROR(table.Required("party", "party").status());
    row.votes.party = table.Take("party");
    JS_RETURN_IF_ERROR(election->contests.Check(table, row));
    election->results.votes.push_back(std::move(row.votes));
  }
  std::vector<results::ElectionResults> ordered;
  ordered.reserve(elections.size());
  for (auto& [name, election] : elections) {
    ordered.push_back(std::move(election.results));
  }
  std::stable_sort(ordered.begin(), ordered.end(),
                   [](const auto& a, const auto& b) { return a.election.year < b.election.year; });
  return ordered;
}

}  // namespace refdata
