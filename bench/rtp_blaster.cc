// The RTP streams of bench/run_bridge's peer run, sent through rtpengine: N "callers" each send
// one 20 ms G.711 packet (12-byte header + 160 bytes) every 20 ms to their relay port, and N
// "agents" echo every packet back to where it came from, as SIPp's -rtp_echo does in the
// jansampark run. T threads (default 2), each with its own epoll and timer over every T-th
// stream, as the jansampark run spreads its echo over several SIPp processes; counts packets
// sent, echoed and heard back.
//
// usage: rtp_blaster --streams N --seconds S [--threads T] --ports-file OUT --targets-file IN
//   Binds 2N UDP sockets on 127.0.0.1, writes "CALLER_PORT AGENT_PORT" per stream to OUT, waits
//   (up to 60 s) for IN to hold "RELAY_PORT" per stream (where stream i's caller sends), streams
//   for S seconds, waits 1 s for stragglers, prints key=value counters.

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/epoll.h>
#include <sys/socket.h>
#include <sys/timerfd.h>
#include <unistd.h>

#include <array>
#include <atomic>
#include <chrono>
#include <cstdint>
#include <cstdlib>
#include <fstream>
#include <iostream>
#include <string>
#include <thread>
#include <vector>

namespace {

int Bind() {
  int fd = socket(AF_INET, SOCK_DGRAM | SOCK_NONBLOCK, 0);
  if (fd < 0) {
    std::perror("socket");
    std::exit(1);
  }
  sockaddr_in address{};
  address.sin_family = AF_INET;
  address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  if (bind(fd, reinterpret_cast<sockaddr*>(&address), sizeof address) != 0) {
    std::perror("bind");
    std::exit(1);
  }
  return fd;
}

int PortOf(int fd) {
  sockaddr_in address{};
  socklen_t length = sizeof address;
  getsockname(fd, reinterpret_cast<sockaddr*>(&address), &length);
  return ntohs(address.sin_port);
}

struct Stream {
  int caller = -1;
  int agent = -1;
  sockaddr_in relay{};  // where the caller sends
  std::uint16_t sequence = 0;
  std::uint32_t timestamp = 0;
};

struct Counters {
  std::atomic<std::uint64_t> sent{0}, echoed{0}, heard{0}, send_failures{0};
};

void RunShard(const std::vector<Stream*>& share, int seconds, Counters& total) {
  int epoll = epoll_create1(0);
  // data.u64: stream index * 2 (+1 for the agent side); the timer is ~0.
  for (std::size_t i = 0; i < share.size(); ++i) {
    epoll_event event{};
    event.events = EPOLLIN;
    event.data.u64 = i * 2;
    epoll_ctl(epoll, EPOLL_CTL_ADD, share[i]->caller, &event);
    event.data.u64 = i * 2 + 1;
    epoll_ctl(epoll, EPOLL_CTL_ADD, share[i]->agent, &event);
  }
  int timer = timerfd_create(CLOCK_MONOTONIC, TFD_NONBLOCK);
  itimerspec every{{0, 20'000'000}, {0, 20'000'000}};
  timerfd_settime(timer, 0, &every, nullptr);
  epoll_event timer_event{};
  timer_event.events = EPOLLIN;
  timer_event.data.u64 = ~0ULL;
  epoll_ctl(epoll, EPOLL_CTL_ADD, timer, &timer_event);

  std::uint64_t sent = 0, echoed = 0, heard = 0, send_failures = 0;
  std::array<std::uint8_t, 172> packet{};
  packet[0] = 0x80;  // RTP version 2, payload type 0 (PCMU)
  for (std::size_t i = 12; i < packet.size(); ++i) packet[i] = 0xff;
  const std::uint64_t ticks = static_cast<std::uint64_t>(seconds) * 50;
  std::uint64_t ticked = 0;
  auto stop_at = std::chrono::steady_clock::time_point::max();
  std::array<epoll_event, 256> events;
  std::array<std::uint8_t, 2048> buffer;
  while (std::chrono::steady_clock::now() < stop_at) {
    int ready = epoll_wait(epoll, events.data(), static_cast<int>(events.size()), 100);
    for (int e = 0; e < ready; ++e) {
      std::uint64_t key = events[static_cast<std::size_t>(e)].data.u64;
      if (key == ~0ULL) {
        std::uint64_t expirations = 0;
        if (read(timer, &expirations, sizeof expirations) < 0) continue;
        // Behind (a tick was missed): send the missed ones too, so the rate holds.
        for (std::uint64_t tick = 0; tick < expirations && ticked < ticks; ++tick) {
          ++ticked;
          for (std::size_t i = 0; i < share.size(); ++i) {
            Stream& stream = *share[i];
            ++stream.sequence;
            stream.timestamp += 160;
            packet[2] = static_cast<std::uint8_t>(stream.sequence >> 8);
            packet[3] = static_cast<std::uint8_t>(stream.sequence);
            for (int b = 0; b < 4; ++b) {  // SSRC: the caller's descriptor, one per stream
              packet[4 + b] = static_cast<std::uint8_t>(stream.timestamp >> (24 - 8 * b));
              packet[8 + b] = static_cast<std::uint8_t>(stream.caller >> (24 - 8 * b));
            }
            if (sendto(stream.caller, packet.data(), packet.size(), 0,
                       reinterpret_cast<const sockaddr*>(&stream.relay),
                       sizeof stream.relay) == static_cast<ssize_t>(packet.size())) {
              ++sent;
            } else {
              ++send_failures;
            }
          }
        }
        if (ticked == ticks && stop_at == std::chrono::steady_clock::time_point::max()) {
          stop_at = std::chrono::steady_clock::now() + std::chrono::seconds(1);
        }
        continue;
      }
      Stream& stream = *share[key / 2];
      bool agent = key % 2 == 1;
      int fd = agent ? stream.agent : stream.caller;
      for (;;) {
        sockaddr_in from{};
        socklen_t length = sizeof from;
        ssize_t got = recvfrom(fd, buffer.data(), buffer.size(), 0,
                               reinterpret_cast<sockaddr*>(&from), &length);
        if (got < 0) break;
        if (agent) {
          if (sendto(fd, buffer.data(), static_cast<std::size_t>(got), 0,
                     reinterpret_cast<const sockaddr*>(&from), length) == got) {
            ++echoed;
          } else {
            ++send_failures;
          }
        } else {
          ++heard;
        }
      }
    }
  }
  total.sent += sent;
  total.echoed += echoed;
  total.heard += heard;
  total.send_failures += send_failures;
  close(timer);
  close(epoll);
}

int Usage() {
  std::cerr << "usage: rtp_blaster --streams N --seconds S [--threads T] --ports-file OUT "
               "--targets-file IN\n";
  return 2;
}

}  // namespace

