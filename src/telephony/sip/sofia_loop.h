#pragma once

#include <functional>
#include <future>
#include <memory>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include "base/result.h"

// Internal to telephony/sip: the one thread that runs sofia-sip. sofia-sip is single-threaded
// (its root belongs to the thread that made it), so every nua call is made on this thread:
// other threads hand work over with Post().
struct su_root_s;

namespace telephony::sip {

class SofiaLoop {
 public:
  // Starts the thread, runs `init` on it (creating the nua agent, say) and waits for its answer;
  // an error from `init` stops the thread and is returned.
  static base::Result<std::unique_ptr<SofiaLoop>> Start(
      std::function<base::Status(su_root_s* root)> init);
  // Runs `finish` on the loop's thread (to shut the agent down; it calls Break() when done),
  // then joins the thread.
  void Stop(std::function<void()> finish);
  ~SofiaLoop();
  SofiaLoop(const SofiaLoop&) = delete;
  SofiaLoop& operator=(const SofiaLoop&) = delete;

  // Runs `work` on the loop's thread, soon, in the order posted. Thread-safe. Work posted after
  // Stop() is dropped.
  void Post(std::function<void()> work);
  // Ends the loop; call on the loop's thread.
  void Break();
  su_root_s* root() const { return root_; }

 private:
  SofiaLoop() = default;
  void Run(const std::function<base::Status(su_root_s*)>& init,
           std::promise<base::Status>* started);
  friend int RunPostedWork(void* loop, void* wait, void* unused);
  void RunPosted();

  int wake_fd_ = -1;
  su_root_s* root_ = nullptr;
  std::mutex mutex_;
  std::vector<std::function<void()>> posted_;
  bool stopped_ = false;
  std::thread thread_;
};

}  // namespace telephony::sip
