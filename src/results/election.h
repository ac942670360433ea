#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace results {

enum class ElectionKind { kLokSabha, kAssembly };

// An election whose results are loaded: "ls2019", "ls2014" (Lok Sabha) or "ae2021" (the
// assembly elections of that year, in the states that held one).
struct Election {
  std::string id;
  ElectionKind kind = ElectionKind::kLokSabha;
  int year = 0;
  // Codes of the states with results, in code order. Filled by the store from the votes;
  // ignored when written.
  std::vector<std::string> states;
};

// One candidate's (or NOTA's) votes in one constituency of one election. `number` is the seat
// number for Lok Sabha elections and the segment number for assembly elections.
struct CandidateVotes {
  std::string state_code;
  int number = 0;
  int position = 0;  // rank by votes; 0 for NOTA
  std::string candidate;
  std::string party;  // ECI code where known, otherwise the source's own string
  std::int64_t votes = 0;
};

struct ElectionResults {
  Election election;
  std::vector<CandidateVotes> votes;
};

}  // namespace results