int main(int argc, char** argv) {
  int streams = 0;
  int seconds = 0;
  int threads = 2;
  std::string ports_file, targets_file;
  for (int i = 1; i + 1 < argc; i += 2) {
    std::string flag = argv[i], value = argv[i + 1];
    if (flag == "--streams") {
      streams = std::atoi(value.c_str());
    } else if (flag == "--seconds") {
      seconds = std::atoi(value.c_str());
    } else if (flag == "--threads") {
      threads = std::atoi(value.c_str());
    } else if (flag == "--ports-file") {
      ports_file = value;
    } else if (flag == "--targets-file") {
      targets_file = value;
    } else {
      return Usage();
    }
  }
  if (streams <= 0 || seconds <= 0 || threads <= 0 || ports_file.empty() || targets_file.empty())
    return Usage();

  std::vector<Stream> all(static_cast<std::size_t>(streams));
  {
    std::ofstream out(ports_file + ".tmp");
    for (Stream& stream : all) {
      stream.caller = Bind();
      stream.agent = Bind();
      out << PortOf(stream.caller) << " " << PortOf(stream.agent) << "\n";
    }
    out.close();
    std::rename((ports_file + ".tmp").c_str(), ports_file.c_str());
  }
  std::ifstream in;
  for (int tries = 0; tries < 600 && !in.is_open(); ++tries) {
    in.open(targets_file);
    if (!in.is_open()) std::this_thread::sleep_for(std::chrono::milliseconds(100));
  }
  if (!in.is_open()) {
    std::cerr << "rtp_blaster: no " << targets_file << "\n";
    return 1;
  }
  for (Stream& stream : all) {
    int port = 0;
    if (!(in >> port)) {
      std::cerr << "rtp_blaster: " << targets_file << " is short\n";
      return 1;
    }
    stream.relay.sin_family = AF_INET;
    stream.relay.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    stream.relay.sin_port = htons(static_cast<std::uint16_t>(port));
  }

  // Each thread streams its share (every threads-th stream) with its own epoll and 20 ms timer.
  Counters total;
  std::vector<std::thread> shards;
  for (int t = 0; t < threads; ++t) {
    std::vector<Stream*> share;
    for (std::size_t i = static_cast<std::size_t>(t); i < all.size();
         i += static_cast<std::size_t>(threads)) {
      share.push_back(&all[i]);
    }
    shards.emplace_back(
        [share = std::move(share), seconds, &total] { RunShard(share, seconds, total); });
  }
  for (std::thread& shard : shards) shard.join();
  std::uint64_t sent = total.sent, echoed = total.echoed, heard = total.heard,
                send_failures = total.send_failures;
  std::cout << "blaster_streams=" << streams << "\nblaster_sent=" << sent
            << "\nblaster_echoed=" << echoed << "\nblaster_heard=" << heard
            << "\nblaster_send_failures=" << send_failures
            << "\nblaster_lost=" << (sent > heard ? sent - heard : 0) << std::endl;
  return 0;
}
