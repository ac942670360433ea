#include "telephony/rtp/prompt_library.h"

#include <algorithm>
#include <filesystem>
#include <string_view>
#include <system_error>

#include "telephony/rtp/prompt_file.h"

namespace telephony::rtp {
namespace {

// The languages a prompt missing in the caller's own language is played in, in order.
constexpr const char* kFallbackLanguages[] = {"hi", "en"};

}  // namespace

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
  // "abandon_bn" -> "abandon", if the end is an ISO 639 code (two or three lowercase letters);
  // "thank_you" may also be a whole name, so it is tried as one after.
  std::string stripped = name;
  if (std::size_t cut = name.rfind('_'); cut != std::string::npos) {
    std::string_view end = std::string_view(name).substr(cut + 1);
    bool is_language =
        (end.size() == 2 || end.size() == 3) &&
        std::all_of(end.begin(), end.end(), [](char c) { return c >= 'a' && c <= 'z'; });
    if (is_language) stripped = name.substr(0, cut);
  }
  for (const std::string& base : {stripped, name}) {
    for (const char* language : kFallbackLanguages) {
      std::string in_language = base;
      in_language.append("_").append(language);
      if (PromptRef fallback = Exactly(in_language)) return fallback;
    }
  }
  return stripped == name ? nullptr : Exactly(stripped);  // one made for every language
}

PromptRef PromptLibrary::Exactly(const std::string& name) const {
  auto found = prompts_.find(name);
  return found == prompts_.end() ? nullptr : found->second;
}

}  // namespace telephony::rtp
