#include "store/sqlite/tally_codec.h"

#include <charconv>

namespace store::sqlite {
namespace {

constexpr char kUnitSeparator = '\x1f';
constexpr char kRecordSeparator = '\x1e';

}  // namespace

base::Result<std::string> EncodeCandidates(const std::vector<results::CandidateTally>& candidates) {
  std::string text;
  for (const results::CandidateTally& candidate : candidates) {
    if (candidate.party.find_first_of("\x1e\x1f") != std::string::npos) {
      return base::InvalidArgument("party '" + candidate.party +
                                   "' holds a control character (ASCII 30 or 31)");
    }
    if (!text.empty()) text += kRecordSeparator;
    text += candidate.party;
    text += kUnitSeparator;
    text += std::to_string(candidate.votes);
  }
  return text;
}

base::Result<std::vector<results::CandidateTally>> DecodeCandidates(std::string_view text) {
  std::vector<results::CandidateTally> candidates;
  while (!text.empty()) {
    std::size_t record_end = text.find(kRecordSeparator);
    std::string_view record = text.substr(0, record_end);
    std::size_t unit = record.find(kUnitSeparator);
    if (unit == std::string_view::npos) {
      return base::Internal("a tally in the database is damaged: no votes after party '" +
                            std::string(record) + "'");
    }
    results::CandidateTally& candidate = candidates.emplace_back();
    candidate.party = std::string(record.substr(0, unit));
    std::string_view votes = record.substr(unit + 1);
    auto [end, error] = std::from_chars(votes.data(), votes.data() + votes.size(), candidate.votes);
    if (error != std::errc() || end != votes.data() + votes.size() || votes.empty()) {
      return base::Internal("a tally in the database is damaged: votes '" + std::string(votes) +
                            "' of party '" + candidate.party + "'");
    }
    text = record_end == std::string_view::npos ? std::string_view() : text.substr(record_end + 1);
  }
  return candidates;
}

}  // namespace store::sqlite
