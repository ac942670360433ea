#include "telephony/rtp/prompt_library.h"

#include <algorithm>
#include <filesystem>
#include <string_view>
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
  if (PromptRef exact = Exactly(name)) return exact;
  std::string base = name;
  // "abandon_bn" -> "abandon": an ISO 639 code of two or three lowercase letters.
  if (std::size_t cut = name.rfind('_'); cut != std::string::npos) {
    std::string_view language = std::string_view(name).substr(cut + 1);
    bool is_language =
        (language.size() == 2 || language.size() == 3) &&
        std::all_of(language.begin(), language.end(), [](char c) { return c >= 'a' && c <= 'z'; });
    if (is_language) base = name.substr(0, cut);
  }
  for (const std::string& language : fallback_languages_) {
    std::string in_language = base;
    in_language.append("_").append(language);
    if (PromptRef fallback = Exactly(in_language)) return fallback;
  }
  return base == name ? nullptr : Exactly(base);  // one made for every language
}

void PromptLibrary::SetFallbackLanguages(std::vector<std::string> languages) {
  fallback_languages_ = std::move(languages);
}

PromptRef PromptLibrary::Exactly(const std::string& name) const {
  auto found = prompts_.find(name);
  return found == prompts_.end() ? nullptr : found->second;
}

}  // namespace telephony::rtp
