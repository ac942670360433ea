#include <filesystem>
#include <ostream>

#include "cli/command.h"
#include "cli/common_flags.h"
#include "refdata/india_loader.h"

#ifndef JANSAMPARK_DATA_DIR
#error "JANSAMPARK_DATA_DIR must name the bundled data folder"
#endif

namespace cli {
namespace {

// --data, else $JANSAMPARK_DATA, else ./data/india when present, else the folder the program
// was built from.
std::string DataDir(const ParsedFlags& flags, const Io& io) {
  if (std::optional<std::string> dir = flags.Get("data")) return *dir;
  std::string from_env = io.getenv("JANSAMPARK_DATA");
  if (!from_env.empty()) return from_env;
  if (std::filesystem::exists("data/india/pc.csv")) return "data/india";
  return JANSAMPARK_DATA_DIR;
}

int RunDataLoad(const ParsedFlags& flags, Io& io) {
  std::string dir = DataDir(flags, io);
  // Everything is read and checked before the database is touched, so a bad file leaves the
  // database as it was.
  base::Result<results::ReferenceData> data = refdata::LoadIndiaData(dir);
  if (!data.ok()) return ReportError(data.status(), io);
  std::string spec = DatabaseSpec(flags, io);
  base::Result<std::unique_ptr<store::Database>> db = store::OpenDatabase(spec);
  if (!db.ok()) return ReportError(db.status(), io);
  base::Status written = (*db)->ReplaceReferenceData(*data);
  if (!written.ok()) return ReportError(written, io);
  std::size_t rows = 0;
  for (const results::ElectionResults& election : data->elections) rows += election.votes.size();
  io.out << "loaded " << data->states.size() << " states, " << data->seats.size() << " seats, "
         << data->segments.size() << " segments, " << data->parties.size() << " parties and "
         << data->elections.size() << " elections (" << rows << " result rows) from " << dir
         << " into " << spec << '\n';
  return kExitOk;
}

}  // namespace

std::vector<Command> DataCommands() {
  return {{"data load",
           "load the bundled reference data (states, seats, segments, parties, results)",
           "jansampark data load [--db PATH] [--data DIR]",
           "Reads every file of the reference data folder, checks it (a malformed or inconsistent\n"
           "file stops the load with the file, line and reason) and writes it in one transaction:\n"
           "the database is either fully loaded or left as it was. Loading again is harmless.\n",
           {DbFlag(),
            {"data", "DIR",
             "the reference data folder (default $JANSAMPARK_DATA, else ./data/india, else the "
             "bundled copy)"}},
           RunDataLoad}};
}

}  // namespace cli
