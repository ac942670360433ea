#include <filesystem>
#include <fstream>
#include <ostream>

#include "api/opt_out_json.h"
#include "base/real_clock.h"
#include "cli/command.h"
#include "cli/common_flags.h"
#include "contacts/dnd_file.h"
#include "contacts/dnd_registry.h"

namespace cli {
namespace {

std::string E164(std::uint64_t digits) { return "+" + std::to_string(digits); }

int RunLoad(const ParsedFlags& flags, Io& io) {
  const std::string& path = flags.positionals()[0];
  std::error_code error;
  if (!std::filesystem::is_regular_file(path, error)) {
    return ReportError(
        base::InvalidArgument("DND extract '" + path + "' does not exist or is not a file"), io);
  }
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    return ReportError(base::InvalidArgument("DND extract '" + path + "' cannot be read"), io);
  }
  // The whole extract is read and checked before the database is touched: a bad line changes
  // nothing, and the registry in use stays as it was.
  base::Result<contacts::NumberSet> numbers = contacts::ReadDndRegistry(in, path);
  if (!numbers.ok()) return ReportError(numbers.status(), io);
  auto db = OpenExistingDatabase(flags, io);
  if (!db.ok()) return ReportError(db.status(), io);
  base::Status saved =
      contacts::SaveDndRegistry((*db)->dnd_registry(), *numbers, path, base::RealClock().Now());
  if (!saved.ok()) return ReportError(saved.WithContext("storing the DND registry"), io);
  double bytes = static_cast<double>(numbers->EncodedBytes());
  io.out << "loaded " << numbers->size() << " DND number(s) from " << path << " ("
         << static_cast<std::uint64_t>(bytes / 1024) << " KiB packed";
  if (numbers->size() > 0) {
    io.out << ", " << bytes / static_cast<double>(numbers->size()) << " bytes a number";
  }
  io.out << "); it replaces the registry loaded before, and serve takes it at its next start\n";
  return kExitOk;
}

int RunCheck(const ParsedFlags& flags, Io& io) {
  base::Result<std::uint64_t> number = contacts::ParseRegistryNumber(flags.positionals()[0]);
  if (!number.ok()) return ReportError(number.status(), io);
  auto db = OpenExistingDatabase(flags, io);
  if (!db.ok()) return ReportError(db.status(), io);
  base::Result<contacts::LoadedDndRegistry> loaded =
      contacts::LoadDndRegistry((*db)->dnd_registry());
  if (!loaded.ok()) return ReportError(loaded.status(), io);
  if (!loaded->loaded) {
    return ReportError(base::NotFound("no DND registry is loaded: jansampark dnd load FILE"), io);
  }
  bool listed = loaded->registry.numbers().Contains(*number);
  io.out << E164(*number) << (listed ? " is" : " is not") << " on the DND registry ("
         << loaded->source << ", " << loaded->registry.numbers().size() << " numbers, loaded "
         << api::FormatUtc(loaded->loaded_at) << ")\n";
  return kExitOk;
}

}  // namespace

std::vector<Command> DndCommands() {
  return {
      {"dnd load",
       "load the national DND registry from an extract",
       "jansampark dnd load FILE [--db PATH]",
       "FILE holds one number a line: 10 digits (9876543210), or with 0, 91 or +91 before them,\n"
       "or any E.164 number with its +. The first bad line stops the load, naming the line, and\n"
       "the registry loaded before stays in use. The numbers are kept packed in the database,\n"
       "about a byte each at the registry's size; a new load replaces the last one whole.\n",
       {Argument("FILE", "the registry extract"), DbFlag()},
       RunLoad},
      {"dnd check",
       "say whether a number is on the loaded DND registry",
       "jansampark dnd check NUMBER [--db PATH]",
       "NUMBER in any form `dnd load` takes. The dialer checks every number against the registry\n"
       "when it dials, whatever this says.\n",
       {Argument("NUMBER", "the phone number"), DbFlag()},
       RunCheck},
  };
}

}  // namespace cli
