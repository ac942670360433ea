#pragma once

#include <vector>

#include "results/reference_data.h"
#include "store/sqlite/connection.h"
#include "store/store.h"

namespace store {

// ReferenceStore over an SQLite connection that the owner (SqliteDatabase) keeps open for the
// life of this object. Same threading as the connection.
class SqliteReferenceStore : public ReferenceStore {
 public:
  explicit SqliteReferenceStore(sqlite::Connection& connection) : connection_(connection) {}

  base::Result<std::vector<geo::State>> ListStates() override;
  base::Result<std::vector<geo::Seat>> ListSeats() override;
  base::Result<std::vector<geo::Segment>> ListSegments() override;
  base::Result<std::vector<results::Party>> ListParties() override;

  // Inserts or updates by key every state, seat, segment and party of `data`, in the caller's
  // transaction (a failure leaves part of it written). A seat or segment must refer to a state
  // (and a segment to a seat) that is stored or comes earlier in `data`; the error names the row.
  // Languages must not contain ';' nor aliases '|' (the separators they are stored with).
  base::Status Upsert(const results::ReferenceData& data);

 private:
  base::Status UpsertStates(const std::vector<geo::State>& states);
  base::Status UpsertSeats(const std::vector<geo::Seat>& seats);
  base::Status UpsertSegments(const std::vector<geo::Segment>& segments);
  base::Status UpsertParties(const std::vector<results::Party>& parties);

  sqlite::Connection& connection_;
};

}  // namespace store
