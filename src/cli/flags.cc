#include "cli/flags.h"

#include <algorithm>

#include "base/text.h"

namespace cli {

std::optional<std::string> ParsedFlags::Get(const std::string& name) const {
  auto it = values_.find(name);
  if (it == values_.end() || it->second.empty()) return std::nullopt;
  return it->second.back();
}

std::string ParsedFlags::GetOr(const std::string& name, const std::string& fallback) const {
  return Get(name).value_or(fallback);
}

FlagSpec Argument(std::string value_name, std::string help) {
  return {"", std::move(value_name), std::move(help)};
}

namespace {

// Positional arguments have no name, so "--=x" must not find one.
const FlagSpec* FindSpec(const std::vector<FlagSpec>& specs, const std::string& name) {
  auto it = std::find_if(specs.begin(), specs.end(), [&](const FlagSpec& spec) {
    return !spec.name.empty() && spec.name == name;
  });
  return it == specs.end() ? nullptr : &*it;
}

base::Status UnknownFlag(const std::string& name, const std::vector<FlagSpec>& specs,
                         const std::string& command) {
  std::vector<std::string> names;
  names.reserve(specs.size());
  for (const FlagSpec& spec : specs) {
    if (!spec.name.empty()) names.push_back(spec.name);
  }
  std::string message = "unknown flag --" + name + " for '" + command + "'";
  std::vector<std::string> nearest = base::NearestNames(name, names);
  if (!nearest.empty()) message += "; did you mean --" + base::Join(nearest, ", --") + "?";
  message += " (see `jansampark " + command + " --help`)";
  return base::InvalidArgument(message);
}

}  // namespace

base::Result<ParsedFlags> ParseFlags(const std::vector<std::string>& args,
                                     const std::vector<FlagSpec>& specs,
                                     const std::string& command) {
  ParsedFlags parsed;
  for (std::size_t i = 0; i < args.size(); ++i) {
    const std::string& arg = args[i];
    if (arg.rfind("--", 0) != 0 || arg.size() == 2) {
      parsed.positionals_.push_back(arg);
      continue;
    }
    std::string name = arg.substr(2);
    std::optional<std::string> inline_value;
    if (std::size_t equals = name.find('='); equals != std::string::npos) {
      inline_value = name.substr(equals + 1);
      name.resize(equals);
    }
    if (name == "help") {
      parsed.values_["help"].push_back("");
      continue;
    }
    const FlagSpec* spec = FindSpec(specs, name);
    if (spec == nullptr) return UnknownFlag(name, specs, command);
    if (spec->value_name.empty()) {
      if (inline_value) return base::InvalidArgument("flag --" + name + " takes no value");
      parsed.values_[name].push_back("");
      continue;
    }
    if (!inline_value) {
      if (i + 1 >= args.size() || args[i + 1].rfind("--", 0) == 0) {
        return base::InvalidArgument("flag --" + name + " needs a value (" + spec->value_name +
                                     ")");
      }
      inline_value = args[++i];
    }
    parsed.values_[name].push_back(*inline_value);
  }
  return parsed;
}

base::Result<int> PositiveIntFlag(const std::string& flag, const std::string& value) {
  base::Result<std::int64_t> number = base::ParseInt(value, "--" + flag);
  if (!number.ok()) return number.status();
  if (*number < 1 || *number > 1'000'000) {
    return base::InvalidArgument("--" + flag + " must be a whole number from 1 to 1000000, not " +
                                 value);
  }
  return static_cast<int>(*number);
}

}  // namespace cli
