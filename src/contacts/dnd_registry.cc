#include "contacts/dnd_registry.h"

#include <cstring>

#include "contacts/dnd_file.h"

namespace contacts {

namespace {

// Format 1: the magic, six little-endian u64 (smallest, size, low bits, high length, low word
// count, high word count), the words, then an FNV-1a hash of everything before it.
constexpr std::string_view kMagic = "JSDNDEF1";
constexpr std::size_t kHeaderWords = 6;

void PutWord(std::vector<std::uint8_t>& out, std::uint64_t word) {
  for (int byte = 0; byte < 8; ++byte) out.push_back(static_cast<std::uint8_t>(word >> (8 * byte)));
}

std::uint64_t WordAt(std::span<const std::uint8_t> bytes, std::size_t offset) {
  std::uint64_t word = 0;
  for (int byte = 7; byte >= 0; --byte) {
    word = word << 8 | bytes[offset + static_cast<std::size_t>(byte)];
  }
  return word;
}

// The header's index-th word (0 = smallest ... 5 = high word count).
std::uint64_t HeaderWord(std::span<const std::uint8_t> bytes, std::size_t index) {
  return WordAt(bytes, kMagic.size() + sizeof(std::uint64_t) * index);
}

std::uint64_t Fnv1a(std::span<const std::uint8_t> bytes) {
  std::uint64_t hash = 14695981039346656037ULL;
  for (std::uint8_t byte : bytes) hash = (hash ^ byte) * 1099511628211ULL;
  return hash;
}

base::Status Damaged(const std::string& what) {
  return base::InvalidArgument("the stored DND registry is damaged (" + what +
                               "); load the extract again with `jansampark dnd load`");
}

}  // namespace

bool DndRegistry::Contains(std::string_view e164) const {
  if (!callcenter::IsE164(e164)) return false;
  base::Result<std::uint64_t> number = ParseRegistryNumber(e164);
  return number.ok() && numbers_.Contains(*number);
}

std::vector<std::uint8_t> PackNumberSet(const NumberSet& numbers) {
  const NumberSet::Parts& parts = numbers.parts();
  std::vector<std::uint8_t> out(kMagic.begin(), kMagic.end());
  out.reserve(out.size() + 8 * (kHeaderWords + parts.low.size() + parts.high.size() + 1));
  for (std::uint64_t word :
       {parts.smallest, parts.size, std::uint64_t{parts.low_bits}, parts.high_length,
        std::uint64_t{parts.low.size()}, std::uint64_t{parts.high.size()}}) {
    PutWord(out, word);
  }
  for (std::uint64_t word : parts.low) PutWord(out, word);
  for (std::uint64_t word : parts.high) PutWord(out, word);
  PutWord(out, Fnv1a(out));
  return out;
}

base::Result<NumberSet> UnpackNumberSet(std::span<const std::uint8_t> bytes) {
  std::size_t header_end = kMagic.size() + 8 * kHeaderWords;
  if (bytes.size() < header_end + 8 ||
      std::memcmp(bytes.data(), kMagic.data(), kMagic.size()) != 0) {
    return Damaged("not a packed number set");
  }
  std::uint64_t low_words = HeaderWord(bytes, 4);
  std::uint64_t high_words = HeaderWord(bytes, 5);
  std::uint64_t payload_words = (bytes.size() - header_end - 8) / 8;
  if ((bytes.size() - header_end) % 8 != 0 || low_words > payload_words ||
      high_words != payload_words - low_words) {
    return Damaged("its length does not match its header");
  }
  if (WordAt(bytes, bytes.size() - 8) != Fnv1a(bytes.first(bytes.size() - 8))) {
    return Damaged("checksum mismatch");
  }
  NumberSet::Parts parts;
  parts.smallest = HeaderWord(bytes, 0);
  parts.size = HeaderWord(bytes, 1);
  std::uint64_t low_bits = HeaderWord(bytes, 2);
  if (low_bits >= 64) return Damaged("low bits out of range");
  parts.low_bits = static_cast<std::uint32_t>(low_bits);
  parts.high_length = HeaderWord(bytes, 3);
  std::size_t at = header_end;
  for (std::uint64_t i = 0; i < low_words; ++i, at += 8) parts.low.push_back(WordAt(bytes, at));
  for (std::uint64_t i = 0; i < high_words; ++i, at += 8) parts.high.push_back(WordAt(bytes, at));
  NumberSet numbers;
  if (!NumberSet::FromParts(std::move(parts), numbers)) return Damaged("inconsistent encoding");
  return numbers;
}

base::Status SaveDndRegistry(store::DndRegistryStore& store, const NumberSet& numbers,
                             std::string_view source, base::TimePoint at) {
  return store.ReplaceDndRegistry(store::DndRegistryRecord{
      std::string(source), at, static_cast<std::int64_t>(numbers.size()), PackNumberSet(numbers)});
}

base::Result<LoadedDndRegistry> LoadDndRegistry(store::DndRegistryStore& store) {
  JS_ASSIGN_OR_RETURN(std::optional<store::DndRegistryRecord> record, store.GetDndRegistry());
  LoadedDndRegistry loaded;
  if (!record) return loaded;
  JS_ASSIGN_OR_RETURN(NumberSet numbers, UnpackNumberSet(record->packed));
  if (static_cast<std::int64_t>(numbers.size()) != record->numbers) {
    return Damaged("it holds " + std::to_string(numbers.size()) + " numbers, not " +
                   std::to_string(record->numbers));
  }
  loaded.registry = DndRegistry(std::move(numbers));
  loaded.loaded = true;
  loaded.source = std::move(record->source);
  loaded.loaded_at = record->loaded_at;
  return loaded;
}

}  // namespace contacts
