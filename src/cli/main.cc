#include <cstdlib>
#include <iostream>

#include "base/logging.h"
#include "cli/command.h"

int main(int argc, char** argv) {
  if (const char* level = std::getenv("JANSAMPARK_LOG")) base::SetLogThresholdFromName(level);
  std::vector<std::string> args(argv + 1, argv + argc);
  cli::Io io{std::cout, std::cerr, [](const std::string& name) {
               const char* value = std::getenv(name.c_str());
               return std::string(value != nullptr ? value : "");
             }};
  return cli::RunCli(args, io);
}
