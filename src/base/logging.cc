#include "base/logging.h"

#include <atomic>
#include <chrono>
#include <cstdio>
#include <ctime>
#include <mutex>

namespace base {
namespace {

std::atomic<int> threshold{static_cast<int>(LogLevel::kInfo)};
std::mutex sink_mutex;

void WriteToStderr(LogLevel /*level*/, std::string_view line) {
  std::fwrite(line.data(), 1, line.size(), stderr);
  std::fputc('\n', stderr);
}

LogSink& Sink() {
  static LogSink sink = WriteToStderr;
  return sink;
}

std::string_view LevelName(LogLevel level) {
  switch (level) {
    case LogLevel::kDebug:
      return "debug";
    case LogLevel::kInfo:
      return "info ";
    case LogLevel::kWarning:
      return "warn ";
    case LogLevel::kError:
      return "error";
  }
  return "?    ";
}

std::string UtcTimestamp() {
  std::time_t now = std::chrono::system_clock::to_time_t(std::chrono::system_clock::now());
  std::tm parts{};
  gmtime_r(&now, &parts);
  char text[32];
  std::strftime(text, sizeof text, "%Y-%m-%dT%H:%M:%SZ", &parts);
  return text;
}

}  // namespace

void SetLogThreshold(LogLevel level) { threshold = static_cast<int>(level); }

bool SetLogThresholdFromName(std::string_view name) {
  if (name == "debug") {
    SetLogThreshold(LogLevel::kDebug);
  } else if (name == "info") {
    SetLogThreshold(LogLevel::kInfo);
  } else if (name == "warning") {
    SetLogThreshold(LogLevel::kWarning);
  } else if (name == "error") {
    SetLogThreshold(LogLevel::kError);
  } else {
    return false;
  }
  return true;
}

bool LogEnabled(LogLevel level) { return static_cast<int>(level) >= threshold; }

void SetLogSink(LogSink sink) {
  std::lock_guard lock(sink_mutex);
  Sink() = sink ? std::move(sink) : LogSink(WriteToStderr);
}

void Log(LogLevel level, std::string_view message) {
  if (!LogEnabled(level)) return;
  std::string line = UtcTimestamp() + " " + std::string(LevelName(level)) + " ";
  line += message;
  std::lock_guard lock(sink_mutex);
  Sink()(level, line);
}

}  // namespace base
