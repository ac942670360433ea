#pragma once

// Digest authentication, the server's side (RFC 2617; MD5 as RFC 8760 keeps it, with qop=auth
// or, for old phones, without qop): what the registrar challenges softphones with and how it
// checks their answers. No sofia type here; the MD5 arithmetic is sofia-sip's.

#include <cstddef>
#include <cstdint>
#include <deque>
#include <random>
#include <string>
#include <string_view>
#include <unordered_map>

#include "base/clock.h"

namespace telephony::sip {

// The parameters of an `Authorization: Digest ...` header, unquoted. Empty when absent.
struct DigestCredentials {
  std::string username;
  std::string realm;
  std::string nonce;
  std::string uri;
  std::string response;   // the request-digest: 32 hex digits
  std::string algorithm;  // "MD5", or empty (MD5)
  std::string qop;        // "auth", or empty (RFC 2069's form, without nc and cnonce)
  std::string nc;         // the nonce count, 8 hex digits; with qop only
  std::string cnonce;     // with qop only
};

// The request-digest (32 lowercase hex digits) that a client knowing `password` sends with
// `credentials` on a request of `method` ("REGISTER"): MD5, with qop=auth or without qop.
std::string DigestResponseFor(const DigestCredentials& credentials, std::string_view password,
                              std::string_view method);

enum class DigestVerdict {
  kAccepted,
  kStale,      // the right password on a nonce that is not (or no longer) ours, or a replayed
               // nonce count: challenge again with stale=true
  kRejected,   // the wrong password, or an answer to a question we did not ask (another
               // realm, algorithm or qop)
  kMalformed,  // a required parameter missing or misshapen
};

// Issues nonces and checks the answers to them. A nonce is good for `kNonceLifetime` of Clock
// time; at most `kMaxNonces` are remembered (the oldest forgotten first), so a flood of
// unanswered REGISTERs costs bounded memory. Nonces are 128 random bits. Single-threaded.
class DigestChallenger {
 public:
  static constexpr base::Duration kNonceLifetime = std::chrono::minutes(5);
  static constexpr std::size_t kMaxNonces = 4096;

  // `realm`: printable, without `"` or `\` (it goes into a quoted-string as it is); `clock` must
  // outlive this object.
  DigestChallenger(std::string realm, base::Clock& clock);

  // The value of a WWW-Authenticate header with a fresh nonce:
  // `Digest realm="...", nonce="...", algorithm=MD5, qop="auth"` (and `, stale=true`).
  std::string Challenge(bool stale);

  // Whether `credentials` prove knowledge of `password` on a request of `method`, on a live
  // nonce of ours. A nonce with qop=auth takes each nonce count once, rising.
  DigestVerdict Verify(const DigestCredentials& credentials, std::string_view password,
                       std::string_view method);

  const std::string& realm() const { return realm_; }

 private:
  struct Nonce {
    base::TimePoint issued;
    std::uint64_t last_count = 0;  // the highest nc accepted on it
  };

  std::string NewNonce();
  // The live nonce named `value`, or null (unknown, or expired and now forgotten).
  Nonce* LiveNonce(const std::string& value);

  std::string realm_;
  base::Clock& clock_;
  std::unordered_map<std::string, Nonce> nonces_;
  std::deque<std::string> issue_order_;  // nonces_ keys, oldest first
  // The kernel's generator (libstdc++ on Linux): a guesser cannot predict the next nonce.
  std::random_device random_;
};

}  // namespace telephony::sip
