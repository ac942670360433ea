#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <ostream>
#include <sstream>

#include "api/broadcast_answers_json.h"
#include "api/campaign_catalog.h"
#include "api/campaign_json.h"
#include "api/campaign_prompts.h"
#include "api/opt_out_json.h"
#include "base/real_clock.h"
#include "base/text.h"
#include "callcenter/calling_hours.h"
#include "cli/campaign_text.h"
#include "cli/command.h"
#include "cli/common_flags.h"
#include "cli/table.h"

namespace cli {
namespace {

using nlohmann::json;

// Text taken from the command line need not be UTF-8; a stray byte must not stop the output.
std::string Dump(const json& value) {
  return value.dump(2, ' ', false, json::error_handler_t::replace);
}

// The file's text; kInvalidArgument naming it when it is missing, unreadable or over 1 MiB.
base::Result<std::string> ReadCampaignFile(const std::string& path) {
  std::error_code error;
  if (!std::filesystem::is_regular_file(path, error)) {
    return base::InvalidArgument("campaign file '" + path + "' does not exist or is not a file");
  }
  std::uintmax_t size = std::filesystem::file_size(path, error);
  if (!error && size > api::kMaxCampaignJsonBytes) {
    return base::InvalidArgument(path + ": a campaign file is at most 1 MiB, this is " +
                                 std::to_string(size) + " bytes");
  }
  std::ifstream in(path, std::ios::binary);
  std::stringstream text;
  text << in.rdbuf();
  if (error || !in) return base::InvalidArgument("campaign file '" + path + "' cannot be read");
  return text.str();
}

// --format as one of `allowed` (the first is the default), with the nearest name suggested.
base::Result<std::string> FormatChoice(const ParsedFlags& flags,
                                       const std::vector<std::string>& allowed) {
  std::string format = flags.GetOr("format", allowed.front());
  if (std::find(allowed.begin(), allowed.end(), format) != allowed.end()) return format;
  std::string message = "unknown format '" + format + "'";
  std::vector<std::string> nearest = base::NearestNames(format, allowed);
  if (!nearest.empty()) message += "; did you mean " + nearest.front() + "?";
  return base::InvalidArgument(message + " (formats: " + base::Join(allowed, ", ") + ")");
}

base::TimePoint Now() { return base::RealClock().Now(); }

int RunCheck(const ParsedFlags& flags, Io& io) {
  const std::string& path = flags.positionals()[0];
  base::Result<std::string> text = ReadCampaignFile(path);
  if (!text.ok()) return ReportError(text.status(), io);
  base::Result<callcenter::Campaign> campaign = api::ParseCampaign(*text, path);
  if (!campaign.ok()) return ReportError(campaign.status(), io);
  io.out << path << " is a valid campaign file.\n" << CampaignSummary(*campaign) << '\n';
  return kExitOk;
}

int RunAdd(const ParsedFlags& flags, Io& io) {
  const std::string& path = flags.positionals()[0];
  // Checked before the database is opened: a bad file changes nothing, not even the file list.
  base::Result<std::string> text = ReadCampaignFile(path);
  if (!text.ok()) return ReportError(text.status(), io);
  base::Result<callcenter::Campaign> checked = api::ParseCampaign(*text, path);
  if (!checked.ok()) return ReportError(checked.status(), io);
  std::string spec = DatabaseSpec(flags, io);
  base::Result<std::unique_ptr<store::Database>> db = store::OpenDatabase(spec);
  if (!db.ok()) return ReportError(db.status(), io);
  base::Result<callcenter::Campaign> added =
      api::AddCampaign((*db)->campaigns(), *text, path, Now());
  if (added.status().code() == base::StatusCode::kConflict) {
    return ReportError(base::Conflict(added.status().message() +
                                      "; a stored campaign is never changed: give the new one "
                                      "another id"),
                       io);
  }
  if (!added.ok()) return ReportError(added.status(), io);
  io.out << "added campaign " << added->id << " (" << added->name << ") to " << spec << '\n';
  return kExitOk;
}

void PrintCampaignTable(const std::vector<callcenter::Campaign>& campaigns, std::ostream& out) {
  Table table({{"id"}, {"name"}, {"kind"}, {"dial mode"}, {"languages"}, {"lists"}, {"hours"}});
  for (const callcenter::Campaign& campaign : campaigns) {
    table.AddRow({campaign.id, campaign.name,
                  std::string(callcenter::CampaignKindName(campaign.kind)),
                  campaign.dial_mode ? callcenter::DialModeName(*campaign.dial_mode) : "",
                  base::Join(campaign.languages, ","), base::Join(campaign.contact_lists, ","),
                  campaign.hours.ToString()});
  }
  table.PrintText(out);
}

int RunList(const ParsedFlags& flags, Io& io) {
  base::Result<std::string> format = FormatChoice(flags, {"table", "json"});
  if (!format.ok()) return ReportError(format.status(), io);
  auto db = OpenExistingDatabase(flags, io);
  if (!db.ok()) return ReportError(db.status(), io);
  base::Result<std::vector<callcenter::Campaign>> campaigns =
      api::ListCampaigns((*db)->campaigns());
  if (!campaigns.ok()) return ReportError(campaigns.status(), io);
  if (*format == "json") {
    io.out << Dump(api::CampaignsJson(*campaigns)) << '\n';
  } else if (campaigns->empty()) {
    io.out << "no campaigns yet; add one with `jansampark campaign add FILE`\n";
  } else {
    PrintCampaignTable(*campaigns, io.out);
  }
  return kExitOk;
}

int RunShow(const ParsedFlags& flags, Io& io) {
  base::Result<std::string> format = FormatChoice(flags, {"text", "json"});
  if (!format.ok()) return ReportError(format.status(), io);
  auto db = OpenExistingDatabase(flags, io);
  if (!db.ok()) return ReportError(db.status(), io);
  base::Result<callcenter::Campaign> campaign =
      api::GetCampaign((*db)->campaigns(), flags.positionals()[0]);
  if (!campaign.ok()) return ReportError(campaign.status(), io);
  if (*format == "json") {
    io.out << Dump(api::CampaignToJson(*campaign)) << '\n';
  } else {
    PrintCampaign(*campaign, io.out);
  }
  return kExitOk;
}

int RunOptOut(const ParsedFlags& flags, Io& io) {
  const std::string& id = flags.positionals()[0];
  const std::string& number = flags.positionals()[1];
  auto db = OpenExistingDatabase(flags, io);
  if (!db.ok()) return ReportError(db.status(), io);
  base::Result<std::vector<store::DoNotCallEntry>> before = api::ListOptOuts(**db, id);
  if (!before.ok()) return ReportError(before.status(), io);
  for (const store::DoNotCallEntry& entry : *before) {
    if (entry.number != number) continue;
    io.out << number << " is already on the do-not-call list of campaign " << id << " (since "
           << callcenter::FormatIst(entry.added_at) << ")\n";
    return kExitOk;
  }
  base::Status added = api::RecordOptOut(**db, id, number, flags.GetOr("reason", ""), Now());
  if (!added.ok()) return ReportError(added, io);
  io.out << number << " is on the do-not-call list of campaign " << id
         << " for good: it will not be called again\n";
  return kExitOk;
}

int RunDoNotCall(const ParsedFlags& flags, Io& io) {
  base::Result<OutputFormat> format = FormatOf(flags);
  if (!format.ok()) return ReportError(format.status(), io);
  auto db = OpenExistingDatabase(flags, io);
  if (!db.ok()) return ReportError(db.status(), io);
  const std::string& id = flags.positionals()[0];
  base::Result<std::vector<store::DoNotCallEntry>> entries = api::ListOptOuts(**db, id);
  if (!entries.ok()) return ReportError(entries.status(), io);
  if (*format == OutputFormat::kJson) {
    io.out << Dump(api::OptOutsJson(id, *entries)) << '\n';
    return kExitOk;
  }
  Table table({{"number"}, {"added"}, {"reason"}});
  for (const store::DoNotCallEntry& entry : *entries) {
    table.AddRow({entry.number, callcenter::FormatIst(entry.added_at), entry.reason});
  }
  if (*format == OutputFormat::kCsv) {
    table.PrintCsv(io.out);
  } else {
    table.PrintText(io.out);
  }
  return kExitOk;
}

// The file's bytes; kInvalidArgument naming it when it is missing, unreadable or over the
// upload limit (read no further than that).
base::Result<std::vector<std::uint8_t>> ReadPromptFile(const std::string& path) {
  std::error_code error;
  if (!std::filesystem::is_regular_file(path, error)) {
    return base::InvalidArgument("prompt file '" + path + "' does not exist or is not a file");
  }
  std::uintmax_t size = std::filesystem::file_size(path, error);
  if (!error && size > api::kMaxPromptUploadBytes) {
    return base::InvalidArgument("prompt " + path + ": " + std::to_string(size) +
                                 " bytes; an upload is at most 4 MiB");
  }
  std::ifstream in(path, std::ios::binary);
  std::vector<std::uint8_t> bytes((std::istreambuf_iterator<char>(in)),
                                  std::istreambuf_iterator<char>());
  if (error || in.bad()) return base::InvalidArgument("prompt file '" + path + "' cannot be read");
  return bytes;
}

int RunPromptAdd(const ParsedFlags& flags, Io& io) {
  const std::string& id = flags.positionals()[0];
  const std::string& name = flags.positionals()[1];
  const std::string& path = flags.positionals()[2];
  base::Result<std::vector<std::uint8_t>> bytes = ReadPromptFile(path);
  if (!bytes.ok()) return ReportError(bytes.status(), io);
  auto db = OpenExistingDatabase(flags, io);
  if (!db.ok()) return ReportError(db.status(), io);
  base::Result<store::CampaignPrompt> added =
      api::AddCampaignPrompt(**db, id, name, *bytes, path, Now());
  if (!added.ok()) return ReportError(added.status(), io);
  io.out << "campaign " << id << " has prompt " << name << " ("
         << base::FormatFixed(static_cast<double>(added->ulaw.size()) / 8000.0, 1)
         << " s of 8 kHz µ-law), played as " << id << "/" << name << '\n';
  return kExitOk;
}

int RunPromptList(const ParsedFlags& flags, Io& io) {
  base::Result<OutputFormat> format = FormatOf(flags);
  if (!format.ok()) return ReportError(format.status(), io);
  auto db = OpenExistingDatabase(flags, io);
  if (!db.ok()) return ReportError(db.status(), io);
  const std::string& id = flags.positionals()[0];
  base::Result<std::vector<store::CampaignPrompt>> prompts = api::ListCampaignPrompts(**db, id);
  if (!prompts.ok()) return ReportError(prompts.status(), io);
  if (*format == OutputFormat::kJson) {
    io.out << Dump(api::PromptsJson(id, *prompts)) << '\n';
    return kExitOk;
  }
  Table table({{"name"}, {"seconds", Align::kRight}, {"added"}});
  for (const store::CampaignPrompt& prompt : *prompts) {
    table.AddRow({prompt.name,
                  base::FormatFixed(static_cast<double>(prompt.ulaw.size()) / 8000.0, 1),
                  callcenter::FormatIst(prompt.added_at)});
  }
  if (*format == OutputFormat::kCsv) {
    table.PrintCsv(io.out);
  } else {
    table.PrintText(io.out);
  }
  return kExitOk;
}

int RunPromptRemove(const ParsedFlags& flags, Io& io) {
  const std::string& id = flags.positionals()[0];
  const std::string& name = flags.positionals()[1];
  auto db = OpenExistingDatabase(flags, io);
  if (!db.ok()) return ReportError(db.status(), io);
  base::Status removed = api::RemoveCampaignPrompt(**db, id, name);
  if (!removed.ok()) return ReportError(removed, io);
  io.out << "removed prompt " << name << " of campaign " << id << '\n';
  return kExitOk;
}

int RunAnswers(const ParsedFlags& flags, Io& io) {
  base::Result<OutputFormat> format = FormatOf(flags);
  if (!format.ok()) return ReportError(format.status(), io);
  auto db = OpenExistingDatabase(flags, io);
  if (!db.ok()) return ReportError(db.status(), io);
  const std::string& id = flags.positionals()[0];
  base::Result<std::vector<store::BroadcastAnswer>> answers = api::ListBroadcastAnswers(**db, id);
  if (!answers.ok()) return ReportError(answers.status(), io);
  if (*format == OutputFormat::kJson) {
    io.out << Dump(api::BroadcastAnswersJson(id, *answers)) << '\n';
    return kExitOk;
  }
  Table table({{"number"}, {"question"}, {"key", Align::kRight}, {"answered"}});
  for (const store::BroadcastAnswer& answer : *answers) {
    table.AddRow({answer.number, answer.question_id, std::string(1, answer.digit),
                  callcenter::FormatIst(answer.answered_at)});
  }
  if (*format == OutputFormat::kCsv) {
    table.PrintCsv(io.out);
  } else {
    table.PrintText(io.out);
  }
  return kExitOk;
}

}  // namespace

std::vector<Command> CampaignCommands() {
  FlagSpec file = Argument("FILE", "a campaign file (JSON, docs/json.md; examples/campaigns/)");
  FlagSpec id = Argument("ID", "the campaign's id");
  return {
      {"campaign check",
       "check a campaign file and say what the campaign does",
       "jansampark campaign check FILE",
       "Reads the file and checks every rule of a campaign (docs/json.md); an error names the\n"
       "file, the key and what is wrong, and exits 2. Nothing is stored.\n",
       {file},
       RunCheck},
      {"campaign add",
       "check a campaign file and store the campaign",
       "jansampark campaign add FILE [--db PATH]",
       "Checks the file as `campaign check` does (exit 2 when it is not valid), then stores the\n"
       "campaign, creating the database when missing. A stored campaign is never changed: an\n"
       "id that is stored already exits 1.\n",
       {file, DbFlag()},
       RunAdd},
      {"campaign list",
       "list the stored campaigns",
       "jansampark campaign list [--db PATH] "
       "[--format table|json]",
       "",
       {DbFlag(), {"format", "table|json", "output format (default table)"}},
       RunList},
      {"campaign show",
       "show one stored campaign",
       "jansampark campaign show ID [--db PATH] [--format text|json]",
       "The JSON is a campaign file: what `campaign add` reads, with every default written.\n",
       {id, DbFlag(), {"format", "text|json", "output format (default text)"}},
       RunShow},
      {"campaign opt-out",
       "put a number on a campaign's do-not-call list, for good",
       "jansampark campaign opt-out ID NUMBER [--reason R] [--db PATH]",
       "The number (E.164, e.g. +919812345678) is never called by the campaign again; an\n"
       "opt-out cannot be undone. Recording it again changes nothing.\n",
       {id,
        Argument("NUMBER", "the phone number in E.164 form (+919812345678)"),
        {"reason", "R", "why, as the person said it (optional)"},
        DbFlag()},
       RunOptOut},
      {"campaign dnc",
       "list a campaign's do-not-call list, oldest first",
       "jansampark campaign dnc ID [--db PATH] [--format table|csv|json]",
       "",
       {id, DbFlag(), FormatFlag()},
       RunDoNotCall},
      {"campaign answers",
       "list the answers to a broadcast's press-1 question, oldest first",
       "jansampark campaign answers ID [--db PATH] [--format table|csv|json]",
       "One row per number that pressed a key (a later answer replaces an earlier one); the\n"
       "JSON adds a tally by key.\n",
       {id, DbFlag(), FormatFlag()},
       RunAnswers},
      {"campaign prompt add",
       "upload a recorded prompt for a campaign (its broadcast message or question)",
       "jansampark campaign prompt add ID NAME FILE [--db PATH]",
       "FILE is a WAV file (8 kHz, mono; 16-bit PCM, µ-law or A-law) or raw 8 kHz µ-law\n"
       "(.ulaw), 0.2 s to 2 minutes long. It is stored in the database as µ-law, replacing a\n"
       "prompt of that NAME, and played as ID/NAME; a broadcast's message or question NAME\n"
       "refers to it. A bad file is refused (exit 2) naming it and what is wrong.\n",
       {id, Argument("NAME", "the prompt's name: 1-64 of a-z, A-Z, 0-9, _ and -"),
        Argument("FILE", "the recording"), DbFlag()},
       RunPromptAdd},
      {"campaign prompt list",
       "list the prompts a campaign uploaded",
       "jansampark campaign prompt list ID [--db PATH] [--format table|csv|json]",
       "",
       {id, DbFlag(), FormatFlag()},
       RunPromptList},
      {"campaign prompt remove",
       "remove a prompt a campaign uploaded",
       "jansampark campaign prompt remove ID NAME [--db PATH]",
       "",
       {id, Argument("NAME", "the prompt's name"), DbFlag()},
       RunPromptRemove},
  };
}

}  // namespace cli
