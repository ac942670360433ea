#pragma once

#include <map>
#include <string>
#include <vector>

#include "base/result.h"
#include "telephony/rtp/media_engine.h"

namespace telephony::sip {

// A carrier's SIP trunk: where outbound calls go and how we prove who we are.
struct Trunk {
  std::string name;
  std::string host;  // IPv4 address or name of the carrier's SIP server
  int port = 5060;
  std::string transport = "udp";  // "udp" or "tcp"
  std::string username;           // digest credentials, empty when the trunk trusts our address
  std::string password;
  std::string caller_id;  // presented when a dial request brings none
  int max_channels = 30;  // calls at once; more are failed at once, not queued
};

// An agent's SIP softphone account: the phone REGISTERs as `user` (digest authentication with
// `password`), and a DialRequest for "sip:USER" rings it. The password is never logged.
struct SipAccount {
  std::string user;
  std::string password;
};

// Everything the SIP side of `jansampark serve` is told: where it listens, its media ports, its
// trunks and what each dialled number (DID) means.
struct SipConfig {
  std::string listen_host = "127.0.0.1";
  int listen_port = 5060;  // UDP and TCP
  rtp::MediaConfig media;
  std::vector<Trunk> trunks;
  // Dialled number → state code, for helplines: the state's queue takes the call.
  std::map<std::string, std::string> helpline_dids;
  // Dialled numbers that are missed-call numbers: logged and rejected without answering.
  std::vector<std::string> missed_call_dids;
  std::string prompts_dir;  // NAME.ulaw files: 8 kHz µ-law prompts
  // Softphones that may REGISTER with us; with none, REGISTER is refused 405 as before.
  std::vector<SipAccount> accounts;
  std::string realm;  // of our digest challenges; empty: the listen host
};

struct HostPort {
  std::string host;
  int port = 0;
};

// "127.0.0.1:5060" → {host, port}; `what` names the flag or field in errors.
base::Result<HostPort> ParseHostPort(const std::string& text, const std::string& what);
// "10000-20000" → {low, high}: an even low, high above it, both 1024-65535.
base::Result<std::pair<int, int>> ParsePortRange(const std::string& text, const std::string& what);

}  // namespace telephony::sip
