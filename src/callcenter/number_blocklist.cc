#include "callcenter/number_blocklist.h"

#include <algorithm>

namespace callcenter {

bool IsE164(std::string_view number) {
  if (number.size() < 8 || number.size() > 16 || number.front() != '+') return false;
  std::string_view digits = number.substr(1);
  if (digits.front() == '0') return false;
  return std::all_of(digits.begin(), digits.end(), [](char c) { return c >= '0' && c <= '9'; });
}

bool InMemoryBlocklist::Contains(std::string_view e164) const {
  return numbers_.find(e164) != numbers_.end();
}

base::Status InMemoryBlocklist::Add(std::string_view e164) {
  if (!IsE164(e164)) {
    return base::InvalidArgument("'" + std::string(e164) + "' is not an E.164 number");
  }
  numbers_.emplace(e164);
  return base::OkStatus();
}

bool InMemoryBlocklist::Remove(std::string_view e164) {
  auto it = numbers_.find(e164);
  if (it == numbers_.end()) return false;
  numbers_.erase(it);
  return true;
}

}  // namespace callcenter
