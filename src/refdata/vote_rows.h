#pragma once

#include <string_view>
#include <unordered_map>
#include <vector>

#include "base/result.h"
#include "refdata/csv_table.h"
#include "refdata/geo_index.h"
#include "results/election.h"

namespace refdata {

// What the results files have in common: one row per candidate (or NOTA) per constituency.

enum class ConstituencyKind { kSeat, kSegment };

// The names of the columns that differ between results files.
struct VoteColumns {
  std::string_view number;  // the seat or segment number: "pc_no", "ac_no"
  std::string_view votes;   // "total_votes", "votes"
};

struct VoteRow {
  PlaceKey place;
  bool is_winner = false;
  results::CandidateVotes votes;
};

// Reads the current record of a results file: the constituency (which must be in `index`),
// position (blank is 0, NOTA), candidate, votes (a whole number >= 0) and the winner flag.
// Columns "state_code", "position", "candidate", "is_winner" and those of `columns` must have
// been given to CsvTable::Open(). The party is left to the caller.
base::Result<VoteRow> ReadVoteRow(CsvTable& table, const GeoIndex& index, ConstituencyKind kind,
                                  const VoteColumns& columns);

// Checks the rows of one election constituency by constituency, as they are read: at most one
// winner, in position 1; no position twice; NOTA (party "NOTA") exactly when the position is 0,
// at most once.
class ContestChecker {
 public:
  explicit ContestChecker(ConstituencyKind kind) : kind_(kind) {}

  base::Status Check(const CsvTable& table, const VoteRow& row);

 private:
  struct Contest {
    bool has_winner = false;
    std::vector<int> positions;  // including 0 for NOTA
  };
  ConstituencyKind kind_;
  std::unordered_map<PlaceKey, Contest, PlaceKeyHash> contests_;
};

}  // namespace refdata
