#include "store/sqlite/sqlite_dnd_registry_store.h"

#include "store/sqlite/stored_time.h"

namespace store {
namespace {

constexpr std::string_view kReplaceRegistry = R"sql(
INSERT OR REPLACE INTO dnd_registry (id, source, loaded_at, numbers, packed)
VALUES (1, ?, ?, ?, ?))sql";

constexpr std::string_view kGetRegistry = R"sql(
SELECT source, loaded_at, numbers, packed FROM dnd_registry WHERE id = 1)sql";

}  // namespace

base::Status SqliteDndRegistryStore::ReplaceDndRegistry(const DndRegistryRecord& record) {
  JS_ASSIGN_OR_RETURN(sqlite::Statement replace, connection_.Prepare(kReplaceRegistry));
  return replace.Run(record.source, Micros(record.loaded_at), record.numbers, record.packed);
}

base::Result<std::optional<DndRegistryRecord>> SqliteDndRegistryStore::GetDndRegistry() {
  JS_ASSIGN_OR_RETURN(sqlite::Statement query, connection_.Prepare(kGetRegistry));
  JS_ASSIGN_OR_RETURN(bool row, query.Step());
  if (!row) return std::optional<DndRegistryRecord>();
  return std::optional<DndRegistryRecord>(
      DndRegistryRecord{query.ColumnText(0), FromMicros(query.ColumnInt64(1)), query.ColumnInt64(2),
                        query.ColumnBlob(3)});
}

}  // namespace store
