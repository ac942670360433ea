#include "refdata/geo_files.h"

#include <algorithm>
#include <array>
#include <cstdint>
#include <limits>
#include <string_view>

#include "base/text.h"
#include "refdata/csv_table.h"

namespace refdata {
namespace {

constexpr std::array<std::string_view, 3> kSeatReservations = {"GEN", "SC", "ST"};
// Sikkim reserves segments for the Bhutia-Lepcha (BL) and one for the monasteries (SANGHA).
constexpr std::array<std::string_view, 5> kSegmentReservations = {"GEN", "SC", "ST", "BL",
                                                                  "SANGHA"};
constexpr std::int64_t kMaxCount = 9999;

template <std::size_t N>
base::Result<std::string> Reservation(const CsvTable& table,
                                      const std::array<std::string_view, N>& allowed) {
  const std::string& field = table.Field("reservation");
  if (std::find(allowed.begin(), allowed.end(), field) != allowed.end()) {
    return field;
  }
  std::string known;
  for (std::string_view value : allowed) {
    if (!known.empty()) {
      known += ", ";
    }
    known += value;
  }
  return table.Error("reservation '" + field + "' is not one of " + known);
}

base::Result<geo::StateKind> StateKindOf(const CsvTable& table) {
  const std::string& kind = table.Field("type");
  if (kind == "State") {
    return geo::StateKind::kState;
  }
  if (kind == "UT") {
    return geo::StateKind::kUnionTerritory;
  }
  return table.Error("type '" + kind + "' is not State or UT");
}

base::Result<geo::State> StateOfRow(CsvTable& table) {
  geo::State state;
  JS_ASSIGN_OR_RETURN(std::string_view code, table.Required("state_code", "state code"));
  JS_ASSIGN_OR_RETURN(std::string_view name, table.Required("state_name", "state name"));
  state.code = code;
  state.name = name;
  state.abbr = table.Field("abbr");
  JS_ASSIGN_OR_RETURN(state.kind, StateKindOf(table));
  JS_ASSIGN_OR_RETURN(std::int64_t seats, table.Number("n_pc", "n_pc", 0, kMaxCount));
  JS_ASSIGN_OR_RETURN(std::int64_t segments, table.Number("n_ac", "n_ac", 0, kMaxCount));
  JS_ASSIGN_OR_RETURN(state.has_assembly, table.Flag("has_assembly", "has_assembly"));
  state.seat_count = static_cast<int>(seats);
  state.segment_count = static_cast<int>(segments);
  return state;
}

// "te:Telugu;ur:Urdu" -> {"te", "ur"}: the codes in order, each once.
base::Result<std::vector<std::string>> LanguageCodes(const CsvTable& table,
                                                     std::string_view column) {
  std::vector<std::string> codes;
  for (const std::string& item : base::Split(table.Field(column), ';')) {
    std::string_view entry = base::Trim(item);
    if (entry.empty()) {
      continue;
    }
    std::string_view code = base::Trim(entry.substr(0, entry.find(':')));
    bool is_iso_code =
        code.size() >= 2 && code.size() <= 3 &&
        std::all_of(code.begin(), code.end(), [](char c) { return c >= 'a' && c <= 'z'; });
    if (!is_iso_code) {
      return table.Error(std::string(column) + ": '" + std::string(entry) +
                         "' does not start with an ISO 639 code");
    }
    if (std::find(codes.begin(), codes.end(), code) == codes.end()) {
      codes.emplace_back(code);
    }
  }
  return codes;
}

// `counted` constituencies per state against the counts of states.csv.
base::Status CheckCounts(std::string_view file_name, const std::vector<geo::State>& states,
                         const std::vector<int>& counted, bool seats) {
  for (std::size_t i = 0; i < states.size(); ++i) {
    int expected = seats ? states[i].seat_count : states[i].segment_count;
    if (counted[i] == expected) {
      continue;
    }
    return base::InvalidArgument(std::string(file_name) + ": state " + states[i].code + " (" +
                                 states[i].name + ") has " + std::to_string(counted[i]) +
                                 (seats ? " seats" : " segments") + " but states.csv gives " +
                                 (seats ? "n_pc " : "n_ac ") + std::to_string(expected));
  }
  return base::OkStatus();
}

}  // namespace

base::Result<std::vector<geo::State>> ReadStates(const std::string& dir, GeoIndex& index) {
  JS_ASSIGN_OR_RETURN(CsvTable table, CsvTable::Open(dir, "states.csv",
                                                     {"state_code", "state_name", "abbr", "type",
                                                      "n_pc", "n_ac", "has_assembly"}));
  std::vector<geo::State> states;
  while (true) {
    JS_ASSIGN_OR_RETURN(bool more, table.Next());
    if (!more) {
      break;
    }
    JS_ASSIGN_OR_RETURN(geo::State state, StateOfRow(table));
    if (!index.AddState(state.code)) {
      return table.Error("state code '" + state.code + "' appears twice");
    }
    states.push_back(std::move(state));
  }
  return states;
}

base::Status ReadStateLanguages(const std::string& dir, const GeoIndex& index,
                                std::vector<geo::State>& states) {
  JS_ASSIGN_OR_RETURN(CsvTable table, CsvTable::Open(dir, "state_languages.csv",
                                                     {"state_code", "official_languages",
                                                      "additional_official_languages"}));
  std::vector<bool> seen(states.size(), false);
  while (true) {
    JS_ASSIGN_OR_RETURN(bool more, table.Next());
    if (!more) {
      break;
    }
    JS_ASSIGN_OR_RETURN(std::size_t state, StateOfRecord(table, index));
    if (seen[state]) {
      return table.Error("state " + states[state].code + " appears twice");
    }
    seen[state] = true;
    JS_ASSIGN_OR_RETURN(states[state].official_languages,
                        LanguageCodes(table, "official_languages"));
    JS_ASSIGN_OR_RETURN(states[state].additional_languages,
                        LanguageCodes(table, "additional_official_languages"));
  }
  return base::OkStatus();
}

base::Result<std::vector<geo::Seat>> ReadSeats(const std::string& dir,
                                               const std::vector<geo::State>& states,
                                               GeoIndex& index) {
  JS_ASSIGN_OR_RETURN(CsvTable table, CsvTable::Open(dir, "pc.csv",
                                                     {"state_code", "pc_no", "pc_name",
                                                      "pc_name_hi", "reservation"}));
  std::vector<geo::Seat> seats;
  std::vector<int> counted(states.size(), 0);
  while (true) {
    JS_ASSIGN_OR_RETURN(bool more, table.Next());
    if (!more) {
      break;
    }
    JS_ASSIGN_OR_RETURN(std::size_t state, StateOfRecord(table, index));
    JS_ASSIGN_OR_RETURN(std::int64_t number,
                        table.Number("pc_no", "pc_no", 1, kMaxConstituencyNumber));
    PlaceKey key{state, static_cast<int>(number)};
    if (!index.AddSeat(key)) {
      return table.Error("seat " + geo::SeatId(states[state].code, key.number) + " appears twice");
    }
    JS_ASSIGN_OR_RETURN(std::string_view name, table.Required("pc_name", "pc_name"));
    JS_ASSIGN_OR_RETURN(std::string reservation, Reservation(table, kSeatReservations));
    seats.push_back({.state_code = states[state].code,
                     .number = key.number,
                     .name = std::string(name),
                     .name_hi = table.Take("pc_name_hi"),
                     .reservation = std::move(reservation)});
    ++counted[state];
  }
  JS_RETURN_IF_ERROR(CheckCounts(table.Name(), states, counted, /*seats=*/true));
  return seats;
}

base::Result<std::vector<geo::Segment>> ReadSegments(const std::string& dir,
                                                     const std::vector<geo::State>& states,
                                                     GeoIndex& index) {
  JS_ASSIGN_OR_RETURN(CsvTable table,
                      CsvTable::Open(dir, "ac.csv",
                                     {"state_code", "ac_no", "ac_name", "reservation", "pc_no",
                                      "electors_roll_2014"}));
  std::vector<geo::Segment> segments;
  std::vector<int> counted(states.size(), 0);
  while (true) {
    JS_ASSIGN_OR_RETURN(bool more, table.Next());
    if (!more) {
      break;
    }
    JS_ASSIGN_OR_RETURN(std::size_t state, StateOfRecord(table, index));
    JS_ASSIGN_OR_RETURN(std::int64_t number,
                        table.Number("ac_no", "ac_no", 1, kMaxConstituencyNumber));
    PlaceKey key{state, static_cast<int>(number)};
    if (!index.AddSegment(key)) {
      return table.Error("segment " + geo::SegmentId(states[state].code, key.number) +
                         " appears twice");
    }
    JS_ASSIGN_OR_RETURN(std::int64_t seat_number,
                        table.Number("pc_no", "pc_no", 1, kMaxConstituencyNumber));
    PlaceKey seat{state, static_cast<int>(seat_number)};
    if (!index.HasSeat(seat)) {
      return table.Error("seat " + geo::SeatId(states[state].code, seat.number) +
                         " is not in pc.csv");
    }
    JS_ASSIGN_OR_RETURN(std::string_view name, table.Required("ac_name", "ac_name"));
    JS_ASSIGN_OR_RETURN(std::string reservation, Reservation(table, kSegmentReservations));
    JS_ASSIGN_OR_RETURN(std::int64_t electors,
                        table.Number("electors_roll_2014", "electors_roll_2014", 0,
                                     std::numeric_limits<std::int64_t>::max(),
                                     /*blank_is_zero=*/true));
    segments.push_back({.state_code = states[state].code,
                        .number = key.number,
                        .name = std::string(name),
                        .reservation = std::move(reservation),
                        .seat_number = seat.number,
                        .electors_2014 = electors});
    ++counted[state];
  }
  JS_RETURN_IF_ERROR(CheckCounts(table.Name(), states, counted, /*seats=*/false));
  return segments;
}

}  // namespace refdata
