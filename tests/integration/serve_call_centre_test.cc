// The helpline call centre as `jansampark serve` runs it: the real program, started as a child
// process on a database with the reference data, a SIPp carrier as the trunk that answers the
// agent's phone, SIPp callers on the helpline, RTP checked byte for byte at each far end, and
// the call records read back through the HTTP API. Everything on loopback, on free ports.

#include <fcntl.h>
#include <gtest/gtest.h>
#include <httplib.h>
#include <poll.h>
#include <spawn.h>
#include <sys/wait.h>

#include <csignal>
#include <fstream>
#include <memory>
#include <nlohmann/json.hpp>
#include <regex>
#include <sstream>
#include <string>
#include <vector>

#include "fakes/temp_dir.h"
#include "integration/rtp_ears.h"
#include "integration/sip_peers.h"
#include "integration/sipp_scenarios.h"

extern char** environ;

namespace {

using nlohmann::json;
using rtp_ears::HeardStream;
using rtp_ears::Listen;
using rtp_ears::TalkUntilHeard;
using sip_peers::Sipp;
using sip_peers::UdpPeer;

constexpr char kHelpline[] = "1800110001";  // Uttar Pradesh's line in these tests

std::string ReadAll(const std::string& path) {
  std::ifstream in(path);
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

// A child process with its output in a file; killed if still running when destroyed.
class Child {
 public:
  Child(std::vector<std::string> argv, std::string output) : output_(std::move(output)) {
    std::vector<char*> pointers;
    for (std::string& arg : argv) pointers.push_back(arg.data());
    pointers.push_back(nullptr);
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_addopen(&actions, 1, output_.c_str(), O_WRONLY | O_CREAT | O_TRUNC,
                                     0644);
    posix_spawn_file_actions_addopen(&actions, 2, (output_ + ".err").c_str(),
                                     O_WRONLY | O_CREAT | O_TRUNC, 0644);
    posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0);
    if (posix_spawn(&pid_, pointers[0], &actions, nullptr, pointers.data(), environ) != 0) {
      pid_ = -1;
    }
    posix_spawn_file_actions_destroy(&actions);
  }
  ~Child() {
    if (pid_ > 0) {
      kill(pid_, SIGKILL);
      waitpid(pid_, nullptr, 0);
    }
  }
  Child(const Child&) = delete;
  Child& operator=(const Child&) = delete;

  bool Running() const { return pid_ > 0 && waitpid(pid_, nullptr, WNOHANG) == 0; }
  void Signal(int signal) const {
    if (pid_ > 0) kill(pid_, signal);
  }
  // The exit status within `seconds`, or -1 (then killed).
  int Wait(int seconds) {
    if (pid_ <= 0) return -1;
    for (int waited_ms = 0; waited_ms <= seconds * 1000; waited_ms += 50) {
      int status = 0;
      if (waitpid(pid_, &status, WNOHANG) == pid_) {
        pid_ = -1;
        return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
      }
      poll(nullptr, 0, 50);
    }
    return -1;
  }
  std::string Output() const { return ReadAll(output_) + ReadAll(output_ + ".err"); }

 private:
  pid_t pid_ = -1;
  std::string output_;
};

// A prompt file of `frames` 20 ms frames of one byte value, so a far end can tell it apart.
void WriteTone(const std::string& path, std::uint8_t value, std::size_t frames) {
  std::ofstream out(path, std::ios::binary);
  std::string bytes(frames * 160, static_cast<char>(value));
  out << bytes;
}

std::vector<std::uint8_t> Tone(std::uint8_t value, std::size_t frames) {
  return std::vector<std::uint8_t>(frames * 160, value);
}

class ServeCallCentreTest : public ::testing::Test {
 protected:
  ServeCallCentreTest() {
    std::string dir = dir_.path().string();
    db_ = dir + "/serve.db";
    Child load({JANSAMPARK_BINARY, "data", "load", "--db", db_, "--data", JANSAMPARK_DATA_DIR},
               dir + "/load.out");
    EXPECT_EQ(load.Wait(60), 0) << load.Output();
    prompts_ = dir + "/prompts";
    std::filesystem::create_directories(prompts_);
    WriteTone(prompts_ + "/beep.ulaw", 0x7e, 2);
    WriteTone(prompts_ + "/please_hold_hi.ulaw", 0x3c, 10);
    WriteTone(prompts_ + "/thank_you_hi.ulaw", 0x5a, 10);
    WriteTone(prompts_ + "/abandon_hi.ulaw", 0x5b, 10);
  }

  // A carrier (SIPp) on a free port whose callee answers with media to `media` and stays.
  std::unique_ptr<Sipp> Carrier(UdpPeer& media) {
    carrier_port_ = sip_peers::FreePort();
    std::string scenario = sip_peers::WriteFile(
        dir_.path().string(), "carrier.xml", sipp_scenarios::CarrierAnswersAndStays(media.port()));
    auto carrier = std::make_unique<Sipp>(
        std::vector<std::string>{"-sf", scenario, "-p", std::to_string(carrier_port_), "-m", "1"},
        dir_.path().string());
    EXPECT_TRUE(sip_peers::WaitUntilBound(carrier_port_)) << carrier->Output();
    return carrier;
  }

