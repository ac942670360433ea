#pragma once

#include <map>
#include <string>
#include <utility>
#include <vector>

#include "analysis/constituency_result.h"
#include "base/result.h"
#include "geo/seat.h"
#include "geo/state.h"
#include "results/election.h"
#include "results/party_directory.h"
#include "store/store.h"

namespace analysis {

// Key of a constituency: state code and number.
using ConstituencyKey = std::pair<std::string, int>;

// The latest assembly result of one segment.
struct SegmentResult {
  std::string election_id;  // "ae2022"
  const results::ConstituencyTally* result = nullptr;
};

// Everything the seat analysis reads, loaded from the store once per request.
class SeatData {
 public:
  // Loads the country, the parties, the Lok Sabha elections named in `election_ids` and, when
  // `with_assembly`, the latest assembly election of every state. Unknown election ids fail
  // with kInvalidArgument naming the loaded ones; an empty database fails with kNotFound and
  // says to run `jansampark data load`.
  static base::Result<SeatData> Load(store::Database& db,
                                     const std::vector<std::string>& election_ids,
                                     bool with_assembly);

  SeatData(SeatData&&) = default;
  SeatData& operator=(SeatData&&) = default;
  SeatData(const SeatData&) = delete;  // indexes point into the owned containers
  SeatData& operator=(const SeatData&) = delete;

  const std::vector<geo::Seat>& seats() const { return seats_; }
  const results::PartyDirectory& parties() const { return parties_; }
  const std::string& StateName(const std::string& code) const;

  // Results of a loaded Lok Sabha election, in seat order.
  const std::vector<results::ConstituencyTally>& LokSabha(const std::string& election_id) const;
  // The seat's result in a loaded election, or nullptr when it has none.
  const results::ConstituencyTally* SeatResult(const std::string& election_id,
                                               const geo::Seat& seat) const;
  // The segments of a seat, in number order.
  std::vector<const geo::Segment*> SegmentsOf(const geo::Seat& seat) const;
  // The latest assembly result of a segment; result is nullptr where none is loaded.
  SegmentResult LatestAssembly(const geo::Segment& segment) const;

 private:
  explicit SeatData(results::PartyDirectory parties) : parties_(std::move(parties)) {}
  base::Status LoadAssembly(store::ResultStore& results,
                            const std::vector<results::Election>& elections);

  std::vector<geo::Seat> seats_;
  std::vector<geo::Segment> segments_;
  std::map<ConstituencyKey, std::vector<const geo::Segment*>> segments_by_seat_;
  std::map<std::string, std::string> state_names_;
  results::PartyDirectory parties_;
  std::map<std::string, std::vector<results::ConstituencyTally>> lok_sabha_;
  std::map<std::string, std::map<ConstituencyKey, const results::ConstituencyTally*>>
      lok_sabha_index_;
  // Assembly results per election id, and per segment the latest one.
  std::map<std::string, std::vector<results::ConstituencyTally>> assembly_;
  std::map<ConstituencyKey, SegmentResult> latest_assembly_;
};

// The id of an election as the user typed it, checked against the loaded ones ("LS2019" →
// "ls2019"); kInvalidArgument with the nearest loaded ids otherwise.
base::Result<std::string> ResolveElectionId(std::string_view typed,
                                            const std::vector<results::Election>& loaded,
                                            results::ElectionKind kind);

}  // namespace analysis
