#include "base/json_text.h"

#include <algorithm>
#include <optional>
#include <set>
#include <string>
#include <vector>

namespace base {
namespace {

using nlohmann::json;

// "line 3, column 14" of the byte at `offset` (0-based) of `text`; columns count bytes.
std::string LineAndColumn(std::string_view text, std::size_t offset) {
  offset = std::min(offset, text.size());
  std::size_t line = 1;
  std::size_t line_start = 0;
  for (std::size_t i = 0; i < offset; ++i) {
    if (text[i] == '\n') {
      ++line;
      line_start = i + 1;
    }
  }
  return "line " + std::to_string(line) + ", column " + std::to_string(offset - line_start + 1);
}

// nlohmann's reason without its own prefix ("[json.exception.parse_error.101] parse error at
// line 1, column 2: "), since the position is given in our words.
std::string Reason(const json::parse_error& error) {
  std::string_view what = error.what();
  std::size_t column = what.find("column ");
  std::size_t start = what.find(": ", column == std::string_view::npos ? 0 : column);
  return std::string(start == std::string_view::npos ? what : what.substr(start + 2));
}

}  // namespace

Result<json> ParseJsonText(std::string_view text) {
  // Keys seen in each object being parsed, innermost last.
  std::vector<std::set<std::string>> open_objects;
  std::optional<std::string> duplicate;
  json::parser_callback_t watch_keys = [&](int, json::parse_event_t event, json& parsed) {
    if (event == json::parse_event_t::object_start) open_objects.emplace_back();
    if (event == json::parse_event_t::object_end && !open_objects.empty()) open_objects.pop_back();
    if (event == json::parse_event_t::key && !open_objects.empty() && !duplicate &&
        !open_objects.back().insert(parsed.get<std::string>()).second) {
      duplicate = parsed.get<std::string>();
    }
    return true;
  };
  try {
    json value = json::parse(text.begin(), text.end(), watch_keys);
    if (duplicate) {
      return InvalidArgument("key '" + *duplicate + "' is given twice in one object");
    }
    return value;
  } catch (const json::parse_error& error) {
    // `byte` counts the characters read, the offending one included.
    std::size_t offset = error.byte > 0 ? error.byte - 1 : 0;
    return InvalidArgument(LineAndColumn(text, offset) + ": malformed JSON: " + Reason(error));
  } catch (const json::exception& error) {
    return InvalidArgument(std::string("malformed JSON: ") + error.what());
  }
}

}  // namespace base
