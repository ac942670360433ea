#pragma once

// The registrar behind SipCallControl: which agent's softphone is where. No sofia type here;
// sip_register.cc reads REGISTER requests into a RegisterRequest and writes the RegisterReply.

#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "base/clock.h"
#include "telephony/sip/digest_auth.h"
#include "telephony/sip/sip_config.h"

namespace telephony::sip {

// What a REGISTER asks, read out of the SIP message.
struct RegisterRequest {
  std::string aor_user;  // the user part of the To URI: whose softphone this is
  std::optional<DigestCredentials> credentials;  // its Authorization: Digest header, if any
  // The Contact URI ("sip:agent-ravi@10.0.0.7:5062"); "*" to remove the binding; empty when the
  // request only asks what is bound.
  std::string contact;
  // Seconds, from the Contact's expires parameter or else the Expires header; nullopt when the
  // request gives neither; -1 when what it gave is not a number.
  std::optional<long long> expires;
};

// The answer to send. `status` and `phrase` always; the rest only with the status they belong to.
struct RegisterReply {
  int status = 500;
  // Static storage, always: sofia-sip keeps the pointer until the response has gone.
  const char* phrase = "Server Internal Error";
  std::string www_authenticate;  // 401: the challenge
  std::string contact;           // 200: the binding, `<URI>;expires=N`; empty when none
  int min_expires = 0;           // 423: the shortest registration we take
};

// "sip:USER" (the form a DialRequest uses for a registered softphone) → USER; nullopt for
// anything else (a phone number, "sip:", "sip:user@host").
std::optional<std::string> SoftphoneUserOf(std::string_view number);

// Binds each configured account's user to the contact URI its softphone last registered from,
// until the registration expires. One binding per user: a new registration replaces the old (an
// agent works on one softphone at a time). REGISTERs are answered as RFC 3261 section 10.3 says,
// after a digest challenge:
//   - no credentials, or credentials on a nonce that is stale: 401 with a challenge;
//   - credentials for an unknown user, for another user than the To header's, or with the
//     wrong password: 403 (an unknown user is challenged like any other, so that the answers
//     do not tell a scanner which users exist);
//   - missing or misshapen parameters, a Contact that is not a sip: URI, "*" with an expiry
//     other than 0: 400;
//   - an expiry below kMinExpires (but not 0): 423 with Min-Expires;
//   - else 200 with the binding: Expires 0 removes it (only when its contact is the bound one,
//     or "*"); above kMaxExpires it is shortened to kMaxExpires; absent, kDefaultExpires.
// Single-threaded (SipCallControl calls it on the sofia thread).
class Registrar {
 public:
  static constexpr int kDefaultExpires = 3600;
  static constexpr int kMaxExpires = 3600;
  static constexpr int kMinExpires = 60;

  // `clock` must outlive this object. `realm`: see DigestChallenger.
  Registrar(const std::vector<SipAccount>& accounts, std::string realm, base::Clock& clock);

  RegisterReply Register(const RegisterRequest& request);

  // Where `user`'s softphone is registered now: its contact URI; nullopt when it is not (never
  // was, unregistered, or expired).
  std::optional<std::string> ContactOf(const std::string& user) const;

 private:
  struct Binding {
    std::string contact;
    base::TimePoint expires_at;
  };

  // The request's credentials checked: nullopt when they prove `aor_user`, else the refusal.
  std::optional<RegisterReply> Refusal(const RegisterRequest& request);
  RegisterReply Bind(const std::string& user, const std::string& contact, long long expires);
  RegisterReply Unbind(const std::string& user, const std::string& contact);
  RegisterReply Bound(const std::string& user) const;

  std::unordered_map<std::string, std::string> passwords_;  // by user
  std::unordered_map<std::string, Binding> bindings_;       // by user
  DigestChallenger challenger_;
  base::Clock& clock_;
};

}  // namespace telephony::sip
