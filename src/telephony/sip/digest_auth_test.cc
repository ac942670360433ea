#include "telephony/sip/digest_auth.h"

#include <gtest/gtest.h>

#include <cctype>
#include <set>

#include "fakes/fake_clock.h"

namespace telephony::sip {
namespace {

// RFC 2617 section 3.5's example.
DigestCredentials Rfc2617Example() {
  DigestCredentials credentials;
  credentials.username = "Mufasa";
  credentials.realm = "testrealm@host.com";
  credentials.nonce = "dcd98b7102dd2f0e8b11d0f600bfb0c093";
  credentials.uri = "/dir/index.html";
  credentials.qop = "auth";
  credentials.nc = "00000001";
  credentials.cnonce = "0a4f113b";
  return credentials;
}

TEST(DigestResponseTest, MatchesRfc2617Example) {
  EXPECT_EQ(DigestResponseFor(Rfc2617Example(), "Circle Of Life", "GET"),
            "6629fae49393a05397450978507c4ef1");
}

TEST(DigestResponseTest, MatchesRfc7616Md5Example) {
  // RFC 7616 section 3.9.1, the MD5 response.
  DigestCredentials credentials;
  credentials.username = "Mufasa";
  credentials.realm = "http-auth@example.org";
  credentials.nonce = "7ypf/xlj9XXwfDPEoM4URrv/xwf94BcCAzFZH4GiTo0v";
  credentials.uri = "/dir/index.html";
  credentials.qop = "auth";
  credentials.nc = "00000001";
  credentials.cnonce = "f2/wE4q74E6zIJEtWaHKaf5wv/H5QzzpXusqGemxURZJ";
  EXPECT_EQ(DigestResponseFor(credentials, "Circle of Life", "GET"),
            "8ca523f5e9506fed4657c9700eebdbec");
}

TEST(DigestResponseTest, WithoutQopIsRfc2069Form) {
  // MD5(HA1:nonce:HA2), the expected value computed apart with Python's hashlib.
  DigestCredentials credentials = Rfc2617Example();
  credentials.qop.clear();
  credentials.nc.clear();
  credentials.cnonce.clear();
  EXPECT_EQ(DigestResponseFor(credentials, "Circle Of Life", "GET"),
            "670fd8c2df070c60b045671b8b24ff02");
}

TEST(DigestResponseTest, SipRegisterDigestMatchesAnIndependentComputation) {
  DigestCredentials credentials;
  credentials.username = "agent-ravi";
  credentials.realm = "jansampark.test";
  credentials.nonce = "0123456789abcdef0123456789abcdef";
  credentials.uri = "sip:127.0.0.1:5060";
  credentials.qop = "auth";
  credentials.nc = "00000002";
  credentials.cnonce = "c0ffee";
  // Python: md5(HA1:nonce:nc:cnonce:auth:HA2) with hashlib.
  EXPECT_EQ(DigestResponseFor(credentials, "synthetic-pw", "REGISTER"),
            "2956fcf089383f825c7e32ffa179a9bf");
}

class DigestChallengerTest : public ::testing::Test {
 protected:
  // The nonce out of a challenge: between `nonce="` and the next quote.
  static std::string NonceOf(const std::string& challenge) {
    std::size_t start = challenge.find("nonce=\"");
    if (start == std::string::npos) return "";
    start += 7;
    return challenge.substr(start, challenge.find('"', start) - start);
  }

  // What a phone that knows `password` answers to `challenge`.
  DigestCredentials Answer(const std::string& challenge, const std::string& password,
                           const std::string& nc = "00000001") {
    DigestCredentials credentials;
    credentials.username = "agent-ravi";
    credentials.realm = "jansampark.test";
    credentials.nonce = NonceOf(challenge);
    credentials.uri = "sip:127.0.0.1";
    credentials.algorithm = "MD5";
    credentials.qop = "auth";
    credentials.nc = nc;
    credentials.cnonce = "4a5b6c";
    credentials.response = DigestResponseFor(credentials, password, "REGISTER");
    return credentials;
  }

