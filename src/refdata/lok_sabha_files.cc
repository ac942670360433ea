#include "refdata/lok_sabha_files.h"

#include <string_view>

#include "refdata/csv_table.h"
#include "refdata/vote_rows.h"

namespace refdata {
namespace {

struct LokSabhaFile {
  std::string_view file_name;
  results::Election election;
  std::string_view votes_column;
};

// Reads one Lok Sabha candidates file. Party strings go through `party_codes` when given.
base::Result<results::ElectionResults> ReadLokSabha(const std::string& dir,
                                                    const LokSabhaFile& file, const GeoIndex& index,
                                                    const Ls2014PartyCodes* party_codes) {
  JS_ASSIGN_OR_RETURN(CsvTable table,
                      CsvTable::Open(dir, file.file_name,
                                     {"state_code", "pc_no", "position", "candidate", "party",
                                      file.votes_column, "is_winner"}));
  results::ElectionResults results{.election = file.election, .votes = {}};
  ContestChecker contests(ConstituencyKind::kSeat);
  const VoteColumns columns{.number = "pc_no", .votes = file.votes_column};
  while (true) {
    JS_ASSIGN_OR_RETURN(bool more, table.Next());
    if (!more) {
      break;
    }
    JS_ASSIGN_OR_RETURN(VoteRow row, ReadVoteRow(table, index, ConstituencyKind::kSeat, columns));
    JS_RETURN_IF_ERROR(table.Required("party", "party").status());
    row.votes.party =
        party_codes != nullptr ? party_codes->CodeOf(table.Field("party")) : table.Take("party");
    JS_RETURN_IF_ERROR(contests.Check(table, row));
    results.votes.push_back(std::move(row.votes));
  }
  return results;
}

}  // namespace

base::Result<results::ElectionResults> ReadLokSabha2019(const std::string& dir,
                                                        const GeoIndex& index) {
  const LokSabhaFile file{.file_name = "ls2019_candidates.csv",
                          .election = {.id = "ls2019",
                                       .kind = results::ElectionKind::kLokSabha,
                                       .year = 2019,
                                       .states = {}},
                          .votes_column = "total_votes"};
  return ReadLokSabha(dir, file, index, nullptr);
}

base::Result<results::ElectionResults> ReadLokSabha2014(const std::string& dir,
                                                        const GeoIndex& index,
                                                        const Ls2014PartyCodes& party_codes) {
  const LokSabhaFile file{.file_name = "ls2014_candidates.csv",
                          .election = {.id = "ls2014",
                                       .kind = results::ElectionKind::kLokSabha,
                                       .year = 2014,
                                       .states = {}},
                          .votes_column = "votes"};
  return ReadLokSabha(dir, file, index, &party_codes);
}

}  // namespace refdata
