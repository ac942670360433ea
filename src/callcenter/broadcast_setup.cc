#include "callcenter/broadcast_setup.h"

#include <utility>

#include "base/text.h"
#include "callcenter/stored_do_not_call.h"

namespace callcenter {

base::Result<std::string> ResolvePrompt(const Campaign& campaign, const std::string& name,
                                        const std::string& field, const PromptExists& exists) {
  std::vector<std::string> tried = {campaign.id + "/" + name, name};
  if (!campaign.languages.empty()) tried.push_back(name + "_" + campaign.languages.front());
  for (const std::string& candidate : tried) {
    if (exists(candidate)) return candidate;
  }
  return base::NotFound("campaign " + campaign.id + ": " + field + ": no prompt '" + name +
                        "', neither uploaded to the campaign (`jansampark campaign prompt add " +
                        campaign.id + " " + name + " FILE`) nor built in (tried " +
                        base::Join(tried, ", ") + ")");
}

base::Result<BroadcastSettings> BroadcastSettingsFor(const Campaign& campaign,
                                                     const PromptExists& exists,
                                                     std::string caller_id) {
  if (campaign.kind != CampaignKind::kBroadcast || !campaign.broadcast) {
    return base::InvalidArgument("campaign " + campaign.id + " is " +
                                 std::string(CampaignKindName(campaign.kind)) +
                                 ", not a broadcast");
  }
  const Broadcast& broadcast = *campaign.broadcast;
  if (base::Trim(broadcast.mcmc_certificate).empty()) {
    return base::Conflict("campaign " + campaign.id +
                          ": broadcast.mcmc_certificate is required: the message must be "
                          "pre-certified by the MCMC before it is broadcast");
  }
  BroadcastSettings settings;
  settings.campaign_id = campaign.id;
  settings.mcmc_certificate = broadcast.mcmc_certificate;
  settings.max_calls_in_progress = broadcast.max_calls_in_progress;
  settings.calls_per_second = broadcast.calls_per_second;
  settings.caller_id = std::move(caller_id);
  JS_ASSIGN_OR_RETURN(settings.message_prompt,
                      ResolvePrompt(campaign, broadcast.message, "broadcast.message", exists));
  if (broadcast.question) {
    settings.question = broadcast.question;
    JS_ASSIGN_OR_RETURN(
        settings.question->prompt,
        ResolvePrompt(campaign, broadcast.question->prompt, "broadcast.question.prompt", exists));
    JS_ASSIGN_OR_RETURN(settings.thank_you_prompt,
                        ResolvePrompt(campaign, "thank_you", "the closing prompt", exists));
  }
  return settings;
}

BroadcastRun::BroadcastRun(const BroadcastSetup& setup, InMemoryBlocklist do_not_call,
                           const Campaign& campaign, BroadcastSettings settings)
    : rules_(*setup.dnd, std::move(do_not_call), campaign.hours, setup.polls,
             campaign.retry.max_attempts),
      list_(rules_, campaign.retry),
      dialer_(*setup.clock, *setup.control, list_, setup.db->broadcast_answers(),
              std::move(settings)) {}

base::Result<std::unique_ptr<BroadcastRun>> BuildBroadcast(const Campaign& campaign,
                                                           const std::vector<Contact>& contacts,
                                                           const BroadcastSetup& setup) {
  JS_RETURN_IF_ERROR(campaign.Validate());
  JS_ASSIGN_OR_RETURN(BroadcastSettings settings,
                      BroadcastSettingsFor(campaign, setup.prompt_exists, setup.caller_id));
  JS_ASSIGN_OR_RETURN(InMemoryBlocklist do_not_call,
                      LoadDoNotCallList(setup.db->do_not_call(), campaign.id));
  auto run =
      std::make_unique<BroadcastRun>(setup, std::move(do_not_call), campaign, std::move(settings));
  base::TimePoint now = setup.clock->Now();
  for (const Contact& contact : contacts) {
    JS_RETURN_IF_ERROR(run->list().Add(contact, now));
  }
  return run;
}

}  // namespace callcenter
