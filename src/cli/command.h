#pragma once

#include <functional>
#include <iosfwd>
#include <string>
#include <vector>

#include "cli/flags.h"

namespace cli {

// Streams and environment a command runs with; the main passes the real ones, tests their own.
struct Io {
  std::ostream& out;
  std::ostream& err;
  // The value of an environment variable, empty when unset.
  std::function<std::string(const std::string&)> getenv;
};

// Exit statuses: 0 done, 1 failed, 2 bad usage or bad input.
inline constexpr int kExitOk = 0;
inline constexpr int kExitFailure = 1;
inline constexpr int kExitUsage = 2;

// One verb of the program, e.g. "seats weak".
struct Command {
  std::string name;
  std::string summary;      // one line for `jansampark help`
  std::string usage;        // "jansampark seats weak --party P [...]"
  std::string description;  // paragraphs for `--help`
  // The flags, and the positional arguments (Argument()) whose number RunCli checks.
  std::vector<FlagSpec> flags;
  std::function<int(const ParsedFlags&, Io&)> run;
};

// Every verb, in the order `help` lists them.
std::vector<Command> AllCommands();

// Commands of each area, defined beside their code.
std::vector<Command> DataCommands();
std::vector<Command> SeatsCommands();
std::vector<Command> ServeCommands();
std::vector<Command> DialerCommands();
std::vector<Command> CampaignCommands();
std::vector<Command> CallsCommands();
std::vector<Command> AgentsCommands();
std::vector<Command> DndCommands();

// Runs the program with `args` (without the program name); returns the exit status.
int RunCli(const std::vector<std::string>& args, Io& io);

}  // namespace cli
