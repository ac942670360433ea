#include "api/seat_json.h"

#include <cmath>

#include "geo/seat.h"

namespace api {

using nlohmann::json;

double Round2(double value) { return std::round(value * 100.0) / 100.0; }

namespace {

json OptionalNumber(const std::optional<double>& value) {
  return value ? json(Round2(*value)) : json(nullptr);
}

json QueryJson(const analysis::WeakSeatsAnswer& answer) {
  const analysis::WeakSeatsRequest& request = answer.request;
  return {
      {"score_version", analysis::kStrengthVersion},
      {"party", request.alliance.front()},
      {"party_name", answer.party_name},
      {"alliance", request.alliance},
      {"election", request.election},
      {"baseline", request.baseline ? json(*request.baseline) : json(nullptr)},
      {"mode", analysis::RankModeName(request.mode)},
      {"top", request.top > 0 ? json(request.top) : json(nullptr)},
  };
}

json AssemblyJson(const std::optional<analysis::AssemblySignal>& assembly) {
  if (!assembly) return nullptr;
  return {{"election", assembly->election_id},
          {"segments_with_results", assembly->segments_with_results},
          {"segments_won", assembly->segments_won},
          {"mean_margin_pct", Round2(assembly->mean_margin_pct)}};
}

json SeatScoreJson(const analysis::SeatScore& score) {
  const geo::Seat& seat = *score.seat;
  const analysis::Standing& standing = score.standing;
  return {
      {"rank", score.rank},
      {"seat_id", geo::SeatId(seat.state_code, seat.number)},
      {"state_code", seat.state_code},
      {"state_name", score.state_name},
      {"seat_number", seat.number},
      {"seat_name", seat.name},
      {"reservation", seat.reservation},
      {"contested", standing.contested},
      {"won", standing.won},
      {"position", standing.best_position},
      {"vote_share_pct", Round2(standing.share_pct)},
      {"margin_pct", Round2(standing.margin_pct)},
      {"winner_party", standing.winner_party},
      {"rival_party", standing.rival_party},
      {"baseline_vote_share_pct", OptionalNumber(score.baseline_share_pct)},
      {"swing_points", OptionalNumber(score.swing_points)},
      {"assembly", AssemblyJson(score.assembly)},
      {"score",
       {{"margin", Round2(score.parts.margin)},
        {"trend", Round2(score.parts.trend)},
        {"assembly", Round2(score.parts.assembly)},
        {"strength", Round2(score.parts.strength)}}},
      {"reason", score.reason},
  };
}

json SegmentJson(const analysis::SegmentRow& row) {
  const geo::Seat& seat = *row.seat->seat;
  const geo::Segment& segment = *row.segment;
  json assembly = nullptr;
  if (row.assembly_election) {
    assembly = {{"election", *row.assembly_election},
                {"contested", row.standing.contested},
                {"won", row.standing.won},
                {"position", row.standing.best_position},
                {"vote_share_pct", Round2(row.standing.share_pct)},
                {"margin_pct", Round2(row.standing.margin_pct)},
                {"winner_party", row.standing.winner_party}};
  }
  return {
      {"seat_rank", row.seat->rank},
      {"seat_id", geo::SeatId(seat.state_code, seat.number)},
      {"seat_name", seat.name},
      {"state_code", segment.state_code},
      {"state_name", row.seat->state_name},
      {"segment_id", geo::SegmentId(segment.state_code, segment.number)},
      {"segment_number", segment.number},
      {"segment_name", segment.name},
      {"reservation", segment.reservation},
      {"assembly", assembly},
  };
}

}  // namespace

json SummaryJson(const analysis::ElectionSummary& summary) {
  json parties = json::array();
  for (const analysis::PartyTally& tally : summary.parties) {
    parties.push_back({{"party", tally.party},
                       {"name", tally.name},
                       {"seats_won", tally.seats_won},
                       {"seats_contested", tally.seats_contested},
                       {"votes", tally.votes},
                       {"vote_share_pct", Round2(tally.vote_share_pct)}});
  }
  return {{"election", summary.election},
          {"seats", summary.seats},
          {"votes_counted", summary.votes_counted},
          {"parties", parties}};
}

json WeakSeatsJson(const analysis::WeakSeatsAnswer& answer) {
  json result = QueryJson(answer);
  json seats = json::array();
  for (const analysis::SeatScore& score : answer.seats) seats.push_back(SeatScoreJson(score));
  result["count"] = answer.seats.size();
  result["seats"] = std::move(seats);
  return result;
}

json SegmentsJson(const analysis::SegmentsAnswer& answer) {
  json result = QueryJson(answer.seats);
  json segments = json::array();
  for (const analysis::SegmentRow& row : answer.segments) segments.push_back(SegmentJson(row));
  result["seat_count"] = answer.seats.seats.size();
  result["count"] = answer.segments.size();
  result["segments"] = std::move(segments);
  return result;
}

}  // namespace api
