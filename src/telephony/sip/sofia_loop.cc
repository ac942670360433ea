#include "telephony/sip/sofia_loop.h"

#include <sofia-sip/su.h>
#include <sofia-sip/su_wait.h>
#include <sys/eventfd.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

namespace telephony::sip {

// su_root calls this when the wake eventfd is readable: posted work is waiting.
int RunPostedWork(void* loop, void* wait, void* /*unused*/) {
  auto* self = static_cast<SofiaLoop*>(loop);
  std::uint64_t count = 0;
  // A failed read only means another wake-up drained it; the queue is what matters.
  [[maybe_unused]] ssize_t got =
      read(su_wait_socket(static_cast<su_wait_t*>(wait)), &count, sizeof count);
  self->RunPosted();
  return 0;
}

base::Result<std::unique_ptr<SofiaLoop>> SofiaLoop::Start(
    std::function<base::Status(su_root_s* root)> init) {
  std::unique_ptr<SofiaLoop> loop(new SofiaLoop());
  loop->wake_fd_ = eventfd(0, EFD_NONBLOCK | EFD_CLOEXEC);
  if (loop->wake_fd_ < 0) {
    return base::Unavailable(std::string("SIP: cannot make an eventfd: ") + std::strerror(errno));
  }
  std::promise<base::Status> started;
  std::future<base::Status> result = started.get_future();
  SofiaLoop* raw = loop.get();
  loop->thread_ =
      std::thread([raw, init = std::move(init), &started] { raw->Run(init, &started); });
  base::Status status = result.get();
  if (!status.ok()) {
    loop->thread_.join();
    return status;
  }
  return loop;
}

void SofiaLoop::Run(const std::function<base::Status(su_root_s*)>& init,
                    std::promise<base::Status>* started) {
  su_init();
  root_ = su_root_create(this);
  base::Status status =
      root_ == nullptr ? base::Internal("SIP: su_root_create failed") : base::OkStatus();
  su_wait_t wait[1];
  if (status.ok() && (su_wait_create(wait, wake_fd_, SU_WAIT_IN) < 0 ||
                      su_root_register(root_, wait, reinterpret_cast<su_wakeup_f>(RunPostedWork),
                                       nullptr, su_pri_normal) < 0)) {
    status = base::Internal("SIP: cannot watch the wake-up eventfd");
  }
  if (status.ok()) status = init(root_);
  bool ok = status.ok();
  started->set_value(std::move(status));  // `started` may be gone after this
  if (ok) su_root_run(root_);
  if (root_ != nullptr) su_root_destroy(root_);
  root_ = nullptr;
  su_deinit();
}

void SofiaLoop::Post(std::function<void()> work) {
  {
    std::lock_guard lock(mutex_);
    if (stopped_) return;
    posted_.push_back(std::move(work));
  }
  std::uint64_t one = 1;
  [[maybe_unused]] ssize_t put = write(wake_fd_, &one, sizeof one);
}

void SofiaLoop::RunPosted() {
  std::vector<std::function<void()>> batch;
  {
    std::lock_guard lock(mutex_);
    batch.swap(posted_);
  }
  for (auto& work : batch) work();
}

void SofiaLoop::Break() { su_root_break(root_); }

void SofiaLoop::Stop(std::function<void()> finish) {
  Post(std::move(finish));
  {
    std::lock_guard lock(mutex_);
    stopped_ = true;
  }
  if (thread_.joinable()) thread_.join();
}

SofiaLoop::~SofiaLoop() {
  if (thread_.joinable()) Stop([this] { Break(); });
  if (wake_fd_ >= 0) close(wake_fd_);
}

}  // namespace telephony::sip