  // Starts `jansampark serve` with one helpline (UP) and, when a carrier runs, its trunk;
  // returns once it serves HTTP.
  void StartServe() {
    sip_port_ = sip_peers::FreePort(true);
    json config = {{"sip",
                    {{"prompts", prompts_},
                     {"rtp_ports", "32000-32998"},
                     {"helplines", {{{"number", kHelpline}, {"state", "UP"}}}}}}};
    if (carrier_port_ != 0) {
      config["sip"]["trunks"] = {{{"name", "carrier"},
                                  {"address", "127.0.0.1:" + std::to_string(carrier_port_)},
                                  {"caller_id", "+911140000000"}}};
    }
    std::string config_path =
        sip_peers::WriteFile(dir_.path().string(), "serve.json", config.dump(2));
    serve_ = std::make_unique<Child>(
        std::vector<std::string>{JANSAMPARK_BINARY, "serve", "--config", config_path, "--db", db_,
                                 "--http", "127.0.0.1:0", "--sip",
                                 "127.0.0.1:" + std::to_string(sip_port_)},
        dir_.path().string() + "/serve.out");
    std::regex serving(R"(serving http://127\.0\.0\.1:(\d+)/)");
    ASSERT_TRUE(sip_peers::WaitUntil([&] {
      std::smatch found;
      std::string out = ReadAll(dir_.path().string() + "/serve.out");
      if (!std::regex_search(out, found, serving)) return !serve_->Running();
      http_port_ = std::stoi(found[1]);
      return true;
    })) << serve_->Output();
    ASSERT_NE(http_port_, 0) << "serve stopped: " << serve_->Output();
    http_ = std::make_unique<httplib::Client>("127.0.0.1", http_port_);
    http_->set_read_timeout(10, 0);
  }

  // Status and parsed body of one request.
  std::pair<int, json> Request(const std::string& method, const std::string& path,
                               const json& body = nullptr) {
    httplib::Result result =
        method == "GET" ? http_->Get(path)
                        : http_->Post(path, body.is_null() ? "" : body.dump(), "application/json");
    if (!result) return {0, nullptr};
    return {result->status, json::parse(result->body, nullptr, false)};
  }

  void AddAgent(const std::string& id) {
    json agent = {{"id", id},
                  {"name", "Synthetic Agent (made up)"},
                  {"languages", {"hi"}},
                  {"state", "UP"},
                  {"phone", "+919811100001"}};
    auto [status, body] = Request("POST", "/api/agents", agent);
    ASSERT_EQ(status, 201) << body.dump();
  }

  // A caller (SIPp) rings `number`, with their media at `media`, using `scenario`.
  std::unique_ptr<Sipp> Call(const std::string& number, const std::string& scenario,
                             const std::string& name) {
    std::string path = sip_peers::WriteFile(dir_.path().string(), name + ".xml", scenario);
    return std::make_unique<Sipp>(
        std::vector<std::string>{"-sf", path, "127.0.0.1:" + std::to_string(sip_port_), "-s",
                                 number, "-m", "1", "-p", std::to_string(sip_peers::FreePort())},
        dir_.path().string());
  }

  // The helpline call records, once there are `count` of them (newest first).
  json HelplineRecords(std::size_t count) {
    json calls;
    sip_peers::WaitUntil([&] {
      calls = Request("GET", "/api/calls?kind=helpline").second["calls"];
      return calls.is_array() && calls.size() >= count;
    });
    return calls;
  }

  // SIGTERM; serve must stop cleanly.
  void StopServe() {
    serve_->Signal(SIGTERM);
    EXPECT_EQ(serve_->Wait(30), 0) << serve_->Output();
    EXPECT_NE(serve_->Output().find("jansampark stopped"), std::string::npos) << serve_->Output();
  }

