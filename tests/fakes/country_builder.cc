#include "fakes/country_builder.h"

#include <algorithm>

namespace fakes {

CountryBuilder::CountryBuilder() {
  data_.states.push_back({"S01", "Testland", "TL", geo::StateKind::kState, 0, 0, true, {"hi"}, {}});
  data_.parties = {{"AAA", "Alpha Party", "", {"Alpha"}},
                   {"BBB", "Beta Party", "", {}},
                   {"CCC", "Gamma Party", "", {}},
                   {"IND", "Independent", "", {}},
                   {"NOTA", "None of the Above", "", {}}};
}

CountryBuilder& CountryBuilder::Seat(int number, std::vector<int> segment_numbers) {
  data_.seats.push_back({"S01", number, "Seat " + std::to_string(number), "", "GEN"});
  for (int segment : segment_numbers) {
    data_.segments.push_back({"S01", segment, "SEG " + std::to_string(segment), "GEN", number, 0});
  }
  return *this;
}

CountryBuilder& CountryBuilder::Votes(const std::string& election, int number,
                                      const std::string& party, std::int64_t votes) {
  auto it = std::find_if(data_.elections.begin(), data_.elections.end(),
                         [&](const auto& e) { return e.election.id == election; });
  if (it == data_.elections.end()) {
    bool assembly = election.rfind("ae", 0) == 0;
    int year = std::stoi(election.substr(2));
    data_.elections.push_back(
        {{election,
          assembly ? results::ElectionKind::kAssembly : results::ElectionKind::kLokSabha,
          year,
          {}},
         {}});
    it = std::prev(data_.elections.end());
  }
  it->votes.push_back({"S01", number, 0, party + " candidate", party, votes});
  return *this;
}

results::ReferenceData CountryBuilder::Build() const {
  results::ReferenceData data = data_;
  for (results::ElectionResults& election : data.elections) {
    // Store order: by constituency, then position (1 for the most votes), NOTA last.
    std::stable_sort(election.votes.begin(), election.votes.end(),
                     [](const auto& a, const auto& b) {
                       if (a.number != b.number) return a.number < b.number;
                       if ((a.party == "NOTA") != (b.party == "NOTA")) return b.party == "NOTA";
                       return a.votes > b.votes;
                     });
    int position = 0;
    for (std::size_t i = 0; i < election.votes.size(); ++i) {
      results::CandidateVotes& row = election.votes[i];
      if (i == 0 || election.votes[i - 1].number != row.number) position = 0;
      row.position = row.party == "NOTA" ? 0 : ++position;
    }
  }
  return data;
}

}  // namespace fakes
