#pragma once

#include <cstddef>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_set>
#include <vector>

#include "base/result.h"
#include "refdata/csv_table.h"

namespace refdata {

// The largest seat or segment number accepted (the largest in use is 403).
inline constexpr int kMaxConstituencyNumber = 9999;

// A constituency (seat or segment) of one state: the state's index in the loaded states and the
// constituency's number.
struct PlaceKey {
  std::size_t state = 0;
  int number = 0;
  bool operator==(const PlaceKey&) const = default;
};

struct PlaceKeyHash {
  std::size_t operator()(const PlaceKey& key) const {
    return std::hash<std::size_t>()(key.state * 1000003U + static_cast<std::size_t>(key.number));
  }
};

// What the loader has read of the country so far (state codes, seat and segment keys), so that
// later files can be checked against earlier ones. Not thread-safe.
class GeoIndex {
 public:
  // Returns false when `code` is already present.
  bool AddState(const std::string& code);
  // The index of the state in the order added, or nullopt for an unknown code.
  std::optional<std::size_t> FindState(std::string_view code) const;
  const std::string& StateCode(std::size_t state) const { return state_codes_[state]; }

  // Each returns false when the key is already present.
  bool AddSeat(PlaceKey key) { return seats_.insert(key).second; }
  bool AddSegment(PlaceKey key) { return segments_.insert(key).second; }

  bool HasSeat(PlaceKey key) const { return seats_.contains(key); }
  bool HasSegment(PlaceKey key) const { return segments_.contains(key); }

 private:
  std::vector<std::string> state_codes_;
  std::map<std::string, std::size_t, std::less<>> state_by_code_;
  std::unordered_set<PlaceKey, PlaceKeyHash> seats_;
  std::unordered_set<PlaceKey, PlaceKeyHash> segments_;
};

// The state named by the current record's `state_code` field. Fails naming the file and line
// when the code is not in states.csv.
base::Result<std::size_t> StateOfRecord(const CsvTable& table, const GeoIndex& index);

}  // namespace refdata
