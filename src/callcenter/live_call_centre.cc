#include "callcenter/live_call_centre.h"

#include <utility>

namespace callcenter {

AgentProfile ProfileOf(const store::StoredAgent& agent) {
  AgentProfile profile;
  profile.id = agent.id;
  profile.name = agent.name;
  profile.languages = agent.languages;
  profile.territories.push_back(agent.state);
  profile.territories.insert(profile.territories.end(), agent.seats.begin(), agent.seats.end());
  profile.phone = agent.phone;
  return profile;
}

LiveCallCentre::LiveCallCentre(base::Clock& clock, telephony::CallControl& network,
                               LiveCallCentreSettings settings, HelplineRecorder::Sink sink)
    : settings_(std::move(settings)),
      pool_(clock),
      mux_(network),
      dialer_view_(mux_.NewView()),
      phones_view_(mux_.NewView()),
      phones_(phones_view_, pool_, {settings_.caller_id}),
      beeping_(dialer_view_, "beep"),
      // The dialer is built after the recorder, and asked only once calls come in.
      recorder_(beeping_, clock, pool_, RecordedLines(settings_), settings_.queue_prompt,
                std::move(sink),
                [this](telephony::CallId call) { return dialer_.QueuePosition(call).ok(); }),
      pacer_(MakeProgressivePacer()),
      dialer_(clock, recorder_, pool_, contacts_, *pacer_, HelplineDialer(settings_)) {
  mux_.RouteIncomingTo(dialer_view_);
}

LiveCallCentre::~LiveCallCentre() = default;

DialerSettings LiveCallCentre::HelplineDialer(const LiveCallCentreSettings& settings) {
  DialerSettings dialer;
  dialer.caller_id = settings.caller_id;
  dialer.queue_prompt = settings.queue_prompt;
  dialer.closed_prompt = settings.closed_prompt;
  dialer.abandon_prompt = settings.abandon_prompt;
  dialer.recording_directory = settings.recording_directory;
  dialer.campaign_id = "helpline";
  for (const LiveHelpline& line : settings.helplines) {
    dialer.inbound_lines.push_back(
        {line.number, line.language, line.state, std::nullopt, line.flow});
  }
  return dialer;
}

std::map<std::string, RecordedLine> LiveCallCentre::RecordedLines(
    const LiveCallCentreSettings& settings) {
  std::map<std::string, RecordedLine> lines;
  for (const LiveHelpline& line : settings.helplines) {
    lines[line.number] = {line.state, line.language, line.flow != nullptr};
  }
  return lines;
}

base::Status LiveCallCentre::AddAgent(const store::StoredAgent& agent) {
  JS_RETURN_IF_ERROR(pool_.Add(ProfileOf(agent)).status());
  state_of_[agent.id] = agent.state;
  return base::OkStatus();
}

base::Status LiveCallCentre::CheckKnown(const std::string& agent_id) const {
  if (pool_.Find(agent_id) == nullptr) {
    return base::NotFound("no agent '" + agent_id + "' in the running call centre");
  }
  return base::OkStatus();
}

base::Status LiveCallCentre::Ready(const std::string& agent_id) {
  JS_RETURN_IF_ERROR(CheckKnown(agent_id));
  if (!settings_.can_call_agents) {
    return base::Unavailable(
        "no SIP trunk is configured (sip.trunks in the config file), so agent '" + agent_id +
        "''s phone cannot be called");
  }
  return phones_.Ready(agent_id);
}

base::Status LiveCallCentre::Release(const std::string& agent_id) {
  JS_RETURN_IF_ERROR(CheckKnown(agent_id));
  return phones_.Release(agent_id);
}

LiveAgent LiveCallCentre::Describe(const Agent& agent) const {
  const std::string& id = agent.profile().id;
  auto state = state_of_.find(id);
  return {id, agent.profile().name, state == state_of_.end() ? "" : state->second, agent.state(),
          phones_.StateOf(id)};
}

base::Result<LiveAgent> LiveCallCentre::AgentOf(const std::string& agent_id) const {
  JS_RETURN_IF_ERROR(CheckKnown(agent_id));
  return Describe(*pool_.Find(agent_id));
}

CallCentreSnapshot LiveCallCentre::Snapshot() const {
  CallCentreSnapshot snapshot;
  pool_.ForEach([&](Agent& agent) { snapshot.agents.push_back(Describe(agent)); });
  snapshot.callers_waiting = recorder_.callers_waiting();
  snapshot.calls_in_progress = recorder_.calls_in_progress();
  snapshot.stats = dialer_.stats();
  snapshot.helplines = settings_.helplines;
  return snapshot;
}

}  // namespace callcenter
