#include <ostream>

#include "analysis/seat_queries.h"
#include "api/seat_json.h"
#include "base/text.h"
#include "cli/command.h"
#include "cli/common_flags.h"
#include "cli/table.h"
#include "geo/seat.h"

namespace cli {
namespace {

constexpr int kSeatDecimalsTable = 1;
constexpr int kSeatDecimalsCsv = 2;
// Parties below this share and with no seat are folded into one line of the summary table.
constexpr double kSummaryTableMinShare = 1.0;

// "+4.1", "-4.1", or "0.0" for anything that rounds to zero.
std::string Signed(double value, int decimals) {
  std::string text = base::FormatFixed(value, decimals);
  if (text.find_first_not_of("-0.") == std::string::npos) return base::FormatFixed(0.0, decimals);
  if (text.front() != '-') text.insert(0, 1, '+');
  return text;
}

std::string OptionalSigned(const std::optional<double>& value, int decimals) {
  return value ? Signed(*value, decimals) : "";
}

// Shared between `seats weak` and `seats segments`.
base::Result<analysis::SeatQuery> SeatQueryOf(const ParsedFlags& flags) {
  analysis::SeatQuery query;
  std::optional<std::string> party = flags.Get("party");
  if (!party) return base::InvalidArgument("--party is required (an ECI code such as BJP or INC)");
  query.party = *party;
  query.election = flags.GetOr("election", "ls2019");
  query.baseline = flags.Get("baseline");
  query.mode = flags.GetOr("mode", "weakest");
  if (std::optional<std::string> alliance = flags.Get("alliance")) {
    for (const std::string& ally : base::Split(*alliance, ',')) {
      std::string_view trimmed = base::Trim(ally);
      if (trimmed.empty()) return base::InvalidArgument("--alliance has an empty party name");
      query.allies.emplace_back(trimmed);
    }
  }
  if (std::optional<std::string> top = flags.Get("top")) {
    JS_ASSIGN_OR_RETURN(query.top, PositiveIntFlag("top", *top));
  }
  return query;
}

std::vector<FlagSpec> SeatQueryFlags() {
  return {{"party", "P", "the party: ECI code, full name or alias (required)"},
          {"election", "ID", "the Lok Sabha election: ls2019 (default) or ls2014"},
          {"baseline", "ID", "an earlier election to measure the change of vote share against"},
          {"alliance", "P1,P2,...", "allies whose votes are added to the party's"},
          {"mode", "weakest|battleground", "the order (default weakest)"},
          {"top", "N", "only the first N seats"},
          DbFlag(),
          FormatFlag()};
}

void PrintWeakTable(const analysis::WeakSeatsAnswer& answer, OutputFormat format,
                    std::ostream& out) {
  int decimals = format == OutputFormat::kCsv ? kSeatDecimalsCsv : kSeatDecimalsTable;
  Table table({{"rank", Align::kRight},
               {"seat"},
               {"name"},
               {"state"},
               {"share", Align::kRight},
               {"margin", Align::kRight},
               {"swing", Align::kRight},
               {"trend", Align::kRight},
               {"assembly", Align::kRight},
               {"strength", Align::kRight},
               {"reason"}});
  for (const analysis::SeatScore& score : answer.seats) {
    table.AddRow(
        {std::to_string(score.rank), geo::SeatId(score.seat->state_code, score.seat->number),
         score.seat->name, score.state_name, base::FormatFixed(score.standing.share_pct, decimals),
         Signed(score.standing.margin_pct, decimals), OptionalSigned(score.swing_points, decimals),
         Signed(score.parts.trend, decimals), Signed(score.parts.assembly, decimals),
         Signed(score.parts.strength, decimals), score.reason});
  }
  if (format == OutputFormat::kCsv) {
    table.PrintCsv(out);
    return;
  }
  out << answer.party_name << " (" << base::Join(answer.request.alliance, "+") << "), "
      << answer.request.election << ", " << analysis::RankModeName(answer.request.mode)
      << " first, seat strength v" << analysis::kStrengthVersion
      << " (jansampark seats weak --explain)\n";
  table.PrintText(out);
}

// What `seats weak` and `seats segments` both need before they can answer.
struct SeatRequest {
  OutputFormat format = OutputFormat::kTable;
  analysis::SeatQuery query;
  std::unique_ptr<store::Database> db;
};

base::Result<SeatRequest> PrepareSeatRequest(const ParsedFlags& flags, const Io& io) {
  SeatRequest request;
  JS_ASSIGN_OR_RETURN(request.format, FormatOf(flags));
  JS_ASSIGN_OR_RETURN(request.query, SeatQueryOf(flags));
  JS_ASSIGN_OR_RETURN(request.db, OpenExistingDatabase(flags, io));
  return request;
}

int RunSeatsWeak(const ParsedFlags& flags, Io& io) {
  if (flags.Has("explain")) {
    io.out << analysis::ExplainStrength();
    return kExitOk;
  }
  base::Result<SeatRequest> request = PrepareSeatRequest(flags, io);
  if (!request.ok()) return ReportError(request.status(), io);
  base::Result<analysis::WeakSeatsAnswer> answer =
      analysis::QueryWeakSeats(*request->db, request->query);
  if (!answer.ok()) return ReportError(answer.status(), io);
  if (request->format == OutputFormat::kJson) {
    io.out << api::WeakSeatsJson(*answer).dump(2) << '\n';
  } else {
    PrintWeakTable(*answer, request->format, io.out);
  }
  return kExitOk;
}

std::string SegmentStanding(const analysis::SegmentRow& row, int decimals) {
  if (!row.assembly_election) return "no result loaded";
  const analysis::Standing& standing = row.standing;
  if (!standing.contested) return "did not contest; won by " + standing.winner_party;
  if (standing.won) {
    return "won by " + base::FormatFixed(standing.margin_pct, decimals) + "% over " +
           standing.rival_party;
  }
  return "position " + std::to_string(standing.best_position) + ", " +
         base::FormatFixed(-standing.margin_pct, decimals) + "% behind " + standing.winner_party;
}

int RunSeatsSegments(const ParsedFlags& flags, Io& io) {
  base::Result<SeatRequest> request = PrepareSeatRequest(flags, io);
  if (!request.ok()) return ReportError(request.status(), io);
  base::Result<analysis::SegmentsAnswer> answer =
      analysis::QuerySegments(*request->db, request->query);
  if (!answer.ok()) return ReportError(answer.status(), io);
  OutputFormat format = request->format;
  if (format == OutputFormat::kJson) {
    io.out << api::SegmentsJson(*answer).dump(2) << '\n';
    return kExitOk;
  }
  int decimals = format == OutputFormat::kCsv ? kSeatDecimalsCsv : kSeatDecimalsTable;
  Table table({{"seat_rank", Align::kRight},
               {"seat"},
               {"seat_name"},
               {"segment"},
               {"segment_name"},
               {"reservation"},
               {"assembly"},
               {"share", Align::kRight},
               {"standing"}});
  for (const analysis::SegmentRow& row : answer->segments) {
    const geo::Seat& seat = *row.seat->seat;
    table.AddRow({std::to_string(row.seat->rank), geo::SeatId(seat.state_code, seat.number),
                  seat.name, geo::SegmentId(row.segment->state_code, row.segment->number),
                  row.segment->name, row.segment->reservation, row.assembly_election.value_or(""),
                  row.assembly_election ? base::FormatFixed(row.standing.share_pct, decimals) : "",
                  SegmentStanding(row, decimals)});
  }
  if (format == OutputFormat::kCsv) {
    table.PrintCsv(io.out);
  } else {
    io.out << answer->segments.size() << " segments in the " << answer->seats.seats.size()
           << " seats ranked first for " << base::Join(answer->seats.request.alliance, "+") << " ("
           << answer->seats.request.election << ", "
           << analysis::RankModeName(answer->seats.request.mode) << ")\n";
    table.PrintText(io.out);
  }
  return kExitOk;
}

void PrintSummaryTable(const analysis::ElectionSummary& summary, OutputFormat format, bool all,
                       std::ostream& out) {
  int decimals = format == OutputFormat::kCsv ? kSeatDecimalsCsv : kSeatDecimalsTable;
  Table table({{"party"},
               {"name"},
               {"won", Align::kRight},
               {"contested", Align::kRight},
               {"votes", Align::kRight},
               {"share", Align::kRight}});
  int folded = 0;
  for (const analysis::PartyTally& tally : summary.parties) {
    bool minor = tally.seats_won == 0 && tally.vote_share_pct < kSummaryTableMinShare;
    if (format == OutputFormat::kTable && minor && !all) {
      ++folded;
      continue;
    }
    table.AddRow({tally.party, tally.name, std::to_string(tally.seats_won),
                  std::to_string(tally.seats_contested), std::to_string(tally.votes),
                  base::FormatFixed(tally.vote_share_pct, decimals)});
  }
  if (format == OutputFormat::kCsv) {
    table.PrintCsv(out);
    return;
  }
  out << summary.election << ": " << summary.seats << " seats, " << summary.votes_counted
      << " votes counted\n";
  table.PrintText(out);
  if (folded > 0) {
    out << "(" << folded << " more parties won no seat and polled under "
        << base::FormatFixed(kSummaryTableMinShare, 0) << "%; --all lists them)\n";
  }
}

int RunSeatsSummary(const ParsedFlags& flags, Io& io) {
  base::Result<OutputFormat> format = FormatOf(flags);
  if (!format.ok()) return ReportError(format.status(), io);
  auto db = OpenExistingDatabase(flags, io);
  if (!db.ok()) return ReportError(db.status(), io);
  auto summary = analysis::QuerySummary(**db, flags.GetOr("election", "ls2019"));
  if (!summary.ok()) return ReportError(summary.status(), io);
  if (*format == OutputFormat::kJson) {
    io.out << api::SummaryJson(*summary).dump(2) << '\n';
  } else {
    PrintSummaryTable(*summary, *format, flags.Has("all"), io.out);
  }
  return kExitOk;
}

}  // namespace

std::vector<Command> SeatsCommands() {
  std::vector<FlagSpec> weak_flags = SeatQueryFlags();
  weak_flags.push_back({"explain", "", "print how the score is computed, and exit"});
  return {
      {"seats summary",
       "seats won and vote share per party in a Lok Sabha election",
       "jansampark seats summary [--election ls2019|ls2014] [--all] [--format table|csv|json]",
       "Vote share is over all votes counted in the country, NOTA included, as ECI reports it.\n",
       {{"election", "ID", "the Lok Sabha election: ls2019 (default) or ls2014"},
        {"all", "", "list every party in the table, not only those with a seat or 1% of votes"},
        DbFlag(),
        FormatFlag()},
       RunSeatsSummary},
      {"seats weak",
       "every seat scored for a party, weakest (or closest fought) first, with reasons",
       "jansampark seats weak --party P [--election ls2019] [--baseline ls2014]\n"
       "       [--alliance P1,P2,...] [--mode weakest|battleground] [--top N]\n"
       "       [--format table|csv|json] [--explain]",
       "The score (seat strength, versioned) adds the party's margin in the seat, the change of\n"
       "its vote share since --baseline, and its standing in the seat's assembly segments;\n"
       "`--explain` prints the method and weights. Columns are in percent of votes counted.\n",
       weak_flags, RunSeatsWeak},
      {"seats segments",
       "the assembly segments inside a party's N weakest seats, with its standing in each",
       "jansampark seats segments --party P --top N [--election ls2019] [--baseline ID]\n"
       "       [--alliance P1,P2,...] [--mode weakest|battleground] [--format table|csv|json]",
       "Seats are chosen as by `seats weak`; each segment shows the party's result in the\n"
       "latest assembly election of its state, where one is loaded.\n",
       SeatQueryFlags(), RunSeatsSegments},
  };
}

}  // namespace cli
