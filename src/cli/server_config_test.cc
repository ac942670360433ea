#include "cli/server_config.h"

#include <gtest/gtest.h>

#include <fstream>

#include "fakes/temp_dir.h"

namespace cli {
namespace {

class ServerConfigTest : public ::testing::Test {
 protected:
  std::string Write(const std::string& text) {
    std::string path = dir_.File("serve.json");
    std::ofstream(path) << text;
    return path;
  }
  std::string ErrorOf(const std::string& text) {
    base::Result<ServerConfig> config = ReadServerConfig(Write(text));
    return config.ok() ? "(no error)" : config.status().message();
  }

  fakes::TempDir dir_;
};

TEST_F(ServerConfigTest, ReadsTrunksHelplinesAndMissedCallNumbers) {
  base::Result<ServerConfig> config = ReadServerConfig(Write(R"({
    "http": "127.0.0.1:9090",
    "sip": {
      "listen": "127.0.0.1:5070", "rtp_ports": "20000-20100",
      "trunks": [{ "name": "a", "address": "127.0.0.1:5080", "transport": "tcp",
                   "username": "u", "password": "p", "caller_id": "+911140000000",
                   "max_channels": 8 }],
      "helplines": [{ "number": "18001100101", "state": "DL" }],
      "missed_call_numbers": ["+917000000000"]
    }
  })"));
  ASSERT_TRUE(config.ok()) << config.status().message();
  EXPECT_EQ(config->http, "127.0.0.1:9090");
  EXPECT_EQ(config->sip.listen_port, 5070);
  EXPECT_EQ(config->sip.media.address, "127.0.0.1");
  EXPECT_EQ(config->sip.media.port_low, 20000);
  EXPECT_EQ(config->sip.media.port_high, 20100);
  ASSERT_EQ(config->sip.trunks.size(), 1u);
  EXPECT_EQ(config->sip.trunks[0].port, 5080);
  EXPECT_EQ(config->sip.trunks[0].transport, "tcp");
  EXPECT_EQ(config->sip.trunks[0].max_channels, 8);
  EXPECT_EQ(config->sip.helpline_dids.at("18001100101"), "DL");
  EXPECT_EQ(config->sip.missed_call_dids, std::vector<std::string>{"+917000000000"});
}

TEST_F(ServerConfigTest, ErrorsNameTheFileAndTheKey) {
  std::string path = dir_.File("serve.json");
  EXPECT_EQ(ErrorOf(R"({"sip": {"trunks": [{"name": "a", "caller_id": "1"}]}})"),
            path + ": sip.trunks[0].address: required key is missing");
  EXPECT_EQ(ErrorOf(R"({"sip": {"trunks": [{"name": "a", "address": "h:1", "caller_id": "1",
                                           "transport": "sctp"}]}})"),
            path + ": sip.trunks[0].transport: 'sctp' is not udp or tcp");
  EXPECT_EQ(ErrorOf(R"({"sip": {"rtp_ports": "10001-10100"}})"),
            path +
                ": sip.rtp_ports low port 10001 must be even (RTP takes even ports, RTCP the "
                "odd one above)");
  EXPECT_EQ(ErrorOf(R"({"sip": {"helplines": [{"number": "1", "state": "DL"}],
                                "missed_call_numbers": ["1"]}})"),
            path + ": sip.missed_call_numbers[0]: 1 is also a helpline number");
  EXPECT_NE(ErrorOf(R"({"sip": {"lisen": "127.0.0.1:5060"}})").find("sip.lisen: unknown key"),
            std::string::npos);
  EXPECT_NE(ErrorOf("{ not json").find(path + ": line 1"), std::string::npos);
}

TEST_F(ServerConfigTest, MissedCallNumbersMayNameACallbackCampaign) {
  base::Result<ServerConfig> config = ReadServerConfig(Write(R"({
    "sip": {
      "missed_call_numbers": [
        "+917000000000",
        { "number": "+917000000001", "callback_campaign": "callback-bihar" },
        { "number": "+917000000002" }
      ]
    }
  })"));
  ASSERT_TRUE(config.ok()) << config.status().message();
  EXPECT_EQ(config->sip.missed_call_dids,
            (std::vector<std::string>{"+917000000000", "+917000000001", "+917000000002"}));
  EXPECT_EQ(config->callback_campaigns,
            (std::map<std::string, std::string>{{"+917000000001", "callback-bihar"}}));
}

