#pragma once

#include <cstddef>
#include <cstdint>
#include <span>
#include <vector>

namespace contacts {

// An immutable set of phone numbers (E.164 digits as integers, e.g. 919876543210) in about one
// byte per number, for the national DND registry's tens of millions of lines: Elias-Fano
// coding. Each number, less the smallest, is split into `low_bits_` low bits, stored packed,
// and a high part, stored in unary in a bit vector; a sample of every kSampleEvery-th zero of
// that vector finds a high part's bucket in a few words. Contains() costs a bucket lookup and a
// binary search of the bucket's low bits, well under a microsecond.
class NumberSet {
 public:
  NumberSet() = default;

  // `sorted_unique` must be ascending without repeats (asserted in debug builds).
  static NumberSet FromSorted(std::span<const std::uint64_t> sorted_unique);
  // Sorts and drops repeats first.
  static NumberSet FromUnsorted(std::vector<std::uint64_t> numbers);

  bool Contains(std::uint64_t number) const;
  std::size_t size() const { return size_; }
  // The memory the encoding holds, in bytes (the vectors' contents).
  std::size_t EncodedBytes() const;

  // The raw parts, for writing to and reading from a file (contacts/number_set_file).
  struct Parts {
    std::uint64_t smallest = 0;
    std::uint64_t size = 0;
    std::uint32_t low_bits = 0;
    std::uint64_t high_length = 0;  // bits used in `high`
    std::vector<std::uint64_t> low;
    std::vector<std::uint64_t> high;
  };
  const Parts& parts() const { return parts_; }
  // Fails (returns false) when the parts are inconsistent, e.g. a damaged file's.
  static bool FromParts(Parts parts, NumberSet& out);

 private:
  static constexpr std::uint64_t kSampleEvery = 256;

  void BuildSamples();
  std::uint64_t LowAt(std::uint64_t index) const;
  // Position in `high` of the zero with this rank (0 = the first zero).
  std::uint64_t SelectZero(std::uint64_t rank) const;
  std::uint64_t ZeroCount() const { return parts_.high_length - parts_.size; }

  Parts parts_;
  std::size_t size_ = 0;
  std::vector<std::uint64_t> zero_samples_;  // position of zero number k * kSampleEvery
};

}  // namespace contacts
