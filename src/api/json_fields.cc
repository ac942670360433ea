#include "api/json_fields.h"

#include <limits>
#include <utility>

#include "base/text.h"

namespace api {
namespace {

using nlohmann::json;

}  // namespace

base::Result<JsonFields> JsonFields::Of(const json& value, std::string path) {
  if (!value.is_object()) {
    if (path.empty()) return base::InvalidArgument("expected an object at the top of the document");
    return base::InvalidArgument(path + ": expected an object");
  }
  return JsonFields(value, std::move(path));
}

std::string JsonFields::PathOf(std::string_view key) const {
  return path_.empty() ? std::string(key) : path_ + "." + std::string(key);
}

bool JsonFields::Has(std::string_view key) const { return object_->contains(key); }

base::Status JsonFields::Expected(std::string_view key, std::string_view what) const {
  return base::InvalidArgument(PathOf(key) + ": expected " + std::string(what));
}

base::Result<const json*> JsonFields::Find(std::string_view key, bool required) const {
  known_.emplace(key);
  auto it = object_->find(key);
  if (it != object_->end()) return &*it;
  if (required) return MissingKey(key);
  return static_cast<const json*>(nullptr);
}

// A key typed wrong is both missing and unknown: say so at once, naming the likely typo.
base::Status JsonFields::MissingKey(std::string_view key) const {
  std::string message = PathOf(key) + ": required key is missing";
  std::vector<std::string> present;
  for (const auto& [name, value] : object_->items()) present.push_back(name);
  std::vector<std::string> nearest = base::NearestNames(key, present);
  if (!nearest.empty()) message += "; is '" + nearest.front() + "' a misspelling of it?";
  return base::InvalidArgument(message);
}

base::Result<std::string> JsonFields::String(std::string_view key) const {
  JS_ASSIGN_OR_RETURN(const json* value, Find(key, true));
  if (!value->is_string()) return Expected(key, "a string");
  return value->get<std::string>();
}

base::Result<std::string> JsonFields::String(std::string_view key,
                                             std::string_view fallback) const {
  if (!Has(key)) {
    known_.emplace(key);
    return std::string(fallback);
  }
  return String(key);
}

base::Result<std::int64_t> JsonFields::Int64(std::string_view key) const {
  JS_ASSIGN_OR_RETURN(const json* value, Find(key, true));
  bool fits = value->is_number_integer() &&
              (!value->is_number_unsigned() ||
               value->get<std::uint64_t>() <=
                   static_cast<std::uint64_t>(std::numeric_limits<std::int64_t>::max()));
  if (!fits) return Expected(key, "a whole number");
  return value->get<std::int64_t>();
}

base::Result<int> JsonFields::Int(std::string_view key, std::optional<int> fallback) const {
  if (fallback && !Has(key)) {
    known_.emplace(key);
    return *fallback;
  }
  JS_ASSIGN_OR_RETURN(std::int64_t value, Int64(key));
  if (value < std::numeric_limits<int>::min() || value > std::numeric_limits<int>::max()) {
    return Expected(key, "a whole number of a sensible size");
  }
  return static_cast<int>(value);
}

base::Result<double> JsonFields::Number(std::string_view key, double fallback) const {
  JS_ASSIGN_OR_RETURN(const json* value, Find(key, false));
  if (value == nullptr) return fallback;
  if (!value->is_number()) return Expected(key, "a number");
  return value->get<double>();
}

base::Result<bool> JsonFields::Bool(std::string_view key, bool fallback) const {
  JS_ASSIGN_OR_RETURN(const json* value, Find(key, false));
  if (value == nullptr) return fallback;
  if (!value->is_boolean()) return Expected(key, "true or false");
  return value->get<bool>();
}

base::Result<std::vector<std::string>> JsonFields::Strings(std::string_view key,
                                                           bool required) const {
  JS_ASSIGN_OR_RETURN(const json* value, Find(key, required));
  std::vector<std::string> strings;
  if (value == nullptr) return strings;
  if (!value->is_array()) return Expected(key, "an array of strings");
  for (std::size_t i = 0; i < value->size(); ++i) {
    const json& item = (*value)[i];
    if (!item.is_string()) {
      return base::InvalidArgument(PathOf(key) + "[" + std::to_string(i) + "]: expected a string");
    }
    strings.push_back(item.get<std::string>());
  }
  return strings;
}

base::Result<std::vector<JsonFields>> JsonFields::Objects(std::string_view key,
                                                          bool required) const {
  JS_ASSIGN_OR_RETURN(const json* value, Find(key, required));
  std::vector<JsonFields> objects;
  if (value == nullptr) return objects;
  if (!value->is_array()) return Expected(key, "an array of objects");
  for (std::size_t i = 0; i < value->size(); ++i) {
    JS_ASSIGN_OR_RETURN(JsonFields item,
                        Of((*value)[i], PathOf(key) + "[" + std::to_string(i) + "]"));
    objects.push_back(std::move(item));
  }
  return objects;
}

base::Result<std::vector<JsonFields::Item>> JsonFields::Items(std::string_view key,
                                                              bool required) const {
  JS_ASSIGN_OR_RETURN(const json* value, Find(key, required));
  std::vector<Item> items;
  if (value == nullptr) return items;
  if (!value->is_array()) return Expected(key, "an array");
  for (std::size_t i = 0; i < value->size(); ++i) {
    items.push_back({PathOf(key) + "[" + std::to_string(i) + "]", &(*value)[i]});
  }
  return items;
}

base::Result<std::optional<JsonFields>> JsonFields::Object(std::string_view key) const {
  JS_ASSIGN_OR_RETURN(const json* value, Find(key, false));
  if (value == nullptr) return std::optional<JsonFields>();
  JS_ASSIGN_OR_RETURN(JsonFields fields, Of(*value, PathOf(key)));
  return std::optional<JsonFields>(std::move(fields));
}

base::Status JsonFields::NoOtherKeys() const {
  for (const auto& [key, value] : object_->items()) {
    if (known_.count(key) != 0) continue;
    std::string message = PathOf(key) + ": unknown key";
    std::vector<std::string> nearest =
        base::NearestNames(key, std::vector<std::string>(known_.begin(), known_.end()));
    if (!nearest.empty()) message += "; did you mean " + base::Join(nearest, ", ") + "?";
    return base::InvalidArgument(message);
  }
  return base::OkStatus();
}

}  // namespace api
