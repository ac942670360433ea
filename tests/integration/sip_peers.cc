#include "integration/sip_peers.h"

#include <arpa/inet.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <poll.h>
#include <signal.h>
#include <spawn.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdlib>
#include <fstream>
#include <sstream>

extern char** environ;

namespace sip_peers {
namespace {

int BindLoopback(int type, int port) {
  int fd = socket(AF_INET, type, 0);
  if (fd < 0) return -1;
  sockaddr_in address{};
  address.sin_family = AF_INET;
  address.sin_port = htons(static_cast<std::uint16_t>(port));
  address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  if (bind(fd, reinterpret_cast<sockaddr*>(&address), sizeof address) != 0) {
    close(fd);
    return -1;
  }
  return fd;
}

int PortOf(int fd) {
  sockaddr_in address{};
  socklen_t length = sizeof address;
  getsockname(fd, reinterpret_cast<sockaddr*>(&address), &length);
  return ntohs(address.sin_port);
}

}  // namespace

int FreePort(bool also_tcp) {
  for (int attempt = 0; attempt < 200; ++attempt) {
    int udp = BindLoopback(SOCK_DGRAM, 0);
    if (udp < 0) continue;
    int port = PortOf(udp);
    int tcp = also_tcp ? BindLoopback(SOCK_STREAM, port) : 0;
    close(udp);
    if (tcp < 0) continue;
    if (also_tcp) close(tcp);
    return port;
  }
  std::abort();  // a machine with no free port cannot run these tests at all
}

int FreeEvenPort() {
  for (int attempt = 0; attempt < 500; ++attempt) {
    int port = FreePort();
    if (port % 2 != 0 || port + 1 > 65535) continue;
    int odd = BindLoopback(SOCK_DGRAM, port + 1);
    if (odd < 0) continue;
    close(odd);
    return port;
  }
  std::abort();
}

bool WaitUntil(const std::function<bool()>& done, int seconds) {
  for (int waited_ms = 0; waited_ms < seconds * 1000; waited_ms += 20) {
    if (done()) return true;
    poll(nullptr, 0, 20);
  }
  return done();
}

bool WaitUntilBound(int port) {
  return WaitUntil([port] {
    int fd = BindLoopback(SOCK_DGRAM, port);
    if (fd < 0) return true;
    close(fd);
    return false;
  });
}

std::string WriteFile(const std::string& dir, const std::string& name, const std::string& text) {
  std::string path = dir + "/" + name;
  std::ofstream(path) << text;
  return path;
}

Sipp::Sipp(const std::vector<std::string>& args, const std::string& log_dir) {
  static int runs = 0;
  output_path_ = log_dir + "/sipp-" + std::to_string(++runs) + ".out";
  // SIPp's own -timeout is a second line of defence; Wait() kills it regardless.
  // Media and control ports of its own, so SIPp runs side by side with other tests' SIPp.
  std::vector<std::string> argv = {"sipp",     "-nostdin",
                                   "-i",       "127.0.0.1",
                                   "-timeout", "60s",
                                   "-mp",      std::to_string(FreeEvenPort()),
                                   "-cp",      std::to_string(FreePort())};
  argv.insert(argv.end(), args.begin(), args.end());
  std::vector<char*> pointers;
  for (std::string& arg : argv) pointers.push_back(arg.data());
  pointers.push_back(nullptr);
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_addopen(&actions, 1, output_path_.c_str(), O_WRONLY | O_CREAT | O_TRUNC,
                                   0644);
  posix_spawn_file_actions_adddup2(&actions, 1, 2);
  posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0);
  if (posix_spawnp(&pid_, "sipp", &actions, nullptr, pointers.data(), environ) != 0) pid_ = -1;
  posix_spawn_file_actions_destroy(&actions);
}

Sipp::~Sipp() {
  if (pid_ > 0) {
    kill(pid_, SIGKILL);
    waitpid(pid_, nullptr, 0);
  }
}

int Sipp::Wait(int seconds) {
  if (pid_ <= 0) return -1;
  for (int waited_ms = 0; waited_ms <= seconds * 1000; waited_ms += 50) {
    int status = 0;
    if (waitpid(pid_, &status, WNOHANG) == pid_) {
      pid_ = -1;
      status_ = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
      return status_;
    }
    poll(nullptr, 0, 50);  // the tests may not sleep_for; poll with no fds waits the same
  }
  kill(pid_, SIGKILL);
  waitpid(pid_, nullptr, 0);
  pid_ = -1;
  return -1;
}

std::string Sipp::Output() const {
  std::ifstream in(output_path_);
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

UdpPeer::UdpPeer(int port) {
  fd_ = BindLoopback(SOCK_DGRAM, port);
  if (fd_ < 0) std::abort();
  port_ = PortOf(fd_);
}

UdpPeer::~UdpPeer() { close(fd_); }

std::optional<Datagram> UdpPeer::Receive(int timeout_ms) {
  pollfd ready{fd_, POLLIN, 0};
  if (poll(&ready, 1, timeout_ms) <= 0) return std::nullopt;
  Datagram datagram;
  datagram.bytes.resize(2048);
  sockaddr_in from{};
  socklen_t length = sizeof from;
  ssize_t got = recvfrom(fd_, datagram.bytes.data(), datagram.bytes.size(), 0,
                         reinterpret_cast<sockaddr*>(&from), &length);
  if (got < 0) return std::nullopt;
  datagram.bytes.resize(static_cast<std::size_t>(got));
  char text[INET_ADDRSTRLEN] = {};
  inet_ntop(AF_INET, &from.sin_addr, text, sizeof text);
  datagram.from_address = text;
  datagram.from_port = ntohs(from.sin_port);
  return datagram;
}

void UdpPeer::SendTo(const std::vector<std::uint8_t>& bytes, const std::string& address, int port) {
  sockaddr_in to{};
  to.sin_family = AF_INET;
  to.sin_port = htons(static_cast<std::uint16_t>(port));
  inet_pton(AF_INET, address.c_str(), &to.sin_addr);
  sendto(fd_, bytes.data(), bytes.size(), 0, reinterpret_cast<sockaddr*>(&to), sizeof to);
}

}  // namespace sip_peers
