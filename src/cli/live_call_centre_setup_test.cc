// serve's call-centre settings from its config file and the reference data: helplines' states
// and languages resolved, flow files read and checked, errors naming the line and the file.
#include "cli/live_call_centre_setup.h"

#include <gtest/gtest.h>

#include <fstream>

#include "fakes/country_builder.h"
#include "fakes/in_memory_database.h"
#include "fakes/temp_dir.h"

namespace cli {
namespace {

class LiveCallCentreSetupTest : public ::testing::Test {
 protected:
  LiveCallCentreSetupTest() : db_(fakes::CountryBuilder().Build()) {}  // Testland: S01, TL, hi

  base::Result<callcenter::LiveCallCentreSettings> Settings(const std::string& helplines) {
    std::string path = dir_.File("serve.json");
    std::ofstream(path) << R"({"sip": {"helplines": )" << helplines << "}}";
    base::Result<ServerConfig> config = ReadServerConfig(path);
    if (!config.ok()) return config.status();
    return LiveSettingsOf(*config, db_);
  }
  std::string Flow(const std::string& text) {
    std::string path = dir_.File("flow.json");
    std::ofstream(path) << text;
    return path;
  }

  fakes::TempDir dir_;
  fakes::InMemoryDatabase db_;
};

TEST_F(LiveCallCentreSetupTest, ALineTakesItsStatesCodeAndMainLanguageUnlessGivenOne) {
  auto settings = Settings(R"([{"number": "1800", "state": "TL"},
                               {"number": "1801", "state": "S01", "language": "en"}])");
  ASSERT_TRUE(settings.ok()) << settings.status().message();
  ASSERT_EQ(settings->helplines.size(), 2u);
  EXPECT_EQ(settings->helplines[0].state, "S01");
  EXPECT_EQ(settings->helplines[0].language, "hi");
  EXPECT_EQ(settings->helplines[1].language, "en");
  EXPECT_EQ(settings->helplines[1].flow, nullptr);
  EXPECT_FALSE(settings->can_call_agents) << "no trunk";
}

TEST_F(LiveCallCentreSetupTest, AFlowFileIsReadAndCheckedAtStart) {
  std::string good = Flow(R"({"start": "q", "steps": {"q": {"queue": "helpline"}}})");
  auto settings = Settings(R"([{"number": "1800", "state": "TL", "flow": ")" + good + R"("}])");
  ASSERT_TRUE(settings.ok()) << settings.status().message();
  EXPECT_NE(settings->helplines[0].flow, nullptr);

  std::string bad = Flow(R"({"start": "nowhere", "steps": {}})");
  settings = Settings(R"([{"number": "1800", "state": "TL", "flow": ")" + bad + R"("}])");
  ASSERT_FALSE(settings.ok());
  EXPECT_NE(settings.status().message().find("sip.helplines: 1800: IVR flow file '" + bad + "'"),
            std::string::npos)
      << settings.status().message();

  settings = Settings(R"([{"number": "1800", "state": "TL", "flow": "/no/such/flow.json"}])");
  ASSERT_FALSE(settings.ok());
  EXPECT_NE(settings.status().message().find("'/no/such/flow.json' cannot be read"),
            std::string::npos);
}

TEST_F(LiveCallCentreSetupTest, AnUnknownStateOrAnEmptyKeyIsNamed) {
  auto settings = Settings(R"([{"number": "1800", "state": "XX"}])");
  ASSERT_FALSE(settings.ok());
  EXPECT_NE(settings.status().message().find("sip.helplines: 1800: state 'XX'"), std::string::npos)
      << settings.status().message();
  settings = Settings(R"([{"number": "1800", "state": "TL", "language": ""}])");
  ASSERT_FALSE(settings.ok());
  EXPECT_NE(settings.status().message().find("sip.helplines[0].language: is empty"),
            std::string::npos)
      << settings.status().message();
}

}  // namespace
}  // namespace cli
