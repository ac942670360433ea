#pragma once

namespace telephony::ivr {

// std::visit with one lambda per alternative. The deduction guide is for compilers without
// aggregate CTAD (clang before 17, which builds the fuzz target).
template <class... Ts>
struct Overloaded : Ts... {
  using Ts::operator()...;
};
template <class... Ts>
Overloaded(Ts...) -> Overloaded<Ts...>;

}  // namespace telephony::ivr
