#include "store/sqlite/sqlite_reference_store.h"

#include <string>
#include <string_view>

#include "base/text.h"

namespace store {
namespace {

constexpr char kLanguageSeparator = ';';
constexpr char kAliasSeparator = '|';

std::string_view StateKindName(geo::StateKind kind) {
  switch (kind) {
    case geo::StateKind::kState:
      return "state";
    case geo::StateKind::kUnionTerritory:
      return "ut";
  }
  return "state";
}

base::Result<geo::StateKind> ParseStateKind(const std::string& code, const std::string& kind) {
  if (kind == "state") {
    return geo::StateKind::kState;
  }
  if (kind == "ut") {
    return geo::StateKind::kUnionTerritory;
  }
  return base::Internal("state " + code + ": unknown kind '" + kind + "' in the database");
}

// `items` joined by `separator`; an item that is empty or holds the separator could not be read
// back as it was, so it is refused. `what` names the list in the error.
base::Result<std::string> JoinList(const std::vector<std::string>& items, char separator,
                                   std::string_view what) {
  for (const std::string& item : items) {
    if (item.empty() || item.find(separator) != std::string::npos) {
      return base::InvalidArgument(std::string(what) + ": '" + item + "' is empty or contains '" +
                                   separator + "'");
    }
  }
  return base::Join(items, std::string_view(&separator, 1));
}

std::vector<std::string> SplitList(const std::string& text, char separator) {
  if (text.empty()) {
    return {};
  }
  return base::Split(text, separator);
}

constexpr std::string_view kUpsertState = R"sql(
INSERT INTO states (code, name, abbr, kind, seat_count, segment_count, has_assembly,
                    official_languages, additional_languages)
VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
ON CONFLICT (code) DO UPDATE SET
  name = excluded.name, abbr = excluded.abbr, kind = excluded.kind,
  seat_count = excluded.seat_count, segment_count = excluded.segment_count,
  has_assembly = excluded.has_assembly, official_languages = excluded.official_languages,
  additional_languages = excluded.additional_languages)sql";

constexpr std::string_view kUpsertSeat = R"sql(
INSERT INTO seats (state_code, number, name, name_hi, reservation) VALUES (?, ?, ?, ?, ?)
ON CONFLICT (state_code, number) DO UPDATE SET
  name = excluded.name, name_hi = excluded.name_hi, reservation = excluded.reservation)sql";

constexpr std::string_view kUpsertSegment = R"sql(
INSERT INTO segments (state_code, number, name, reservation, seat_number, electors_2014)
VALUES (?, ?, ?, ?, ?, ?)
ON CONFLICT (state_code, number) DO UPDATE SET
  name = excluded.name, reservation = excluded.reservation, seat_number = excluded.seat_number,
  electors_2014 = excluded.electors_2014)sql";

constexpr std::string_view kUpsertParty = R"sql(
INSERT INTO parties (code, name, ls2014_name, aliases) VALUES (?, ?, ?, ?)
ON CONFLICT (code) DO UPDATE SET
  name = excluded.name, ls2014_name = excluded.ls2014_name, aliases = excluded.aliases)sql";

}  // namespace

base::Result<std::vector<geo::State>> SqliteReferenceStore::ListStates() {
  JS_ASSIGN_OR_RETURN(sqlite::Statement query,
                      connection_.Prepare("SELECT code, name, abbr, kind, seat_count, "
                                          "segment_count, has_assembly, official_languages, "
                                          "additional_languages FROM states ORDER BY code"));
  std::vector<geo::State> states;
  while (true) {
    JS_ASSIGN_OR_RETURN(bool row, query.Step());
    if (!row) {
      break;
    }
    geo::State& state = states.emplace_back();
    state.code = query.ColumnText(0);
    state.name = query.ColumnText(1);
    state.abbr = query.ColumnText(2);
    JS_ASSIGN_OR_RETURN(state.kind, ParseStateKind(state.code, query.ColumnText(3)));
    state.seat_count = query.ColumnInt(4);
    state.segment_count = query.ColumnInt(5);
    state.has_assembly = query.ColumnInt(6) != 0;
    state.official_languages = SplitList(query.ColumnText(7), kLanguageSeparator);
    state.additional_languages = SplitList(query.ColumnText(8), kLanguageSeparator);
  }
  return states;
}

base::Result<std::vector<geo::Seat>> SqliteReferenceStore::ListSeats() {
  JS_ASSIGN_OR_RETURN(sqlite::Statement query,
                      connection_.Prepare("SELECT state_code, number, name, name_hi, reservation "
                                          "FROM seats ORDER BY state_code, number"));
  std::vector<geo::Seat> seats;
  while (true) {
    JS_ASSIGN_OR_RETURN(bool row, query.Step());
    if (!row) {
      break;
    }
    seats.push_back({.state_code = query.ColumnText(0),
                     .number = query.ColumnInt(1),
                     .name = query.ColumnText(2),
                     .name_hi = query.ColumnText(3),
                     .reservation = query.ColumnText(4)});
  }
  return seats;
}

