// The /api/dnd routes over an in-memory database holding a small synthetic registry.
#include "api/dnd_routes.h"

#include <gtest/gtest.h>

#include "contacts/dnd_registry.h"
#include "fakes/in_memory_database.h"

namespace api {
namespace {

using nlohmann::json;

class DndRoutesTest : public ::testing::Test {
 protected:
  ApiResponse Send(const std::string& method, const std::string& path) {
    ApiRequest request;
    request.method = method;
    request.path = path;
    request.received_at = base::TimePoint(std::chrono::seconds(1'767'225'600));
    return HandleRequest(db_, request);
  }
  void LoadRegistry() {
    ASSERT_TRUE(contacts::SaveDndRegistry(
                    db_.dnd_registry(),
                    contacts::NumberSet::FromUnsorted({919876543210ULL, 919000000001ULL}),
                    "dnd.txt", base::TimePoint(std::chrono::seconds(1'767'225'600)))
                    .ok());
  }
  static std::string Message(const ApiResponse& response) {
    return json::parse(response.body)["error"]["message"].get<std::string>();
  }

  fakes::InMemoryDatabase db_;
};

TEST_F(DndRoutesTest, StatusSaysWhetherAndWhatIsLoaded) {
  ApiResponse none = Send("GET", "/api/dnd");
  ASSERT_EQ(none.status, 200) << none.body;
  EXPECT_EQ(json::parse(none.body), (json{{"loaded", false}}));
  LoadRegistry();
  ApiResponse loaded = Send("GET", "/api/dnd/");
  ASSERT_EQ(loaded.status, 200) << loaded.body;
  EXPECT_EQ(json::parse(loaded.body), (json{{"loaded", true},
                                            {"source", "dnd.txt"},
                                            {"loaded_at", "2026-01-01T00:00:00Z"},
                                            {"numbers", 2}}));
}

TEST_F(DndRoutesTest, ANumberInAnyFormIsCheckedAsE164) {
  LoadRegistry();
  for (const char* form : {"9876543210", "+919876543210", "09876543210"}) {
    ApiResponse check = Send("GET", std::string("/api/dnd/") + form);
    ASSERT_EQ(check.status, 200) << form << ": " << check.body;
    json body = json::parse(check.body);
    EXPECT_EQ(body["number"], "+919876543210") << form;
    EXPECT_EQ(body["on_registry"], true) << form;
    EXPECT_EQ(body["source"], "dnd.txt");
  }
  ApiResponse free = Send("GET", "/api/dnd/9876543211");
  ASSERT_EQ(free.status, 200) << free.body;
  EXPECT_EQ(json::parse(free.body)["on_registry"], false);
}

TEST_F(DndRoutesTest, MistakesGetTheirStatusAndSayWhy) {
  ApiResponse unloaded = Send("GET", "/api/dnd/9876543210");
  EXPECT_EQ(unloaded.status, 404);
  EXPECT_NE(Message(unloaded).find("no DND registry is loaded"), std::string::npos);
  LoadRegistry();
  ApiResponse bad = Send("GET", "/api/dnd/98765");
  EXPECT_EQ(bad.status, 400);
  EXPECT_EQ(Message(bad), "number: '98765' is not a 10-digit Indian number (nor E.164 with +)");
  EXPECT_EQ(Send("POST", "/api/dnd/9876543210").status, 405);
  EXPECT_EQ(Send("GET", "/api/dnd/9876543210/x").status, 404);
}

}  // namespace
}  // namespace api
