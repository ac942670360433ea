// A jansampark node for the SIP benchmarks (bench/run_sip, bench/run_bridge): SipCallControl and
// the RTP media engine on a RealClock, with a call flow written here rather than the call centre.
//
// Default flow (benchmark 1): answer, play a 3 s prompt, hang up on the first digit (RFC 4733 or
// SIP INFO), or --no-digit-seconds after the prompt ends if none comes.
// --bridge (benchmark 2): calls to "agent" wait; each call to "caller" is answered and bridged to
// the longest-waiting agent call (calls to any other number pair up in arrival order). When either
// side of a pair ends, the other is hung up.
//
// Prints its counters (SipStats with the media engine's) as key=value lines on SIGINT or SIGTERM,
// then exits.

#include <signal.h>

#include <atomic>
#include <chrono>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <deque>
#include <iostream>
#include <memory>
#include <string>
#include <unordered_map>

#include "base/real_clock.h"
#include "telephony/call_control.h"
#include "telephony/rtp/prompt_library.h"
#include "telephony/sip/sip_call_control.h"
#include "telephony/sip/sip_config.h"

namespace {

using telephony::CallId;

constexpr char kPrompt[] = "prompt3s";
constexpr std::size_t kPromptFrames = 150;  // 3 s of 20 ms frames
constexpr std::size_t kFrameSamples = 160;

// 3 s of a 400 Hz-ish square tone (the bytes do not matter to the benchmark, only their count).
telephony::rtp::PromptRef ThreeSecondPrompt() {
  auto prompt = std::make_shared<telephony::rtp::Prompt>();
  for (std::size_t i = 0; i < kPromptFrames * kFrameSamples; ++i) {
    bool high = (i / 10) % 2 == 0;
    prompt->pcmu.push_back(high ? 0x9f : 0x1f);
    prompt->pcma.push_back(high ? 0xb5 : 0x35);
  }
  return prompt;
}

// Every callback arrives on the clock's timer thread, one at a time, and so do our timers: the
// state below needs no lock. Counters are atomics so that main can print them at the end.
class Flow : public telephony::CallEvents {
 public:
  Flow(base::Clock& clock, telephony::CallControl& calls, bool bridge, int no_digit_seconds)
      : clock_(clock), calls_(calls), bridge_(bridge), no_digit_seconds_(no_digit_seconds) {}

  void OnIncoming(CallId call, const telephony::IncomingCall& incoming) override {
    ++incoming_;
    live_[call] = false;
    calls_.Accept(call);
    if (!bridge_) {
      calls_.Play(call, kPrompt);
      return;
    }
    bool agent = incoming.to == "agent" || (incoming.to != "caller" && agents_.empty());
    std::deque<CallId>& mine = agent ? agents_ : callers_;
    std::deque<CallId>& theirs = agent ? callers_ : agents_;
    if (theirs.empty()) {
      mine.push_back(call);
      return;
    }
    CallId other = theirs.front();
    theirs.pop_front();
    partner_[call] = other;
    partner_[other] = call;
    calls_.Bridge(call, std::to_string(other));
    ++bridged_;
  }

  void OnPlayed(CallId call) override {
    ++played_;
    clock_.RunAfter(std::chrono::seconds(no_digit_seconds_), [this, call] {
      if (HangUpOnce(call)) ++timed_out_;
    });
  }

  void OnDigit(CallId call, char /*digit*/) override {
    ++digits_;
    if (!bridge_) HangUpOnce(call);
  }

  void OnAnswered(CallId /*call*/, telephony::AnswerKind /*kind*/) override {}

  void OnEnded(CallId call, telephony::EndCause cause) override {
    ++ended_;
    if (cause == telephony::EndCause::kRemoteHangup) ++remote_hangups_;
    live_.erase(call);
    for (std::deque<CallId>* queue : {&agents_, &callers_}) {
      for (auto it = queue->begin(); it != queue->end(); ++it) {
        if (*it == call) {
          queue->erase(it);
          break;
        }
      }
    }
    auto pair = partner_.find(call);
    if (pair != partner_.end()) {
      CallId other = pair->second;
      partner_.erase(pair);
      partner_.erase(other);
      HangUpOnce(other);
    }
  }

  void Print(std::ostream& out) const {
    out << "flow_incoming=" << incoming_ << "\nflow_played=" << played_
        << "\nflow_digits=" << digits_ << "\nflow_no_digit_hangups=" << timed_out_
        << "\nflow_bridged=" << bridged_ << "\nflow_remote_hangups=" << remote_hangups_
        << "\nflow_ended=" << ended_ << "\n";
  }

