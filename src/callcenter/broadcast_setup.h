#pragma once

#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "base/clock.h"
#include "base/result.h"
#include "callcenter/broadcast_dialer.h"
#include "callcenter/calling_list.h"
#include "callcenter/campaign.h"
#include "callcenter/compliance.h"
#include "store/store.h"
#include "telephony/call_control.h"

// How a stored broadcast campaign becomes a running BroadcastDialer: the one entry point for
// `serve` (start/stop through the API) and for tests.
namespace callcenter {

// Whether CallControl can play a prompt of that name (on SIP: PromptLibrary::Find).
using PromptExists = std::function<bool(const std::string&)>;

// The name CallControl plays for the campaign's prompt `name`: the campaign's own upload
// ("CAMPAIGN/NAME", see `campaign prompt add`) when there is one, else the built-in "NAME",
// else the built-in "NAME_LANG" in the campaign's first language ("thank_you_hi"). kNotFound
// naming the campaign, `field` and the names tried when none exists.
base::Result<std::string> ResolvePrompt(const Campaign& campaign, const std::string& name,
                                        const std::string& field, const PromptExists& exists);

// The settings of a valid broadcast campaign, its message, question and "thank_you" prompts
// resolved. kInvalidArgument for another kind; kConflict without an MCMC certificate;
// kNotFound for a prompt that does not exist.
base::Result<BroadcastSettings> BroadcastSettingsFor(const Campaign& campaign,
                                                     const PromptExists& exists,
                                                     std::string caller_id);

// What a broadcast needs from the program around it. Pointers must outlive the BroadcastRun.
struct BroadcastSetup {
  base::Clock* clock = nullptr;
  telephony::CallControl* control = nullptr;
  store::Database* db = nullptr;         // campaign's do-not-call list; answers go here
  const NumberBlocklist* dnd = nullptr;  // the national DND registry
  PollSchedule polls;                    // silence periods before each poll
  PromptExists prompt_exists;
  std::string caller_id;
};

// One campaign's broadcast with what it owns: the campaign's CallingRules (DND, its stored
// do-not-call list, its hours, the silence periods, retry.max_attempts), the CallingList of
// its contacts and the BroadcastDialer. Destroy it only when no call is in progress, or
// after the CallControl has stopped reporting.
class BroadcastRun {
 public:
  BroadcastRun(const BroadcastSetup& setup, InMemoryBlocklist do_not_call, const Campaign& campaign,
               BroadcastSettings settings);
  BroadcastRun(const BroadcastRun&) = delete;
  BroadcastRun& operator=(const BroadcastRun&) = delete;

  BroadcastDialer& dialer() { return dialer_; }
  CallingList& list() { return list_; }

 private:
  CallingRules rules_;
  CallingList list_;
  BroadcastDialer dialer_;
};

// Builds the broadcast of `campaign` (as stored; read it with api::GetCampaign) over
// `contacts`, all due at once: checks the campaign (a broadcast, certified: see
// BroadcastSettingsFor), resolves its prompts, loads its do-not-call list from the store
// (LoadDoNotCallList: a list that cannot be read whole is an error, never an empty list) and
// adds the contacts (a contact refused by CallingList::Add, e.g. a number not in E.164, is an
// error naming it: nothing is built). Not started: call dialer().Start().
base::Result<std::unique_ptr<BroadcastRun>> BuildBroadcast(const Campaign& campaign,
                                                           const std::vector<Contact>& contacts,
                                                           const BroadcastSetup& setup);

}  // namespace callcenter
