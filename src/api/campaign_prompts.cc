#include "api/campaign_prompts.h"

#include <memory>
#include <string>
#include <utility>

#include "api/campaign_catalog.h"
#include "api/opt_out_json.h"
#include "base/text.h"
#include "callcenter/campaign.h"
#include "telephony/rtp/prompt_file.h"

namespace api {
namespace {

constexpr double kSampleRate = 8000.0;

std::string Seconds(std::size_t samples) {
  return base::FormatFixed(static_cast<double>(samples) / kSampleRate, 1) + " s";
}

// The checks beyond the file format: the name, and a length a person can hear out.
base::Status CheckUpload(std::string_view name, std::span<const std::uint8_t> bytes,
                         const std::string& where) {
  if (!callcenter::IsPromptName(name)) {
    return base::InvalidArgument(where + ": the name '" + std::string(name) +
                                 "' must be 1 to 64 of a-z, A-Z, 0-9, '_' and '-'");
  }
  if (bytes.size() > kMaxPromptUploadBytes) {
    return base::InvalidArgument(where + ": " + std::to_string(bytes.size()) +
                                 " bytes; an upload is at most 4 MiB");
  }
  return base::OkStatus();
}

base::Status CheckLength(std::size_t samples, const std::string& where) {
  if (samples < kMinPromptSamples) {
    return base::InvalidArgument(where + ": " + Seconds(samples) +
                                 " of audio; a prompt is at least 0.2 s");
  }
  if (samples > kMaxPromptSamples) {
    return base::InvalidArgument(where + ": " + Seconds(samples) +
                                 " of audio; a prompt is at most 2 minutes (120 s)");
  }
  return base::OkStatus();
}

}  // namespace

base::Result<store::CampaignPrompt> AddCampaignPrompt(
    store::Database& db, std::string_view campaign_id, std::string_view name,
    std::span<const std::uint8_t> bytes, std::string_view source, base::TimePoint now) {
  std::string where = "prompt " + std::string(source);
  JS_RETURN_IF_ERROR(CheckUpload(name, bytes, where));
  JS_ASSIGN_OR_RETURN(callcenter::Campaign campaign, GetCampaign(db.campaigns(), campaign_id));
  JS_ASSIGN_OR_RETURN(telephony::rtp::Prompt decoded, telephony::rtp::DecodePrompt(bytes, source));
  JS_RETURN_IF_ERROR(CheckLength(decoded.pcmu.size(), where));
  store::CampaignPrompt prompt{campaign.id, std::string(name), std::move(decoded.pcmu), now};
  JS_RETURN_IF_ERROR(db.campaign_prompts().PutCampaignPrompt(prompt));
  return prompt;
}

base::Result<std::vector<store::CampaignPrompt>> ListCampaignPrompts(store::Database& db,
                                                                     std::string_view campaign_id) {
  JS_ASSIGN_OR_RETURN(callcenter::Campaign campaign, GetCampaign(db.campaigns(), campaign_id));
  return db.campaign_prompts().ListCampaignPrompts(campaign.id);
}

base::Status RemoveCampaignPrompt(store::Database& db, std::string_view campaign_id,
                                  std::string_view name) {
  JS_ASSIGN_OR_RETURN(callcenter::Campaign campaign, GetCampaign(db.campaigns(), campaign_id));
  return db.campaign_prompts().RemoveCampaignPrompt(campaign.id, name);
}

base::Result<int> LoadCampaignPrompts(store::Database& db, telephony::rtp::PromptLibrary& library) {
  JS_ASSIGN_OR_RETURN(std::vector<store::StoredCampaign> campaigns, db.campaigns().ListCampaigns());
  std::vector<store::CampaignPrompt> all;
  for (const store::StoredCampaign& campaign : campaigns) {
    JS_ASSIGN_OR_RETURN(std::vector<store::CampaignPrompt> prompts,
                        db.campaign_prompts().ListCampaignPrompts(campaign.id));
    all.insert(all.end(), prompts.begin(), prompts.end());
  }
  for (const store::CampaignPrompt& prompt : all) {
    std::string name = prompt.campaign_id + "/" + prompt.name;
    // Stored prompts were checked on upload; raw µ-law decodes whatever its bytes.
    JS_ASSIGN_OR_RETURN(telephony::rtp::Prompt decoded,
                        telephony::rtp::DecodePrompt(prompt.ulaw, name + ".ulaw"));
    library.Add(name, std::make_shared<const telephony::rtp::Prompt>(std::move(decoded)));
  }
  return static_cast<int>(all.size());
}

nlohmann::json PromptJson(const store::CampaignPrompt& prompt) {
  return {{"campaign_id", prompt.campaign_id},
          {"name", prompt.name},
          {"bytes", prompt.ulaw.size()},
          {"seconds", static_cast<double>(prompt.ulaw.size()) / kSampleRate},
          {"added_at", FormatUtc(prompt.added_at)}};
}

nlohmann::json PromptsJson(std::string_view campaign_id,
                           const std::vector<store::CampaignPrompt>& prompts) {
  nlohmann::json listed = nlohmann::json::array();
  for (const store::CampaignPrompt& prompt : prompts) listed.push_back(PromptJson(prompt));
  return {{"campaign_id", campaign_id}, {"count", prompts.size()}, {"prompts", std::move(listed)}};
}

}  // namespace api
