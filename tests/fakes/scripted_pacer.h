#pragma once

#include <string_view>

#include "callcenter/pacer.h"

namespace fakes {

// Places exactly the calls a test asks for (`next`), once, then none until asked again.
// Header-only: the tests that use it link callcenter themselves.
class ScriptedPacer : public callcenter::Pacer {
 public:
  std::string_view name() const override { return "scripted"; }
  int CallsToPlace(const callcenter::PacingInput& /*input*/,
                   const callcenter::Measurements& /*measured*/) override {
    int calls = next;
    next = 0;
    return calls;
  }
  int next = 0;
};

}  // namespace fakes
