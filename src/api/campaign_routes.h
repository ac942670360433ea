#pragma once

#include <optional>

#include "api/router.h"
#include "store/store.h"

namespace api {

// Serves the campaign routes (docs/api.md); nullopt when `request.path` is not under
// /api/campaigns, so that the router tries its other routes.
//   GET  /api/campaigns                   {"count", "campaigns": [campaign, ...]} by id
//   POST /api/campaigns                   body: a campaign file; 201 with the campaign stored
//   GET  /api/campaigns/{id}              the campaign
//   GET  /api/campaigns/{id}/opt-outs     the do-not-call list
//   POST /api/campaigns/{id}/opt-outs     body {"number": "+91...", "reason": "..."}; 201 when
//                                         added, 200 when the number was listed already
// Bodies over kMaxCampaignJsonBytes get 413; another method on a known path 405.
std::optional<ApiResponse> RouteCampaigns(store::Database& db, const ApiRequest& request);

}  // namespace api
