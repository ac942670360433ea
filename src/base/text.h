#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "base/result.h"

namespace base {

std::string ToLower(std::string_view text);
std::string ToUpper(std::string_view text);
std::string_view Trim(std::string_view text);
std::vector<std::string> Split(std::string_view text, char separator);
std::string Join(const std::vector<std::string>& parts, std::string_view separator);
bool EqualsIgnoreCase(std::string_view a, std::string_view b);

// Strict number parsing: the whole text must be the number. `what` names the value in the
// error ("votes 'abc' is not a whole number").
Result<std::int64_t> ParseInt(std::string_view text, std::string_view what);
Result<double> ParseDouble(std::string_view text, std::string_view what);

// Levenshtein distance over bytes, case-insensitive; for "did you mean" suggestions.
std::size_t EditDistance(std::string_view a, std::string_view b);

// Up to `limit` candidates nearest to `wanted` (by EditDistance, then alphabetically), only
// those close enough to be a plausible typo or a prefix/substring of `wanted`.
std::vector<std::string> NearestNames(std::string_view wanted,
                                      const std::vector<std::string>& candidates,
                                      std::size_t limit = 3);

// "%.1f"-style formatting without locale surprises.
std::string FormatFixed(double value, int decimals);

}  // namespace base