TEST_F(ServerConfigTest, BadMissedCallNumbersAreNamed) {
  std::string path = dir_.File("serve.json");
  EXPECT_EQ(ErrorOf(R"({"sip": {"missed_call_numbers": [7000000000]}})"),
            path +
                ": sip.missed_call_numbers[0]: expected a number as a string, or an object "
                "{\"number\", \"callback_campaign\"}");
  EXPECT_EQ(ErrorOf(R"({"sip": {"missed_call_numbers": [{"callback_campaign": "c"}]}})"),
            path + ": sip.missed_call_numbers[0].number: required key is missing");
  EXPECT_NE(ErrorOf(R"({"sip": {"missed_call_numbers": [{"number": "1", "campaign": "c"}]}})")
                .find("sip.missed_call_numbers[0].campaign: unknown key"),
            std::string::npos);
  EXPECT_EQ(
      ErrorOf(R"({"sip": {"missed_call_numbers": [{"number": "1", "callback_campaign": ""}]}})"),
      path +
          ": sip.missed_call_numbers[0].callback_campaign: is empty; leave the key out for "
          "no call-back");
  EXPECT_EQ(ErrorOf(R"({"sip": {"missed_call_numbers": ["1", {"number": "1"}]}})"),
            path + ": sip.missed_call_numbers[1]: 1 is listed twice");
  EXPECT_EQ(ErrorOf(R"({"sip": {"missed_call_numbers": "1"}})"),
            path + ": sip.missed_call_numbers: expected an array");
}

TEST_F(ServerConfigTest, ReadsSoftphoneAccountsAndTheRealm) {
  // Synthetic agents and passwords.
  base::Result<ServerConfig> config = ReadServerConfig(Write(R"({
    "sip": {
      "realm": "jansampark.example",
      "accounts": [{ "user": "agent-ravi", "password": "synthetic-1" },
                   { "user": "agent.meena_2", "password": "synthetic-2" }]
    }
  })"));
  ASSERT_TRUE(config.ok()) << config.status().message();
  EXPECT_EQ(config->sip.realm, "jansampark.example");
  ASSERT_EQ(config->sip.accounts.size(), 2u);
  EXPECT_EQ(config->sip.accounts[0].user, "agent-ravi");
  EXPECT_EQ(config->sip.accounts[0].password, "synthetic-1");
  EXPECT_EQ(config->sip.accounts[1].user, "agent.meena_2");

  base::Result<ServerConfig> plain = ReadServerConfig(Write(R"({"sip": {}})"));
  ASSERT_TRUE(plain.ok()) << plain.status().message();
  EXPECT_TRUE(plain->sip.accounts.empty());
  EXPECT_EQ(plain->sip.realm, "") << "the listen host stands in";
}

TEST_F(ServerConfigTest, BadAccountsAreNamedWithoutTheirPasswords) {
  std::string path = dir_.File("serve.json");
  EXPECT_EQ(ErrorOf(R"({"sip": {"accounts": [{"password": "hunter2"}]}})"),
            path + ": sip.accounts[0].user: required key is missing");
  EXPECT_EQ(ErrorOf(R"({"sip": {"accounts": [{"user": "agent-ravi"}]}})"),
            path + ": sip.accounts[0].password: required key is missing");
  EXPECT_EQ(ErrorOf(R"({"sip": {"accounts": [{"user": "agent-ravi", "password": ""}]}})"),
            path + ": sip.accounts[0].password: is empty");
  EXPECT_EQ(ErrorOf(R"({"sip": {"accounts": [{"user": "ravi@home", "password": "hunter2"}]}})"),
            path +
                ": sip.accounts[0].user: 'ravi@home' must be letters, digits and - _ . ! ~ * ' ( "
                ") only");
  EXPECT_EQ(ErrorOf(R"({"sip": {"accounts": [{"user": "", "password": "hunter2"}]}})"),
            path + ": sip.accounts[0].user: '' must be letters, digits and - _ . ! ~ * ' ( ) only");
  EXPECT_EQ(ErrorOf(R"({"sip": {"accounts": [{"user": "a", "password": "hunter2"},
                                             {"user": "a", "password": "hunter3"}]}})"),
            path + ": sip.accounts[1].user: a is listed twice");
  std::string unknown_key =
      ErrorOf(R"({"sip": {"accounts": [{"user": "a", "password": "hunter2", "pin": "1"}]}})");
  EXPECT_NE(unknown_key.find("sip.accounts[0].pin: unknown key"), std::string::npos);
  EXPECT_EQ(ErrorOf(R"({"sip": {"accounts": {"user": "a"}}})"),
            path + ": sip.accounts: expected an array of objects");
  EXPECT_EQ(ErrorOf(R"({"sip": {"realm": "say \"hi\""}})"),
            path + ": sip.realm: must be printable ASCII without \" or \\, and not empty");
  EXPECT_EQ(ErrorOf(R"({"sip": {"realm": ""}})"),
            path + ": sip.realm: must be printable ASCII without \" or \\, and not empty");
  for (const std::string& error : {unknown_key, ErrorOf(R"({"sip": {"accounts": [
           {"user": "a b", "password": "hunter2"}]}})")}) {
    EXPECT_EQ(error.find("hunter2"), std::string::npos) << error;
  }
}

TEST_F(ServerConfigTest, MissingFileIsNamed) {
  base::Result<ServerConfig> config = ReadServerConfig(dir_.File("nope.json"));
  ASSERT_FALSE(config.ok());
  EXPECT_EQ(config.status().message(),
            "config file '" + dir_.File("nope.json") + "' cannot be read");
}

}  // namespace
}  // namespace cli
