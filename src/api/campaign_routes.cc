#include "api/campaign_routes.h"

#include <algorithm>

#include "api/broadcast_answers_json.h"
#include "api/campaign_catalog.h"
#include "api/campaign_json.h"
#include "api/campaign_prompts.h"
#include "api/json_fields.h"
#include "api/opt_out_json.h"
#include "base/text.h"

namespace api {
namespace {

using nlohmann::json;

constexpr std::string_view kPrefix = "/api/campaigns";
constexpr std::string_view kBodySource = "request body";

base::Result<ApiResponse> ListAll(store::Database& db) {
  JS_ASSIGN_OR_RETURN(std::vector<callcenter::Campaign> campaigns, ListCampaigns(db.campaigns()));
  return JsonResponse(200, CampaignsJson(campaigns));
}

base::Result<ApiResponse> Create(store::Database& db, const ApiRequest& request) {
  JS_ASSIGN_OR_RETURN(callcenter::Campaign campaign,
                      AddCampaign(db.campaigns(), request.body, kBodySource, request.received_at));
  return JsonResponse(201, CampaignToJson(campaign));
}

base::Result<ApiResponse> Show(store::Database& db, const std::string& id) {
  JS_ASSIGN_OR_RETURN(callcenter::Campaign campaign, GetCampaign(db.campaigns(), id));
  return JsonResponse(200, CampaignToJson(campaign));
}

base::Result<ApiResponse> ListOptOutsOf(store::Database& db, const std::string& id) {
  JS_ASSIGN_OR_RETURN(std::vector<store::DoNotCallEntry> entries, ListOptOuts(db, id));
  return JsonResponse(200, OptOutsJson(id, entries));
}

struct OptOutBody {
  std::string number;
  std::string reason;
};

base::Result<OptOutBody> ReadOptOutBody(std::string_view text) {
  JS_ASSIGN_OR_RETURN(json body, base::ParseJsonText(text));
  JS_ASSIGN_OR_RETURN(JsonFields fields, JsonFields::Of(body, ""));
  OptOutBody read;
  JS_ASSIGN_OR_RETURN(read.number, fields.String("number"));
  JS_ASSIGN_OR_RETURN(read.reason, fields.String("reason", ""));
  JS_RETURN_IF_ERROR(fields.NoOtherKeys());
  return read;
}

base::Result<ApiResponse> AddOptOut(store::Database& db, const std::string& id,
                                    const ApiRequest& request) {
  base::Result<OptOutBody> body = ReadOptOutBody(request.body);
  if (!body.ok()) return body.status().WithContext(kBodySource);
  const std::string& number = body->number;
  JS_ASSIGN_OR_RETURN(std::vector<store::DoNotCallEntry> before, ListOptOuts(db, id));
  bool listed = std::any_of(before.begin(), before.end(), [&](const store::DoNotCallEntry& entry) {
    return entry.number == number;
  });
  JS_RETURN_IF_ERROR(RecordOptOut(db, id, number, body->reason, request.received_at));
  JS_ASSIGN_OR_RETURN(std::vector<store::DoNotCallEntry> after, ListOptOuts(db, id));
  auto entry = std::find_if(after.begin(), after.end(),
                            [&](const store::DoNotCallEntry& one) { return one.number == number; });
  if (entry == after.end()) return base::Internal("the opt-out was not kept");
  return JsonResponse(listed ? 200 : 201, {{"campaign_id", id},
                                           {"number", entry->number},
                                           {"reason", entry->reason},
                                           {"added_at", FormatUtc(entry->added_at)}});
}

base::Result<ApiResponse> ListAnswersOf(store::Database& db, const std::string& id) {
  JS_ASSIGN_OR_RETURN(std::vector<store::BroadcastAnswer> answers, ListBroadcastAnswers(db, id));
  return JsonResponse(200, BroadcastAnswersJson(id, answers));
}

base::Result<ApiResponse> ListPromptsOf(store::Database& db, const std::string& id) {
  JS_ASSIGN_OR_RETURN(std::vector<store::CampaignPrompt> prompts, ListCampaignPrompts(db, id));
  return JsonResponse(200, PromptsJson(id, prompts));
}

// The body is the file itself; its name in errors is the prompt's.
base::Result<ApiResponse> UploadPrompt(store::Database& db, const std::string& id,
                                       const std::string& name, const ApiRequest& request) {
  std::span<const std::uint8_t> bytes(reinterpret_cast<const std::uint8_t*>(request.body.data()),
                                      request.body.size());
  JS_ASSIGN_OR_RETURN(
      store::CampaignPrompt prompt,
      AddCampaignPrompt(db, id, name, bytes, name + " (request body)", request.received_at));
  return JsonResponse(201, PromptJson(prompt));
}

base::Result<ApiResponse> DeletePrompt(store::Database& db, const std::string& id,
                                       const std::string& name) {
  JS_RETURN_IF_ERROR(RemoveCampaignPrompt(db, id, name));
  return JsonResponse(200, {{"campaign_id", id}, {"name", name}, {"removed", true}});
}

// "{id}/prompts" and "{id}/prompts/{name}".
std::optional<base::Result<ApiResponse>> DispatchPrompts(store::Database& db,
                                                         const ApiRequest& request,
                                                         const std::vector<std::string>& parts) {
  if (parts.size() == 2) {
    if (request.method == "GET") return ListPromptsOf(db, parts[0]);
    return MethodNotAllowed(request, "GET");
  }
  if (parts.size() == 3 && !parts[2].empty()) {
    if (request.method == "POST") return UploadPrompt(db, parts[0], parts[2], request);
    if (request.method == "DELETE") return DeletePrompt(db, parts[0], parts[2]);
    return MethodNotAllowed(request, "POST or DELETE");
  }
  return std::nullopt;
}

bool IsPromptUpload(std::string_view rest) {
  std::vector<std::string> parts = base::Split(rest, '/');
  return parts.size() == 3 && parts[1] == "prompts";
}

// The campaign routes below the prefix: "" (the collection), "{id}", "{id}/opt-outs" or
// "{id}/prompts[/{name}]".
std::optional<base::Result<ApiResponse>> Dispatch(store::Database& db, const ApiRequest& request,
                                                  std::string_view rest) {
  bool get = request.method == "GET";
  bool post = request.method == "POST";
  if (rest.empty()) {
    if (get) return ListAll(db);
    if (post) return Create(db, request);
    return MethodNotAllowed(request, "GET or POST");
  }
  std::vector<std::string> parts = base::Split(rest, '/');
  if (parts.size() == 1 && !parts[0].empty()) {
    if (get) return Show(db, parts[0]);
    return MethodNotAllowed(request, "GET");
  }
  if (parts.size() == 2 && !parts[0].empty() && parts[1] == "opt-outs") {
    if (get) return ListOptOutsOf(db, parts[0]);
    if (post) return AddOptOut(db, parts[0], request);
    return MethodNotAllowed(request, "GET or POST");
  }
  if (parts.size() == 2 && !parts[0].empty() && parts[1] == "answers") {
    if (get) return ListAnswersOf(db, parts[0]);
    return MethodNotAllowed(request, "GET");
  }
  if (parts.size() >= 2 && !parts[0].empty() && parts[1] == "prompts") {
    return DispatchPrompts(db, request, parts);
  }
  return std::nullopt;
}

}  // namespace

std::optional<ApiResponse> RouteCampaigns(store::Database& db, const ApiRequest& request) {
  std::string_view path = request.path;
  if (path.substr(0, kPrefix.size()) != kPrefix) return std::nullopt;
  std::string_view rest = path.substr(kPrefix.size());
  if (!rest.empty() && rest.front() != '/') return std::nullopt;  // "/api/campaignsX"
  if (!rest.empty()) rest.remove_prefix(1);
  if (!rest.empty() && rest.back() == '/') rest.remove_suffix(1);
  bool upload = IsPromptUpload(rest);
  if (request.body.size() > (upload ? kMaxPromptUploadBytes : kMaxCampaignJsonBytes)) {
    ApiResponse response = ErrorResponse(base::InvalidArgument(
        std::string("the request body is over ") + (upload ? "4 MiB" : "1 MiB") + " (" +
        std::to_string(request.body.size()) + " bytes)"));
    response.status = 413;
    return response;
  }
  if (base::Status query = CheckParameters(request, {}); !query.ok()) return ErrorResponse(query);
  std::optional<base::Result<ApiResponse>> routed = Dispatch(db, request, rest);
  if (!routed) return std::nullopt;
  if (!routed->ok()) return ErrorResponse(routed->status());
  return std::move(*routed).value();
}

}  // namespace api
