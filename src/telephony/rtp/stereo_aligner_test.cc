#include "telephony/rtp/stereo_aligner.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <vector>

namespace telephony::rtp {
namespace {

using ::testing::ElementsAre;
using ::testing::IsEmpty;

TEST(StereoAlignerTest, PairsTheSidesSampleBySample) {
  StereoAligner aligner(10);
  EXPECT_THAT(aligner.Push(0, std::vector<std::int16_t>{1, 2, 3}), IsEmpty());
  EXPECT_THAT(aligner.Push(1, std::vector<std::int16_t>{-1, -2}), ElementsAre(1, -1, 2, -2));
  EXPECT_THAT(aligner.Push(1, std::vector<std::int16_t>{-3, -4}), ElementsAre(3, -3));
  EXPECT_THAT(aligner.Flush(), ElementsAre(0, -4));
  EXPECT_THAT(aligner.Flush(), IsEmpty());
}

TEST(StereoAlignerTest, FillsASilentSideOnceTheOtherIsTooFarAhead) {
  StereoAligner aligner(2);
  EXPECT_THAT(aligner.Push(0, std::vector<std::int16_t>{1, 2}), IsEmpty());
  EXPECT_THAT(aligner.Push(0, std::vector<std::int16_t>{3}), ElementsAre(1, 0, 2, 0, 3, 0));
  // The right side speaks again: it goes on from where the fill left it.
  EXPECT_THAT(aligner.Push(1, std::vector<std::int16_t>{9}), IsEmpty());
  EXPECT_THAT(aligner.Push(0, std::vector<std::int16_t>{4}), ElementsAre(4, 9));
}

TEST(StereoAlignerTest, FlushFillsTheShorterSide) {
  StereoAligner aligner;
  EXPECT_THAT(aligner.Push(1, std::vector<std::int16_t>{5, 6}), IsEmpty());
  EXPECT_THAT(aligner.Flush(), ElementsAre(0, 5, 0, 6));
}

}  // namespace
}  // namespace telephony::rtp
