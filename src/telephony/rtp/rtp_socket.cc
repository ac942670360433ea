#include "telephony/rtp/rtp_socket.h"

#include <arpa/inet.h>
#include <sys/socket.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

namespace telephony::rtp {

base::Result<sockaddr_in> Ipv4Address(const std::string& address, int port) {
  sockaddr_in result{};
  result.sin_family = AF_INET;
  if (port < 0 || port > 65535) {
    return base::InvalidArgument("port " + std::to_string(port) + " is out of range");
  }
  result.sin_port = htons(static_cast<std::uint16_t>(port));
  if (inet_pton(AF_INET, address.c_str(), &result.sin_addr) != 1) {
    return base::InvalidArgument("'" + address + "' is not an IPv4 address");
  }
  return result;
}

base::Result<int> OpenUdpSocket(const sockaddr_in& address) {
  int fd = socket(AF_INET, SOCK_DGRAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0);
  if (fd < 0) return base::Unavailable(std::string("socket: ") + std::strerror(errno));
  if (bind(fd, reinterpret_cast<const sockaddr*>(&address), sizeof(address)) != 0) {
    int error = errno;
    close(fd);
    std::string message = std::string("bind port ") + std::to_string(ntohs(address.sin_port)) +
                          ": " + std::strerror(error);
    if (error == EADDRINUSE || error == EACCES) return base::Conflict(message);
    return base::Unavailable(message);
  }
  return fd;
}

}  // namespace telephony::rtp
