#pragma once

#include <span>
#include <string_view>

#include "base/result.h"
#include "store/sqlite/connection.h"

namespace store::sqlite {

// One step of the schema. Versions run 1, 2, 3, ... with no gaps; a released migration is
// never edited, only followed by a new one.
struct Migration {
  int version = 0;
  std::string_view name;
  std::string_view sql;  // one or more statements
};

// The migrations this program knows, in version order.
std::span<const Migration> KnownMigrations();

// The version of the last known migration: what a freshly opened database reports.
int LatestSchemaVersion();

// Creates `schema_migrations(version, name)` when missing, then applies every migration of
// `migrations` (numbered 1..n in order) above the highest version recorded there, each in its
// own transaction with its row in schema_migrations: a failing migration is rolled back, the
// ones before it stay, and the error names it. Fails with kConflict, changing nothing, when the
// database records a version above the last of `migrations` (written by a newer program).
base::Status ApplyMigrations(Connection& connection, std::span<const Migration> migrations);

// The highest version recorded in schema_migrations; 0 when none is. The table must exist.
base::Result<int> ReadSchemaVersion(Connection& connection);

}  // namespace store::sqlite
