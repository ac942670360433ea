#include "store/sqlite/sqlite_database.h"
#include "store/store.h"

namespace store {

base::Result<std::unique_ptr<Database>> OpenDatabase(const std::string& spec) {
  constexpr std::string_view kSqlitePrefix = "sqlite:";
  if (spec.rfind(kSqlitePrefix, 0) == 0) {
    return SqliteDatabase::Open(spec.substr(kSqlitePrefix.size()));
  }
  if (spec.rfind("postgresql:", 0) == 0 || spec.rfind("postgres:", 0) == 0) {
    return base::InvalidArgument("database '" + spec +
                                 "': PostgreSQL is not supported yet; use sqlite:PATH or a path");
  }
  std::size_t scheme_end = spec.find("://");
  if (scheme_end != std::string::npos) {
    return base::InvalidArgument("database '" + spec + "': unknown scheme '" +
                                 spec.substr(0, scheme_end) + "'; use sqlite:PATH or a path");
  }
  if (spec.empty()) {
    return base::InvalidArgument("database path is empty");
  }
  return SqliteDatabase::Open(spec);
}

}  // namespace store
