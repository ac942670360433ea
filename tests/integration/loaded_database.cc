#include "integration/loaded_database.h"

#include <gtest/gtest.h>

#include "refdata/india_loader.h"

namespace integration {

store::Database& LoadedDatabase() {
  static std::unique_ptr<store::Database> db = [] {
    auto data = refdata::LoadIndiaData(JANSAMPARK_TEST_DATA_DIR);
    if (!data.ok()) {
      ADD_FAILURE() << data.status().ToString();
      std::abort();
    }
    auto opened = store::OpenDatabase(":memory:");
    if (!opened.ok()) {
      ADD_FAILURE() << opened.status().ToString();
      std::abort();
    }
    base::Status written = (*opened)->ReplaceReferenceData(*data);
    if (!written.ok()) {
      ADD_FAILURE() << written.ToString();
      std::abort();
    }
    return std::move(opened).value();
  }();
  return *db;
}

}  // namespace integration
