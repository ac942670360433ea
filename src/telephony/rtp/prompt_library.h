#pragma once

#include <map>
#include <string>

#include "base/result.h"
#include "telephony/rtp/media_engine.h"

namespace telephony::rtp {

// Prompts by name ("welcome_hi", "abandon_en", "beep"), loaded once and shared by every call.
// Not thread-safe to change; read-only use (Find) from any thread once loaded.
class PromptLibrary {
 public:
  // Loads every NAME.ulaw and NAME.wav file of `dir` (see LoadPrompt); a file that does not load
  // is an error naming it. Returns how many prompts were loaded.
  base::Result<int> LoadDirectory(const std::string& dir);
  void Add(const std::string& name, PromptRef prompt);
  // nullptr when there is no such prompt.
  PromptRef Find(const std::string& name) const;
  bool empty() const { return prompts_.empty(); }

 private:
  std::map<std::string, PromptRef> prompts_;
};

}  // namespace telephony::rtp
