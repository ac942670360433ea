#include "contacts/number_set.h"

#include <algorithm>
#include <bit>
#include <cassert>

namespace contacts {

namespace {

constexpr std::uint64_t kWordBits = 64;

std::uint64_t WordsFor(std::uint64_t bits) { return (bits + kWordBits - 1) / kWordBits; }

// The bit position of the rank-th (0-based) set bit of `word`, which has more than `rank`.
std::uint64_t NthSetBit(std::uint64_t word, std::uint64_t rank) {
  for (std::uint64_t i = 0; i < rank; ++i) word &= word - 1;
  return static_cast<std::uint64_t>(std::countr_zero(word));
}

void PutBits(std::vector<std::uint64_t>& words, std::uint64_t at, std::uint32_t width,
             std::uint64_t value) {
  if (width == 0) return;
  std::uint64_t word = at / kWordBits;
  std::uint64_t shift = at % kWordBits;
  words[word] |= value << shift;
  if (shift + width > kWordBits) words[word + 1] |= value >> (kWordBits - shift);
}

std::uint64_t GetBits(const std::vector<std::uint64_t>& words, std::uint64_t at,
                      std::uint32_t width) {
  if (width == 0) return 0;
  std::uint64_t word = at / kWordBits;
  std::uint64_t shift = at % kWordBits;
  std::uint64_t value = words[word] >> shift;
  if (shift + width > kWordBits) value |= words[word + 1] << (kWordBits - shift);
  std::uint64_t mask = width == kWordBits ? ~0ULL : (1ULL << width) - 1;
  return value & mask;
}

}  // namespace

NumberSet NumberSet::FromSorted(std::span<const std::uint64_t> sorted_unique) {
  assert(std::adjacent_find(sorted_unique.begin(), sorted_unique.end(),
                            [](std::uint64_t a, std::uint64_t b) { return a >= b; }) ==
         sorted_unique.end());
  NumberSet set;
  std::uint64_t count = sorted_unique.size();
  set.size_ = sorted_unique.size();
  if (count == 0) return set;
  Parts& parts = set.parts_;
  parts.smallest = sorted_unique.front();
  parts.size = count;
  std::uint64_t span = sorted_unique.back() - parts.smallest;  // the universe, less one
  std::uint64_t per_number = span / count;
  parts.low_bits = per_number == 0 ? 0 : static_cast<std::uint32_t>(std::bit_width(per_number) - 1);
  std::uint64_t buckets = (span >> parts.low_bits) + 1;
  parts.high_length = count + buckets;
  parts.low.assign(WordsFor(count * parts.low_bits), 0);
  parts.high.assign(WordsFor(parts.high_length), 0);
  std::uint64_t low_mask = parts.low_bits == 0 ? 0 : (1ULL << parts.low_bits) - 1;
  for (std::uint64_t i = 0; i < count; ++i) {
    std::uint64_t offset = sorted_unique[i] - parts.smallest;
    PutBits(parts.low, i * parts.low_bits, parts.low_bits, offset & low_mask);
    std::uint64_t position = (offset >> parts.low_bits) + i;
    parts.high[position / kWordBits] |= 1ULL << (position % kWordBits);
  }
  set.BuildSamples();
  return set;
}

NumberSet NumberSet::FromUnsorted(std::vector<std::uint64_t> numbers) {
  std::sort(numbers.begin(), numbers.end());
  numbers.erase(std::unique(numbers.begin(), numbers.end()), numbers.end());
  return FromSorted(numbers);
}

bool NumberSet::FromParts(Parts parts, NumberSet& out) {
  if (parts.low_bits >= kWordBits || parts.size > (~0ULL) / kWordBits) return false;
  if (parts.size > parts.high_length) return false;
  if (parts.size > 0 && parts.high_length == parts.size) return false;  // no bucket at all
  if (parts.size == 0 && (parts.high_length != 0 || !parts.low.empty())) return false;
  if (parts.low.size() != WordsFor(parts.size * parts.low_bits)) return false;
  if (parts.high.size() != WordsFor(parts.high_length)) return false;
  std::uint64_t ones = 0;
  for (std::uint64_t word : parts.high) ones += static_cast<std::uint64_t>(std::popcount(word));
  if (ones != parts.size) return false;
  std::uint64_t used = parts.high_length % kWordBits;
  if (used != 0 && (parts.high.back() >> used) != 0) return false;  // a one past the end
  // The last bit must be a zero: it closes the last bucket.
  if (parts.size > 0) {
    std::uint64_t last = parts.high_length - 1;
    if ((parts.high[last / kWordBits] >> (last % kWordBits) & 1) != 0) return false;
  }
  out.parts_ = std::move(parts);
  out.size_ = out.parts_.size;
  out.BuildSamples();
  return true;
}

void NumberSet::BuildSamples() {
  zero_samples_.clear();
  std::uint64_t zeros_before = 0;
  std::uint64_t next_rank = 0;
  for (std::uint64_t w = 0; w < parts_.high.size(); ++w) {
    std::uint64_t zeros = ~parts_.high[w];
    std::uint64_t valid = std::min(kWordBits, parts_.high_length - w * kWordBits);
    if (valid < kWordBits) zeros &= (1ULL << valid) - 1;
    auto count = static_cast<std::uint64_t>(std::popcount(zeros));
    while (next_rank < zeros_before + count) {
      zero_samples_.push_back(w * kWordBits + NthSetBit(zeros, next_rank - zeros_before));
      next_rank += kSampleEvery;
    }
    zeros_before += count;
  }
}

std::uint64_t NumberSet::SelectZero(std::uint64_t rank) const {
  std::uint64_t position = zero_samples_[rank / kSampleEvery];
  std::uint64_t remaining = rank % kSampleEvery;
  std::uint64_t w = position / kWordBits;
  // Zeros at or after the sampled one; bits past high_length are never reached, since every
  // rank asked for is below ZeroCount().
  std::uint64_t zeros = ~parts_.high[w] & (~0ULL << (position % kWordBits));
  for (;;) {
    auto count = static_cast<std::uint64_t>(std::popcount(zeros));
    if (remaining < count) return w * kWordBits + NthSetBit(zeros, remaining);
    remaining -= count;
    zeros = ~parts_.high[++w];
  }
}

std::uint64_t NumberSet::LowAt(std::uint64_t index) const {
  return GetBits(parts_.low, index * parts_.low_bits, parts_.low_bits);
}

bool NumberSet::Contains(std::uint64_t number) const {
  if (size_ == 0 || number < parts_.smallest) return false;
  std::uint64_t offset = number - parts_.smallest;
  std::uint64_t bucket = offset >> parts_.low_bits;
  if (bucket >= ZeroCount()) return false;
  // Bucket b's numbers are the ones between zero b-1 and zero b; a position less the zeros
  // before it is the number's index.
  std::uint64_t begin = bucket == 0 ? 0 : SelectZero(bucket - 1) + 1 - bucket;
  std::uint64_t end = SelectZero(bucket) - bucket;
  std::uint64_t low = parts_.low_bits == 0 ? 0 : offset & ((1ULL << parts_.low_bits) - 1);
  while (begin < end) {  // the bucket's low parts ascend
    std::uint64_t middle = begin + (end - begin) / 2;
    std::uint64_t value = LowAt(middle);
    if (value == low) return true;
    if (value < low) {
      begin = middle + 1;
    } else {
      end = middle;
    }
  }
  return false;
}

std::size_t NumberSet::EncodedBytes() const {
  return (parts_.low.size() + parts_.high.size() + zero_samples_.size()) * sizeof(std::uint64_t);
}

}  // namespace contacts
