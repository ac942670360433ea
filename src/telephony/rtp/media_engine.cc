#include "telephony/rtp/media_engine.h"

#include "telephony/rtp/epoll_media_engine.h"

namespace telephony::rtp {

base::Result<std::unique_ptr<MediaEngine>> MediaEngine::Start(const MediaConfig& config,
                                                              MediaEvents* events) {
  return EpollMediaEngine::Create(config, events);
}

}  // namespace telephony::rtp
