#include "telephony/sip/registrar.h"

#include <algorithm>
#include <cctype>
#include <chrono>

namespace telephony::sip {
namespace {

constexpr char kMethod[] = "REGISTER";

// `phrase`: a string literal (see RegisterReply).
RegisterReply Reply(int status, const char* phrase) {
  RegisterReply reply;
  reply.status = status;
  reply.phrase = phrase;
  return reply;
}

RegisterReply Forbidden() { return Reply(403, "Forbidden"); }

bool HasSipScheme(std::string_view uri) {
  if (uri.size() <= 4) return false;
  std::string scheme(uri.substr(0, 4));
  std::transform(scheme.begin(), scheme.end(), scheme.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return scheme == "sip:";
}

}  // namespace

std::optional<std::string> SoftphoneUserOf(std::string_view number) {
  constexpr std::string_view kPrefix = "sip:";
  if (number.size() <= kPrefix.size() || number.substr(0, kPrefix.size()) != kPrefix) {
    return std::nullopt;
  }
  std::string_view user = number.substr(kPrefix.size());
  if (user.find_first_of("@:;<> ") != std::string_view::npos) return std::nullopt;
  return std::string(user);
}

Registrar::Registrar(const std::vector<SipAccount>& accounts, std::string realm, base::Clock& clock)
    : challenger_(std::move(realm), clock), clock_(clock) {
  for (const SipAccount& account : accounts) passwords_[account.user] = account.password;
}

RegisterReply Registrar::Register(const RegisterRequest& request) {
  if (request.aor_user.empty()) return Reply(400, "No User In To");
  if (std::optional<RegisterReply> refusal = Refusal(request)) return *refusal;
  if (request.expires && *request.expires < 0) return Reply(400, "Bad Expires");
  const std::string& user = request.aor_user;
  if (request.contact.empty()) return Bound(user);
  if (request.contact == "*") {
    if (request.expires != 0) return Reply(400, "Contact * Needs Expires 0");
    bindings_.erase(user);
    return Reply(200, "OK");
  }
  if (!HasSipScheme(request.contact)) return Reply(400, "Contact Is Not A sip: URI");
  long long expires = request.expires.value_or(kDefaultExpires);
  if (expires == 0) return Unbind(user, request.contact);
  if (expires < kMinExpires) {
    RegisterReply reply = Reply(423, "Interval Too Brief");
    reply.min_expires = kMinExpires;
    return reply;
  }
  return Bind(user, request.contact, std::min<long long>(expires, kMaxExpires));
}

std::optional<RegisterReply> Registrar::Refusal(const RegisterRequest& request) {
  if (!request.credentials) {
    RegisterReply challenge = Reply(401, "Unauthorized");
    challenge.www_authenticate = challenger_.Challenge(/*stale=*/false);
    return challenge;
  }
  const DigestCredentials& credentials = *request.credentials;
  auto account = passwords_.find(credentials.username);
  if (account == passwords_.end() || credentials.username != request.aor_user) {
    // Checked all the same, so that a malformed answer gets the same 400 whoever it names.
    bool malformed = challenger_.Verify(credentials, "", kMethod) == DigestVerdict::kMalformed;
    return malformed ? Reply(400, "Bad Authorization") : Forbidden();
  }
  switch (challenger_.Verify(credentials, account->second, kMethod)) {
    case DigestVerdict::kAccepted:
      return std::nullopt;
    case DigestVerdict::kStale: {
      RegisterReply challenge = Reply(401, "Unauthorized");
      challenge.www_authenticate = challenger_.Challenge(/*stale=*/true);
      return challenge;
    }
    case DigestVerdict::kRejected:
      return Forbidden();
    case DigestVerdict::kMalformed:
      return Reply(400, "Bad Authorization");
  }
  return Forbidden();
}

RegisterReply Registrar::Bind(const std::string& user, const std::string& contact,
                              long long expires) {
  bindings_[user] = Binding{contact, clock_.Now() + std::chrono::seconds(expires)};
  return Bound(user);
}

RegisterReply Registrar::Unbind(const std::string& user, const std::string& contact) {
  auto bound = bindings_.find(user);
  if (bound != bindings_.end() && bound->second.contact == contact) bindings_.erase(bound);
  return Bound(user);
}

RegisterReply Registrar::Bound(const std::string& user) const {
  RegisterReply reply = Reply(200, "OK");
  auto bound = bindings_.find(user);
  if (bound == bindings_.end()) return reply;
  base::Duration left = bound->second.expires_at - clock_.Now();
  if (left <= base::Duration::zero()) return reply;
  auto seconds = std::chrono::ceil<std::chrono::seconds>(left).count();
  reply.contact = "<" + bound->second.contact + ">;expires=" + std::to_string(seconds);
  return reply;
}

std::optional<std::string> Registrar::ContactOf(const std::string& user) const {
  auto bound = bindings_.find(user);
  if (bound == bindings_.end() || clock_.Now() >= bound->second.expires_at) return std::nullopt;
  return bound->second.contact;
}

}  // namespace telephony::sip
