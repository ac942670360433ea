#pragma once

#include <cstddef>
#include <nlohmann/json.hpp>
#include <string_view>
#include <vector>

#include "base/result.h"
#include "callcenter/campaign.h"

namespace api {

// A campaign file, or a POST body, is at most this long.
inline constexpr std::size_t kMaxCampaignJsonBytes = std::size_t{1} << 20;

// Reads a campaign file (docs/json.md) and checks it (Campaign::Validate). Every error is
// kInvalidArgument and starts with `source` (a file name, "request body"), then says where:
// "volunteers.json: line 4, column 7: malformed JSON: ...", "volunteers.json:
// retry.busy_minutes: expected a whole number", "volunteers.json: retry.busy_minute: unknown
// key; did you mean busy_minutes?", "volunteers.json: campaign ls-volunteers: languages must
// name at least one language".
base::Result<callcenter::Campaign> ParseCampaign(std::string_view text, std::string_view source);

// The campaign in the same format, every key written (defaults too), so that ParseCampaign
// reads back an equal campaign. The keys are those of the file format; the shape is stable.
nlohmann::json CampaignToJson(const callcenter::Campaign& campaign);

// {"count": N, "campaigns": [CampaignToJson, ...]}: `campaign list --format json` and
// GET /api/campaigns.
nlohmann::json CampaignsJson(const std::vector<callcenter::Campaign>& campaigns);

}  // namespace api
