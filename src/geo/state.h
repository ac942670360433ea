#pragma once

#include <string>
#include <vector>

namespace geo {

enum class StateKind { kState, kUnionTerritory };

// A state or union territory, keyed by its ECI code ("S12", "U05") as of the 2019 election.
struct State {
  std::string code;
  std::string name;
  std::string abbr;  // "MP"
  StateKind kind = StateKind::kState;
  int seat_count = 0;     // Lok Sabha constituencies
  int segment_count = 0;  // assembly constituencies
  bool has_assembly = false;
  // ISO 639 codes; the primary official language first. Empty where none is known.
  std::vector<std::string> official_languages;
  std::vector<std::string> additional_languages;
};

}  // namespace geo
