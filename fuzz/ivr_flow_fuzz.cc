// Fuzzes telephony::ivr: ParseFlow() on arbitrary bytes must return a value (never throw, crash
// or hang), and a flow it accepts must carry a call through any sequence of events without
// the session ever standing on a missing step or asking for a prompt or queue the flow does
// not name. Seeds: fuzz/corpus/ivr_flow/.
#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>
#include <vector>

#include "telephony/ivr/flow_parser.h"
#include "telephony/ivr/ivr_session.h"

namespace {

using telephony::ivr::Action;
using telephony::ivr::Flow;
using telephony::ivr::IvrSession;

constexpr int kMaxEvents = 400;

// A small deterministic generator seeded from the input, so a crash replays from its file.
class Events {
 public:
  explicit Events(std::string_view bytes) {
    for (unsigned char byte : bytes) state_ = (state_ ^ byte) * 1099511628211ULL;  // FNV-1a
  }
  std::uint64_t Next() {
    state_ ^= state_ << 13;
    state_ ^= state_ >> 7;
    state_ ^= state_ << 17;
    return state_;
  }
  char Key() { return "0123456789*#"[Next() % 12]; }

 private:
  std::uint64_t state_ = 14695981039346656037ULL;
};

void Check(bool condition) {
  if (!condition) std::abort();
}

bool Contains(const std::vector<std::string>& names, const std::string& name) {
  return std::binary_search(names.begin(), names.end(), name);
}

void CheckAction(const Flow& flow, const IvrSession& session, const Action& action) {
  Check(flow.Find(session.step()) != nullptr);
  if (const auto* play = std::get_if<telephony::ivr::PlayPrompt>(&action)) {
    Check(Contains(flow.PromptNames(), play->name));
  }
  if (const auto* wait = std::get_if<telephony::ivr::WaitForDigits>(&action)) {
    Check(wait->count >= 1 && wait->count <= 32);
    Check(wait->timeout.count() >= 1 && wait->timeout.count() <= 120);
  }
  if (const auto* queue = std::get_if<telephony::ivr::RouteToQueue>(&action)) {
    Check(Contains(flow.QueueNames(), queue->queue));
    Check(session.ended());
  }
  if (std::holds_alternative<telephony::ivr::Hangup>(action)) Check(session.ended());
}

// Mostly what a real call would do next (a prompt plays out, a timer runs out), with keys and
// out-of-place events mixed in.
Action NextEvent(IvrSession& session, const Action& last, Events& events) {
  std::uint64_t roll = events.Next() % 8;
  if (roll < 3) return session.OnDigit(events.Key());
  if (roll == 3) return session.OnTimeout();
  if (roll == 4) return session.OnPlayed();
  if (std::holds_alternative<telephony::ivr::PlayPrompt>(last)) return session.OnPlayed();
  return session.OnTimeout();
}

void RunSession(const Flow& flow, std::string_view bytes) {
  Events events(bytes);
  IvrSession session(flow);
  Action action = session.Start();
  for (int i = 0; i < kMaxEvents && !session.ended(); ++i) {
    CheckAction(flow, session, action);
    Action next = NextEvent(session, action, events);
    if (!std::holds_alternative<telephony::ivr::Continue>(next)) action = next;
  }
  CheckAction(flow, session, action);
  if (session.ended()) {
    Check(std::holds_alternative<telephony::ivr::Continue>(session.OnDigit('1')));
    Check(std::holds_alternative<telephony::ivr::Continue>(session.OnPlayed()));
    Check(std::holds_alternative<telephony::ivr::Continue>(session.OnTimeout()));
  }
  for (const auto& [name, value] : session.answers()) Check(!name.empty() && !value.empty());
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::string_view bytes(reinterpret_cast<const char*>(data), size);
  base::Result<Flow> flow = telephony::ivr::ParseFlow(bytes);
  if (!flow.ok()) {
    Check(flow.status().code() == base::StatusCode::kInvalidArgument);
    Check(!flow.status().message().empty());
    return 0;
  }
  Check(flow->Find(flow->start()) != nullptr);
  RunSession(*flow, bytes);
  return 0;
}
