#pragma once

#include <nlohmann/json.hpp>
#include <string_view>
#include <vector>

#include "base/result.h"
#include "store/store.h"

namespace api {

// The answers of a stored campaign's broadcast, oldest first; kNotFound for an unknown
// campaign. Shared by `campaign answers` and GET /api/campaigns/{id}/answers.
base::Result<std::vector<store::BroadcastAnswer>> ListBroadcastAnswers(
    store::Database& db, std::string_view campaign_id);

// {"campaign_id", "count", "tally": {"QUESTION": {"1": N, ...}}, "answers": [{"number",
// "question_id", "digit", "answered_at"}]} (docs/json.md); the tally counts every key that was
// pressed, by question.
nlohmann::json BroadcastAnswersJson(std::string_view campaign_id,
                                    const std::vector<store::BroadcastAnswer>& answers);

}  // namespace api