base::Result<std::vector<geo::Segment>> SqliteReferenceStore::ListSegments() {
  JS_ASSIGN_OR_RETURN(sqlite::Statement query,
                      connection_.Prepare("SELECT state_code, number, name, reservation, "
                                          "seat_number, electors_2014 FROM segments "
                                          "ORDER BY state_code, number"));
  std::vector<geo::Segment> segments;
  while (true) {
    JS_ASSIGN_OR_RETURN(bool row, query.Step());
    if (!row) {
      break;
    }
    segments.push_back({.state_code = query.ColumnText(0),
                        .number = query.ColumnInt(1),
                        .name = query.ColumnText(2),
                        .reservation = query.ColumnText(3),
                        .seat_number = query.ColumnInt(4),
                        .electors_2014 = query.ColumnInt64(5)});
  }
  return segments;
}

base::Result<std::vector<results::Party>> SqliteReferenceStore::ListParties() {
  JS_ASSIGN_OR_RETURN(sqlite::Statement query,
                      connection_.Prepare("SELECT code, name, ls2014_name, aliases FROM parties "
                                          "ORDER BY code"));
  std::vector<results::Party> parties;
  while (true) {
    JS_ASSIGN_OR_RETURN(bool row, query.Step());
    if (!row) {
      break;
    }
    parties.push_back({.code = query.ColumnText(0),
                       .name = query.ColumnText(1),
                       .ls2014_name = query.ColumnText(2),
                       .aliases = SplitList(query.ColumnText(3), kAliasSeparator)});
  }
  return parties;
}

base::Status SqliteReferenceStore::Upsert(const results::ReferenceData& data) {
  // Parents before children, so that every foreign key finds its row.
  JS_RETURN_IF_ERROR(UpsertStates(data.states));
  JS_RETURN_IF_ERROR(UpsertSeats(data.seats));
  JS_RETURN_IF_ERROR(UpsertSegments(data.segments));
  return UpsertParties(data.parties);
}

base::Status SqliteReferenceStore::UpsertStates(const std::vector<geo::State>& states) {
  JS_ASSIGN_OR_RETURN(sqlite::Statement upsert, connection_.Prepare(kUpsertState));
  for (const geo::State& state : states) {
    std::string context = "state " + state.code;
    base::Result<std::string> official =
        JoinList(state.official_languages, kLanguageSeparator, "official languages");
    if (!official.ok()) {
      return official.status().WithContext(context);
    }
    base::Result<std::string> additional =
        JoinList(state.additional_languages, kLanguageSeparator, "additional languages");
    if (!additional.ok()) {
      return additional.status().WithContext(context);
    }
    JS_RETURN_IF_ERROR(upsert
                           .Run(state.code, state.name, state.abbr, StateKindName(state.kind),
                                state.seat_count, state.segment_count, state.has_assembly,
                                *official, *additional)
                           .WithContext(context));
  }
  return base::OkStatus();
}

base::Status SqliteReferenceStore::UpsertSeats(const std::vector<geo::Seat>& seats) {
  JS_ASSIGN_OR_RETURN(sqlite::Statement upsert, connection_.Prepare(kUpsertSeat));
  for (const geo::Seat& seat : seats) {
    JS_RETURN_IF_ERROR(
        upsert.Run(seat.state_code, seat.number, seat.name, seat.name_hi, seat.reservation)
            .WithContext("seat " + geo::SeatId(seat.state_code, seat.number)));
  }
  return base::OkStatus();
}

base::Status SqliteReferenceStore::UpsertSegments(const std::vector<geo::Segment>& segments) {
  JS_ASSIGN_OR_RETURN(sqlite::Statement upsert, connection_.Prepare(kUpsertSegment));
  for (const geo::Segment& segment : segments) {
    JS_RETURN_IF_ERROR(upsert
                           .Run(segment.state_code, segment.number, segment.name,
                                segment.reservation, segment.seat_number, segment.electors_2014)
                           .WithContext("segment " +
                                        geo::SegmentId(segment.state_code, segment.number) +
                                        " (seat " + std::to_string(segment.seat_number) + ")"));
  }
  return base::OkStatus();
}

base::Status SqliteReferenceStore::UpsertParties(const std::vector<results::Party>& parties) {
  JS_ASSIGN_OR_RETURN(sqlite::Statement upsert, connection_.Prepare(kUpsertParty));
  for (const results::Party& party : parties) {
    std::string context = "party " + party.code;
    base::Result<std::string> aliases = JoinList(party.aliases, kAliasSeparator, "aliases");
    if (!aliases.ok()) {
      return aliases.status().WithContext(context);
    }
    JS_RETURN_IF_ERROR(
        upsert.Run(party.code, party.name, party.ls2014_name, *aliases).WithContext(context));
  }
  return base::OkStatus();
}

}  // namespace store
