#include <algorithm>
#include <ostream>

#include "base/text.h"
#include "cli/command.h"
#include "cli/common_flags.h"

namespace cli {

std::vector<Command> AllCommands() {
  std::vector<Command> commands;
  for (auto group : {DataCommands, SeatsCommands, DialerCommands, CampaignCommands, CallsCommands,
                     AgentsCommands, DndCommands, ServeCommands}) {
    for (Command& command : group()) commands.push_back(std::move(command));
  }
  return commands;
}

namespace {

void PrintOverview(const std::vector<Command>& commands, std::ostream& out) {
  out << "jansampark: the operations platform of a national election campaign\n\n"
         "usage: jansampark <command> [flags]   (jansampark <command> --help for its flags)\n\n"
         "commands:\n";
  std::size_t width = 0;
  for (const Command& command : commands) width = std::max(width, command.name.size());
  for (const Command& command : commands) {
    out << "  " << command.name << std::string(width - command.name.size() + 2, ' ')
        << command.summary << '\n';
  }
  out << "  help" << std::string(width - 2, ' ') << "this list, or `help <command>`\n";
}

void PrintSpecs(const Command& command, bool positional, std::ostream& out) {
  bool any = std::any_of(command.flags.begin(), command.flags.end(),
                         [&](const FlagSpec& spec) { return spec.name.empty() == positional; });
  if (!any) return;
  out << (positional ? "\narguments:\n" : "\nflags:\n");
  for (const FlagSpec& flag : command.flags) {
    if (flag.name.empty() != positional) continue;
    std::string left =
        positional ? flag.value_name
                   : "--" + flag.name + (flag.value_name.empty() ? "" : " " + flag.value_name);
    out << "  " << left
        << (left.size() < 26 ? std::string(26 - left.size(), ' ') : "\n" + std::string(28, ' '))
        << flag.help << '\n';
  }
}

void PrintCommandHelp(const Command& command, std::ostream& out) {
  out << "usage: " << command.usage << "\n\n" << command.summary << "\n";
  if (!command.description.empty()) out << '\n' << command.description;
  PrintSpecs(command, true, out);
  PrintSpecs(command, false, out);
}

// kInvalidArgument unless `given` are exactly the command's positional arguments in number.
base::Status CheckArguments(const Command& command, const std::vector<std::string>& given) {
  std::vector<std::string> wanted;
  for (const FlagSpec& spec : command.flags) {
    if (spec.name.empty()) wanted.push_back(spec.value_name);
  }
  if (given.size() > wanted.size()) {
    return base::InvalidArgument("unexpected argument '" + given[wanted.size()] + "' for '" +
                                 command.name + "'");
  }
  if (given.size() < wanted.size()) {
    std::vector<std::string> missing(wanted.begin() + static_cast<std::ptrdiff_t>(given.size()),
                                     wanted.end());
    return base::InvalidArgument("'" + command.name + "' needs " + base::Join(missing, " ") +
                                 " (see `jansampark " + command.name + " --help`)");
  }
  return base::OkStatus();
}

// Finds the command whose name is the longest prefix of `args`; sets `consumed` to its words.
const Command* FindCommand(const std::vector<Command>& commands,
                           const std::vector<std::string>& args, std::size_t& consumed) {
  const Command* best = nullptr;
  for (const Command& command : commands) {
    std::vector<std::string> words = base::Split(command.name, ' ');
    if (words.size() > args.size()) continue;
    if (!std::equal(words.begin(), words.end(), args.begin())) continue;
    if (best == nullptr || words.size() > consumed) {
      best = &command;
      consumed = words.size();
    }
  }
  return best;
}

int UnknownCommand(const std::vector<Command>& commands, const std::vector<std::string>& args,
                   Io& io) {
  std::vector<std::string> names;
  names.reserve(commands.size());
  for (const Command& command : commands) names.push_back(command.name);
  std::string typed =
      args[0] + (args.size() > 1 && args[1].rfind("--", 0) != 0 ? " " + args[1] : "");
  std::string message = "unknown command '" + typed + "'";
  std::vector<std::string> nearest = base::NearestNames(typed, names);
  if (nearest.empty()) nearest = base::NearestNames(args[0], names);
  if (!nearest.empty()) message += "; did you mean '" + base::Join(nearest, "', '") + "'?";
  io.err << "jansampark: " << message << " (see `jansampark help`)\n";
  return kExitUsage;
}

}  // namespace

int RunCli(const std::vector<std::string>& args, Io& io) {
  std::vector<Command> commands = AllCommands();
  if (args.empty() || args[0] == "help" || args[0] == "--help" || args[0] == "-h") {
    if (args.size() <= 1) {
      PrintOverview(commands, io.out);
      return args.empty() ? kExitUsage : kExitOk;
    }
    std::vector<std::string> rest(args.begin() + 1, args.end());
    std::size_t consumed = 0;
    const Command* command = FindCommand(commands, rest, consumed);
    if (command == nullptr) return UnknownCommand(commands, rest, io);
    PrintCommandHelp(*command, io.out);
    return kExitOk;
  }
  std::size_t consumed = 0;
  const Command* command = FindCommand(commands, args, consumed);
  if (command == nullptr) return UnknownCommand(commands, args, io);
  std::vector<std::string> rest(args.begin() + static_cast<std::ptrdiff_t>(consumed), args.end());
  base::Result<ParsedFlags> flags = ParseFlags(rest, command->flags, command->name);
  if (!flags.ok()) return ReportError(flags.status(), io);
  if (flags->Has("help")) {
    PrintCommandHelp(*command, io.out);
    return kExitOk;
  }
  base::Status arguments = CheckArguments(*command, flags->positionals());
  if (!arguments.ok()) return ReportError(arguments, io);
  return command->run(*flags, io);
}

}  // namespace cli
