#include "analysis/seat_data.h"

#include <algorithm>
#include <set>

#include "base/text.h"

namespace analysis {
namespace {

std::vector<std::string> IdsOfKind(const std::vector<results::Election>& elections,
                                   results::ElectionKind kind) {
  std::vector<std::string> ids;
  for (const results::Election& election : elections) {
    if (election.kind == kind) ids.push_back(election.id);
  }
  return ids;
}

template <typename Map>
auto FindOrNull(const Map& map, const typename Map::key_type& key) ->
    typename Map::mapped_type const* {
  auto it = map.find(key);
  return it == map.end() ? nullptr : &it->second;
}

}  // namespace

base::Result<std::string> ResolveElectionId(std::string_view typed,
                                            const std::vector<results::Election>& loaded,
                                            results::ElectionKind kind) {
  std::vector<std::string> ids = IdsOfKind(loaded, kind);
  std::string wanted = base::ToLower(base::Trim(typed));
  if (std::find(ids.begin(), ids.end(), wanted) != ids.end()) return wanted;
  std::string message = "unknown election '" + std::string(typed) + "'";
  std::vector<std::string> nearest = base::NearestNames(wanted, ids);
  if (!nearest.empty()) message += "; did you mean " + base::Join(nearest, ", ") + "?";
  message += ids.empty() ? " (no Lok Sabha results are loaded; run `jansampark data load`)"
                         : " (loaded: " + base::Join(ids, ", ") + ")";
  return base::InvalidArgument(message);
}

base::Result<SeatData> SeatData::Load(store::Database& db,
                                      const std::vector<std::string>& election_ids,
                                      bool with_assembly) {
  store::ReferenceStore& reference = db.reference();
  JS_ASSIGN_OR_RETURN(std::vector<results::Party> parties, reference.ListParties());
  SeatData data{results::PartyDirectory(std::move(parties))};
  JS_ASSIGN_OR_RETURN(data.seats_, reference.ListSeats());
  if (data.seats_.empty()) {
    return base::NotFound("the database has no reference data; run `jansampark data load` first");
  }
  JS_ASSIGN_OR_RETURN(data.segments_, reference.ListSegments());
  for (const geo::Segment& segment : data.segments_) {
    data.segments_by_seat_[{segment.state_code, segment.seat_number}].push_back(&segment);
  }
  JS_ASSIGN_OR_RETURN(std::vector<geo::State> states, reference.ListStates());
  for (geo::State& state : states) data.state_names_[state.code] = std::move(state.name);

  JS_ASSIGN_OR_RETURN(std::vector<results::Election> elections, db.results().ListElections());
  for (const std::string& id : election_ids) {
    JS_ASSIGN_OR_RETURN(std::string resolved,
                        ResolveElectionId(id, elections, results::ElectionKind::kLokSabha));
    if (data.lok_sabha_.count(resolved) != 0) continue;
    std::vector<results::ConstituencyTally>& grouped = data.lok_sabha_[resolved];
    JS_ASSIGN_OR_RETURN(grouped, db.results().ListTallies(resolved));
    auto& index = data.lok_sabha_index_[resolved];
    for (const results::ConstituencyTally& result : grouped) {
      index[{result.state_code, result.number}] = &result;
    }
  }
  if (with_assembly) JS_RETURN_IF_ERROR(data.LoadAssembly(db.results(), elections));
  return data;
}

base::Status SeatData::LoadAssembly(store::ResultStore& results,
                                    const std::vector<results::Election>& elections) {
  // The latest assembly election of each state, from the states each election covers; older
  // elections are not read at all.
  std::map<std::string, const results::Election*> latest_by_state;
  for (const results::Election& election : elections) {
    if (election.kind != results::ElectionKind::kAssembly) continue;
    for (const std::string& state : election.states) {
      const results::Election*& latest = latest_by_state[state];
      if (latest == nullptr || election.year > latest->year) latest = &election;
    }
  }
  std::set<std::string> needed;
  for (const auto& [state, election] : latest_by_state) needed.insert(election->id);
  for (const std::string& id : needed) {
    std::vector<results::ConstituencyTally>& grouped = assembly_[id];
    JS_ASSIGN_OR_RETURN(grouped, results.ListTallies(id));
    for (const results::ConstituencyTally& result : grouped) {
      // An election that is latest for some states may hold older results of others.
      if (latest_by_state[result.state_code]->id != id) continue;
      latest_assembly_[{result.state_code, result.number}] = {id, &result};
    }
  }
  return base::OkStatus();
}

const std::string& SeatData::StateName(const std::string& code) const {
  const std::string* name = FindOrNull(state_names_, code);
  return name != nullptr ? *name : code;
}

const std::vector<results::ConstituencyTally>& SeatData::LokSabha(
    const std::string& election_id) const {
  static const std::vector<results::ConstituencyTally> none;
  const auto* grouped = FindOrNull(lok_sabha_, election_id);
  return grouped != nullptr ? *grouped : none;
}

const results::ConstituencyTally* SeatData::SeatResult(const std::string& election_id,
                                                       const geo::Seat& seat) const {
  const auto* index = FindOrNull(lok_sabha_index_, election_id);
  if (index == nullptr) return nullptr;
  const auto* result = FindOrNull(*index, ConstituencyKey{seat.state_code, seat.number});
  return result != nullptr ? *result : nullptr;
}

std::vector<const geo::Segment*> SeatData::SegmentsOf(const geo::Seat& seat) const {
  const auto* segments =
      FindOrNull(segments_by_seat_, ConstituencyKey{seat.state_code, seat.number});
  return segments != nullptr ? *segments : std::vector<const geo::Segment*>{};
}

SegmentResult SeatData::LatestAssembly(const geo::Segment& segment) const {
  const SegmentResult* found =
      FindOrNull(latest_assembly_, ConstituencyKey{segment.state_code, segment.number});
  return found != nullptr ? *found : SegmentResult{};
}

}  // namespace analysis
