#include "api/dnd_routes.h"

#include "api/opt_out_json.h"
#include "contacts/dnd_file.h"
#include "contacts/dnd_registry.h"

namespace api {
namespace {

using nlohmann::json;

constexpr std::string_view kDndPrefix = "/api/dnd";

base::Result<ApiResponse> RegistryStatus(store::Database& db) {
  JS_ASSIGN_OR_RETURN(contacts::LoadedDndRegistry loaded,
                      contacts::LoadDndRegistry(db.dnd_registry()));
  if (!loaded.loaded) return JsonResponse(200, json{{"loaded", false}});
  return JsonResponse(200, json{{"loaded", true},
                                {"source", loaded.source},
                                {"loaded_at", FormatUtc(loaded.loaded_at)},
                                {"numbers", loaded.registry.numbers().size()}});
}

base::Result<ApiResponse> CheckNumber(store::Database& db, std::string_view text) {
  base::Result<std::uint64_t> number = contacts::ParseRegistryNumber(text);
  if (!number.ok()) return number.status().WithContext("number");
  JS_ASSIGN_OR_RETURN(contacts::LoadedDndRegistry loaded,
                      contacts::LoadDndRegistry(db.dnd_registry()));
  if (!loaded.loaded) {
    return base::NotFound("no DND registry is loaded: jansampark dnd load FILE");
  }
  return JsonResponse(200, json{{"number", "+" + std::to_string(*number)},
                                {"on_registry", loaded.registry.numbers().Contains(*number)},
                                {"source", loaded.source},
                                {"loaded_at", FormatUtc(loaded.loaded_at)}});
}

}  // namespace

std::optional<ApiResponse> RouteDnd(store::Database& db, const ApiRequest& request) {
  std::string_view path = request.path;
  if (path.substr(0, kDndPrefix.size()) != kDndPrefix) return std::nullopt;
  std::string_view rest = path.substr(kDndPrefix.size());
  if (!rest.empty() && rest.front() != '/') return std::nullopt;  // "/api/dndX"
  if (!rest.empty()) rest.remove_prefix(1);
  if (!rest.empty() && rest.back() == '/') rest.remove_suffix(1);
  if (rest.find('/') != std::string_view::npos) return std::nullopt;
  if (request.method != "GET") return MethodNotAllowed(request, "GET");
  if (base::Status query = CheckParameters(request, {}); !query.ok()) return ErrorResponse(query);
  base::Result<ApiResponse> response = rest.empty() ? RegistryStatus(db) : CheckNumber(db, rest);
  if (!response.ok()) return ErrorResponse(response.status());
  return std::move(response).value();
}

}  // namespace api
