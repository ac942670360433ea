#pragma once

#include <condition_variable>
#include <cstdint>
#include <deque>
#include <functional>
#include <memory>
#include <mutex>
#include <string>
#include <thread>
#include <unordered_map>
#include <vector>

#include "base/status.h"
#include "telephony/rtp/stereo_aligner.h"
#include "telephony/rtp/wav_writer.h"

namespace telephony::rtp {

// Writes recordings to WAV files on its own thread, so that whoever feeds it (the media thread)
// only ever takes a short lock and never waits on the disk.
// Begin/Append/End may be called from any thread; a single caller sees its calls applied in
// order. A file that cannot be created (its folder is made first when missing) or written is
// logged as an error and ends that recording; the call goes on unrecorded. The destructor writes
// everything queued, finishes every open recording and joins the thread.
class Recorder {
 public:
  using RecordingId = std::uint64_t;

  Recorder();
  ~Recorder();
  Recorder(const Recorder&) = delete;
  Recorder& operator=(const Recorder&) = delete;

  // Starts a recording into `wav_path` (created or truncated by the writer thread), with
  // `channels` 1 (mono) or 2 (stereo: the two channels paired by a StereoAligner).
  // `on_failure`, if set, is called on the writer thread with the reason when the file cannot
  // be created or written (the recording has ended then).
  RecordingId Begin(std::string wav_path, int channels = 1,
                    std::function<void(const std::string&)> on_failure = {});
  // Queues 8 kHz samples of `channel` (0, or 1 in stereo) for `id`; ignored after End or a
  // write error.
  void Append(RecordingId id, std::vector<std::int16_t> samples, int channel = 0);
  // Fixes up the WAV header and closes the file.
  void End(RecordingId id);

 private:
  enum class JobKind { kBegin, kAppend, kEnd };
  struct Job {
    JobKind kind;
    RecordingId id;
    std::string path;
    std::vector<std::int16_t> samples;
    int channel = 0;                                     // kAppend: which; kBegin: how many
    std::function<void(const std::string&)> on_failure;  // kBegin
  };
  struct Open {
    std::unique_ptr<WavWriter> writer;
    std::unique_ptr<StereoAligner> aligner;  // stereo only
    std::function<void(const std::string&)> on_failure;
  };

  void Push(Job job);
  void Run();
  void Apply(Job& job);
  void BeginFile(const Job& job);
  base::Status Write(Open& open, const Job& job);
  static base::Status Close(Open& open);
  static void Fail(const std::function<void(const std::string&)>& on_failure,
                   const base::Status& status);

  std::mutex mutex_;
  std::condition_variable wake_;
  std::deque<Job> jobs_;     // guarded by mutex_
  bool stopping_ = false;    // guarded by mutex_
  RecordingId next_id_ = 1;  // guarded by mutex_
  // Writer thread only.
  std::unordered_map<RecordingId, Open> open_;
  std::thread thread_;
};

}  // namespace telephony::rtp