  fakes::TempDir dir_;
  std::string db_;
  std::string prompts_;
  int carrier_port_ = 0;
  int sip_port_ = 0;
  int http_port_ = 0;
  std::unique_ptr<Child> serve_;
  std::unique_ptr<httplib::Client> http_;
};

TEST_F(ServeCallCentreTest, HelplineCallerIsBridgedToTheReadyAgentAndTheCallIsRecorded) {
  UdpPeer agent_media;
  std::unique_ptr<Sipp> agent_phone = Carrier(agent_media);
  ASSERT_NO_FATAL_FAILURE(StartServe());
  ASSERT_NO_FATAL_FAILURE(AddAgent("a-up-01"));

  // Ready: the agent's phone is called through the trunk; they answer and hear the beep.
  auto [ready, ready_body] = Request("POST", "/api/agents/a-up-01/ready");
  ASSERT_EQ(ready, 202) << ready_body.dump();
  HeardStream agent_heard = Listen(agent_media, 320);
  EXPECT_EQ(agent_heard.payload, Tone(0x7e, 2)) << "the log-in beep";
  EXPECT_TRUE(sip_peers::WaitUntil([&] {
    return Request("GET", "/api/agents/a-up-01").second["live"]["phone"]["status"] == "connected";
  }));

  // A caller rings the UP helpline and is put through: the agent hears the beep, then each
  // hears the other.
  UdpPeer caller_media;
  std::unique_ptr<Sipp> caller =
      Call(kHelpline, sipp_scenarios::CallerHangsUpAfter(caller_media.port(), 8000), "caller");
  EXPECT_EQ(Listen(agent_media, 320).payload, Tone(0x7e, 2)) << "the beep as the caller comes in";
  HeardStream caller_hears = TalkUntilHeard(agent_media, agent_heard, 0x33, caller_media, 10);
  EXPECT_EQ(caller_hears.payload, std::vector<std::uint8_t>(1600, 0x33));
  HeardStream agent_hears = TalkUntilHeard(caller_media, caller_hears, 0x44, agent_media, 10);
  EXPECT_EQ(agent_hears.payload, std::vector<std::uint8_t>(1600, 0x44));

  json centre = Request("GET", "/api/callcentre").second;
  EXPECT_EQ(centre["calls_in_progress"], 1) << centre.dump();
  EXPECT_EQ(centre["states"][0]["state"], "S24") << centre.dump();
  EXPECT_EQ(centre["states"][0]["counts"]["talking"], 1) << centre.dump();
  EXPECT_EQ(centre["dialer"]["inbound_connected"], 1) << centre.dump();

  // The caller hangs up; the call's record names the agent and the state.
  EXPECT_EQ(caller->Wait(20), 0) << caller->Output();
  json calls = HelplineRecords(1);
  ASSERT_EQ(calls.size(), 1u) << calls.dump();
  const json& record = calls[0];
  EXPECT_EQ(record["agent_id"], "a-up-01");
  EXPECT_EQ(record["state"], "S24");
  EXPECT_EQ(record["language"], "hi") << "Uttar Pradesh's main language";
  EXPECT_EQ(record["to"], kHelpline);
  EXPECT_EQ(record["from"], "+919800000001");
  EXPECT_EQ(record["outcome"], "talked");
  EXPECT_FALSE(record["answered_at"].is_null());
  EXPECT_FALSE(record["connected_at"].is_null());
  EXPECT_FALSE(record["ended_at"].is_null());

  // Stopping with the agent's phone still connected hangs it up and exits cleanly.
  StopServe();
  EXPECT_EQ(agent_phone->Wait(20), 0) << agent_phone->Output();
}

TEST_F(ServeCallCentreTest, CallerWithNoAgentReadyHearsTheQueuePromptAndIsRecordedAbandoned) {
  ASSERT_NO_FATAL_FAILURE(StartServe());  // no trunk
  ASSERT_NO_FATAL_FAILURE(AddAgent("a-up-02"));
  auto [ready, ready_body] = Request("POST", "/api/agents/a-up-02/ready");
  EXPECT_EQ(ready, 503) << ready_body.dump();
  EXPECT_NE(ready_body.dump().find("sip.trunks"), std::string::npos) << ready_body.dump();

  UdpPeer caller_media;
  std::unique_ptr<Sipp> caller =
      Call(kHelpline, sipp_scenarios::CallerHangsUpAfter(caller_media.port(), 3000), "caller");
  EXPECT_EQ(Listen(caller_media, 1600).payload, Tone(0x3c, 10)) << "the queue prompt";
  EXPECT_EQ(caller->Wait(20), 0) << caller->Output();
  json calls = HelplineRecords(1);
  ASSERT_EQ(calls.size(), 1u) << calls.dump();
  EXPECT_EQ(calls[0]["outcome"], "abandoned");
  EXPECT_EQ(calls[0]["agent_id"], "");
  EXPECT_TRUE(calls[0]["connected_at"].is_null());
  EXPECT_FALSE(calls[0]["answered_at"].is_null());
  EXPECT_EQ(calls[0]["state"], "S24");

  // A number that is no helpline is refused (480) and not recorded.
  std::unique_ptr<Sipp> stray = Call("1800999999", sipp_scenarios::CallerRefusedWith(480), "stray");
  EXPECT_EQ(stray->Wait(20), 0) << stray->Output();

  // A caller still waiting when serve stops is hung up on, and serve exits cleanly.
  UdpPeer waiting_media;
  std::unique_ptr<Sipp> waiting =
      Call(kHelpline, sipp_scenarios::CallerHungUpOn(waiting_media.port()), "waiting");
  EXPECT_EQ(Listen(waiting_media, 1600).payload, Tone(0x3c, 10));
  StopServe();
  EXPECT_EQ(waiting->Wait(20), 0) << waiting->Output();
}

}  // namespace
