#pragma once

#include <cstdint>
#include <nlohmann/json.hpp>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "base/json_text.h"
#include "base/result.h"

namespace api {

// Reads the fields of one JSON object strictly: a value of the wrong type, a required key that
// is missing, and (NoOtherKeys) a key that nothing asked for are errors naming the key's path
// in the document ("retry.busy_minutes: expected a whole number"). Keeps a pointer to the
// object, which must outlive it. Not thread-safe.
class JsonFields {
 public:
  // kInvalidArgument "<path>: expected an object" unless `value` is one. `path` is the
  // object's own path ("retry", "survey[2]"), empty for the top of the document.
  static base::Result<JsonFields> Of(const nlohmann::json& value, std::string path);

  // The object read, as it is (to hand a nested document, such as an IVR flow, to its own
  // reader whole).
  const nlohmann::json& value() const { return *object_; }
  // "retry.busy_minutes"; just "name" at the top of the document.
  std::string PathOf(std::string_view key) const;
  bool Has(std::string_view key) const;

  // Each accessor records `key` as known (see NoOtherKeys). Without a fallback the key is
  // required: "<path>: required key is missing".
  base::Result<std::string> String(std::string_view key) const;
  base::Result<std::string> String(std::string_view key, std::string_view fallback) const;
  base::Result<int> Int(std::string_view key, std::optional<int> fallback = std::nullopt) const;
  base::Result<std::int64_t> Int64(std::string_view key) const;
  base::Result<double> Number(std::string_view key, double fallback) const;
  base::Result<bool> Bool(std::string_view key, bool fallback) const;
  // An array of strings; empty when the key is absent and `required` is false.
  base::Result<std::vector<std::string>> Strings(std::string_view key, bool required) const;
  // An array of objects, each with its path ("survey[0]"); empty when absent and not required.
  base::Result<std::vector<JsonFields>> Objects(std::string_view key, bool required) const;
  // The items of an array, each with its path ("numbers[1]"), for arrays whose items may take
  // more than one form; empty when the key is absent and `required` is false. The values
  // point into the document.
  struct Item {
    std::string path;
    const nlohmann::json* value;
  };
  base::Result<std::vector<Item>> Items(std::string_view key, bool required) const;
  // The fields of an object-valued key; nullopt when absent.
  base::Result<std::optional<JsonFields>> Object(std::string_view key) const;

  // Fails on the first key (alphabetically) that no accessor asked for, naming it and the
  // nearest known keys: "retry.busy_minute: unknown key; did you mean busy_minutes?".
  base::Status NoOtherKeys() const;

 private:
  JsonFields(const nlohmann::json& object, std::string path)
      : object_(&object), path_(std::move(path)) {}

  // The value of `key`, recording it as known; null when absent. Fails when a required key is
  // missing.
  base::Result<const nlohmann::json*> Find(std::string_view key, bool required) const;
  base::Status Expected(std::string_view key, std::string_view what) const;
  base::Status MissingKey(std::string_view key) const;

  const nlohmann::json* object_;
  std::string path_;
  mutable std::set<std::string, std::less<>> known_;
};

}  // namespace api
