#pragma once

#include <nlohmann/json.hpp>
#include <string>
#include <string_view>
#include <vector>

#include "api/json_fields.h"
#include "base/result.h"
#include "store/store.h"

namespace api {

// The agents' roster as JSON (docs/api.md, examples/agents.json). One agent is
//   {"id": "a-lko-01", "name": "...", "languages": ["hi", "en"], "state": "S24",
//    "seats": ["S24-35"], "phone": "+919811100001"}
// where `seats` may be left out, `state` may also be the state's abbreviation ("UP"), and
// "added_at" is written, never read.

// Reads one agent, checking the form of each field: the id is a slug (lower-case letters,
// digits, '-' and '_', starting with a letter or digit, at most 64), the name is not empty, at
// least one language and each an ISO 639 code (2 or 3 lower-case letters) listed once, the
// phone E.164. Errors name the field by its path ("[2].phone: ..."). Unknown keys are errors.
base::Result<store::StoredAgent> AgentFromJson(const JsonFields& fields);

// A roster text: one agent object, or an array of them. Errors name `source` and the field.
base::Result<std::vector<store::StoredAgent>> ParseAgents(std::string_view text,
                                                          std::string_view source);

// Adds `agents` dated `at`, all or none: each one's state must be a state in `db`'s reference
// data (a code or an abbreviation, stored as the code), each seat a seat of that state, no id
// given twice or stored already. Errors name the agent ("agent 'a1': state 'XX' is not ...").
base::Status AddAgents(store::Database& db, std::vector<store::StoredAgent>& agents,
                       base::TimePoint at);

nlohmann::json AgentJson(const store::StoredAgent& agent);
// {"count": N, "agents": [agent, ...]} in the order given.
nlohmann::json AgentsJson(const std::vector<store::StoredAgent>& agents);

}  // namespace api
