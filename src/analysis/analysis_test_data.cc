#include "analysis/analysis_test_data.h"

#include <algorithm>

namespace analysis::testing {

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
          assembly ? results::ElectionKind::kAssembly : results::ElectionKind::kLokSabha, year},
         {}});
    it = std::prev(data_.elections.end());
  }
  int position = party == "NOTA" ? 0 : 1;
  it->votes.push_back({"S01", number, position, party + " candidate", party, votes});
  return *this;
}

results::ReferenceData CountryBuilder::Build() const {
  results::ReferenceData data = data_;
  for (results::ElectionResults& election : data.elections) {
    std::stable_sort(election.votes.begin(), election.votes.end(),
                     [](const auto& a, const auto& b) { return a.number < b.number; });
  }
  return data;
}

}  // namespace analysis::testing
