#include "callcenter/campaign_engine.h"

#include "callcenter/predictive_pacer.h"

namespace callcenter {

DialerSettings DialerSettingsFor(const Campaign& campaign) {
  DialerSettings settings;
  settings.abandon_target = campaign.abandon_target;
  settings.retry_after = campaign.retry.no_answer;
  settings.preview = campaign.dial_mode && campaign.dial_mode->kind == DialModeKind::kPreview;
  if (!campaign.languages.empty()) settings.default_language = campaign.languages.front();
  settings.record_calls = campaign.recording.enabled;
  settings.consent_prompt = campaign.recording.consent_prompt;
  settings.recording_directory = campaign.recording.DirectoryOrDefault();
  settings.campaign_id = campaign.id;
  settings.opt_out_dispositions.clear();
  for (const Disposition& disposition : campaign.dispositions) {
    if (disposition.effect == DispositionEffect::kDoNotCall) {
      settings.opt_out_dispositions.push_back(disposition.code);
    }
    if (disposition.effect == DispositionEffect::kRetry) {
      settings.retry_dispositions.push_back(disposition.code);
    }
  }
  return settings;
}

InboundLine InboundLineFor(const Campaign& campaign, std::string number,
                           std::shared_ptr<const telephony::ivr::Flow> flow) {
  InboundLine line;
  line.number = std::move(number);
  line.language = campaign.languages.empty() ? "hi" : campaign.languages.front();
  line.flow = std::move(flow);
  return line;
}

std::unique_ptr<Pacer> PacerFor(const DialMode& mode) {
  switch (mode.kind) {
    case DialModeKind::kPreview:
    case DialModeKind::kProgressive:
      return MakeProgressivePacer();
    case DialModeKind::kPower:
      return MakePowerPacer(mode.ratio);
    case DialModeKind::kPredictive:
      return MakePredictivePacer();
  }
  return MakeProgressivePacer();
}

}  // namespace callcenter
