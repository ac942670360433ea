#pragma once

#include <condition_variable>
#include <cstdint>
#include <deque>
#include <memory>
#include <mutex>
#include <string>
#include <thread>
#include <unordered_map>
#include <vector>

namespace telephony::rtp {

class WavWriter;

// Writes recordings to WAV files on its own thread, so that whoever feeds it (the media thread)
// only ever takes a short lock and never waits on the disk.
// Begin/Append/End may be called from any thread; a single caller sees its calls applied in
// order. Write errors are logged and end that recording. The destructor writes everything
// queued, finishes every open recording and joins the thread.
class Recorder {
 public:
  using RecordingId = std::uint64_t;

  Recorder();
  ~Recorder();
  Recorder(const Recorder&) = delete;
  Recorder& operator=(const Recorder&) = delete;

  // Starts a recording into `wav_path` (created or truncated by the writer thread).
  RecordingId Begin(std::string wav_path);
  // Queues 8 kHz samples for `id`; ignored after End or a write error.
  void Append(RecordingId id, std::vector<std::int16_t> samples);
  // Fixes up the WAV header and closes the file.
  void End(RecordingId id);

 private:
  enum class JobKind { kBegin, kAppend, kEnd };
  struct Job {
    JobKind kind;
    RecordingId id;
    std::string path;
    std::vector<std::int16_t> samples;
  };

  void Push(Job job);
  void Run();
  void Apply(Job& job);

  std::mutex mutex_;
  std::condition_variable wake_;
  std::deque<Job> jobs_;     // guarded by mutex_
  bool stopping_ = false;    // guarded by mutex_
  RecordingId next_id_ = 1;  // guarded by mutex_
  // Writer thread only.
  std::unordered_map<RecordingId, std::unique_ptr<WavWriter>> writers_;
  std::thread thread_;
};

}  // namespace telephony::rtp
