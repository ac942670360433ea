#include "store/sqlite/sqlite_broadcast_store.h"

#include <string>

#include "store/sqlite/stored_time.h"

namespace store {
namespace {

constexpr std::string_view kAddAnswer = R"sql(
INSERT INTO broadcast_answers (campaign_id, number, question_id, digit, answered_at)
VALUES (?, ?, ?, ?, ?)
ON CONFLICT (campaign_id, number, question_id)
DO UPDATE SET digit = excluded.digit, answered_at = excluded.answered_at)sql";

constexpr std::string_view kListAnswers = R"sql(
SELECT number, question_id, digit, answered_at FROM broadcast_answers WHERE campaign_id = ?
ORDER BY answered_at, number, question_id)sql";

constexpr std::string_view kPutPrompt = R"sql(
INSERT INTO campaign_prompts (campaign_id, name, ulaw, added_at) VALUES (?, ?, ?, ?)
ON CONFLICT (campaign_id, name) DO UPDATE SET ulaw = excluded.ulaw, added_at = excluded.added_at)sql";

constexpr std::string_view kListPrompts = R"sql(
SELECT name, ulaw, added_at FROM campaign_prompts WHERE campaign_id = ? ORDER BY name)sql";

constexpr std::string_view kRemovePrompt = R"sql(
DELETE FROM campaign_prompts WHERE campaign_id = ? AND name = ? RETURNING name)sql";

}  // namespace

base::Status SqliteBroadcastStore::AddBroadcastAnswer(const BroadcastAnswer& answer) {
  JS_RETURN_IF_ERROR(CheckBroadcastAnswer(answer));
  JS_ASSIGN_OR_RETURN(sqlite::Statement insert, connection_.Prepare(kAddAnswer));
  return insert.Run(answer.campaign_id, answer.number, answer.question_id,
                    std::string(1, answer.digit), Micros(answer.answered_at));
}

base::Result<std::vector<BroadcastAnswer>> SqliteBroadcastStore::ListBroadcastAnswers(
    std::string_view campaign_id) {
  JS_ASSIGN_OR_RETURN(sqlite::Statement query, connection_.Prepare(kListAnswers));
  JS_RETURN_IF_ERROR(query.Bind(campaign_id));
  std::vector<BroadcastAnswer> answers;
  while (true) {
    JS_ASSIGN_OR_RETURN(bool row, query.Step());
    if (!row) break;
    std::string digit = query.ColumnText(2);
    answers.push_back({std::string(campaign_id), query.ColumnText(0), query.ColumnText(1),
                       digit.empty() ? '0' : digit[0], FromMicros(query.ColumnInt64(3))});
  }
  return answers;
}

base::Status SqliteBroadcastStore::PutCampaignPrompt(const CampaignPrompt& prompt) {
  JS_ASSIGN_OR_RETURN(sqlite::Statement insert, connection_.Prepare(kPutPrompt));
  return insert.Run(prompt.campaign_id, prompt.name, prompt.ulaw, Micros(prompt.added_at));
}

base::Result<std::vector<CampaignPrompt>> SqliteBroadcastStore::ListCampaignPrompts(
    std::string_view campaign_id) {
  JS_ASSIGN_OR_RETURN(sqlite::Statement query, connection_.Prepare(kListPrompts));
  JS_RETURN_IF_ERROR(query.Bind(campaign_id));
  std::vector<CampaignPrompt> prompts;
  while (true) {
    JS_ASSIGN_OR_RETURN(bool row, query.Step());
    if (!row) break;
    prompts.push_back({std::string(campaign_id), query.ColumnText(0), query.ColumnBlob(1),
                       FromMicros(query.ColumnInt64(2))});
  }
  return prompts;
}

base::Status SqliteBroadcastStore::RemoveCampaignPrompt(std::string_view campaign_id,
                                                        std::string_view name) {
  JS_ASSIGN_OR_RETURN(sqlite::Statement remove, connection_.Prepare(kRemovePrompt));
  JS_RETURN_IF_ERROR(remove.Bind(campaign_id, name));
  JS_ASSIGN_OR_RETURN(bool removed, remove.Step());
  // Steps to the end so that the statement holds no write lock.
  while (removed) {
    JS_ASSIGN_OR_RETURN(bool more, remove.Step());
    if (!more) break;
  }
  if (!removed) {
    return base::NotFound("campaign " + std::string(campaign_id) + " has no prompt '" +
                          std::string(name) + "'");
  }
  return base::OkStatus();
}

}  // namespace store
