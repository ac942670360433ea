#pragma once

#include "store/sqlite/connection.h"
#include "store/store.h"

namespace store {

// CallRecordStore over an SQLite connection that the owner (SqliteDatabase) keeps open for the
// life of this object. A record is one INSERT (autocommit): it is there whole or not at all.
class SqliteCallRecordStore : public CallRecordStore {
 public:
  explicit SqliteCallRecordStore(sqlite::Connection& connection) : connection_(connection) {}

  base::Result<std::int64_t> AddCallRecord(const CallRecord& record) override;
  base::Result<std::vector<CallRecord>> ListCallRecords(const CallRecordQuery& query) override;

 private:
  sqlite::Connection& connection_;
};

}  // namespace store
