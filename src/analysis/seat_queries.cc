#include "analysis/seat_queries.h"

#include <algorithm>

#include "base/text.h"

namespace analysis {

base::Result<RankMode> ParseRankMode(const std::string& text) {
  if (text == "weakest") return RankMode::kWeakest;
  if (text == "battleground") return RankMode::kBattleground;
  std::string message = "unknown mode '" + text + "'";
  std::vector<std::string> nearest = base::NearestNames(text, {"weakest", "battleground"});
  if (!nearest.empty()) message += "; did you mean " + nearest.front() + "?";
  return base::InvalidArgument(message + " (modes: weakest, battleground)");
}

std::string_view RankModeName(RankMode mode) {
  return mode == RankMode::kWeakest ? "weakest" : "battleground";
}

base::Result<ElectionSummary> QuerySummary(store::Database& db, const std::string& election) {
  JS_ASSIGN_OR_RETURN(SeatData data, SeatData::Load(db, {election}, false));
  JS_ASSIGN_OR_RETURN(std::vector<results::Election> loaded, db.results().ListElections());
  JS_ASSIGN_OR_RETURN(std::string id,
                      ResolveElectionId(election, loaded, results::ElectionKind::kLokSabha));
  return SummarizeElection(data, id);
}

namespace {

base::Result<WeakSeatsRequest> ResolveRequest(const SeatData& data, store::Database& db,
                                              const SeatQuery& query) {
  WeakSeatsRequest request;
  JS_ASSIGN_OR_RETURN(std::string party, data.parties().Resolve(query.party));
  request.alliance.push_back(party);
  for (const std::string& ally : query.allies) {
    JS_ASSIGN_OR_RETURN(std::string code, data.parties().Resolve(ally));
    if (std::find(request.alliance.begin(), request.alliance.end(), code) ==
        request.alliance.end()) {
      request.alliance.push_back(code);
    }
  }
  JS_ASSIGN_OR_RETURN(std::vector<results::Election> loaded, db.results().ListElections());
  JS_ASSIGN_OR_RETURN(request.election,
                      ResolveElectionId(query.election, loaded, results::ElectionKind::kLokSabha));
  if (query.baseline) {
    JS_ASSIGN_OR_RETURN(std::string baseline, ResolveElectionId(*query.baseline, loaded,
                                                                results::ElectionKind::kLokSabha));
    auto year_of = [&](const std::string& id) {
      for (const results::Election& election : loaded) {
        if (election.id == id) return election.year;
      }
      return 0;
    };
    if (year_of(baseline) >= year_of(request.election)) {
      return base::InvalidArgument("the baseline " + baseline +
                                   " must be an earlier election than " + request.election);
    }
    request.baseline = baseline;
  }
  JS_ASSIGN_OR_RETURN(request.mode, ParseRankMode(query.mode));
  if (query.top) {
    if (*query.top < 1) return base::InvalidArgument("top must be at least 1");
    request.top = *query.top;
  }
  return request;
}

}  // namespace

base::Result<WeakSeatsAnswer> QueryWeakSeats(store::Database& db, const SeatQuery& query) {
  std::vector<std::string> elections = {query.election};
  if (query.baseline) elections.push_back(*query.baseline);
  JS_ASSIGN_OR_RETURN(SeatData data, SeatData::Load(db, elections, true));
  WeakSeatsAnswer answer;
  answer.data = std::make_unique<SeatData>(std::move(data));
  JS_ASSIGN_OR_RETURN(answer.request, ResolveRequest(*answer.data, db, query));
  const results::Party* party = answer.data->parties().Find(answer.request.alliance.front());
  answer.party_name =
      party != nullptr && !party->name.empty() ? party->name : answer.request.alliance.front();
  answer.seats = RankSeats(*answer.data, answer.request);
  return answer;
}

base::Result<SegmentsAnswer> QuerySegments(store::Database& db, const SeatQuery& query) {
  SegmentsAnswer answer;
  JS_ASSIGN_OR_RETURN(answer.seats, QueryWeakSeats(db, query));
  answer.segments = SegmentsOfSeats(*answer.seats.data, answer.seats.seats,
                                    Alliance(answer.seats.request.alliance));
  return answer;
}

}  // namespace analysis
