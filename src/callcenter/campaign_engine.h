#pragma once

#include <memory>

#include "callcenter/campaign.h"
#include "callcenter/dialer.h"
#include "callcenter/pacer.h"

// How a campaign's definition (campaign.h, as its file gives it) sets up the engine that runs
// it: one place, so that the simulator and the live call centre run a campaign alike.
namespace callcenter {

// The dialer settings of a valid campaign: its abandon target; preview dialling when its dial
// mode is preview; its first language for contacts of no known language; the dispositions
// whose effect is do_not_call as opt-outs, and those whose effect is retry as retries after
// the campaign's no-answer interval. Rings, deadlines and the inbound lines keep their
// defaults (lines come from the telephony set-up, not from the campaign file: see
// InboundLineFor).
DialerSettings DialerSettingsFor(const Campaign& campaign);

// The line of a valid campaign on the helpline number `number` (the telephony set-up's):
// answered in the campaign's first language, everywhere, and through the campaign's IVR flow
// when it has one (`flow`, from IvrFlowOf; shared by all the campaign's lines).
InboundLine InboundLineFor(const Campaign& campaign, std::string number,
                           std::shared_ptr<const telephony::ivr::Flow> flow);

// The pacer of a dial mode: progressive, power (its ratio) or predictive; preview dialling
// never asks its pacer (DialerSettings::preview), so it gets a progressive one.
std::unique_ptr<Pacer> PacerFor(const DialMode& mode);

}  // namespace callcenter
