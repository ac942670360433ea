#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "results/tally.h"

namespace analysis {

// A party, or an alliance of parties whose votes are counted together.
class Alliance {
 public:
  explicit Alliance(std::vector<std::string> codes) : codes_(std::move(codes)) {}
  bool Contains(const std::string& party) const;
  const std::vector<std::string>& codes() const { return codes_; }
  // "BJP" or "BJP+SHS+JD(U)".
  std::string Label() const;

 private:
  std::vector<std::string> codes_;  // the lead party first
};

// Where an alliance stands in one constituency.
struct Standing {
  bool contested = false;
  bool won = false;       // the winner is in the alliance
  int best_position = 0;  // of the alliance's candidates; 0 when it did not contest
  double share_pct = 0;   // the alliance's combined votes over votes counted
  // Combined share minus the best candidate outside the alliance: positive when ahead.
  double margin_pct = 0;
  std::string rival_party;  // the winner when behind, the best rival when ahead
  std::string winner_party;
};

Standing StandingOf(const results::ConstituencyTally& result, const Alliance& alliance);

}  // namespace analysis
