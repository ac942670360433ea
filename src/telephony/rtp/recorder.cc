#include "telephony/rtp/recorder.h"

#include <utility>

#include "base/logging.h"
#include "telephony/rtp/wav_writer.h"

namespace telephony::rtp {

Recorder::Recorder() : thread_([this] { Run(); }) {}

Recorder::~Recorder() {
  {
    std::lock_guard lock(mutex_);
    stopping_ = true;
  }
  wake_.notify_one();
  thread_.join();
}

Recorder::RecordingId Recorder::Begin(std::string wav_path) {
  RecordingId id = 0;
  {
    std::lock_guard lock(mutex_);
    id = next_id_++;
  }
  Push({JobKind::kBegin, id, std::move(wav_path), {}});
  return id;
}

void Recorder::Append(RecordingId id, std::vector<std::int16_t> samples) {
  Push({JobKind::kAppend, id, {}, std::move(samples)});
}

void Recorder::End(RecordingId id) { Push({JobKind::kEnd, id, {}, {}}); }

void Recorder::Push(Job job) {
  {
    std::lock_guard lock(mutex_);
    jobs_.push_back(std::move(job));
  }
  wake_.notify_one();
}

void Recorder::Run() {
  std::deque<Job> batch;
  while (true) {
    {
      std::unique_lock lock(mutex_);
      wake_.wait(lock, [this] { return stopping_ || !jobs_.empty(); });
      if (jobs_.empty()) break;  // stopping, and everything queued is written
      batch.swap(jobs_);
    }
    for (Job& job : batch) Apply(job);
    batch.clear();
  }
  for (auto& [id, writer] : writers_) {
    if (base::Status status = writer->Finish(); !status.ok()) {
      JS_LOG(kWarning) << "recording: " << status.ToString();
    }
  }
  writers_.clear();
}

void Recorder::Apply(Job& job) {
  switch (job.kind) {
    case JobKind::kBegin: {
      auto writer = WavWriter::Create(job.path);
      if (!writer.ok()) {
        JS_LOG(kWarning) << "recording: " << writer.status().ToString();
        return;
      }
      writers_[job.id] = std::move(writer).value();
      return;
    }
    case JobKind::kAppend: {
      auto it = writers_.find(job.id);
      if (it == writers_.end()) return;
      if (base::Status status = it->second->Append(job.samples); !status.ok()) {
        JS_LOG(kWarning) << "recording: " << status.ToString();
        writers_.erase(it);
      }
      return;
    }
    case JobKind::kEnd: {
      auto it = writers_.find(job.id);
      if (it == writers_.end()) return;
      if (base::Status status = it->second->Finish(); !status.ok()) {
        JS_LOG(kWarning) << "recording: " << status.ToString();
      }
      writers_.erase(it);
      return;
    }
  }
}

}  // namespace telephony::rtp
