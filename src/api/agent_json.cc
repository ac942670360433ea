#include "api/agent_json.h"

#include <algorithm>
#include <set>

#include "api/opt_out_json.h"
#include "callcenter/number_blocklist.h"
#include "geo/seat.h"

namespace api {
namespace {

using nlohmann::json;

constexpr std::size_t kMaxIdLength = 64;

bool IsSlug(std::string_view id) {
  auto lower_or_digit = [](char c) { return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'); };
  if (id.empty() || id.size() > kMaxIdLength || !lower_or_digit(id.front())) return false;
  return std::all_of(id.begin(), id.end(),
                     [&](char c) { return lower_or_digit(c) || c == '-' || c == '_'; });
}

bool IsLanguageCode(std::string_view code) {
  return (code.size() == 2 || code.size() == 3) &&
         std::all_of(code.begin(), code.end(), [](char c) { return c >= 'a' && c <= 'z'; });
}

base::Status CheckLanguages(const JsonFields& fields, const std::vector<std::string>& languages) {
  if (languages.empty()) {
    return base::InvalidArgument(fields.PathOf("languages") + ": at least one language");
  }
  std::set<std::string> seen;
  for (std::size_t i = 0; i < languages.size(); ++i) {
    std::string where = fields.PathOf("languages") + "[" + std::to_string(i) + "]";
    if (!IsLanguageCode(languages[i])) {
      return base::InvalidArgument(where + ": '" + languages[i] +
                                   "' is not an ISO 639 code (2 or 3 lower-case letters)");
    }
    if (!seen.insert(languages[i]).second) {
      return base::InvalidArgument(where + ": '" + languages[i] + "' is listed twice");
    }
  }
  return base::OkStatus();
}

// The state `given` names in `states`, by code or abbreviation; null when none.
const geo::State* FindState(const std::vector<geo::State>& states, std::string_view given) {
  for (const geo::State& state : states) {
    if (state.code == given || state.abbr == given) return &state;
  }
  return nullptr;
}

base::Status ResolvePlaces(const std::vector<geo::State>& states,
                           const std::set<std::string>& seat_ids, store::StoredAgent& agent) {
  std::string who = "agent '" + agent.id + "'";
  const geo::State* state = FindState(states, agent.state);
  if (state == nullptr) {
    if (states.empty()) {
      return base::InvalidArgument(who + ": state '" + agent.state +
                                   "' cannot be checked: no reference data is loaded "
                                   "(jansampark data load)");
    }
    return base::InvalidArgument(who + ": state '" + agent.state +
                                 "' is not a state code (\"S24\") or abbreviation (\"UP\")");
  }
  agent.state = state->code;
  for (const std::string& seat : agent.seats) {
    if (seat_ids.count(seat) == 0 || seat.rfind(state->code + "-", 0) != 0) {
      std::string message = who;
      message.append(": seat '").append(seat).append("' is not a Lok Sabha seat of ");
      message.append(state->code).append(" (").append(state->name).append(")");
      return base::InvalidArgument(message);
    }
  }
  return base::OkStatus();
}

base::Status CheckIdsAreNew(store::AgentStore& roster,
                            const std::vector<store::StoredAgent>& agents) {
  std::set<std::string> ids;
  for (const store::StoredAgent& agent : agents) {
    if (!ids.insert(agent.id).second) {
      return base::InvalidArgument("agent '" + agent.id + "' is given twice");
    }
    base::Result<store::StoredAgent> stored = roster.GetAgent(agent.id);
    if (stored.ok()) return base::Conflict("agent '" + agent.id + "' exists already");
    if (stored.status().code() != base::StatusCode::kNotFound) return stored.status();
  }
  return base::OkStatus();
}

}  // namespace

base::Result<store::StoredAgent> AgentFromJson(const JsonFields& fields) {
  store::StoredAgent agent;
  JS_ASSIGN_OR_RETURN(agent.id, fields.String("id"));
  if (!IsSlug(agent.id)) {
    return base::InvalidArgument(fields.PathOf("id") + ": '" + agent.id +
                                 "' is not a slug (a-z, 0-9, '-', '_', at most 64, starting "
                                 "with a letter or digit)");
  }
  JS_ASSIGN_OR_RETURN(agent.name, fields.String("name"));
  if (agent.name.empty()) return base::InvalidArgument(fields.PathOf("name") + ": is empty");
  JS_ASSIGN_OR_RETURN(agent.languages, fields.Strings("languages", true));
  JS_RETURN_IF_ERROR(CheckLanguages(fields, agent.languages));
  JS_ASSIGN_OR_RETURN(agent.state, fields.String("state"));
  if (agent.state.empty()) return base::InvalidArgument(fields.PathOf("state") + ": is empty");
  JS_ASSIGN_OR_RETURN(agent.seats, fields.Strings("seats", false));
  JS_ASSIGN_OR_RETURN(agent.phone, fields.String("phone"));
  if (!callcenter::IsE164(agent.phone)) {
    return base::InvalidArgument(fields.PathOf("phone") + ": '" + agent.phone +
                                 "' is not an E.164 number (\"+919811100001\")");
  }
  JS_RETURN_IF_ERROR(fields.NoOtherKeys());
  return agent;
}

base::Result<std::vector<store::StoredAgent>> ParseAgents(std::string_view text,
                                                          std::string_view source) {
  std::vector<store::StoredAgent> agents;
  auto parse = [&]() -> base::Status {
    JS_ASSIGN_OR_RETURN(json document, base::ParseJsonText(text));
    if (document.is_object()) {
      JS_ASSIGN_OR_RETURN(JsonFields fields, JsonFields::Of(document, ""));
      JS_ASSIGN_OR_RETURN(store::StoredAgent agent, AgentFromJson(fields));
      agents.push_back(std::move(agent));
      return base::OkStatus();
    }
    if (!document.is_array() || document.empty()) {
      return base::InvalidArgument("expected an agent object or a non-empty array of them");
    }
    for (std::size_t i = 0; i < document.size(); ++i) {
      JS_ASSIGN_OR_RETURN(JsonFields fields,
                          JsonFields::Of(document[i], "[" + std::to_string(i) + "]"));
      JS_ASSIGN_OR_RETURN(store::StoredAgent agent, AgentFromJson(fields));
      agents.push_back(std::move(agent));
    }
    return base::OkStatus();
  };
  base::Status parsed = parse();
  if (!parsed.ok()) return parsed.WithContext(std::string(source));
  return agents;
}

base::Status AddAgents(store::Database& db, std::vector<store::StoredAgent>& agents,
                       base::TimePoint at) {
  JS_ASSIGN_OR_RETURN(std::vector<geo::State> states, db.reference().ListStates());
  JS_ASSIGN_OR_RETURN(std::vector<geo::Seat> seats, db.reference().ListSeats());
  std::set<std::string> seat_ids;
  for (const geo::Seat& seat : seats) seat_ids.insert(geo::SeatId(seat.state_code, seat.number));
  for (store::StoredAgent& agent : agents) {
    JS_RETURN_IF_ERROR(ResolvePlaces(states, seat_ids, agent));
    agent.added_at = at;
  }
  JS_RETURN_IF_ERROR(CheckIdsAreNew(db.agents(), agents));
  for (const store::StoredAgent& agent : agents) JS_RETURN_IF_ERROR(db.agents().AddAgent(agent));
  return base::OkStatus();
}

json AgentJson(const store::StoredAgent& agent) {
  return {{"id", agent.id},
          {"name", agent.name},
          {"languages", agent.languages},
          {"state", agent.state},
          {"seats", agent.seats},
          {"phone", agent.phone},
          {"added_at", FormatUtc(agent.added_at)}};
}

json AgentsJson(const std::vector<store::StoredAgent>& agents) {
  json listed = json::array();
  for (const store::StoredAgent& agent : agents) listed.push_back(AgentJson(agent));
  return {{"count", agents.size()}, {"agents", listed}};
}

}  // namespace api
