#include "store/sqlite/sqlite_result_store.h"

#include <set>
#include <string>

#include "base/text.h"
#include "store/sqlite/tally_codec.h"

namespace store {
namespace {

std::string_view ElectionKindName(results::ElectionKind kind) {
  switch (kind) {
    case results::ElectionKind::kLokSabha:
      return "lok_sabha";
    case results::ElectionKind::kAssembly:
      return "assembly";
  }
  return "lok_sabha";
}

base::Result<results::ElectionKind> ParseElectionKind(const std::string& id,
                                                      const std::string& kind) {
  if (kind == "lok_sabha") {
    return results::ElectionKind::kLokSabha;
  }
  if (kind == "assembly") {
    return results::ElectionKind::kAssembly;
  }
  return base::Internal("election " + id + ": unknown kind '" + kind + "' in the database");
}

// The states an election has rows for, in code order: derived from the votes, never trusted
// from the caller, so that it cannot disagree with them.
std::vector<std::string> StatesWithResults(const results::ElectionResults& election_results) {
  std::set<std::string> states;
  for (const results::CandidateVotes& vote : election_results.votes) {
    states.insert(vote.state_code);
  }
  return {states.begin(), states.end()};
}

// Kind in the order of results::ElectionKind (Lok Sabha first), not alphabetically.
constexpr std::string_view kListElections = R"sql(
SELECT id, kind, year, states FROM elections
ORDER BY CASE kind WHEN 'lok_sabha' THEN 0 ELSE 1 END, year, id)sql";

constexpr std::string_view kUpsertElection = R"sql(
INSERT INTO elections (id, kind, year, states) VALUES (?, ?, ?, ?)
ON CONFLICT (id) DO UPDATE SET kind = excluded.kind, year = excluded.year,
                               states = excluded.states)sql";

constexpr std::string_view kInsertVote = R"sql(
INSERT INTO votes (election, state_code, number, position, candidate, party, votes)
VALUES (?, ?, ?, ?, ?, ?, ?))sql";

// The primary key's order: one election's rows are read in place, with no sort (NOTA, position
// 0, comes first in each constituency).
constexpr std::string_view kListVotes = R"sql(
SELECT state_code, number, position, candidate, party, votes FROM votes
WHERE election = ?
ORDER BY state_code, number, position)sql";

constexpr std::string_view kInsertTally = R"sql(
INSERT INTO tallies (election, state_code, number, votes_counted, candidates)
VALUES (?, ?, ?, ?, ?))sql";

constexpr std::string_view kListTallies = R"sql(
SELECT state_code, number, votes_counted, candidates FROM tallies
WHERE election = ?
ORDER BY state_code, number)sql";

}  // namespace

base::Result<std::vector<results::Election>> SqliteResultStore::ListElections() {
  JS_ASSIGN_OR_RETURN(sqlite::Statement query, connection_.Prepare(kListElections));
  std::vector<results::Election> elections;
  while (true) {
    JS_ASSIGN_OR_RETURN(bool row, query.Step());
    if (!row) {
      break;
    }
    results::Election& election = elections.emplace_back();
    election.id = query.ColumnText(0);
    JS_ASSIGN_OR_RETURN(election.kind, ParseElectionKind(election.id, query.ColumnText(1)));
    election.year = query.ColumnInt(2);
    std::string states = query.ColumnText(3);
    if (!states.empty()) election.states = base::Split(states, ';');
  }
  return elections;
}

base::Result<std::vector<results::CandidateVotes>> SqliteResultStore::ListVotes(
    std::string_view election_id) {
  JS_ASSIGN_OR_RETURN(bool loaded, IsLoaded(election_id));
  if (!loaded) {
    return NotLoaded(election_id);
  }
  JS_ASSIGN_OR_RETURN(sqlite::Statement query, connection_.Prepare(kListVotes));
  JS_RETURN_IF_ERROR(query.Bind(election_id));
  std::vector<results::CandidateVotes> votes;
  while (true) {
    JS_ASSIGN_OR_RETURN(bool row, query.Step());
    if (!row) {
      break;
    }
    votes.push_back({.state_code = query.ColumnText(0),
                     .number = query.ColumnInt(1),
                     .position = query.ColumnInt(2),
                     .candidate = query.ColumnText(3),
                     .party = query.ColumnText(4),
                     .votes = query.ColumnInt64(5)});
  }
  return votes;
}

