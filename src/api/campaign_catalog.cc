#include "api/campaign_catalog.h"

#include "api/campaign_json.h"
#include "base/text.h"
#include "callcenter/number_blocklist.h"

namespace api {
namespace {

// The canonical JSON of a campaign; strings came from parsed (so valid) UTF-8, and replacing
// rather than throwing keeps a stray byte from taking a request down.
std::string Definition(const callcenter::Campaign& campaign) {
  return CampaignToJson(campaign).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

base::Result<callcenter::Campaign> Read(const store::StoredCampaign& stored) {
  base::Result<callcenter::Campaign> campaign =
      ParseCampaign(stored.definition, "stored campaign '" + stored.id + "'");
  // What was checked when it was stored should read back: failing now is the database's fault
  // (or a newer program's), not the caller's.
  if (!campaign.ok()) return base::Internal(campaign.status().message());
  return campaign;
}

// Campaign `id` as stored; kNotFound naming it and the nearest stored ids when there is none.
base::Result<store::StoredCampaign> FindStored(store::CampaignStore& campaigns,
                                               std::string_view id) {
  base::Result<store::StoredCampaign> found = campaigns.GetCampaign(id);
  if (found.status().code() != base::StatusCode::kNotFound) return found;
  JS_ASSIGN_OR_RETURN(std::vector<store::StoredCampaign> stored, campaigns.ListCampaigns());
  std::vector<std::string> ids;
  ids.reserve(stored.size());
  for (const store::StoredCampaign& campaign : stored) ids.push_back(campaign.id);
  std::vector<std::string> nearest = base::NearestNames(id, ids);
  if (nearest.empty()) return found;
  return base::NotFound(found.status().message() + "; did you mean " + base::Join(nearest, ", ") +
                        "?");
}

}  // namespace

base::Result<callcenter::Campaign> AddCampaign(store::CampaignStore& campaigns,
                                               std::string_view text, std::string_view source,
                                               base::TimePoint now) {
  JS_ASSIGN_OR_RETURN(callcenter::Campaign campaign, ParseCampaign(text, source));
  JS_RETURN_IF_ERROR(campaigns.AddCampaign(campaign.id, Definition(campaign), now));
  return campaign;
}

base::Result<callcenter::Campaign> GetCampaign(store::CampaignStore& campaigns,
                                               std::string_view id) {
  JS_ASSIGN_OR_RETURN(store::StoredCampaign stored, FindStored(campaigns, id));
  return Read(stored);
}

base::Result<std::vector<callcenter::Campaign>> ListCampaigns(store::CampaignStore& campaigns) {
  JS_ASSIGN_OR_RETURN(std::vector<store::StoredCampaign> stored, campaigns.ListCampaigns());
  std::vector<callcenter::Campaign> listed;
  listed.reserve(stored.size());
  for (const store::StoredCampaign& one : stored) {
    JS_ASSIGN_OR_RETURN(callcenter::Campaign campaign, Read(one));
    listed.push_back(std::move(campaign));
  }
  return listed;
}

base::Status RecordOptOut(store::Database& db, std::string_view campaign_id,
                          std::string_view number, std::string_view reason, base::TimePoint at) {
  if (!callcenter::IsE164(number)) {
    return base::InvalidArgument("number '" + std::string(number) +
                                 "' is not in E.164 form: '+', the country code and the "
                                 "number, digits only (+919812345678)");
  }
  if (callcenter::CountCharacters(reason) > kMaxOptOutReasonLength) {
    return base::InvalidArgument("the reason is over " + std::to_string(kMaxOptOutReasonLength) +
                                 " characters");
  }
  JS_RETURN_IF_ERROR(FindStored(db.campaigns(), campaign_id).status());
  return db.do_not_call().AddDoNotCall(campaign_id, number, reason, at);
}

base::Result<std::vector<store::DoNotCallEntry>> ListOptOuts(store::Database& db,
                                                             std::string_view campaign_id) {
  JS_RETURN_IF_ERROR(FindStored(db.campaigns(), campaign_id).status());
  return db.do_not_call().ListDoNotCall(campaign_id);
}

}  // namespace api
