#include <filesystem>
#include <fstream>
#include <ostream>
#include <sstream>

#include "api/agent_json.h"
#include "base/real_clock.h"
#include "base/text.h"
#include "cli/command.h"
#include "cli/common_flags.h"
#include "cli/table.h"

namespace cli {
namespace {

using nlohmann::json;

constexpr std::uintmax_t kMaxRosterBytes = 1 << 20;

std::string Dump(const json& value) {
  return value.dump(2, ' ', false, json::error_handler_t::replace);
}

// The file's text; kInvalidArgument naming it when it is missing, unreadable or over 1 MiB.
base::Result<std::string> ReadRosterFile(const std::string& path) {
  std::error_code error;
  if (!std::filesystem::is_regular_file(path, error)) {
    return base::InvalidArgument("agents file '" + path + "' does not exist or is not a file");
  }
  std::uintmax_t size = std::filesystem::file_size(path, error);
  if (!error && size > kMaxRosterBytes) {
    return base::InvalidArgument(path + ": an agents file is at most 1 MiB, this is " +
                                 std::to_string(size) + " bytes");
  }
  std::ifstream in(path, std::ios::binary);
  std::stringstream text;
  text << in.rdbuf();
  if (error || !in) return base::InvalidArgument("agents file '" + path + "' cannot be read");
  return text.str();
}

base::Result<bool> JsonFormat(const ParsedFlags& flags, const std::string& plain) {
  std::string format = flags.GetOr("format", plain);
  if (format == plain || format == "json") return format == "json";
  return base::InvalidArgument("unknown format '" + format + "' (formats: " + plain + ", json)");
}

int RunAdd(const ParsedFlags& flags, Io& io) {
  const std::string& path = flags.positionals()[0];
  // Checked before the database is opened: a bad file changes nothing.
  base::Result<std::string> text = ReadRosterFile(path);
  if (!text.ok()) return ReportError(text.status(), io);
  base::Result<std::vector<store::StoredAgent>> agents = api::ParseAgents(*text, path);
  if (!agents.ok()) return ReportError(agents.status(), io);
  auto db = OpenExistingDatabase(flags, io);
  if (!db.ok()) return ReportError(db.status(), io);
  base::Status added = api::AddAgents(**db, *agents, base::RealClock().Now());
  if (!added.ok()) return ReportError(added.WithContext(path), io);
  io.out << "added " << agents->size() << " agent(s) from " << path
         << "; a running serve takes them at its next start, or add them with POST /api/agents"
         << '\n';
  return kExitOk;
}

int RunList(const ParsedFlags& flags, Io& io) {
  base::Result<bool> as_json = JsonFormat(flags, "table");
  if (!as_json.ok()) return ReportError(as_json.status(), io);
  auto db = OpenExistingDatabase(flags, io);
  if (!db.ok()) return ReportError(db.status(), io);
  base::Result<std::vector<store::StoredAgent>> agents = (*db)->agents().ListAgents();
  if (!agents.ok()) return ReportError(agents.status(), io);
  if (*as_json) {
    io.out << Dump(api::AgentsJson(*agents)) << '\n';
    return kExitOk;
  }
  if (agents->empty()) {
    io.out << "no agents; add some with `jansampark agents add FILE`\n";
    return kExitOk;
  }
  Table table({{"id"}, {"name"}, {"languages"}, {"state"}, {"seats"}, {"phone"}});
  for (const store::StoredAgent& agent : *agents) {
    table.AddRow({agent.id, agent.name, base::Join(agent.languages, ","), agent.state,
                  base::Join(agent.seats, ","), agent.phone});
  }
  table.PrintText(io.out);
  return kExitOk;
}

int RunShow(const ParsedFlags& flags, Io& io) {
  base::Result<bool> as_json = JsonFormat(flags, "text");
  if (!as_json.ok()) return ReportError(as_json.status(), io);
  auto db = OpenExistingDatabase(flags, io);
  if (!db.ok()) return ReportError(db.status(), io);
  base::Result<store::StoredAgent> agent = (*db)->agents().GetAgent(flags.positionals()[0]);
  if (!agent.ok()) return ReportError(agent.status(), io);
  if (*as_json) {
    io.out << Dump(api::AgentJson(*agent)) << '\n';
    return kExitOk;
  }
  io.out << "id:        " << agent->id << "\nname:      " << agent->name
         << "\nlanguages: " << base::Join(agent->languages, ", ") << "\nstate:     " << agent->state
         << "\nseats:     "
         << (agent->seats.empty() ? "(whole state)" : base::Join(agent->seats, ", "))
         << "\nphone:     " << agent->phone << '\n';
  return kExitOk;
}

int RunRemove(const ParsedFlags& flags, Io& io) {
  const std::string& id = flags.positionals()[0];
  auto db = OpenExistingDatabase(flags, io);
  if (!db.ok()) return ReportError(db.status(), io);
  base::Status removed = (*db)->agents().RemoveAgent(id);
  if (!removed.ok()) return ReportError(removed, io);
  io.out << "removed agent " << id << " (a running serve keeps them until its next start)\n";
  return kExitOk;
}

}  // namespace

std::vector<Command> AgentsCommands() {
  return {
      {"agents add",
       "add agents to the call centre's roster from a JSON file",
       "jansampark agents add FILE [--db PATH]",
       "FILE holds one agent or an array of them (examples/agents.json, synthetic):\n"
       "{\"id\", \"name\", \"languages\": [ISO 639, ...], \"state\": code or abbreviation,\n"
       "\"seats\": [seat ids of that state] (optional), \"phone\": E.164 mobile}. Every agent is\n"
       "checked first (errors name the agent and field); then all are added, or none.\n",
       {Argument("FILE", "the agents file (JSON)"), DbFlag()},
       RunAdd},
      {"agents list",
       "list the agents' roster",
       "jansampark agents list [--format table|json] [--db PATH]",
       "",
       {{"format", "F", "table (default) or json"}, DbFlag()},
       RunList},
      {"agents show",
       "show one agent of the roster",
       "jansampark agents show ID [--format text|json] [--db PATH]",
       "Whether the agent is ready, and their phone, are live state: GET /api/agents/ID on a\n"
       "running server (docs/api.md).\n",
       {Argument("ID", "the agent's id"), {"format", "F", "text (default) or json"}, DbFlag()},
       RunShow},
      {"agents remove",
       "remove an agent from the roster",
       "jansampark agents remove ID [--db PATH]",
       "",
       {Argument("ID", "the agent's id"), DbFlag()},
       RunRemove},
  };
}

}  // namespace cli
