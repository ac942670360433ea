#pragma once

#include <memory>

#include "store/store.h"

namespace integration {

// The bundled reference data loaded into a fresh in-memory SQLite database, once per test
// binary (loading takes a moment under the sanitizers). Tests must not write to it.
store::Database& LoadedDatabase();

}  // namespace integration
