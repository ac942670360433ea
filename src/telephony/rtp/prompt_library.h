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
  // The prompt named, else the same prompt in a fallback language: prompts are made per
  // language ("abandon_hi", "abandon_en"), and a caller whose language has none of its own
  // ("abandon_bn") hears it in Hindi, else in English, rather than
  // silence; a name without a language ("abandon") likewise; failing those, the one prompt made
  // without a language ("abandon") for every language. nullptr when none exists.
  PromptRef Find(const std::string& name) const;
  bool empty() const { return prompts_.empty(); }

 private:
  PromptRef Exactly(const std::string& name) const;

  std::map<std::string, PromptRef> prompts_;
};

}  // namespace telephony::rtp
