// The dialer's records: the attempt journal, and what an agent's wrap-up leaves behind
// (disposition, opt-out, callback).
#include <algorithm>

#include "base/logging.h"
#include "callcenter/dialer.h"

namespace callcenter {
void Dialer::JournalEnd(const Call& call, AttemptOutcome outcome) {
  if (attempts_ == nullptr || call.attempt_id == 0) return;
  base::Status ended =
      attempts_->EndAttempt(call.attempt_id, AttemptOutcomeName(outcome), clock_.Now());
  if (!ended.ok()) {
    ++stats_.not_journaled;
    JS_LOG(kError) << "attempt " << call.attempt_id << " ended unrecorded: " << ended.ToString();
  }
}

void Dialer::SetDoNotCallStore(store::DoNotCallStore* do_not_call, std::string campaign_id) {
  do_not_call_ = do_not_call;
  do_not_call_campaign_ = std::move(campaign_id);
}

base::Status Dialer::ScheduleCallback(const std::string& agent_id, base::TimePoint at) {
  const Agent* agent = agents_.Find(agent_id);
  if (agent == nullptr) return base::NotFound("no agent " + agent_id);
  auto it = agent_calls_.find(agent_id);
  if (agent->state() != AgentState::kWrapUp || it == agent_calls_.end()) {
    return base::Conflict("agent " + agent_id +
                          " is not in wrap-up after an outbound call: no callback to schedule");
  }
  return contacts_.ScheduleCallback(it->second.target, at);
}

void Dialer::CloseWrapUp(const Agent& agent) {
  auto it = agent_calls_.find(agent.profile().id);
  if (it == agent_calls_.end()) return;
  JournalDisposition(agent, it->second);
  ApplyDisposition(agent, it->second);
  agent_calls_.erase(it);
}

void Dialer::JournalDisposition(const Agent& agent, const AgentCall& call) {
  if (attempts_ == nullptr || call.attempt_id == 0) return;
  base::Status disposed =
      attempts_->DisposeAttempt(call.attempt_id, agent.last_disposition(), agent.profile().id);
  if (!disposed.ok()) {
    ++stats_.not_journaled;
    JS_LOG(kError) << "disposition of attempt " << call.attempt_id
                   << " unrecorded: " << disposed.ToString();
  }
}

// A person who asked not to be called again is put on the do-not-call list at once, before
// the dialer can hand their number to anyone else.
void Dialer::ApplyDisposition(const Agent& agent, const AgentCall& call) {
  auto listed = [&](const std::vector<std::string>& codes) {
    return std::find(codes.begin(), codes.end(), agent.last_disposition()) != codes.end();
  };
  if (listed(settings_.opt_out_dispositions)) RecordOptOut(agent, call);
  if (!listed(settings_.retry_dispositions)) return;
  base::Status reopened =
      contacts_.ScheduleRetry(call.target, clock_.Now() + settings_.retry_after);
  if (!reopened.ok()) {
    JS_LOG(kWarning) << "no retry for contact " << call.target.contact_id << ": "
                     << reopened.ToString();
  }
}

// Durably first: a store that fails is logged and counted, and the number is still kept out
// of every later call of this run.
void Dialer::RecordOptOut(const Agent& agent, const AgentCall& call) {
  KeepOptOut(call.target, "asked in a call (" + agent.last_disposition() + ")");
}

void Dialer::KeepOptOut(const DialTarget& target, const std::string& reason) {
  if (do_not_call_ != nullptr) {
    base::Status kept =
        do_not_call_->AddDoNotCall(do_not_call_campaign_, target.number, reason, clock_.Now());
    if (!kept.ok()) {
      ++stats_.not_journaled;
      JS_LOG(kError) << "opt-out of contact " << target.contact_id
                     << " not stored: " << kept.ToString();
    }
  }
  base::Status recorded = contacts_.OptOut(target.number);
  if (recorded.ok()) {
    ++stats_.opted_out;
    return;
  }
  ++stats_.not_journaled;
  JS_LOG(kError) << "opt-out of contact " << target.contact_id
                 << " unrecorded: " << recorded.ToString();
}

}  // namespace callcenter
