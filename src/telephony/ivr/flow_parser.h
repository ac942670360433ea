#pragma once

#include <cstddef>
#include <string_view>

#include "base/result.h"
#include "telephony/ivr/flow.h"

namespace telephony::ivr {

// The largest flow file ParseFlow() reads, in bytes (256 KiB).
inline constexpr std::size_t kMaxFlowBytes = std::size_t{256} * 1024;

// Reads a flow file (docs/ivr.md) and checks it whole. Never throws. Fails with
// kInvalidArgument for the first problem found, its message naming where in the document:
//   "flow is 300000 bytes; at most 262144 (256 KiB) are allowed",
//   "line 3, column 14 (byte 41): malformed JSON: <nlohmann's reason>",
//   "key 'welcome' is given twice in one object",
//   "steps.welcome.paly: unknown key; did you mean play?",
//   "steps.language.menu.options: '12' is not a single key 0-9, * or #",
//   "steps.pin.collect.digits: must be from 1 to 32, not 40",
//   "steps.welcome: has both play and menu; a step has exactly one action",
// then every whole-flow check of Flow::Make() (missing steps, unreachable steps, silent loops).
// docs/ivr.md lists every message.
base::Result<Flow> ParseFlow(std::string_view json_text);

}  // namespace telephony::ivr
