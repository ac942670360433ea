// Agents' softphones: REGISTER answered by the Registrar, and where a call to "sip:USER" goes.
// On the sofia thread.

#include <sofia-sip/auth_digest.h>
#include <sofia-sip/msg_header.h>
#include <sofia-sip/sip_status.h>
#include <sofia-sip/su_alloc.h>
#include <sofia-sip/url.h>
#include <strings.h>

#include "base/logging.h"
#include "telephony/sip/sip_call_control_impl.h"

namespace telephony::sip {
namespace {

std::string Text(const char* text) { return text != nullptr ? text : ""; }

DigestCredentials CredentialsOfParams(msg_param_t const* params) {
  DigestCredentials credentials;
  if (params == nullptr) return credentials;  // no parameters: Verify calls it malformed
  su_home_t* home = static_cast<su_home_t*>(su_home_new(sizeof(su_home_t)));
  if (home == nullptr) return credentials;
  auth_response_t answer{};
  answer.ar_size = sizeof(answer);
  // Values come back unquoted, allocated in `home`.
  if (auth_digest_response_get(home, &answer, params) >= 0) {
    credentials.username = Text(answer.ar_username);
    credentials.realm = Text(answer.ar_realm);
    credentials.nonce = Text(answer.ar_nonce);
    credentials.uri = Text(answer.ar_uri);
    credentials.response = Text(answer.ar_response);
    credentials.algorithm = Text(answer.ar_algorithm);
    credentials.qop = Text(answer.ar_qop);
    credentials.nc = Text(answer.ar_nc);
    credentials.cnonce = Text(answer.ar_cnonce);
  }
  su_home_unref(home);
  return credentials;
}

// The first Authorization header in the Digest scheme; nullopt when there is none.
std::optional<DigestCredentials> CredentialsOf(const sip_t* sip) {
  for (const msg_auth_t* auth = sip->sip_authorization; auth != nullptr; auth = auth->au_next) {
    if (auth->au_scheme != nullptr && strcasecmp(auth->au_scheme, "Digest") == 0) {
      return CredentialsOfParams(auth->au_params);
    }
  }
  return std::nullopt;
}

// The contact's URI as text; "*" for the wildcard; empty when there is no Contact.
std::string ContactOf(const sip_contact_t* contact) {
  if (contact == nullptr) return "";
  if (contact->m_url->url_type == url_any) return "*";
  su_home_t* home = static_cast<su_home_t*>(su_home_new(sizeof(su_home_t)));
  if (home == nullptr) return "";
  std::string text = Text(url_as_string(home, contact->m_url));
  su_home_unref(home);
  return text;
}

// Seconds from a Contact's expires parameter: -1 unless it is 1-10 digits.
long long SecondsOf(const char* text) {
  std::string digits = Text(text);
  if (digits.empty() || digits.size() > 10 ||
      digits.find_first_not_of("0123456789") != std::string::npos) {
    return -1;
  }
  return std::stoll(digits);
}

RegisterRequest RequestOf(const sip_t* sip) {
  RegisterRequest request;
  if (sip->sip_to != nullptr) request.aor_user = Text(sip->sip_to->a_url->url_user);
  request.credentials = CredentialsOf(sip);
  request.contact = ContactOf(sip->sip_contact);
  if (sip->sip_contact != nullptr && sip->sip_contact->m_expires != nullptr) {
    request.expires = SecondsOf(sip->sip_contact->m_expires);
  } else if (sip->sip_expires != nullptr) {
    request.expires = static_cast<long long>(sip->sip_expires->ex_delta);
  }
  return request;
}

}  // namespace

std::unique_ptr<Registrar> MakeRegistrar(const SipConfig& config, base::Clock& clock) {
  if (config.accounts.empty()) return nullptr;
  std::string realm = config.realm.empty() ? config.listen_host : config.realm;
  return std::make_unique<Registrar>(config.accounts, std::move(realm), clock);
}

void SipCallControl::Impl::OnRegister(nua_handle_t* handle, const sip_t* sip) {
  RegisterReply reply;
  if (shutting_down_) {
    reply.status = 503;
    reply.phrase = "Service Unavailable";
  } else if (sip == nullptr || sip->sip_error != nullptr) {
    // A header sofia could not parse (an Authorization or Expires that is not one, say).
    reply.status = 400;
    reply.phrase = "Bad Header";
    // Its name only: the header may be an Authorization.
    if (sip != nullptr) {
      JS_LOG(kInfo) << "REGISTER refused 400: a malformed header (" << Text(sip->sip_error->er_name)
                    << ")";
    }
  } else {
    RegisterRequest request = RequestOf(sip);
    reply = registrar_->Register(request);
    // Names only: never a credential.
    if (reply.status == 200 && !request.contact.empty()) {
      JS_LOG(kInfo) << "softphone '" << request.aor_user << "': "
                    << (reply.contact.empty() ? "unregistered" : "registered " + reply.contact);
    } else if (reply.status == 403) {
      JS_LOG(kInfo) << "REGISTER for '" << request.aor_user << "' refused: wrong credentials";
    }
  }
  std::string min_expires = std::to_string(reply.min_expires);
  nua_respond(handle, reply.status, reply.phrase, NUTAG_WITH_THIS(nua_),
              TAG_IF(!reply.www_authenticate.empty(),
                     SIPTAG_WWW_AUTHENTICATE_STR(reply.www_authenticate.c_str())),
              TAG_IF(!reply.contact.empty(), SIPTAG_CONTACT_STR(reply.contact.c_str())),
              TAG_IF(reply.min_expires > 0, SIPTAG_MIN_EXPIRES_STR(min_expires.c_str())),
              TAG_END());
  nua_handle_destroy(handle);
}

base::Result<OutboundRoute> SipCallControl::Impl::SoftphoneRoute(const std::string& user,
                                                                 const DialRequest& request) const {
  std::optional<std::string> contact =
      registrar_ != nullptr ? registrar_->ContactOf(user) : std::nullopt;
  if (!contact) return base::NotFound("softphone '" + user + "' is not registered");
  OutboundRoute route;
  route.request_uri = *contact;
  route.to = "<sip:" + user + "@" + config_.listen_host + ">";
  route.caller_id = request.caller_id.empty() ? "jansampark" : request.caller_id;
  return route;
}

}  // namespace telephony::sip
