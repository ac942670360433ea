#pragma once

#include <string_view>
#include <vector>

#include "base/clock.h"
#include "base/result.h"
#include "callcenter/campaign.h"
#include "store/store.h"

// The campaigns of a database as callcenter::Campaign values, and their do-not-call lists:
// what the CLI's `campaign` verbs and the /api/campaigns routes share, so that both check and
// store alike. Functions of the database they are given; not thread-safe, like it.
namespace api {

// A reason given with an opt-out is at most this many characters.
inline constexpr std::size_t kMaxOptOutReasonLength = 500;

// Reads and checks a campaign file (ParseCampaign; kInvalidArgument naming `source` and the
// field) and stores it in its canonical form (CampaignToJson) at `now`. kConflict naming the
// id when a campaign with that id is stored already. Returns the campaign as stored.
base::Result<callcenter::Campaign> AddCampaign(store::CampaignStore& campaigns,
                                               std::string_view text, std::string_view source,
                                               base::TimePoint now);

// kNotFound naming the id; kInternal when the stored definition no longer reads as a campaign.
base::Result<callcenter::Campaign> GetCampaign(store::CampaignStore& campaigns,
                                               std::string_view id);

// Every campaign, by id.
base::Result<std::vector<callcenter::Campaign>> ListCampaigns(store::CampaignStore& campaigns);

// Puts `number` on the do-not-call list of campaign `campaign_id` at `at`, for good; doing so
// again changes nothing. kNotFound for an unknown campaign; kInvalidArgument when the number
// is not E.164 ("+919812345678") or the reason is over kMaxOptOutReasonLength characters.
base::Status RecordOptOut(store::Database& db, std::string_view campaign_id,
                          std::string_view number, std::string_view reason, base::TimePoint at);

// The do-not-call list of a stored campaign, oldest first; kNotFound for an unknown campaign.
base::Result<std::vector<store::DoNotCallEntry>> ListOptOuts(store::Database& db,
                                                             std::string_view campaign_id);

}  // namespace api
