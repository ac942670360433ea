#include "contacts/number_set.h"

#include <gtest/gtest.h>

#include <cstdint>
#include <random>
#include <set>
#include <vector>

namespace contacts {
namespace {

// Synthetic numbers only: random Indian mobiles as E.164 digits (91 then 6-9 and nine digits).
std::vector<std::uint64_t> RandomMobiles(std::size_t count, std::uint32_t seed) {
  std::mt19937_64 random(seed);
  std::uniform_int_distribution<std::uint64_t> national(6'000'000'000ULL, 9'999'999'999ULL);
  std::vector<std::uint64_t> numbers;
  numbers.reserve(count);
  for (std::size_t i = 0; i < count; ++i) numbers.push_back(910'000'000'000ULL + national(random));
  return numbers;
}

TEST(NumberSetTest, EmptySetHoldsNothing) {
  NumberSet set = NumberSet::FromUnsorted({});
  EXPECT_EQ(set.size(), 0u);
  EXPECT_FALSE(set.Contains(0));
  EXPECT_FALSE(set.Contains(919876543210ULL));
}

TEST(NumberSetTest, OneNumberAndItsNeighbours) {
  NumberSet set = NumberSet::FromUnsorted({919876543210ULL});
  EXPECT_TRUE(set.Contains(919876543210ULL));
  EXPECT_FALSE(set.Contains(919876543209ULL));
  EXPECT_FALSE(set.Contains(919876543211ULL));
  EXPECT_FALSE(set.Contains(0));
}

TEST(NumberSetTest, RepeatsCountOnce) {
  NumberSet set = NumberSet::FromUnsorted({5, 3, 5, 9, 3});
  EXPECT_EQ(set.size(), 3u);
  for (std::uint64_t n : {3, 5, 9}) EXPECT_TRUE(set.Contains(n)) << n;
  for (std::uint64_t n : {0, 1, 2, 4, 6, 7, 8, 10}) EXPECT_FALSE(set.Contains(n)) << n;
}

TEST(NumberSetTest, ConsecutiveNumbersNeedNoLowBits) {
  std::vector<std::uint64_t> numbers;
  for (std::uint64_t n = 1000; n < 3000; ++n) numbers.push_back(n);
  NumberSet set = NumberSet::FromSorted(numbers);
  EXPECT_EQ(set.parts().low_bits, 0u);
  EXPECT_FALSE(set.Contains(999));
  for (std::uint64_t n = 1000; n < 3000; ++n) ASSERT_TRUE(set.Contains(n)) << n;
  EXPECT_FALSE(set.Contains(3000));
}

TEST(NumberSetTest, NumbersFarApartAndAClusterInOneBucket) {
  // Wide spread: many low bits, and a crowded bucket searched by its low parts.
  std::vector<std::uint64_t> numbers = {1, 2, 3, 4, 5, 6, 7, 8, 1ULL << 62, (1ULL << 63) + 7};
  NumberSet set = NumberSet::FromSorted(numbers);
  for (std::uint64_t n : numbers) EXPECT_TRUE(set.Contains(n)) << n;
  for (std::uint64_t n : {0ULL, 9ULL, (1ULL << 62) - 1, (1ULL << 62) + 1, (1ULL << 63) + 6,
                          (1ULL << 63) + 8, ~0ULL}) {
    EXPECT_FALSE(set.Contains(n)) << n;
  }
}

TEST(NumberSetTest, AgreesWithAnOrderedSetOnRandomMobiles) {
  std::vector<std::uint64_t> numbers = RandomMobiles(200'000, 7);
  std::set<std::uint64_t> reference(numbers.begin(), numbers.end());
  NumberSet set = NumberSet::FromUnsorted(numbers);
  EXPECT_EQ(set.size(), reference.size());
  for (std::uint64_t n : reference) ASSERT_TRUE(set.Contains(n)) << n;
  // Numbers next to members, and numbers drawn afresh: absent unless drawn before.
  for (std::uint64_t n : RandomMobiles(200'000, 8)) {
    ASSERT_EQ(set.Contains(n), reference.contains(n)) << n;
    ASSERT_EQ(set.Contains(n + 1), reference.contains(n + 1)) << n + 1;
  }
}

TEST(NumberSetTest, AtTheRegistrysDensityTakesAboutOneBytePerNumber) {
  // The national DND registry: about 50 million of the 4 billion mobile numbers, one in 80.
  // Here a million numbers drawn from a span 80 times as wide.
  constexpr std::uint64_t kCount = 1'000'000;
  std::mt19937_64 random(9);
  std::uniform_int_distribution<std::uint64_t> offset(0, kCount * 80 - 1);
  std::vector<std::uint64_t> numbers;
  for (std::uint64_t i = 0; i < kCount; ++i) numbers.push_back(919'800'000'000ULL + offset(random));
  NumberSet set = NumberSet::FromUnsorted(numbers);
  // Elias-Fano: the low bits, under three bits a number for the high parts, and the samples.
  double bits = static_cast<double>(set.size()) * (set.parts().low_bits + 3);
  double samples = static_cast<double>(set.parts().high_length) / 256 * 64;
  EXPECT_LE(static_cast<double>(set.EncodedBytes()) * 8, bits + samples + 3 * 64);
  EXPECT_EQ(set.parts().low_bits, 6u);
  EXPECT_LT(static_cast<double>(set.EncodedBytes()) / static_cast<double>(set.size()), 1.1);
}

TEST(NumberSetTest, RebuildsFromItsPartsAndRefusesDamagedOnes) {
  NumberSet original = NumberSet::FromUnsorted(RandomMobiles(10'000, 3));
  NumberSet copy;
  ASSERT_TRUE(NumberSet::FromParts(original.parts(), copy));
  EXPECT_EQ(copy.size(), original.size());
  for (std::uint64_t n : RandomMobiles(10'000, 3)) ASSERT_TRUE(copy.Contains(n));

  NumberSet::Parts extra_one = original.parts();
  extra_one.high.back() |= 1ULL << 63;  // past the end, or the closing zero
  EXPECT_FALSE(NumberSet::FromParts(extra_one, copy));
  NumberSet::Parts short_low = original.parts();
  short_low.low.pop_back();
  EXPECT_FALSE(NumberSet::FromParts(short_low, copy));
  NumberSet::Parts wrong_size = original.parts();
  wrong_size.size += 1;
  EXPECT_FALSE(NumberSet::FromParts(wrong_size, copy));
  NumberSet::Parts wide = original.parts();
  wide.low_bits = 64;
  EXPECT_FALSE(NumberSet::FromParts(wide, copy));
}

}  // namespace
}  // namespace contacts
