#pragma once

#include <string>
#include <vector>

namespace results {

// A party, keyed by its ECI abbreviation ("BJP", "INC", "CPIM"); IND and NOTA are rows too.
struct Party {
  std::string code;
  std::string name;
  std::string ls2014_name;           // the spelling used by the 2014 results, may be empty
  std::vector<std::string> aliases;  // other spellings and codes that mean this party
};

inline constexpr char kIndependent[] = "IND";
inline constexpr char kNota[] = "NOTA";

}  // namespace results
