#pragma once

#include <mutex>
#include <utility>

#include "store/store.h"

namespace api {

// One store::Database shared between threads (store::Database is single-threaded): the HTTP
// server's workers and serve's SIP side (missed calls, on the Clock's thread) reach it only
// through With(), which holds one mutex for the whole of `fn`. `db` must outlive this object.
class LockedDatabase {
 public:
  explicit LockedDatabase(store::Database& db) : db_(db) {}
  LockedDatabase(const LockedDatabase&) = delete;
  LockedDatabase& operator=(const LockedDatabase&) = delete;

  // Runs fn(db) with the lock held and returns what it returns. Not re-entrant: `fn` must not
  // call With() again.
  template <typename Fn>
  auto With(Fn&& fn) {
    std::lock_guard lock(mutex_);
    return std::forward<Fn>(fn)(db_);
  }

 private:
  store::Database& db_;
  std::mutex mutex_;
};

}  // namespace api
