#pragma once

#include <cstddef>
#include <cstdint>
#include <nlohmann/json.hpp>
#include <span>
#include <string_view>
#include <vector>

#include "base/clock.h"
#include "base/result.h"
#include "store/store.h"
#include "telephony/rtp/prompt_library.h"

// Prompts a campaign uploads (a broadcast's message and question, recorded by the campaign):
// checked like prompt files (telephony/rtp's DecodePrompt: WAV 8 kHz mono PCM16, µ-law or
// A-law, or raw µ-law) and within length limits, then stored as µ-law in the database. What
// the CLI's `campaign prompt` verbs and the /api/campaigns/{id}/prompts routes share.
namespace api {

inline constexpr std::size_t kMinPromptSamples = 1'600;    // 0.2 s at 8 kHz
inline constexpr std::size_t kMaxPromptSamples = 960'000;  // 2 minutes at 8 kHz
// An upload is at most this long: two minutes of 16-bit WAV with room for its header.
inline constexpr std::size_t kMaxPromptUploadBytes = std::size_t{4} << 20;

// Checks `bytes` (the file `source`, e.g. "rally.wav") as the prompt `name` of campaign
// `campaign_id`, which must be stored (kNotFound naming it otherwise), and stores it at `now`,
// replacing one of that name. kInvalidArgument, storing nothing, naming the file and what is
// wrong: a name that is no prompt name, an upload over kMaxPromptUploadBytes, a WAV of another
// rate, channel count or encoding, audio shorter than 0.2 s or longer than 2 minutes.
base::Result<store::CampaignPrompt> AddCampaignPrompt(store::Database& db,
                                                      std::string_view campaign_id,
                                                      std::string_view name,
                                                      std::span<const std::uint8_t> bytes,
                                                      std::string_view source, base::TimePoint now);

// The prompts of a stored campaign, by name; kNotFound for an unknown campaign.
base::Result<std::vector<store::CampaignPrompt>> ListCampaignPrompts(store::Database& db,
                                                                     std::string_view campaign_id);

// kNotFound naming the campaign, or the prompt, when either is unknown.
base::Status RemoveCampaignPrompt(store::Database& db, std::string_view campaign_id,
                                  std::string_view name);

// Adds every prompt that stored campaigns uploaded to `library`, each as "CAMPAIGN/NAME" (the
// name a broadcast plays it by: callcenter::ResolvePrompt), for `serve` at start-up. Returns
// how many; fails with the store's error, adding nothing.
base::Result<int> LoadCampaignPrompts(store::Database& db, telephony::rtp::PromptLibrary& library);

// {"campaign_id", "name", "bytes", "seconds", "added_at"}: one prompt, without its audio.
nlohmann::json PromptJson(const store::CampaignPrompt& prompt);
// {"campaign_id", "count", "prompts": [PromptJson, ...]}
nlohmann::json PromptsJson(std::string_view campaign_id,
                           const std::vector<store::CampaignPrompt>& prompts);

}  // namespace api
