#include "telephony/sip/registrar.h"

#include <gtest/gtest.h>

#include "fakes/fake_clock.h"

namespace telephony::sip {
namespace {

using std::chrono::seconds;

constexpr char kRavi[] = "sip:agent-ravi@127.0.0.1:5092";

// Agents and passwords here are synthetic.
class RegistrarTest : public ::testing::Test {
 protected:
  // A REGISTER from agent-ravi's softphone, answered with `password` to the last challenge.
  RegisterRequest Signed(const std::string& password, const std::string& contact = kRavi,
                         std::optional<long long> expires = std::nullopt) {
    RegisterRequest request = Unsigned(contact, expires);
    request.credentials = Answer("agent-ravi", password);
    return request;
  }

  RegisterRequest Unsigned(const std::string& contact = kRavi,
                           std::optional<long long> expires = std::nullopt) {
    RegisterRequest request;
    request.aor_user = "agent-ravi";
    request.contact = contact;
    request.expires = expires;
    return request;
  }

  // Credentials for `user` on the nonce of the last 401 (a fresh one is asked for first).
  DigestCredentials Answer(const std::string& user, const std::string& password) {
    if (nonce_.empty()) Challenge();
    DigestCredentials credentials;
    credentials.username = user;
    credentials.realm = "jansampark.test";
    credentials.nonce = nonce_;
    credentials.uri = "sip:127.0.0.1";
    credentials.qop = "auth";
    credentials.nc = Hex8(++count_);
    credentials.cnonce = "a1b2c3";
    credentials.response = DigestResponseFor(credentials, password, "REGISTER");
    return credentials;
  }

  void Challenge() {
    RegisterReply reply = registrar_.Register(Unsigned());
    ASSERT_EQ(reply.status, 401);
    std::size_t start = reply.www_authenticate.find("nonce=\"") + 7;
    nonce_ = reply.www_authenticate.substr(start, 32);
    count_ = 0;
  }

  static std::string Hex8(int n) {
    char text[9];
    std::snprintf(text, sizeof text, "%08x", n);
    return text;
  }

