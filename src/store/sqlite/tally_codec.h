#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "base/result.h"
#include "results/tally.h"

namespace store::sqlite {

// Packs a constituency's candidates as "party<US>votes<RS>party<US>votes..." (ASCII unit and
// record separators), the form the `tallies` table keeps. A party string that holds either
// separator cannot be packed and is refused with kInvalidArgument.
base::Result<std::string> EncodeCandidates(const std::vector<results::CandidateTally>& candidates);

// The inverse; kInternal when the text is not in that form (a damaged database).
base::Result<std::vector<results::CandidateTally>> DecodeCandidates(std::string_view text);

}  // namespace store::sqlite
