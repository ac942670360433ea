#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "base/result.h"

namespace cli {

// A flag a command accepts: `--name VALUE`, `--name=VALUE`, or a switch `--name`. A spec
// without a name is a positional argument instead (made by Argument()): required, in the order
// listed, and named by `value_name` in usage and help.
struct FlagSpec {
  std::string name;        // without the dashes; empty for a positional argument
  std::string value_name;  // empty for a switch
  std::string help;
};

// A required positional argument, e.g. Argument("FILE", "the campaign file").
FlagSpec Argument(std::string value_name, std::string help);

// The flags given on one command line, checked against the command's specs.
class ParsedFlags {
 public:
  bool Has(const std::string& name) const { return values_.count(name) != 0; }
  // The last value given for `name`, if any.
  std::optional<std::string> Get(const std::string& name) const;
  std::string GetOr(const std::string& name, const std::string& fallback) const;
  const std::vector<std::string>& positionals() const { return positionals_; }

 private:
  friend base::Result<ParsedFlags> ParseFlags(const std::vector<std::string>&,
                                              const std::vector<FlagSpec>&, const std::string&);
  std::map<std::string, std::vector<std::string>> values_;
  std::vector<std::string> positionals_;
};

// Parses `args` (what follows the command's name). Unknown flags and missing values fail with
// kInvalidArgument naming `command` and the nearest valid flag. "--help" is always accepted.
base::Result<ParsedFlags> ParseFlags(const std::vector<std::string>& args,
                                     const std::vector<FlagSpec>& specs,
                                     const std::string& command);

// Parses a positive whole number given to `--flag`.
base::Result<int> PositiveIntFlag(const std::string& flag, const std::string& value);

}  // namespace cli
