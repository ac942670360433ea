#pragma once

#include <memory>

#include "telephony/rtp/datagram_sender.h"

namespace telephony::rtp {

// The io_uring DatagramSender: null when this kernel (or its sandbox) refuses io_uring.
std::unique_ptr<DatagramSender> MakeUringDatagramSender();

}  // namespace telephony::rtp
