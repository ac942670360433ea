// `jansampark dnd load|check` end to end, in process, on a file database. Numbers synthetic.
#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

#include "cli/command.h"
#include "fakes/temp_dir.h"

namespace integration {
namespace {

struct CliRun {
  int status = 0;
  std::string out;
  std::string err;
};

class DndCliTest : public ::testing::Test {
 protected:
  void SetUp() override {
    ASSERT_EQ(Cli({"data", "load", "--data", JANSAMPARK_TEST_DATA_DIR}).status, 0);
  }

  CliRun Cli(std::vector<std::string> args) {
    args.insert(args.end(), {"--db", db_});
    std::ostringstream out;
    std::ostringstream err;
    cli::Io io{out, err, [](const std::string&) { return std::string(); }};
    int status = cli::RunCli(args, io);
    return {status, out.str(), err.str()};
  }
  std::string Write(const std::string& name, const std::string& text) {
    std::string path = dir_.File(name);
    std::ofstream(path) << text;
    return path;
  }

  fakes::TempDir dir_;
  std::string db_ = dir_.File("dnd.db");
};

TEST_F(DndCliTest, ALoadedRegistryAnswersForEveryFormOfANumber) {
  std::string path = Write("dnd.txt", "9876543210\n+919000000001\n\n01123456789\n9876543210\n");
  CliRun loaded = Cli({"dnd", "load", path});
  ASSERT_EQ(loaded.status, 0) << loaded.err;
  EXPECT_NE(loaded.out.find("loaded 3 DND number(s) from " + path), std::string::npos)
      << loaded.out;

  for (const char* form : {"9876543210", "+919876543210", "09876543210", "1123456789"}) {
    CliRun check = Cli({"dnd", "check", form});
    ASSERT_EQ(check.status, 0) << check.err;
    EXPECT_NE(check.out.find(" is on the DND registry (" + path + ", 3 numbers"), std::string::npos)
        << form << ": " << check.out;
  }
  CliRun free = Cli({"dnd", "check", "9876543211"});
  ASSERT_EQ(free.status, 0) << free.err;
  EXPECT_NE(free.out.find("+919876543211 is not on the DND registry"), std::string::npos)
      << free.out;
}

TEST_F(DndCliTest, ABadLineLoadsNothingAndTheRegistryBeforeStays) {
  ASSERT_EQ(Cli({"dnd", "load", Write("first.txt", "9876543210\n")}).status, 0);
  std::string bad = Write("bad.txt", "9000000001\n9000000002\n98765\n");
  CliRun load = Cli({"dnd", "load", bad});
  EXPECT_EQ(load.status, 2);
  EXPECT_NE(load.err.find(bad + ":3: '98765' is not a 10-digit Indian number"), std::string::npos)
      << load.err;
  CliRun still = Cli({"dnd", "check", "9876543210"});
  EXPECT_NE(still.out.find(" is on the DND registry (" + dir_.File("first.txt")), std::string::npos)
      << still.out;
  CliRun never = Cli({"dnd", "check", "9000000001"});
  EXPECT_NE(never.out.find(" is not on"), std::string::npos) << never.out;
}

TEST_F(DndCliTest, MistakesAreNamed) {
  CliRun none = Cli({"dnd", "check", "9876543210"});
  EXPECT_EQ(none.status, 1);
  EXPECT_NE(none.err.find("no DND registry is loaded"), std::string::npos) << none.err;

  CliRun missing = Cli({"dnd", "load", dir_.File("nowhere.txt")});
  EXPECT_EQ(missing.status, 2);
  EXPECT_NE(missing.err.find("nowhere.txt' does not exist"), std::string::npos) << missing.err;

  CliRun bad_number = Cli({"dnd", "check", "98-76"});
  EXPECT_EQ(bad_number.status, 2);
  EXPECT_NE(bad_number.err.find("'98-76' is not a phone number"), std::string::npos)
      << bad_number.err;
}

}  // namespace
}  // namespace integration
