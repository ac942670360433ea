#include "api/broadcast_answers_json.h"

#include <string>

#include "api/campaign_catalog.h"
#include "api/opt_out_json.h"

namespace api {

base::Result<std::vector<store::BroadcastAnswer>> ListBroadcastAnswers(
    store::Database& db, std::string_view campaign_id) {
  JS_ASSIGN_OR_RETURN(callcenter::Campaign campaign, GetCampaign(db.campaigns(), campaign_id));
  return db.broadcast_answers().ListBroadcastAnswers(campaign.id);
}

nlohmann::json BroadcastAnswersJson(std::string_view campaign_id,
                                    const std::vector<store::BroadcastAnswer>& answers) {
  nlohmann::json tally = nlohmann::json::object();
  nlohmann::json listed = nlohmann::json::array();
  for (const store::BroadcastAnswer& answer : answers) {
    std::string digit(1, answer.digit);
    nlohmann::json& count = tally[answer.question_id][digit];
    count = count.is_null() ? 1 : count.get<int>() + 1;
    listed.push_back({{"number", answer.number},
                      {"question_id", answer.question_id},
                      {"digit", digit},
                      {"answered_at", FormatUtc(answer.answered_at)}});
  }
  return {{"campaign_id", campaign_id},
          {"count", answers.size()},
          {"tally", std::move(tally)},
          {"answers", std::move(listed)}};
}

}  // namespace api
