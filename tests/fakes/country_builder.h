#pragma once

#include <string>
#include <vector>

#include "results/reference_data.h"

namespace fakes {

// A small synthetic country for unit tests: state "S01" with seats and segments built by the
// helpers below. Votes are made up.
class CountryBuilder {
 public:
  CountryBuilder();
  // Adds seat `number` of S01 with one assembly segment per entry of `segment_numbers`.
  CountryBuilder& Seat(int number, std::vector<int> segment_numbers = {});
  // Adds a result row; positions are set from the votes by Build().
  CountryBuilder& Votes(const std::string& election, int number, const std::string& party,
                        std::int64_t votes);
  results::ReferenceData Build() const;

 private:
  results::ReferenceData data_;
};

}  // namespace fakes
