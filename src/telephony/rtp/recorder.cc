#include "telephony/rtp/recorder.h"

#include <filesystem>
#include <system_error>
#include <utility>

#include "base/logging.h"

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

Recorder::RecordingId Recorder::Begin(std::string wav_path, int channels,
                                      std::function<void(const std::string&)> on_failure) {
  RecordingId id = 0;
  {
    std::lock_guard lock(mutex_);
    id = next_id_++;
  }
  Push({JobKind::kBegin, id, std::move(wav_path), {}, channels, std::move(on_failure)});
  return id;
}

void Recorder::Append(RecordingId id, std::vector<std::int16_t> samples, int channel) {
  Push({JobKind::kAppend, id, {}, std::move(samples), channel, {}});
}

void Recorder::End(RecordingId id) { Push({JobKind::kEnd, id, {}, {}, 0, {}}); }

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
  for (auto& [id, open] : open_) {
    if (base::Status status = Close(open); !status.ok()) Fail(open.on_failure, status);
  }
  open_.clear();
}

void Recorder::Apply(Job& job) {
  if (job.kind == JobKind::kBegin) {
    BeginFile(job);
    return;
  }
  auto it = open_.find(job.id);
  if (it == open_.end()) return;  // never opened, or failed already: logged then
  base::Status status = job.kind == JobKind::kAppend ? Write(it->second, job) : Close(it->second);
  if (!status.ok()) Fail(it->second.on_failure, status);
  if (!status.ok() || job.kind == JobKind::kEnd) open_.erase(it);
}

void Recorder::BeginFile(const Job& job) {
  std::filesystem::path parent = std::filesystem::path(job.path).parent_path();
  std::error_code error;
  if (!parent.empty()) std::filesystem::create_directories(parent, error);  // checked by Create
  auto writer = WavWriter::Create(job.path, job.channel);
  if (!writer.ok()) {
    Fail(job.on_failure, writer.status());
    return;
  }
  Open open{std::move(writer).value(), nullptr, job.on_failure};
  if (job.channel == 2) open.aligner = std::make_unique<StereoAligner>();
  open_[job.id] = std::move(open);
}

void Recorder::Fail(const std::function<void(const std::string&)>& on_failure,
                    const base::Status& status) {
  JS_LOG(kError) << "recording: " << status.ToString() << "; not recorded from here on";
  if (on_failure) on_failure(status.message());
}

base::Status Recorder::Write(Open& open, const Job& job) {
  if (open.aligner == nullptr) {
    return job.channel == 0 ? open.writer->Append(job.samples) : base::OkStatus();
  }
  return open.writer->Append(open.aligner->Push(job.channel, job.samples));
}

base::Status Recorder::Close(Open& open) {
  if (open.aligner != nullptr) JS_RETURN_IF_ERROR(open.writer->Append(open.aligner->Flush()));
  return open.writer->Finish();
}

}  // namespace telephony::rtp