 private:
  base::Clock& clock_;
  telephony::CallControl& calls_;
  const bool bridge_;
  const int no_digit_seconds_;
  // Hangs up a call that has not ended and that we have not hung up yet; whether it did.
  bool HangUpOnce(CallId call) {
    auto found = live_.find(call);
    if (found == live_.end() || found->second) return false;
    found->second = true;
    calls_.Hangup(call);
    return true;
  }

  std::unordered_map<CallId, bool> live_;       // calls not ended → whether we hung up
  std::deque<CallId> agents_, callers_;         // bridge mode: answered, not yet paired
  std::unordered_map<CallId, CallId> partner_;  // bridge mode: both directions
  std::atomic<std::uint64_t> incoming_{0}, played_{0}, digits_{0}, timed_out_{0}, bridged_{0},
      remote_hangups_{0}, ended_{0};
};

int Usage(const std::string& error) {
  std::cerr << "sip_flow_server: " << error
            << "\nusage: sip_flow_server [--sip HOST:PORT] [--rtp-ports LO-HI] [--bridge]"
               " [--no-digit-seconds N]\n";
  return 2;
}

}  // namespace

int main(int argc, char** argv) {
  telephony::sip::SipConfig config;
  config.listen_host = "127.0.0.1";
  config.listen_port = 5070;
  config.media.port_low = 10000;
  config.media.port_high = 30000;
  bool bridge = false;
  int no_digit_seconds = 5;
  for (int i = 1; i < argc; ++i) {
    std::string flag = argv[i];
    auto value = [&]() -> std::string { return i + 1 < argc ? argv[++i] : ""; };
    if (flag == "--sip") {
      auto parsed = telephony::sip::ParseHostPort(value(), "--sip");
      if (!parsed.ok()) return Usage(parsed.status().message());
      config.listen_host = parsed->host;
      config.listen_port = parsed->port;
    } else if (flag == "--rtp-ports") {
      auto parsed = telephony::sip::ParsePortRange(value(), "--rtp-ports");
      if (!parsed.ok()) return Usage(parsed.status().message());
      config.media.port_low = parsed->first;
      config.media.port_high = parsed->second;
    } else if (flag == "--bridge") {
      bridge = true;
    } else if (flag == "--no-digit-seconds") {
      no_digit_seconds = std::atoi(value().c_str());
      if (no_digit_seconds <= 0) return Usage("--no-digit-seconds wants a positive number");
    } else {
      return Usage("unknown flag " + flag);
    }
  }
  config.media.address = config.listen_host;

  // Block the stop signals before any thread starts, so that only sigwait below takes them.
  sigset_t stop;
  sigemptyset(&stop);
  sigaddset(&stop, SIGINT);
  sigaddset(&stop, SIGTERM);
  pthread_sigmask(SIG_BLOCK, &stop, nullptr);

  base::RealClock clock;
  telephony::rtp::PromptLibrary prompts;
  prompts.Add(kPrompt, ThreeSecondPrompt());
  auto started = telephony::sip::SipCallControl::Start(config, clock, prompts);
  if (!started.ok()) {
    std::cerr << "sip_flow_server: " << started.status().message() << "\n";
    return 1;
  }
  std::unique_ptr<telephony::sip::SipCallControl> sip = std::move(*started);
  Flow flow(clock, *sip, bridge, no_digit_seconds);
  sip->SetEvents(&flow);
  std::cout << "sip_flow_server: listening on " << config.listen_host << ":" << config.listen_port
            << (bridge ? " (bridge)" : " (prompt, digit, hang up)") << std::endl;

  int signal_number = 0;
  sigwait(&stop, &signal_number);

  telephony::sip::SipStats stats = sip->Stats();
  std::cout << "sip_incoming=" << stats.incoming << "\nsip_answered=" << stats.answered
            << "\nsip_bad_requests=" << stats.bad_requests << "\nsip_ended=" << stats.ended
            << "\nrtp_packets_received=" << stats.media.packets_received
            << "\nrtp_packets_sent=" << stats.media.packets_sent
            << "\nrtp_malformed_dropped=" << stats.media.malformed_dropped
            << "\nrtp_other_dropped=" << stats.media.other_dropped
            << "\nrtp_unheard=" << stats.media.unheard << "\n";
  flow.Print(std::cout);
  std::cout.flush();
  // Stop SIP and media before the flow and the clock that their events reach.
  sip.reset();
  return 0;
}
