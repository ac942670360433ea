#include "contacts/dnd_file.h"

#include <algorithm>
#include <vector>

#include "base/text.h"

namespace contacts {

namespace {

constexpr std::uint64_t kIndia = 91;
constexpr std::size_t kIndianNationalDigits = 10;

bool AllDigits(std::string_view text) {
  return !text.empty() &&
         std::all_of(text.begin(), text.end(), [](char c) { return c >= '0' && c <= '9'; });
}

std::uint64_t ToNumber(std::string_view digits) {
  std::uint64_t value = 0;
  for (char c : digits) value = value * 10 + static_cast<std::uint64_t>(c - '0');
  return value;
}

// 10 digits not starting with 0: India's national number, made E.164.
base::Result<std::uint64_t> Indian(std::string_view national, std::string_view line) {
  if (national.size() != kIndianNationalDigits || national.front() == '0') {
    return base::InvalidArgument("'" + std::string(line) +
                                 "' is not a 10-digit Indian number (nor E.164 with +)");
  }
  return kIndia * 10'000'000'000ULL + ToNumber(national);
}

}  // namespace

base::Result<std::uint64_t> ParseRegistryNumber(std::string_view line) {
  std::string_view text = base::Trim(line);
  bool plus = !text.empty() && text.front() == '+';
  std::string_view digits = plus ? text.substr(1) : text;
  if (!AllDigits(digits)) {
    return base::InvalidArgument("'" + std::string(text) + "' is not a phone number");
  }
  if (plus) {
    if (digits.starts_with("91")) return Indian(digits.substr(2), text);
    if (digits.size() < 8 || digits.size() > 15 || digits.front() == '0') {
      return base::InvalidArgument("'" + std::string(text) + "' is not an E.164 number");
    }
    return ToNumber(digits);
  }
  if (digits.size() == kIndianNationalDigits + 1 && digits.front() == '0') {
    return Indian(digits.substr(1), text);
  }
  if (digits.size() == kIndianNationalDigits + 2 && digits.starts_with("91")) {
    return Indian(digits.substr(2), text);
  }
  return Indian(digits, text);
}

base::Result<NumberSet> ReadDndRegistry(std::istream& in, const std::string& source) {
  std::vector<std::uint64_t> numbers;
  std::string line;
  for (std::uint64_t line_number = 1; std::getline(in, line); ++line_number) {
    if (base::Trim(line).empty()) continue;
    base::Result<std::uint64_t> number = ParseRegistryNumber(line);
    if (!number.ok()) {
      return number.status().WithContext(source + ":" + std::to_string(line_number));
    }
    numbers.push_back(*number);
  }
  if (in.bad()) return base::Unavailable(source + ": read failed");
  return NumberSet::FromUnsorted(std::move(numbers));
}

}  // namespace contacts