  fakes::FakeClock clock_;
  DigestChallenger challenger_{"jansampark.test", clock_};
};

TEST_F(DigestChallengerTest, ChallengeOffersMd5WithQopAuthAndAFreshNonce) {
  std::string challenge = challenger_.Challenge(false);
  EXPECT_EQ(challenge.rfind("Digest realm=\"jansampark.test\", nonce=\"", 0), 0u) << challenge;
  EXPECT_NE(challenge.find(", algorithm=MD5, qop=\"auth\""), std::string::npos) << challenge;
  EXPECT_EQ(challenge.find("stale"), std::string::npos);
  EXPECT_EQ(NonceOf(challenge).size(), 32u);
  EXPECT_NE(challenger_.Challenge(true).find(", stale=true"), std::string::npos);
  std::set<std::string> nonces;
  for (int i = 0; i < 100; ++i) nonces.insert(NonceOf(challenger_.Challenge(false)));
  EXPECT_EQ(nonces.size(), 100u);
}

TEST_F(DigestChallengerTest, AcceptsTheRightPasswordAndRejectsAWrongOne) {
  std::string challenge = challenger_.Challenge(false);
  EXPECT_EQ(challenger_.Verify(Answer(challenge, "wrong"), "synthetic-pw", "REGISTER"),
            DigestVerdict::kRejected);
  EXPECT_EQ(challenger_.Verify(Answer(challenge, "synthetic-pw"), "synthetic-pw", "REGISTER"),
            DigestVerdict::kAccepted);
}

TEST_F(DigestChallengerTest, AcceptsTheResponseInUpperCaseHex) {
  DigestCredentials credentials = Answer(challenger_.Challenge(false), "synthetic-pw");
  for (char& c : credentials.response) c = static_cast<char>(std::toupper(c));
  EXPECT_EQ(challenger_.Verify(credentials, "synthetic-pw", "REGISTER"), DigestVerdict::kAccepted);
}

TEST_F(DigestChallengerTest, AnswerForAnotherMethodIsRejected) {
  DigestCredentials credentials = Answer(challenger_.Challenge(false), "synthetic-pw");
  EXPECT_EQ(challenger_.Verify(credentials, "synthetic-pw", "INVITE"), DigestVerdict::kRejected);
}

TEST_F(DigestChallengerTest, NonceCountMustRise) {
  std::string challenge = challenger_.Challenge(false);
  EXPECT_EQ(
      challenger_.Verify(Answer(challenge, "synthetic-pw", "00000001"), "synthetic-pw", "REGISTER"),
      DigestVerdict::kAccepted);
  EXPECT_EQ(
      challenger_.Verify(Answer(challenge, "synthetic-pw", "00000001"), "synthetic-pw", "REGISTER"),
      DigestVerdict::kStale)
      << "a replayed answer";
  EXPECT_EQ(
      challenger_.Verify(Answer(challenge, "synthetic-pw", "0000000a"), "synthetic-pw", "REGISTER"),
      DigestVerdict::kAccepted);
}

TEST_F(DigestChallengerTest, NonceThatWeNeverIssuedOrThatExpiredIsStale) {
  DigestCredentials made_up = Answer("nonce=\"00000000000000000000000000000000\"", "synthetic-pw");
  EXPECT_EQ(challenger_.Verify(made_up, "synthetic-pw", "REGISTER"), DigestVerdict::kStale);

  std::string challenge = challenger_.Challenge(false);
  clock_.AdvanceBy(DigestChallenger::kNonceLifetime + std::chrono::seconds(1));
  EXPECT_EQ(challenger_.Verify(Answer(challenge, "synthetic-pw"), "synthetic-pw", "REGISTER"),
            DigestVerdict::kStale);
}

TEST_F(DigestChallengerTest, OldestNoncesAreForgottenBeyondTheLimit) {
  std::string first = challenger_.Challenge(false);
  for (std::size_t i = 0; i < DigestChallenger::kMaxNonces; ++i) challenger_.Challenge(false);
  EXPECT_EQ(challenger_.Verify(Answer(first, "synthetic-pw"), "synthetic-pw", "REGISTER"),
            DigestVerdict::kStale);
  std::string last = challenger_.Challenge(false);
  EXPECT_EQ(challenger_.Verify(Answer(last, "synthetic-pw"), "synthetic-pw", "REGISTER"),
            DigestVerdict::kAccepted);
}

TEST_F(DigestChallengerTest, AnswerWithoutQopIsAccepted) {
  DigestCredentials credentials = Answer(challenger_.Challenge(false), "synthetic-pw");
  credentials.qop.clear();
  credentials.nc.clear();
  credentials.cnonce.clear();
  credentials.response = DigestResponseFor(credentials, "synthetic-pw", "REGISTER");
  EXPECT_EQ(challenger_.Verify(credentials, "synthetic-pw", "REGISTER"), DigestVerdict::kAccepted);
}

TEST_F(DigestChallengerTest, AnswersToQuestionsNotAskedAreRejected) {
  std::string challenge = challenger_.Challenge(false);
  DigestCredentials other_realm = Answer(challenge, "synthetic-pw");
  other_realm.realm = "elsewhere";
  other_realm.response = DigestResponseFor(other_realm, "synthetic-pw", "REGISTER");
  EXPECT_EQ(challenger_.Verify(other_realm, "synthetic-pw", "REGISTER"), DigestVerdict::kRejected);

  DigestCredentials sha = Answer(challenge, "synthetic-pw");
  sha.algorithm = "SHA-256";
  EXPECT_EQ(challenger_.Verify(sha, "synthetic-pw", "REGISTER"), DigestVerdict::kRejected);

  DigestCredentials auth_int = Answer(challenge, "synthetic-pw");
  auth_int.qop = "auth-int";
  EXPECT_EQ(challenger_.Verify(auth_int, "synthetic-pw", "REGISTER"), DigestVerdict::kRejected);
}

TEST_F(DigestChallengerTest, MissingOrMisshapenParametersAreMalformed) {
  std::string challenge = challenger_.Challenge(false);
  auto verdict = [&](auto spoil) {
    DigestCredentials credentials = Answer(challenge, "synthetic-pw");
    spoil(credentials);
    return challenger_.Verify(credentials, "synthetic-pw", "REGISTER");
  };
  EXPECT_EQ(verdict([](DigestCredentials& c) { c.username.clear(); }), DigestVerdict::kMalformed);
  EXPECT_EQ(verdict([](DigestCredentials& c) { c.nonce.clear(); }), DigestVerdict::kMalformed);
  EXPECT_EQ(verdict([](DigestCredentials& c) { c.uri.clear(); }), DigestVerdict::kMalformed);
  EXPECT_EQ(verdict([](DigestCredentials& c) { c.response = "xyz"; }), DigestVerdict::kMalformed);
  EXPECT_EQ(verdict([](DigestCredentials& c) { c.response.back() = 'g'; }),
            DigestVerdict::kMalformed);
  EXPECT_EQ(verdict([](DigestCredentials& c) { c.nc = "1"; }), DigestVerdict::kMalformed);
  EXPECT_EQ(verdict([](DigestCredentials& c) { c.nc = "0000000z"; }), DigestVerdict::kMalformed);
  EXPECT_EQ(verdict([](DigestCredentials& c) { c.cnonce.clear(); }), DigestVerdict::kMalformed);
}

}  // namespace
}  // namespace telephony::sip
