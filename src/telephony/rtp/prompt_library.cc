#include "telephony/rtp/prompt_library.h"

#include <filesystem>
#include <system_error>

#include "telephony/rtp/prompt_file.h"

namespace telephony::rtp {

base::Result<int> PromptLibrary::LoadDirectory(const std::string& dir) {
  std::error_code error;
  std::filesystem::directory_iterator entries(dir, error);
  if (error) {
    return base::NotFound("prompts directory '" + dir + "': " + error.message());
  }
  int loaded = 0;
  for (const auto& entry : entries) {
    const std::filesystem::path& path = entry.path();
    if (path.extension() != ".ulaw" && path.extension() != ".wav") continue;
    base::Result<PromptRef> prompt = LoadPrompt(path.string());
    if (!prompt.ok()) return prompt.status();
    prompts_[path.stem().string()] = *prompt;
    ++loaded;
  }
  return loaded;
}

void PromptLibrary::Add(const std::string& name, PromptRef prompt) {
  prompts_[name] = std::move(prompt);
}

PromptRef PromptLibrary::Find(const std::string& name) const {
  auto found = prompts_.find(name);
  return found == prompts_.end() ? nullptr : found->second;
}

}  // namespace telephony::rtp
