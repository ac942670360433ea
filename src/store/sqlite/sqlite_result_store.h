#pragma once

#include <string_view>
#include <vector>

#include "results/election.h"
#include "store/sqlite/connection.h"
#include "store/store.h"

namespace store {

// ResultStore over an SQLite connection that the owner (SqliteDatabase) keeps open for the life
// of this object. Same threading as the connection.
class SqliteResultStore : public ResultStore {
 public:
  explicit SqliteResultStore(sqlite::Connection& connection) : connection_(connection) {}

  base::Result<std::vector<results::Election>> ListElections() override;
  base::Result<std::vector<results::CandidateVotes>> ListVotes(
      std::string_view election_id) override;
  base::Result<std::vector<results::ConstituencyTally>> ListTallies(
      std::string_view election_id) override;

  // Inserts or updates the election's row and replaces all its votes with `election_results.votes`,
  // in the caller's transaction (a failure leaves part of it written). Every vote's state must be
  // stored; the error names the row.
  base::Status Replace(const results::ElectionResults& election_results);

 private:
  base::Result<bool> IsLoaded(std::string_view election_id);
  base::Status NotLoaded(std::string_view election_id);
  base::Status InsertVotes(const results::ElectionResults& election_results);
  base::Status InsertTallies(const results::ElectionResults& election_results);

  sqlite::Connection& connection_;
};

}  // namespace store
