#pragma once

#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <random>
#include <string>
#include <system_error>

namespace fakes {

// A fresh, uniquely named directory under the system temp dir, removed with all it
// holds on destruction. Aborts the test binary when none can be made (nothing to test then).
class TempDir {
 public:
  TempDir() {
    std::random_device random;
    std::filesystem::path base = std::filesystem::temp_directory_path();
    for (int attempt = 0; attempt < 100 && path_.empty(); ++attempt) {
      std::filesystem::path candidate =
          base / ("jansampark-test-" + std::to_string(getpid()) + "-" + std::to_string(random()));
      std::error_code error;
      if (std::filesystem::create_directory(candidate, error)) {
        path_ = candidate;
      }
    }
    if (path_.empty()) {
      std::abort();
    }
  }
  ~TempDir() {
    std::error_code error;  // best effort: a leftover temp dir is no reason to fail
    std::filesystem::remove_all(path_, error);
  }
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;

  const std::filesystem::path& path() const { return path_; }
  // A path inside the directory, as a string.
  std::string File(const std::string& name) const { return (path_ / name).string(); }

 private:
  std::filesystem::path path_;
};

}  // namespace fakes
