#include "contacts/dnd_registry.h"

#include <gtest/gtest.h>

#include <random>

#include "fakes/in_memory_database.h"

namespace contacts {
namespace {

// Synthetic numbers only.
NumberSet SomeNumbers() {
  std::mt19937_64 random(5);
  std::uniform_int_distribution<std::uint64_t> national(6'000'000'000ULL, 9'999'999'999ULL);
  std::vector<std::uint64_t> numbers = {919876543210ULL};
  for (int i = 0; i < 5000; ++i) numbers.push_back(910'000'000'000ULL + national(random));
  return NumberSet::FromUnsorted(numbers);
}

base::TimePoint At(int seconds) { return base::TimePoint(std::chrono::seconds(seconds)); }

TEST(DndRegistryTest, AnswersForE164NumbersOnly) {
  DndRegistry registry(NumberSet::FromUnsorted({919876543210ULL, 442079460000ULL}));
  EXPECT_TRUE(registry.Contains("+919876543210"));
  EXPECT_TRUE(registry.Contains("+442079460000"));
  EXPECT_FALSE(registry.Contains("+919876543211"));
  // Lists compare the E.164 form only (callcenter::IsE164); the dialer normalises first.
  EXPECT_FALSE(registry.Contains("9876543210"));
  EXPECT_FALSE(registry.Contains(""));
}

TEST(DndRegistryTest, PackedNumbersUnpackToTheSameSet) {
  NumberSet numbers = SomeNumbers();
  std::vector<std::uint8_t> packed = PackNumberSet(numbers);
  base::Result<NumberSet> unpacked = UnpackNumberSet(packed);
  ASSERT_TRUE(unpacked.ok()) << unpacked.status().message();
  EXPECT_EQ(unpacked->size(), numbers.size());
  EXPECT_TRUE(unpacked->Contains(919876543210ULL));
  EXPECT_EQ(unpacked->parts().low, numbers.parts().low);
  EXPECT_EQ(unpacked->parts().high, numbers.parts().high);

  base::Result<NumberSet> empty = UnpackNumberSet(PackNumberSet(NumberSet()));
  ASSERT_TRUE(empty.ok()) << empty.status().message();
  EXPECT_EQ(empty->size(), 0u);
}

TEST(DndRegistryTest, DamagedBytesAreRefusedSayingSo) {
  std::vector<std::uint8_t> packed = PackNumberSet(SomeNumbers());
  std::vector<std::uint8_t> flipped = packed;
  flipped[flipped.size() / 2] ^= 0x10;
  std::vector<std::uint8_t> truncated(packed.begin(), packed.end() - 9);
  std::vector<std::uint8_t> not_ours = packed;
  not_ours[0] = 'X';
  for (const auto& [bytes, reason] :
       {std::pair{flipped, "checksum mismatch"}, std::pair{truncated, "does not match"},
        std::pair{not_ours, "not a packed number set"},
        std::pair{std::vector<std::uint8_t>{}, "not a packed number set"}}) {
    base::Result<NumberSet> unpacked = UnpackNumberSet(bytes);
    ASSERT_FALSE(unpacked.ok()) << reason;
    EXPECT_NE(unpacked.status().message().find(reason), std::string::npos)
        << unpacked.status().message();
    EXPECT_NE(unpacked.status().message().find("damaged"), std::string::npos);
  }
}

TEST(DndRegistryTest, SavedRegistryLoadsBackAndReplacesTheLastOne) {
  fakes::InMemoryDatabase db;
  base::Result<LoadedDndRegistry> none = LoadDndRegistry(db.dnd_registry());
  ASSERT_TRUE(none.ok());
  EXPECT_FALSE(none->loaded);
  EXPECT_FALSE(none->registry.Contains("+919876543210"));

  ASSERT_TRUE(SaveDndRegistry(db.dnd_registry(), SomeNumbers(), "old.txt", At(1)).ok());
  NumberSet newer = NumberSet::FromUnsorted({919000000001ULL});
  ASSERT_TRUE(SaveDndRegistry(db.dnd_registry(), newer, "dnd.txt", At(2)).ok());
  base::Result<LoadedDndRegistry> loaded = LoadDndRegistry(db.dnd_registry());
  ASSERT_TRUE(loaded.ok()) << loaded.status().message();
  EXPECT_TRUE(loaded->loaded);
  EXPECT_EQ(loaded->source, "dnd.txt");
  EXPECT_EQ(loaded->loaded_at, At(2));
  EXPECT_TRUE(loaded->registry.Contains("+919000000001"));
  EXPECT_FALSE(loaded->registry.Contains("+919876543210")) << "the old registry is gone";
}

TEST(DndRegistryTest, ACountThatDisagreesWithTheNumbersIsDamage) {
  fakes::InMemoryDatabase db;
  store::DndRegistryRecord record{"dnd.txt", At(1), 3, PackNumberSet(SomeNumbers())};
  ASSERT_TRUE(db.dnd_registry().ReplaceDndRegistry(record).ok());
  base::Result<LoadedDndRegistry> loaded = LoadDndRegistry(db.dnd_registry());
  ASSERT_FALSE(loaded.ok());
  EXPECT_NE(loaded.status().message().find("not 3"), std::string::npos)
      << loaded.status().message();
}

}  // namespace
}  // namespace contacts
