#include "telephony/sip/digest_auth.h"

#include <sofia-sip/auth_digest.h>
#include <sofia-sip/su_log.h>

#include <array>
#include <cstdio>
#include <mutex>

// sofia's digest functions write their inputs, the password among them, to this log at level 5.
// It is exported but declared in no installed header. Its level is pinned to 0 below, so that
// not even IPTSEC_DEBUG in the environment makes a password appear in a log.
extern "C" {
extern su_log_t iptsec_log[];
}

namespace telephony::sip {
namespace {

void SilenceDigestLog() {
  static std::once_flag once;
  std::call_once(once, [] { su_log_set_level(iptsec_log, 0); });
}

bool IsHex(std::string_view text, std::size_t length) {
  if (text.size() != length) return false;
  for (char c : text) {
    bool digit = c >= '0' && c <= '9';
    bool letter = (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
    if (!digit && !letter) return false;
  }
  return true;
}

char Lower(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; }

bool EqualsIgnoringCase(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i) {
    if (Lower(a[i]) != Lower(b[i])) return false;
  }
  return true;
}

// Compares two digests of equal length in time independent of where they differ, so that the
// time of a refusal does not tell a guesser how many leading digits were right.
bool SameDigest(std::string_view expected, std::string_view given) {
  if (expected.size() != given.size()) return false;
  unsigned difference = 0;
  for (std::size_t i = 0; i < expected.size(); ++i) {
    difference |= static_cast<unsigned>(Lower(expected[i]) ^ Lower(given[i]));
  }
  return difference == 0;
}

}  // namespace

std::string DigestResponseFor(const DigestCredentials& credentials, std::string_view password,
                              std::string_view method) {
  SilenceDigestLog();
  auth_response_t answer{};
  answer.ar_size = sizeof(answer);
  answer.ar_username = credentials.username.c_str();
  answer.ar_realm = credentials.realm.c_str();
  answer.ar_nonce = credentials.nonce.c_str();
  answer.ar_uri = credentials.uri.c_str();
  answer.ar_cnonce = credentials.cnonce.c_str();
  answer.ar_nc = credentials.nc.c_str();
  answer.ar_md5 = 1;
  answer.ar_auth = credentials.qop == "auth" ? 1 : 0;
  std::string secret(password);
  std::string method_name(method);
  auth_hexmd5_t ha1 = {};
  auth_digest_ha1(ha1, answer.ar_username, answer.ar_realm, secret.c_str());
  auth_hexmd5_t response = {};
  auth_digest_response(&answer, response, ha1, method_name.c_str(), nullptr, 0);
  return response;
}

DigestChallenger::DigestChallenger(std::string realm, base::Clock& clock)
    : realm_(std::move(realm)), clock_(clock) {}

std::string DigestChallenger::NewNonce() {
  std::array<char, 33> text = {};
  for (std::size_t i = 0; i < 4; ++i) {
    std::snprintf(text.data() + i * 8, 9, "%08x", static_cast<unsigned>(random_()));
  }
  std::string nonce(text.data(), 32);
  while (issue_order_.size() >= kMaxNonces) {
    nonces_.erase(issue_order_.front());
    issue_order_.pop_front();
  }
  nonces_[nonce] = Nonce{clock_.Now(), 0};
  issue_order_.push_back(nonce);
  return nonce;
}

std::string DigestChallenger::Challenge(bool stale) {
  std::string challenge =
      "Digest realm=\"" + realm_ + "\", nonce=\"" + NewNonce() + "\", algorithm=MD5, qop=\"auth\"";
  if (stale) challenge += ", stale=true";
  return challenge;
}

DigestChallenger::Nonce* DigestChallenger::LiveNonce(const std::string& value) {
  auto found = nonces_.find(value);
  if (found == nonces_.end()) return nullptr;
  if (clock_.Now() - found->second.issued > kNonceLifetime) {
    nonces_.erase(found);  // its issue_order_ entry goes when its turn comes
    return nullptr;
  }
  return &found->second;
}

DigestVerdict DigestChallenger::Verify(const DigestCredentials& credentials,
                                       std::string_view password, std::string_view method) {
  bool with_qop = !credentials.qop.empty();
  if (credentials.username.empty() || credentials.nonce.empty() || credentials.uri.empty() ||
      !IsHex(credentials.response, 32) ||
      (with_qop && (!IsHex(credentials.nc, 8) || credentials.cnonce.empty()))) {
    return DigestVerdict::kMalformed;
  }
  if (credentials.realm != realm_ ||
      (!credentials.algorithm.empty() && !EqualsIgnoringCase(credentials.algorithm, "MD5")) ||
      (with_qop && credentials.qop != "auth")) {
    return DigestVerdict::kRejected;
  }
  if (!SameDigest(DigestResponseFor(credentials, password, method), credentials.response)) {
    return DigestVerdict::kRejected;
  }
  Nonce* nonce = LiveNonce(credentials.nonce);
  if (nonce == nullptr) return DigestVerdict::kStale;
  if (with_qop) {
    std::uint64_t count = std::stoull(credentials.nc, nullptr, 16);  // 8 hex digits: checked
    if (count <= nonce->last_count) return DigestVerdict::kStale;
    nonce->last_count = count;
  }
  return DigestVerdict::kAccepted;
}

}  // namespace telephony::sip
