#pragma once

#include <nlohmann/json.hpp>
#include <string_view>

#include "base/result.h"

namespace base {

// Parses `text` as one JSON document, strictly: a key given twice in one object is an error
// (nlohmann would keep the last silently), and so is anything after the document. Errors are
// kInvalidArgument with the position in our words: "line 3, column 7: malformed JSON: syntax
// error while parsing object separator - unexpected number literal; expected ':'", or "key
// 'welcome' is given twice in one object". Never throws.
Result<nlohmann::json> ParseJsonText(std::string_view text);

}  // namespace base
