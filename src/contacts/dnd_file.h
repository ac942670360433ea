#pragma once

#include <cstdint>
#include <istream>
#include <string>
#include <string_view>

#include "base/result.h"
#include "contacts/number_set.h"

namespace contacts {

// One line of a DND registry extract as E.164 digits (919876543210): a 10-digit Indian number
// (mobile or landline, not starting with 0), the same after 0, 91 or +91, or any E.164 number
// written with its + (8 to 15 digits). Spaces around it are ignored.
base::Result<std::uint64_t> ParseRegistryNumber(std::string_view line);

// A whole extract, one number a line (blank lines skipped). The first bad line fails the read,
// naming `source` and the line: a registry with a hole in it would let blocked numbers be called.
base::Result<NumberSet> ReadDndRegistry(std::istream& in, const std::string& source);

}  // namespace contacts
