#include <cmath>
#include <ostream>

#include "api/dialer_json.h"
#include "base/text.h"
#include "cli/command.h"
#include "cli/common_flags.h"
#include "cli/table.h"
#include "simulation/day_simulation.h"

namespace cli {
namespace {

base::Result<double> NumberFlag(const ParsedFlags& flags, const std::string& name,
                                double fallback) {
  std::optional<std::string> text = flags.Get(name);
  if (!text) return fallback;
  return base::ParseDouble(*text, "--" + name);
}

base::Result<simulation::DayParams> DayParamsOf(const ParsedFlags& flags) {
  simulation::DayParams params;
  JS_ASSIGN_OR_RETURN(double agents, NumberFlag(flags, "agents", params.agents));
  if (agents != std::floor(agents)) return base::InvalidArgument("--agents must be whole");
  params.agents = static_cast<int>(agents);
  JS_ASSIGN_OR_RETURN(params.answer_rate, NumberFlag(flags, "answer-rate", params.answer_rate));
  JS_ASSIGN_OR_RETURN(double aht, NumberFlag(flags, "aht", 180));
  if (!(aht > 0 && aht < 100000)) return base::InvalidArgument("--aht must be a positive number");
  params.handle_time =
      std::chrono::duration_cast<base::Duration>(std::chrono::duration<double>(aht));
  JS_ASSIGN_OR_RETURN(params.hours, NumberFlag(flags, "hours", params.hours));
  params.mode = flags.GetOr("mode", params.mode);
  JS_ASSIGN_OR_RETURN(params.inbound_per_hour,
                      NumberFlag(flags, "inbound-per-hour", params.inbound_per_hour));
  if (std::optional<std::string> seed = flags.Get("seed")) {
    JS_ASSIGN_OR_RETURN(std::int64_t value, base::ParseInt(*seed, "--seed"));
    if (value < 0) return base::InvalidArgument("--seed must not be negative");
    params.seed = static_cast<std::uint64_t>(value);
  }
  return params;
}

void PrintReport(const simulation::DayParams& params, const simulation::DayReport& report,
                 OutputFormat format, std::ostream& out) {
  Table table({{"measure"}, {"value", Align::kRight}});
  nlohmann::json json = api::DayReportJson(params, report);
  for (const auto& [key, value] : json.items()) {
    table.AddRow({key, value.is_string() ? value.get<std::string>() : value.dump()});
  }
  if (format == OutputFormat::kCsv) {
    table.PrintCsv(out);
  } else {
    table.PrintText(out);
  }
}

int RunDialerSimulate(const ParsedFlags& flags, Io& io) {
  base::Result<OutputFormat> format = FormatOf(flags);
  if (!format.ok()) return ReportError(format.status(), io);
  base::Result<simulation::DayParams> params = DayParamsOf(flags);
  if (!params.ok()) return ReportError(params.status(), io);
  base::Result<simulation::DayReport> report = simulation::SimulateDay(*params);
  if (!report.ok()) return ReportError(report.status(), io);
  if (*format == OutputFormat::kJson) {
    io.out << api::DayReportJson(*params, *report).dump(2) << '\n';
  } else {
    PrintReport(*params, *report, *format, io.out);
  }
  return kExitOk;
}

}  // namespace

std::vector<Command> DialerCommands() {
  return {{"dialer simulate",
           "simulate a calling day of one outbound campaign and measure its dialer",
           "jansampark dialer simulate [--agents N] [--answer-rate R] [--aht SECONDS]\n"
           "       [--hours H] [--mode M] [--seed S] [--inbound-per-hour N]\n"
           "       [--format table|csv|json]",
           "Runs the campaign's dialer against a seeded simulated telephone world (answer and\n"
           "ring times, busy lines, machines, log-normal talk and wrap-up times) on simulated\n"
           "time, and reports what a supervisor would measure. Modes: preview, progressive,\n"
           "power:RATIO, predictive, vicidial-adaptive, and oracle (knows every call's outcome\n"
           "in advance: the upper bound). With --inbound-per-hour the campaign is blended:\n"
           "callers also ring in to its helpline and are queued for the same agents. The same\n"
           "seed gives the same day.\n",
           {{"agents", "N", "agents logged in all day (default 50)"},
            {"answer-rate", "R", "fraction of dialled calls a person answers (default 0.30)"},
            {"aht", "SECONDS", "mean handle time, talk + wrap-up (default 180)"},
            {"hours", "H", "length of the day (default 8)"},
            {"mode", "M", "dial mode (default predictive)"},
            {"seed", "S", "random seed (default 1)"},
            {"inbound-per-hour", "N", "callers ringing in to the helpline an hour (default 0)"},
            FormatFlag()},
           RunDialerSimulate}};
}

}  // namespace cli
