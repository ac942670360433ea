#include <ostream>

#include "api/call_record_json.h"
#include "api/opt_out_json.h"
#include "callcenter/calling_hours.h"
#include "cli/command.h"
#include "cli/common_flags.h"
#include "cli/table.h"

namespace cli {
namespace {

using nlohmann::json;

// Numbers come from callers' networks and need not be UTF-8; a stray byte must not stop the
// output.
std::string Dump(const json& value) {
  return value.dump(2, ' ', false, json::error_handler_t::replace);
}

// Seconds from `from` to `to`, empty when the call never got there.
std::string SecondsBetween(base::TimePoint from, const std::optional<base::TimePoint>& to) {
  if (!to) return "";
  return std::to_string(std::chrono::duration_cast<std::chrono::seconds>(*to - from).count());
}

int RunList(const ParsedFlags& flags, Io& io) {
  base::Result<OutputFormat> format = FormatOf(flags);
  if (!format.ok()) return ReportError(format.status(), io);
  // Checked before the database is opened, so a typo is told as such.
  base::Result<store::CallRecordQuery> query =
      api::ParseCallRecordQuery({.kind = flags.Get("kind"),
                                 .since = flags.Get("since"),
                                 .until = flags.Get("until"),
                                 .limit = flags.Get("limit")},
                                api::ParameterStyle::kFlag);
  if (!query.ok()) return ReportError(query.status(), io);
  auto db = OpenExistingDatabase(flags, io);
  if (!db.ok()) return ReportError(db.status(), io);
  base::Result<std::vector<store::CallRecord>> records =
      (*db)->call_records().ListCallRecords(*query);
  if (!records.ok()) return ReportError(records.status(), io);
  if (*format == OutputFormat::kJson) {
    io.out << Dump(api::CallRecordsJson(*records)) << '\n';
    return kExitOk;
  }
  bool csv = *format == OutputFormat::kCsv;
  if (!csv && records->empty()) {
    io.out << "no calls recorded" << (query->kind.empty() ? "" : " of kind " + query->kind)
           << (query->since || query->until ? " in that time" : "") << '\n';
    return kExitOk;
  }
  Table table({{"id"},
               {csv ? "started_at" : "started"},
               {"kind"},
               {"direction"},
               {"from"},
               {"to"},
               {"campaign"},
               {"state"},
               {"language"},
               {"agent"},
               {"outcome"},
               {"answered_after_s"},
               {"duration_s"},
               {"recording"}});
  for (const store::CallRecord& record : *records) {
    // People read India's time; programs get UTC to the second.
    table.AddRow(
        {std::to_string(record.id),
         csv ? api::FormatUtc(record.started_at) : callcenter::FormatIst(record.started_at),
         record.kind, record.direction, record.from, record.to, record.campaign_id, record.state,
         record.language, record.agent_id, record.outcome,
         SecondsBetween(record.started_at, record.answered_at),
         SecondsBetween(record.started_at, record.ended_at), record.recording});
  }
  if (csv) {
    table.PrintCsv(io.out);
  } else {
    table.PrintText(io.out);
  }
  return kExitOk;
}

}  // namespace

std::vector<Command> CallsCommands() {
  return {
      {"calls list",
       "list the call detail records, newest first",
       "jansampark calls list [--kind K] [--since TIME] [--until TIME] [--limit N]\n"
       "                      [--format table|csv|json] [--db PATH]",
       "One record per call: helpline calls, missed calls (logged and refused unanswered by\n"
       "`serve`; a missed-call number's call-back campaign is kept with each) and campaign\n"
       "calls. TIME is a date (2026-01-01, midnight UTC) or a time with its zone\n"
       "(2026-01-01T09:30:00Z, 2026-01-01T15:00:00+05:30); --since is included, --until not.\n"
       "The table shows times in IST; csv and json give UTC.\n",
       {{"kind", "K", "helpline, missed_call or campaign (default: every kind)"},
        {"since", "TIME", "only calls started at or after TIME"},
        {"until", "TIME", "only calls started before TIME"},
        {"limit", "N", "at most N calls, the newest (1-1000, default 100)"},
        FormatFlag(),
        DbFlag()},
       RunList},
  };
}

}  // namespace cli
