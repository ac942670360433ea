#pragma once

#include "store/sqlite/connection.h"
#include "store/store.h"

namespace store {

// DndRegistryStore over an SQLite connection that the owner (SqliteDatabase) keeps open for
// the life of this object. The registry is one row: replacing it is one statement, atomic.
class SqliteDndRegistryStore : public DndRegistryStore {
 public:
  explicit SqliteDndRegistryStore(sqlite::Connection& connection) : connection_(connection) {}

  base::Status ReplaceDndRegistry(const DndRegistryRecord& record) override;
  base::Result<std::optional<DndRegistryRecord>> GetDndRegistry() override;

 private:
  sqlite::Connection& connection_;
};

}  // namespace store
