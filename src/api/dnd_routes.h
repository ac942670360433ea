#pragma once

#include <optional>

#include "api/router.h"
#include "store/store.h"

namespace api {

// Serves the DND registry routes (docs/api.md); nullopt when `request.path` is not one of them.
//   GET /api/dnd           {"loaded", "source", "loaded_at", "numbers"} of the loaded registry
//   GET /api/dnd/{number}  {"number" (E.164), "on_registry", "source", "loaded_at"}; 400 for a
//                          number in no form `jansampark dnd load` takes, 404 with no registry
// Each request reads the registry from the store (`jansampark dnd load` fills it).
std::optional<ApiResponse> RouteDnd(store::Database& db, const ApiRequest& request);

}  // namespace api