  fakes::FakeClock clock_;
  Registrar registrar_{
      {{"agent-ravi", "synthetic-pw"}, {"agent-meena", "other-pw"}}, "jansampark.test", clock_};
  std::string nonce_;
  int count_ = 0;
};

TEST_F(RegistrarTest, FirstRegisterIsChallengedAndBindsNothing) {
  RegisterReply reply = registrar_.Register(Unsigned());
  EXPECT_EQ(reply.status, 401);
  EXPECT_STREQ(reply.phrase, "Unauthorized");
  EXPECT_EQ(reply.www_authenticate.rfind("Digest realm=\"jansampark.test\", nonce=\"", 0), 0u);
  EXPECT_EQ(registrar_.ContactOf("agent-ravi"), std::nullopt);
}

TEST_F(RegistrarTest, RightPasswordBindsTheContactWithItsExpiry) {
  RegisterReply reply = registrar_.Register(Signed("synthetic-pw", kRavi, 600));
  EXPECT_EQ(reply.status, 200);
  EXPECT_EQ(reply.contact, std::string("<") + kRavi + ">;expires=600");
  EXPECT_EQ(registrar_.ContactOf("agent-ravi"), kRavi);
  EXPECT_EQ(registrar_.ContactOf("agent-meena"), std::nullopt);
}

TEST_F(RegistrarTest, WrongPasswordIsForbiddenAndBindsNothing) {
  RegisterReply reply = registrar_.Register(Signed("guess"));
  EXPECT_EQ(reply.status, 403);
  EXPECT_EQ(registrar_.ContactOf("agent-ravi"), std::nullopt);
}

TEST_F(RegistrarTest, UnknownUserIsChallengedThenForbidden) {
  RegisterRequest request = Unsigned();
  request.aor_user = "agent-nobody";
  EXPECT_EQ(registrar_.Register(request).status, 401) << "as for a user who exists";
  request.credentials = Answer("agent-nobody", "anything");
  EXPECT_EQ(registrar_.Register(request).status, 403);
  request.credentials = Answer("agent-nobody", "");
  EXPECT_EQ(registrar_.Register(request).status, 403);
  EXPECT_EQ(registrar_.ContactOf("agent-nobody"), std::nullopt);
}

TEST_F(RegistrarTest, OneUsersPasswordDoesNotRegisterAnother) {
  RegisterRequest request = Unsigned();
  request.credentials = Answer("agent-meena", "other-pw");  // To says agent-ravi
  EXPECT_EQ(registrar_.Register(request).status, 403);
  EXPECT_EQ(registrar_.ContactOf("agent-ravi"), std::nullopt);
}

TEST_F(RegistrarTest, ReplayedOrStaleAnswerIsChallengedAgain) {
  RegisterRequest request = Signed("synthetic-pw");
  ASSERT_EQ(registrar_.Register(request).status, 200);
  RegisterReply replayed = registrar_.Register(request);
  EXPECT_EQ(replayed.status, 401);
  EXPECT_NE(replayed.www_authenticate.find("stale=true"), std::string::npos);

  clock_.AdvanceBy(DigestChallenger::kNonceLifetime + seconds(1));
  RegisterReply stale = registrar_.Register(Signed("synthetic-pw"));
  EXPECT_EQ(stale.status, 401);
  EXPECT_NE(stale.www_authenticate.find("stale=true"), std::string::npos);
}

TEST_F(RegistrarTest, BindingExpires) {
  ASSERT_EQ(registrar_.Register(Signed("synthetic-pw", kRavi, 120)).status, 200);
  clock_.AdvanceBy(seconds(119));
  EXPECT_EQ(registrar_.ContactOf("agent-ravi"), kRavi);
  clock_.AdvanceBy(seconds(1));
  EXPECT_EQ(registrar_.ContactOf("agent-ravi"), std::nullopt);
}

TEST_F(RegistrarTest, ExpiresZeroRemovesTheBinding) {
  ASSERT_EQ(registrar_.Register(Signed("synthetic-pw")).status, 200);
  RegisterReply reply = registrar_.Register(Signed("synthetic-pw", kRavi, 0));
  EXPECT_EQ(reply.status, 200);
  EXPECT_EQ(reply.contact, "") << "nothing is bound any more";
  EXPECT_EQ(registrar_.ContactOf("agent-ravi"), std::nullopt);
}

TEST_F(RegistrarTest, ExpiresZeroForAnotherContactLeavesTheBinding) {
  ASSERT_EQ(registrar_.Register(Signed("synthetic-pw")).status, 200);
  EXPECT_EQ(registrar_.Register(Signed("synthetic-pw", "sip:old@10.0.0.9", 0)).status, 200);
  EXPECT_EQ(registrar_.ContactOf("agent-ravi"), kRavi);
}

TEST_F(RegistrarTest, StarWithExpiresZeroRemovesTheBinding) {
  ASSERT_EQ(registrar_.Register(Signed("synthetic-pw")).status, 200);
  EXPECT_EQ(registrar_.Register(Signed("synthetic-pw", "*", 3600)).status, 400);
  EXPECT_EQ(registrar_.ContactOf("agent-ravi"), kRavi);
  EXPECT_EQ(registrar_.Register(Signed("synthetic-pw", "*", 0)).status, 200);
  EXPECT_EQ(registrar_.ContactOf("agent-ravi"), std::nullopt);
}

TEST_F(RegistrarTest, NewRegistrationReplacesTheOld) {
  ASSERT_EQ(registrar_.Register(Signed("synthetic-pw")).status, 200);
  ASSERT_EQ(registrar_.Register(Signed("synthetic-pw", "sip:agent-ravi@10.0.0.7:5062")).status,
            200);
  EXPECT_EQ(registrar_.ContactOf("agent-ravi"), "sip:agent-ravi@10.0.0.7:5062");
}

TEST_F(RegistrarTest, ExpiryIsDefaultedCappedAndHasAFloor) {
  EXPECT_EQ(registrar_.Register(Signed("synthetic-pw")).contact,
            std::string("<") + kRavi + ">;expires=3600");
  EXPECT_EQ(registrar_.Register(Signed("synthetic-pw", kRavi, 86400)).contact,
            std::string("<") + kRavi + ">;expires=3600");
  RegisterReply brief = registrar_.Register(Signed("synthetic-pw", kRavi, 10));
  EXPECT_EQ(brief.status, 423);
  EXPECT_EQ(brief.min_expires, 60);
}

TEST_F(RegistrarTest, RegisterWithoutContactReportsTheBinding) {
  ASSERT_EQ(registrar_.Register(Signed("synthetic-pw", kRavi, 600)).status, 200);
  clock_.AdvanceBy(seconds(100));
  RegisterReply reply = registrar_.Register(Signed("synthetic-pw", ""));
  EXPECT_EQ(reply.status, 200);
  EXPECT_EQ(reply.contact, std::string("<") + kRavi + ">;expires=500");
}

TEST_F(RegistrarTest, BadRequestsAre400) {
  RegisterRequest no_user = Signed("synthetic-pw");
  no_user.aor_user.clear();
  EXPECT_EQ(registrar_.Register(no_user).status, 400);
  EXPECT_EQ(registrar_.Register(Signed("synthetic-pw", "tel:+919800000001")).status, 400);
  EXPECT_EQ(registrar_.Register(Signed("synthetic-pw", kRavi, -1)).status, 400);
  RegisterRequest incomplete = Signed("synthetic-pw");
  incomplete.credentials->response.clear();
  EXPECT_EQ(registrar_.Register(incomplete).status, 400);
  incomplete.credentials->username = "agent-nobody";
  EXPECT_EQ(registrar_.Register(incomplete).status, 400) << "the same answer for an unknown user";
  EXPECT_EQ(registrar_.ContactOf("agent-ravi"), std::nullopt);
}

TEST(SoftphoneUserOfTest, ReadsSipUserAndNothingElse) {
  EXPECT_EQ(SoftphoneUserOf("sip:agent-ravi"), "agent-ravi");
  EXPECT_EQ(SoftphoneUserOf("+919800000001"), std::nullopt);
  EXPECT_EQ(SoftphoneUserOf("sip:"), std::nullopt);
  EXPECT_EQ(SoftphoneUserOf("sip:agent-ravi@10.0.0.7"), std::nullopt);
  EXPECT_EQ(SoftphoneUserOf("sips:agent-ravi"), std::nullopt);
}

}  // namespace
}  // namespace telephony::sip
