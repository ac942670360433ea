// The API over a real socket on loopback, port chosen by the kernel.
#include "api/http_server.h"

#include <gtest/gtest.h>
#include <httplib.h>

#include <nlohmann/json.hpp>
#include <thread>

#include "api/campaign_json.h"
#include "api/campaign_prompts.h"
#include "base/manual_clock.h"
#include "integration/loaded_database.h"

namespace integration {
namespace {

TEST(HttpServerTest, ServesHealthAndSeatAnalysisOnLoopback) {
  base::ManualClock clock;
  api::HttpServer server(LoadedDatabase(), clock);
  base::Result<int> port = server.Bind("127.0.0.1", 0);
  ASSERT_TRUE(port.ok()) << port.status().ToString();
  std::thread serving([&] { EXPECT_TRUE(server.Serve().ok()); });

  httplib::Client client("127.0.0.1", *port);
  client.set_connection_timeout(5);
  client.set_read_timeout(10);
  httplib::Result health = client.Get("/health");
  for (int tries = 0; !health && tries < 50; ++tries) health = client.Get("/health");
  ASSERT_TRUE(health) << "no answer from the server";
  EXPECT_EQ(health->status, 200);
  nlohmann::json body = nlohmann::json::parse(health->body);
  EXPECT_EQ(body["seats"], 543);

  httplib::Result weak = client.Get("/api/seats/weak?party=BJP&top=3&baseline=ls2014");
  ASSERT_TRUE(weak);
  EXPECT_EQ(weak->status, 200);
  EXPECT_EQ(weak->get_header_value("Content-Type"), "application/json");
  EXPECT_EQ(nlohmann::json::parse(weak->body)["seats"].size(), 3u);

  httplib::Result bad = client.Get("/api/seats/weak?party=NOPE");
  ASSERT_TRUE(bad);
  EXPECT_EQ(bad->status, 400);
  EXPECT_EQ(nlohmann::json::parse(bad->body)["error"]["code"], "invalid_argument");

  server.Stop();
  serving.join();
}

// A campaign file as the body of a POST, and a body over the limit.
TEST(HttpServerTest, StoresAPostedCampaignAndRefusesAnOversizedBody) {
  base::Result<std::unique_ptr<store::Database>> db = store::OpenDatabase(":memory:");
  ASSERT_TRUE(db.ok()) << db.status().ToString();
  base::ManualClock clock;
  api::HttpServer server(**db, clock);
  base::Result<int> port = server.Bind("127.0.0.1", 0);
  ASSERT_TRUE(port.ok()) << port.status().ToString();
  std::thread serving([&] { EXPECT_TRUE(server.Serve().ok()); });

  httplib::Client client("127.0.0.1", *port);
  client.set_connection_timeout(5);
  client.set_read_timeout(10);
  // Synthetic campaign.
  nlohmann::json campaign = {
      {"id", "http-test"},
      {"name", "HTTP test"},
      {"kind", "inbound"},
      {"languages", {"en"}},
      {"dispositions", {{{"code", "dnc"}, {"label", "Do not call"}, {"effect", "do_not_call"}}}}};
  httplib::Result created = client.Post("/api/campaigns", campaign.dump(), "application/json");
  for (int tries = 0; !created && tries < 50; ++tries) {
    created = client.Post("/api/campaigns", campaign.dump(), "application/json");
  }
  ASSERT_TRUE(created) << "no answer from the server";
  EXPECT_EQ(created->status, 201) << created->body;
  EXPECT_EQ(nlohmann::json::parse(created->body)["id"], "http-test");
  EXPECT_EQ((*db)->campaigns().GetCampaign("http-test")->created_at, clock.Now());

  httplib::Result conflict = client.Post("/api/campaigns", campaign.dump(), "application/json");
  ASSERT_TRUE(conflict);
  EXPECT_EQ(conflict->status, 409);

  // What `curl --data @file.json` sends: the JSON labelled as a form. It is still the body.
  campaign["id"] = "sent-as-form";
  httplib::Result as_form =
      client.Post("/api/campaigns", campaign.dump(), "application/x-www-form-urlencoded");
  ASSERT_TRUE(as_form);
  EXPECT_EQ(as_form->status, 201) << as_form->body;

  std::string huge(api::kMaxCampaignJsonBytes + 1, ' ');
  httplib::Result oversized = client.Post("/api/campaigns", huge, "application/json");
  ASSERT_TRUE(oversized);
  EXPECT_EQ(oversized->status, 413);
  EXPECT_EQ(nlohmann::json::parse(oversized->body)["error"]["code"], "invalid_argument");

  // A recorded prompt is binary and may be near 1 MiB: 100 s of µ-law (800,000 bytes), then
  // 1.5 MiB, which is over 2 minutes.
  std::string ulaw(800'000, '\x7f');
  ulaw[10] = '\0';
  httplib::Result prompt =
      client.Post("/api/campaigns/http-test/prompts/invite", ulaw, "application/octet-stream");
  ASSERT_TRUE(prompt);
  EXPECT_EQ(prompt->status, 201) << prompt->body;
  EXPECT_EQ((*db)->campaign_prompts().ListCampaignPrompts("http-test")->at(0).ulaw,
            std::vector<std::uint8_t>(ulaw.begin(), ulaw.end()));
  httplib::Result long_prompt =
      client.Post("/api/campaigns/http-test/prompts/long", std::string(1'500'000, '\x7f'),
                  "application/octet-stream");
  ASSERT_TRUE(long_prompt);
  EXPECT_EQ(long_prompt->status, 400) << long_prompt->body;
  EXPECT_NE(long_prompt->body.find("at most 2 minutes"), std::string::npos) << long_prompt->body;
  httplib::Result too_big =
      client.Post("/api/campaigns/http-test/prompts/big",
                  std::string(api::kMaxPromptUploadBytes + 1, '\x7f'), "application/octet-stream");
  ASSERT_TRUE(too_big);
  EXPECT_EQ(too_big->status, 413);
  // The HTTP library takes at most 8 KiB labelled as a form (what curl sends without a
  // Content-Type); the refusal says what to send instead.
  httplib::Result as_form_prompt = client.Post("/api/campaigns/http-test/prompts/form", ulaw,
                                               "application/x-www-form-urlencoded");
  ASSERT_TRUE(as_form_prompt);
  EXPECT_EQ(as_form_prompt->status, 413);
  EXPECT_NE(as_form_prompt->body.find("Content-Type: application/octet-stream"), std::string::npos)
      << as_form_prompt->body;

  server.Stop();
  serving.join();
}

}  // namespace
}  // namespace integration
