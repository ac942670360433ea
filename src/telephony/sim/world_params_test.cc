#include "telephony/sim/world_params.h"

#include <gtest/gtest.h>

namespace telephony::sim {
namespace {

TEST(WorldParamsTest, DefaultsAreValid) { EXPECT_TRUE(Validate(WorldParams()).ok()); }

TEST(WorldParamsTest, RatesAddingUpToMoreThanOneAreRefused) {
  WorldParams params;
  params.human_answer_rate = 0.9;
  base::Status status = Validate(params);
  EXPECT_EQ(status.code(), base::StatusCode::kInvalidArgument);
  EXPECT_NE(status.message().find("more than 1"), std::string::npos) << status.message();
}

TEST(WorldParamsTest, NamesTheBadField) {
  WorldParams params;
  params.busy_rate = -0.1;
  EXPECT_NE(Validate(params).message().find("busy_rate"), std::string::npos);
  params = WorldParams();
  params.prompt_length = base::Duration::zero();
  EXPECT_NE(Validate(params).message().find("prompt_length"), std::string::npos);
  params = WorldParams();
  params.talk_sigma = -1;
  EXPECT_NE(Validate(params).message().find("talk_sigma"), std::string::npos);
}

}  // namespace
}  // namespace telephony::sim
