#pragma once

#include <cstdint>
#include <string>

namespace geo {

// A Lok Sabha (parliamentary) constituency: state code + number is the key.
struct Seat {
  std::string state_code;
  int number = 0;
  std::string name;
  std::string name_hi;      // Hindi name, may be empty
  std::string reservation;  // GEN, SC or ST
};

// An assembly (Vidhan Sabha) constituency, a segment of exactly one Lok Sabha seat.
struct Segment {
  std::string state_code;
  int number = 0;
  std::string name;
  std::string reservation;  // GEN, SC, ST, BL or SANGHA
  int seat_number = 0;      // the parent seat in the same state
  std::int64_t electors_2014 = 0;
};

// The ids used across the product's CLI, API and files: "S12-19" for seat 19 of S12,
// "S12-AC-150" for assembly segment 150 of S12.
std::string SeatId(const std::string& state_code, int number);
std::string SegmentId(const std::string& state_code, int number);

}  // namespace geo
