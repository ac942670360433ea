#pragma once

#include <netinet/in.h>

#include <string>

#include "base/result.h"

namespace telephony::rtp {

// IPv4 dotted quad and port to a socket address; kInvalidArgument when not one.
base::Result<sockaddr_in> Ipv4Address(const std::string& address, int port);

// A non-blocking, close-on-exec UDP socket bound to `address`; the caller owns the fd.
// kConflict when the port is taken (EADDRINUSE/EACCES), kUnavailable for other failures.
base::Result<int> OpenUdpSocket(const sockaddr_in& address);

}  // namespace telephony::rtp