base::Status SqliteResultStore::Replace(const results::ElectionResults& election_results) {
  const results::Election& election = election_results.election;
  std::string context = "election " + election.id;
  {
    JS_ASSIGN_OR_RETURN(sqlite::Statement upsert, connection_.Prepare(kUpsertElection));
    JS_RETURN_IF_ERROR(upsert
                           .Run(election.id, ElectionKindName(election.kind), election.year,
                                base::Join(StatesWithResults(election_results), ";"))
                           .WithContext(context));
    for (std::string_view table : {"votes", "tallies"}) {
      JS_ASSIGN_OR_RETURN(
          sqlite::Statement remove,
          connection_.Prepare("DELETE FROM " + std::string(table) + " WHERE election = ?"));
      JS_RETURN_IF_ERROR(remove.Run(election.id).WithContext(context));
    }
  }
  JS_RETURN_IF_ERROR(InsertVotes(election_results));
  return InsertTallies(election_results);
}

base::Status SqliteResultStore::InsertTallies(const results::ElectionResults& election_results) {
  const std::string& id = election_results.election.id;
  JS_ASSIGN_OR_RETURN(sqlite::Statement insert, connection_.Prepare(kInsertTally));
  for (const results::ConstituencyTally& tally :
       results::TallyByConstituency(election_results.votes)) {
    std::string where = "election " + id + ": " + tally.state_code + " constituency " +
                        std::to_string(tally.number);
    base::Result<std::string> candidates = sqlite::EncodeCandidates(tally.candidates);
    if (!candidates.ok()) return candidates.status().WithContext(where);
    JS_RETURN_IF_ERROR(
        insert.Run(id, tally.state_code, tally.number, tally.votes_counted, *candidates)
            .WithContext(where));
  }
  return base::OkStatus();
}

base::Result<std::vector<results::ConstituencyTally>> SqliteResultStore::ListTallies(
    std::string_view election_id) {
  JS_ASSIGN_OR_RETURN(bool loaded, IsLoaded(election_id));
  if (!loaded) return NotLoaded(election_id);
  JS_ASSIGN_OR_RETURN(sqlite::Statement query, connection_.Prepare(kListTallies));
  JS_RETURN_IF_ERROR(query.Bind(election_id));
  std::vector<results::ConstituencyTally> tallies;
  while (true) {
    JS_ASSIGN_OR_RETURN(bool row, query.Step());
    if (!row) break;
    results::ConstituencyTally& tally = tallies.emplace_back();
    tally.state_code = query.ColumnText(0);
    tally.number = query.ColumnInt(1);
    tally.votes_counted = query.ColumnInt64(2);
    JS_ASSIGN_OR_RETURN(tally.candidates, sqlite::DecodeCandidates(query.ColumnText(3)));
  }
  return tallies;
}

base::Status SqliteResultStore::InsertVotes(const results::ElectionResults& election_results) {
  const std::string& id = election_results.election.id;
  // One statement for every row: this is the bulk of a load (tens of thousands of rows).
  JS_ASSIGN_OR_RETURN(sqlite::Statement insert, connection_.Prepare(kInsertVote));
  for (const results::CandidateVotes& vote : election_results.votes) {
    base::Status status = insert.Run(id, vote.state_code, vote.number, vote.position,
                                     vote.candidate, vote.party, vote.votes);
    if (!status.ok()) {
      return status.WithContext("election " + id + ": " + vote.state_code + " constituency " +
                                std::to_string(vote.number) + " position " +
                                std::to_string(vote.position) + " (" + vote.candidate + ")");
    }
  }
  return base::OkStatus();
}

base::Result<bool> SqliteResultStore::IsLoaded(std::string_view election_id) {
  JS_ASSIGN_OR_RETURN(sqlite::Statement query,
                      connection_.Prepare("SELECT 1 FROM elections WHERE id = ?"));
  JS_RETURN_IF_ERROR(query.Bind(election_id));
  return query.Step();
}

base::Status SqliteResultStore::NotLoaded(std::string_view election_id) {
  JS_ASSIGN_OR_RETURN(std::vector<results::Election> elections, ListElections());
  std::vector<std::string> ids;
  ids.reserve(elections.size());
  for (const results::Election& election : elections) {
    ids.push_back(election.id);
  }
  std::string message = "election '" + std::string(election_id) + "' is not loaded; ";
  message += ids.empty() ? "no election is loaded" : "loaded: " + base::Join(ids, ", ");
  return base::NotFound(message);
}

}  // namespace store
