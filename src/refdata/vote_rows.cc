#include "refdata/vote_rows.h"

#include <algorithm>
#include <cstdint>
#include <limits>

#include "geo/seat.h"
#include "results/party.h"

namespace refdata {
namespace {

constexpr std::int64_t kMaxPosition = 99999;

base::Result<PlaceKey> ConstituencyOfRecord(const CsvTable& table, const GeoIndex& index,
                                            ConstituencyKind kind, std::string_view column) {
  JS_ASSIGN_OR_RETURN(std::size_t state, StateOfRecord(table, index));
  JS_ASSIGN_OR_RETURN(std::int64_t number, table.Number(column, column, 1, kMaxConstituencyNumber));
  PlaceKey place{state, static_cast<int>(number)};
  if (kind == ConstituencyKind::kSeat && !index.HasSeat(place)) {
    return table.Error("seat " + geo::SeatId(index.StateCode(state), place.number) +
                       " is not in pc.csv");
  }
  if (kind == ConstituencyKind::kSegment && !index.HasSegment(place)) {
    return table.Error("segment " + geo::SegmentId(index.StateCode(state), place.number) +
                       " is not in ac.csv");
  }
  return place;
}

// "seat S01-3" or "segment S01-AC-3".
std::string Describe(ConstituencyKind kind, const results::CandidateVotes& votes) {
  return kind == ConstituencyKind::kSeat
             ? "seat " + geo::SeatId(votes.state_code, votes.number)
             : "segment " + geo::SegmentId(votes.state_code, votes.number);
}

}  // namespace

base::Result<VoteRow> ReadVoteRow(CsvTable& table, const GeoIndex& index, ConstituencyKind kind,
                                  const VoteColumns& columns) {
  VoteRow row;
  JS_ASSIGN_OR_RETURN(row.place, ConstituencyOfRecord(table, index, kind, columns.number));
  JS_ASSIGN_OR_RETURN(std::int64_t position, table.Number("position", "position", 0, kMaxPosition,
                                                          /*blank_is_zero=*/true));
  JS_ASSIGN_OR_RETURN(row.votes.votes, table.Number(columns.votes, "votes", 0,
                                                    std::numeric_limits<std::int64_t>::max()));
  JS_ASSIGN_OR_RETURN(row.is_winner, table.Flag("is_winner", "is_winner"));
  row.votes.state_code = index.StateCode(row.place.state);
  row.votes.number = row.place.number;
  row.votes.position = static_cast<int>(position);
  row.votes.candidate = table.Take("candidate");
  return row;
}

base::Status ContestChecker::Check(const CsvTable& table, const VoteRow& row) {
  const results::CandidateVotes& votes = row.votes;
  bool is_nota = votes.party == results::kNota;
  if (is_nota && votes.position != 0) {
    return table.Error("NOTA has position " + std::to_string(votes.position) +
                       "; NOTA rows leave the position blank");
  }
  if (!is_nota && votes.position == 0) {
    return table.Error("position is blank for party '" + votes.party +
                       "'; only NOTA rows leave it blank");
  }
  Contest& contest = contests_[row.place];
  if (std::find(contest.positions.begin(), contest.positions.end(), votes.position) !=
      contest.positions.end()) {
    return table.Error(is_nota ? Describe(kind_, votes) + " has a second NOTA row"
                               : Describe(kind_, votes) + " has position " +
                                     std::to_string(votes.position) + " twice");
  }
  contest.positions.push_back(votes.position);
  if (row.is_winner) {
    if (contest.has_winner) {
      return table.Error(Describe(kind_, votes) + " has a second winner");
    }
    if (votes.position != 1) {
      return table.Error("the winner of " + Describe(kind_, votes) + " has position " +
                         std::to_string(votes.position) + ", not 1");
    }
    contest.has_winner = true;
  }
  return base::OkStatus();
}

}  // namespace refdata
