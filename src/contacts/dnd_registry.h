#pragma once

#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "base/clock.h"
#include "base/result.h"
#include "callcenter/number_blocklist.h"
#include "contacts/number_set.h"
#include "store/store.h"

namespace contacts {

// The national DND registry for the dialer's gates (callcenter::CallingRules): a NumberSet
// behind the NumberBlocklist seam. Immutable, so it may be shared between threads.
class DndRegistry : public callcenter::NumberBlocklist {
 public:
  DndRegistry() = default;
  explicit DndRegistry(NumberSet numbers) : numbers_(std::move(numbers)) {}

  // "+919876543210" only (the form every list compares, callcenter::IsE164).
  bool Contains(std::string_view e164) const override;
  const NumberSet& numbers() const { return numbers_; }

 private:
  NumberSet numbers_;
};

// A NumberSet as bytes for the store, and back. Unpack checks the header, the lengths, a
// checksum and the encoding's own consistency: a damaged registry is an error, never a
// registry with holes.
std::vector<std::uint8_t> PackNumberSet(const NumberSet& numbers);
base::Result<NumberSet> UnpackNumberSet(std::span<const std::uint8_t> bytes);

// Stores `numbers` as the registry, replacing the last one; `source` names where it came from.
base::Status SaveDndRegistry(store::DndRegistryStore& store, const NumberSet& numbers,
                             std::string_view source, base::TimePoint at);

// The stored registry, or an empty one (with `loaded` false) when none was ever loaded.
struct LoadedDndRegistry {
  DndRegistry registry;
  bool loaded = false;
  std::string source;
  base::TimePoint loaded_at;
};
base::Result<LoadedDndRegistry> LoadDndRegistry(store::DndRegistryStore& store);

}  // namespace contacts
