// ivr_flow_prompts FLOW.json: prints the prompt names the IVR flow plays, one a line, sorted; on
// an invalid flow prints the error to stderr and exits 1. For make_prompts_test.sh.
#include <fstream>
#include <iostream>
#include <sstream>

#include "telephony/ivr/flow_parser.h"

int main(int argc, char** argv) {
  if (argc != 2) {
    std::cerr << "usage: ivr_flow_prompts FLOW.json\n";
    return 2;
  }
  std::ifstream file(argv[1]);
  if (!file) {
    std::cerr << argv[1] << ": cannot be read\n";
    return 1;
  }
  std::stringstream text;
  text << file.rdbuf();
  base::Result<telephony::ivr::Flow> flow = telephony::ivr::ParseFlow(text.str());
  if (!flow.ok()) {
    std::cerr << argv[1] << ": " << flow.status().message() << "\n";
    return 1;
  }
  for (const std::string& name : flow->PromptNames()) std::cout << name << "\n";
  return 0;
}
