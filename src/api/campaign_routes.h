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
//   GET    /api/campaigns/{id}/answers        the answers to its broadcast's question, with a
//                                            tally by key (api/broadcast_answers_json.h)
//   GET    /api/campaigns/{id}/prompts        the prompts the campaign uploaded (no audio)
//   POST   /api/campaigns/{id}/prompts/{name} body: the file (WAV 8 kHz mono PCM16, µ-law or
//                                            A-law, or raw µ-law); 201 with the prompt stored,
//                                            replacing one of that name (api/campaign_prompts.h)
//   DELETE /api/campaigns/{id}/prompts/{name} 200 when removed, 404 when there was none
// Bodies over kMaxCampaignJsonBytes (a prompt upload: kMaxPromptUploadBytes) get 413; another
// method on a known path 405.
std::optional<ApiResponse> RouteCampaigns(store::Database& db, const ApiRequest& request);

}  // namespace api
