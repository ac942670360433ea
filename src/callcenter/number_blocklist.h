#pragma once

#include <cstddef>
#include <functional>
#include <string>
#include <string_view>
#include <unordered_set>

#include "base/status.h"

namespace callcenter {

// Whether `number` has the shape of an E.164 number: "+", then 7 to 15 digits, the first not 0.
// Lists compare numbers byte for byte, so every number that reaches one must be in this form
// (contacts/ normalises imported numbers; CallingList refuses any other form).
bool IsE164(std::string_view number);

// A set of phone numbers that must never be called: the national DND registry, a campaign's
// do-not-call list. Implementations may be shared between threads only if they say so.
class NumberBlocklist {
 public:
  virtual ~NumberBlocklist() = default;
  // Whether `e164` is on the list. Exact comparison: "+919812345678" only, not "098123 45678".
  virtual bool Contains(std::string_view e164) const = 0;
};

// A blocklist held in memory, for a campaign's own do-not-call list and for tests. (The
// national DND registry, some 250 million numbers, gets a compact implementation of its own.)
// Not thread-safe.
class InMemoryBlocklist : public NumberBlocklist {
 public:
  InMemoryBlocklist() = default;

  bool Contains(std::string_view e164) const override;

  // kInvalidArgument when `e164` is not an E.164 number (IsE164), naming it; adding a number
  // already listed is fine and changes nothing.
  base::Status Add(std::string_view e164);
  // Returns whether the number was listed.
  bool Remove(std::string_view e164);
  std::size_t size() const { return numbers_.size(); }

 private:
  // Transparent, so that Contains() looks up a string_view without building a string.
  struct Hash {
    using is_transparent = void;
    std::size_t operator()(std::string_view text) const {
      return std::hash<std::string_view>{}(text);
    }
  };
  std::unordered_set<std::string, Hash, std::equal_to<>> numbers_;
};

}  // namespace callcenter
