#pragma once

#include <sys/types.h>

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

// Real peers for the SIP integration tests, all on loopback: SIPp processes (Debian's
// sip-tester) and a bare UDP socket that plays the far end's RTP.
namespace sip_peers {

// A UDP port that was free a moment ago on 127.0.0.1 (and, when `also_tcp`, free for TCP too).
int FreePort(bool also_tcp = false);
// An even one, with the odd port above it free too: RTP's habit.
int FreeEvenPort();

// A SIPp run: started at once, stopped (SIGKILL) if still running when destroyed.
class Sipp {
 public:
  // `args` after the program name, e.g. {"-sf", "x.xml", "127.0.0.1:5060", "-m", "1"}.
  // -nostdin, -i 127.0.0.1 and a -timeout are added.
  Sipp(const std::vector<std::string>& args, const std::string& log_dir);
  ~Sipp();
  Sipp(const Sipp&) = delete;
  Sipp& operator=(const Sipp&) = delete;

  // Waits up to `seconds` for SIPp to finish; its exit status (0: every call succeeded), or
  // -1 if it had to be killed.
  int Wait(int seconds);
  // What SIPp wrote to stdout and stderr (for failure messages).
  std::string Output() const;

 private:
  pid_t pid_ = -1;
  std::string output_path_;
  int status_ = -1;
};

// Waits (up to 10 s) until something has bound UDP `port` on 127.0.0.1: a peer just started
// is ready to take requests. Whether it happened.
bool WaitUntilBound(int port);

// Polls `done` every 20 ms for up to `seconds`; whether it came true.
bool WaitUntil(const std::function<bool()>& done, int seconds = 10);

// Writes `text` to `dir/name` and returns the path.
std::string WriteFile(const std::string& dir, const std::string& name, const std::string& text);

struct Datagram {
  std::vector<std::uint8_t> bytes;
  std::string from_address;
  int from_port = 0;
};

// The far end of a call's media: a UDP socket on 127.0.0.1.
class UdpPeer {
 public:
  explicit UdpPeer(int port = 0);
  ~UdpPeer();
  UdpPeer(const UdpPeer&) = delete;
  UdpPeer& operator=(const UdpPeer&) = delete;

  int port() const { return port_; }
  // The next datagram, or nullopt after `timeout_ms` with none.
  std::optional<Datagram> Receive(int timeout_ms);
  void SendTo(const std::vector<std::uint8_t>& bytes, const std::string& address, int port);

 private:
  int fd_ = -1;
  int port_ = 0;
};

}  // namespace sip_peers
