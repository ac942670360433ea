#include "cli/common_flags.h"

#include <filesystem>
#include <ostream>

#include "base/text.h"

namespace cli {

FlagSpec DbFlag() {
  return {"db", "PATH",
          "the database: a SQLite file path or sqlite:PATH (default $JANSAMPARK_DB, else "
          "jansampark.db here)"};
}

FlagSpec FormatFlag() { return {"format", "table|csv|json", "output format (default table)"}; }

std::string DatabaseSpec(const ParsedFlags& flags, const Io& io) {
  if (std::optional<std::string> db = flags.Get("db")) return *db;
  std::string from_env = io.getenv("JANSAMPARK_DB");
  return from_env.empty() ? "jansampark.db" : from_env;
}

base::Result<std::unique_ptr<store::Database>> OpenExistingDatabase(const ParsedFlags& flags,
                                                                    const Io& io) {
  std::string spec = DatabaseSpec(flags, io);
  std::string path = spec.rfind("sqlite:", 0) == 0 ? spec.substr(7) : spec;
  bool is_sqlite_file = spec.find("://") == std::string::npos && path != ":memory:";
  if (is_sqlite_file && !std::filesystem::exists(path)) {
    return base::NotFound("database '" + path +
                          "' does not exist; create it with `jansampark data load --db " + path +
                          "`");
  }
  return store::OpenDatabase(spec);
}

base::Result<OutputFormat> FormatOf(const ParsedFlags& flags) {
  std::string format = flags.GetOr("format", "table");
  if (format == "table") return OutputFormat::kTable;
  if (format == "csv") return OutputFormat::kCsv;
  if (format == "json") return OutputFormat::kJson;
  std::string message = "unknown format '" + format + "'";
  std::vector<std::string> nearest = base::NearestNames(format, {"table", "csv", "json"});
  if (!nearest.empty()) message += "; did you mean " + nearest.front() + "?";
  return base::InvalidArgument(message + " (formats: table, csv, json)");
}

int ReportError(const base::Status& status, Io& io) {
  io.err << "jansampark: " << status.message() << '\n';
  return status.code() == base::StatusCode::kInvalidArgument ? kExitUsage : kExitFailure;
}

}  // namespace cli
