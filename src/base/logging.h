#pragma once

#include <functional>
#include <sstream>
#include <string>
#include <string_view>

namespace base {

enum class LogLevel { kDebug, kInfo, kWarning, kError };

// Lines below the threshold are dropped. Default kInfo; JANSAMPARK_LOG=debug|info|warning|error
// sets it at start (read by the mains through SetLogThresholdFromName).
void SetLogThreshold(LogLevel level);
bool SetLogThresholdFromName(std::string_view name);
bool LogEnabled(LogLevel level);

// Where log lines go: standard error by default. Tests may capture them. Not thread-safe to
// change while others log.
using LogSink = std::function<void(LogLevel, std::string_view line)>;
void SetLogSink(LogSink sink);

// Writes one line "2026-11-27T11:20:00Z info  <message>" to the sink.
void Log(LogLevel level, std::string_view message);

// JS_LOG(kInfo) << "loaded " << n << " seats";
class LogLine {
 public:
  explicit LogLine(LogLevel level) : level_(level) {}
  ~LogLine() { Log(level_, stream_.str()); }
  LogLine(const LogLine&) = delete;
  LogLine& operator=(const LogLine&) = delete;

  template <typename T>
  LogLine& operator<<(const T& value) {
    stream_ << value;
    return *this;
  }

 private:
  LogLevel level_;
  std::ostringstream stream_;
};

}  // namespace base

#define JS_LOG(level)                                 \
  if (!::base::LogEnabled(::base::LogLevel::level)) { \
  } else                                              \
    ::base::LogLine(::base::LogLevel::level)
