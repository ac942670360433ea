#include "base/text.h"

#include <algorithm>
#include <cctype>
#include <charconv>
#include <cmath>
#include <cstdio>
#include <tuple>

namespace base {

std::string ToLower(std::string_view text) {
  std::string out(text);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

std::string ToUpper(std::string_view text) {
  std::string out(text);
  for (char& c : out) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  return out;
}

std::string_view Trim(std::string_view text) {
  auto is_space = [](char c) { return std::isspace(static_cast<unsigned char>(c)) != 0; };
  while (!text.empty() && is_space(text.front())) text.remove_prefix(1);
  while (!text.empty() && is_space(text.back())) text.remove_suffix(1);
  return text;
}

std::vector<std::string> Split(std::string_view text, char separator) {
  std::vector<std::string> parts;
  std::size_t start = 0;
  while (true) {
    std::size_t end = text.find(separator, start);
    parts.emplace_back(text.substr(start, end - start));
    if (end == std::string_view::npos) break;
    start = end + 1;
  }
  return parts;
}

std::string Join(const std::vector<std::string>& parts, std::string_view separator) {
  std::string out;
  for (std::size_t i = 0; i < parts.size(); ++i) {
    if (i > 0) out += separator;
    out += parts[i];
  }
  return out;
}

bool EqualsIgnoreCase(std::string_view a, std::string_view b) {
  return a.size() == b.size() && ToLower(a) == ToLower(b);
}

Result<std::int64_t> ParseInt(std::string_view text, std::string_view what) {
  std::int64_t value = 0;
  auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (text.empty() || error != std::errc() || end != text.data() + text.size()) {
    return InvalidArgument(std::string(what) + " '" + std::string(text) +
                           "' is not a whole number");
  }
  return value;
}

Result<double> ParseDouble(std::string_view text, std::string_view what) {
  double value = 0;
  auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (text.empty() || error != std::errc() || end != text.data() + text.size() ||
      !std::isfinite(value)) {
    return InvalidArgument(std::string(what) + " '" + std::string(text) + "' is not a number");
  }
  return value;
}

std::size_t EditDistance(std::string_view a, std::string_view b) {
  std::string x = ToLower(a);
  std::string y = ToLower(b);
  std::vector<std::size_t> row(y.size() + 1);
  for (std::size_t j = 0; j <= y.size(); ++j) row[j] = j;
  for (std::size_t i = 1; i <= x.size(); ++i) {
    std::size_t diagonal = row[0];
    row[0] = i;
    for (std::size_t j = 1; j <= y.size(); ++j) {
      std::size_t above = row[j];
      std::size_t substitution = diagonal + (x[i - 1] == y[j - 1] ? 0 : 1);
      row[j] = std::min({above + 1, row[j - 1] + 1, substitution});
      diagonal = above;
    }
  }
  return row[y.size()];
}

std::vector<std::string> NearestNames(std::string_view wanted,
                                      const std::vector<std::string>& candidates,
                                      std::size_t limit) {
  std::string lowered = ToLower(wanted);
  // Ordered by distance, then whether one contains the other ("BJP" in "BJPP"), then by how
  // close the lengths are, then alphabetically, so that the likeliest intent comes first.
  using Scored = std::tuple<std::size_t, bool, std::size_t, std::string>;
  std::vector<Scored> scored;
  for (const std::string& candidate : candidates) {
    if (candidate.empty()) continue;  // "" is in every string, and suggests nothing
    std::string lowered_candidate = ToLower(candidate);
    std::size_t distance = EditDistance(wanted, candidate);
    bool contains = !lowered.empty() && (lowered_candidate.find(lowered) != std::string::npos ||
                                         lowered.find(lowered_candidate) != std::string::npos);
    std::size_t allowed = std::max<std::size_t>(1, std::min(wanted.size(), candidate.size()) / 3);
    if (contains) distance = std::min<std::size_t>(distance, 1);
    if (distance > allowed) continue;
    std::size_t length_gap = candidate.size() > wanted.size() ? candidate.size() - wanted.size()
                                                              : wanted.size() - candidate.size();
    scored.emplace_back(distance, !contains, length_gap, candidate);
  }
  std::sort(scored.begin(), scored.end());
  std::vector<std::string> nearest;
  for (const Scored& entry : scored) {
    if (nearest.size() == limit) break;
    const std::string& name = std::get<3>(entry);
    if (std::find(nearest.begin(), nearest.end(), name) == nearest.end()) nearest.push_back(name);
  }
  return nearest;
}

std::string FormatFixed(double value, int decimals) {
  char text[64];
  std::snprintf(text, sizeof text, "%.*f", decimals, value);
  return text;
}

}  // namespace base
