#include "geo/seat.h"

namespace geo {

std::string SeatId(const std::string& state_code, int number) {
  return state_code + "-" + std::to_string(number);
}

std::string SegmentId(const std::string& state_code, int number) {
  return state_code + "-AC-" + std::to_string(number);
}

}  // namespace geo
