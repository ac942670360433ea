#pragma once

#include <ostream>
#include <string>

#include "callcenter/campaign.h"

namespace cli {

// One paragraph on what a campaign does, for `campaign check`: kind, dialling, languages,
// lists and hours, retries, survey and dispositions.
std::string CampaignSummary(const callcenter::Campaign& campaign);

// Every field of a campaign, one per line and the survey and dispositions one per line each,
// for `campaign show --format text`.
void PrintCampaign(const callcenter::Campaign& campaign, std::ostream& out);

}  // namespace cli
