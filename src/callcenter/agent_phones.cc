#include "callcenter/agent_phones.h"

#include <utility>

#include "base/logging.h"

namespace callcenter {
namespace {

std::string FailureOf(telephony::EndCause cause) {
  switch (cause) {
    case telephony::EndCause::kBusy:
      return "busy";
    case telephony::EndCause::kNoAnswer:
      return "no answer";
    case telephony::EndCause::kFailed:
      return "unreachable";
    case telephony::EndCause::kRemoteHangup:
      return "hung up";
    case telephony::EndCause::kLocalHangup:
      return "hung up here";
  }
  return "ended";
}

}  // namespace

std::string_view PhoneStatusName(PhoneStatus status) {
  switch (status) {
    case PhoneStatus::kOff:
      return "off";
    case PhoneStatus::kDialling:
      return "dialling";
    case PhoneStatus::kConnected:
      return "connected";
    case PhoneStatus::kFailed:
      return "failed";
    case PhoneStatus::kDropped:
      return "dropped";
  }
  return "unknown";
}

AgentPhones::AgentPhones(telephony::CallControl& control, AgentPool& agents,
                         AgentPhoneSettings settings)
    : control_(control), agents_(agents), settings_(std::move(settings)) {
  control_.SetEvents(this);
  agents_.AddWatcher(this);
}

AgentPhones::~AgentPhones() { agents_.RemoveWatcher(this); }

base::Status AgentPhones::Ready(const std::string& agent_id) {
  Agent* agent = agents_.Find(agent_id);
  if (agent == nullptr) return base::NotFound("no agent " + agent_id);
  if (agent->profile().phone.empty()) {
    return base::InvalidArgument("agent " + agent_id + " has no phone to call");
  }
  Phone& phone = phones_[agent_id];
  if (phone.state.status == PhoneStatus::kDialling ||
      phone.state.status == PhoneStatus::kConnected) {
    return base::Conflict("agent " + agent_id + ": phone already " +
                          std::string(PhoneStatusName(phone.state.status)));
  }
  if (agent->state() != AgentState::kOffline) {
    return base::Conflict("agent " + agent_id + " is logged in already");
  }
  telephony::CallId leg =
      control_.Dial({agent->profile().phone, settings_.caller_id, settings_.ring_timeout});
  if (leg == 0) return base::Unavailable("agent " + agent_id + ": the call was not placed");
  agent_of_[leg] = agent_id;
  phone.hanging_up = false;
  phone.failure.clear();
  phone.state = {PhoneStatus::kDialling, "", leg};
  Notify(agent_id, phone);
  return base::OkStatus();
}

base::Status AgentPhones::Release(const std::string& agent_id) {
  Agent* agent = agents_.Find(agent_id);
  if (agent == nullptr) return base::NotFound("no agent " + agent_id);
  auto it = phones_.find(agent_id);
  if (it == phones_.end() || (it->second.state.status != PhoneStatus::kDialling &&
                              it->second.state.status != PhoneStatus::kConnected)) {
    return base::Conflict("agent " + agent_id + ": no phone leg to release");
  }
  Phone& phone = it->second;
  if (phone.state.status == PhoneStatus::kDialling || agent->state() == AgentState::kOffline) {
    if (!phone.hanging_up) HangUp(phone, "");
    return base::OkStatus();
  }
  // Offline now (ready, paused) or after the call: either way OnAgentStateChanged hangs up.
  return agent->LogOut();
}

PhoneState AgentPhones::StateOf(const std::string& agent_id) const {
  auto it = phones_.find(agent_id);
  return it == phones_.end() ? PhoneState{} : it->second.state;
}

void AgentPhones::OnAnswered(telephony::CallId call, telephony::AnswerKind kind) {
  std::string agent_id;
  Phone* phone = PhoneOfLeg(call, &agent_id);
  if (phone == nullptr || phone->hanging_up || phone->state.status != PhoneStatus::kDialling) {
    return;
  }
  // Voicemail took the call: nobody is there to talk to customers.
  if (kind == telephony::AnswerKind::kMachine) {
    HangUp(*phone, "answered by a machine");
    return;
  }
  Agent* agent = agents_.Find(agent_id);
  if (agent == nullptr || agent->state() != AgentState::kOffline) {
    // Logged in some other way while the phone rang: this leg is not needed.
    HangUp(*phone, "logged in already");
    return;
  }
  control_.Play(call, settings_.beep_prompt);
  // Connected before the log-in, which may route a waiting caller to this line at once; told
  // after it, so that whoever hears of it finds the agent ready.
  phone->state.status = PhoneStatus::kConnected;
  base::Status logged_in = agent->LogIn(std::to_string(call));
  if (!logged_in.ok()) {
    JS_LOG(kWarning) << "agent " << agent_id << ": " << logged_in.ToString();
    HangUp(*phone, logged_in.message());
    return;
  }
  Notify(agent_id, *phone);
}

void AgentPhones::OnEnded(telephony::CallId call, telephony::EndCause cause) {
  std::string agent_id;
  Phone* phone = PhoneOfLeg(call, &agent_id);
  if (phone == nullptr) return;
  agent_of_.erase(call);
  PhoneStatus was = phone->state.status;
  phone->state.leg = 0;
  if (phone->hanging_up) {
    phone->hanging_up = false;
    phone->state.status = phone->failure.empty() ? PhoneStatus::kOff : PhoneStatus::kFailed;
    phone->state.reason = std::move(phone->failure);
    phone->failure.clear();
  } else {
    phone->state.status =
        was == PhoneStatus::kDialling ? PhoneStatus::kFailed : PhoneStatus::kDropped;
    phone->state.reason = FailureOf(cause);
  }
  // The leg was the agent's line: without it they can take no call. The phone is marked off
  // first, so that our watcher callback finds no leg to hang up, and the change is told last,
  // so that a listener calling Ready() again finds the agent offline.
  Agent* agent = agents_.Find(agent_id);
  if (was == PhoneStatus::kConnected && agent != nullptr &&
      agent->state() != AgentState::kOffline && agent->profile().line == std::to_string(call)) {
    (void)agent->LoseLine();
  }
  Notify(agent_id, *phone);
}

void AgentPhones::OnPlayed(telephony::CallId /*call*/) {}

// Digits from the agent's keypad; a later version may take commands from them (e.g. pause).
void AgentPhones::OnDigit(telephony::CallId /*call*/, char /*digit*/) {}

void AgentPhones::OnIncoming(telephony::CallId call, const telephony::IncomingCall& incoming) {
  JS_LOG(kWarning) << "agent phones take no incoming call (" << incoming.from << "); refused";
  control_.Hangup(call);
}

void AgentPhones::OnAgentStateChanged(const Agent& agent, AgentState /*from*/,
                                      AgentChangeCause /*cause*/) {
  if (agent.state() != AgentState::kOffline) return;
  auto it = phones_.find(agent.profile().id);
  if (it == phones_.end()) return;
  Phone& phone = it->second;
  if (phone.state.status == PhoneStatus::kConnected && !phone.hanging_up) HangUp(phone, "");
}

void AgentPhones::OnTalkTimedOut(const Agent& /*agent*/, telephony::CallId /*call*/) {}

AgentPhones::Phone* AgentPhones::PhoneOfLeg(telephony::CallId call, std::string* agent_id) {
  auto leg = agent_of_.find(call);
  if (leg == agent_of_.end()) return nullptr;
  *agent_id = leg->second;
  return &phones_.at(leg->second);
}

void AgentPhones::HangUp(Phone& phone, std::string failure) {
  phone.hanging_up = true;
  phone.failure = std::move(failure);
  control_.Hangup(phone.state.leg);
}

void AgentPhones::Notify(const std::string& agent_id, const Phone& phone) {
  if (on_change_) on_change_(agent_id, phone.state);
}

}  // namespace callcenter
