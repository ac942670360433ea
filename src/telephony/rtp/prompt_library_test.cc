#include "telephony/rtp/prompt_library.h"

#include <gtest/gtest.h>

#include <memory>

namespace telephony::rtp {
namespace {

PromptRef Tone(std::uint8_t byte) {
  auto prompt = std::make_shared<Prompt>();
  prompt->pcmu.assign(160, byte);
  prompt->pcma.assign(160, byte);
  return prompt;
}

class PromptLibraryTest : public ::testing::Test {
 protected:
  PromptLibraryTest() {
    library_.Add("abandon_hi", hindi_);
    library_.Add("abandon_en", english_);
    library_.Add("thank_you_en", thanks_);
    library_.Add("beep", beep_);
  }

  PromptLibrary library_;
  PromptRef hindi_ = Tone(1);
  PromptRef english_ = Tone(2);
  PromptRef thanks_ = Tone(3);
  PromptRef beep_ = Tone(4);
};

TEST_F(PromptLibraryTest, ThePromptNamedWins) {
  EXPECT_EQ(library_.Find("abandon_en"), english_);
  EXPECT_EQ(library_.Find("abandon_hi"), hindi_);
  EXPECT_EQ(library_.Find("beep"), beep_);
}

TEST_F(PromptLibraryTest, ALanguageWithoutItsOwnPromptHearsTheFirstFallbackThatHasOne) {
  EXPECT_EQ(library_.Find("abandon_bn"), hindi_);
  EXPECT_EQ(library_.Find("abandon_mni"), hindi_) << "three-letter codes too";
  EXPECT_EQ(library_.Find("thank_you_ta"), thanks_) << "no Hindi one: English";
  EXPECT_EQ(library_.Find("abandon"), hindi_) << "a name without a language";
  EXPECT_EQ(library_.Find("thank_you"), thanks_) << "whose last word looks like a language";
}

TEST_F(PromptLibraryTest, APromptMadeWithoutALanguageServesEveryLanguageLast) {
  library_.Add("goodbye", Tone(5));
  EXPECT_EQ(library_.Find("goodbye_ta"), library_.Find("goodbye"));
  library_.Add("goodbye_en", Tone(6));
  EXPECT_EQ(library_.Find("goodbye_ta"), library_.Find("goodbye_en"));
}

TEST_F(PromptLibraryTest, UnknownPromptsAreNotFound) {
  EXPECT_EQ(library_.Find("welcome_hi"), nullptr);
  EXPECT_EQ(library_.Find("abandon_HI"), nullptr) << "not a language code";
  EXPECT_EQ(library_.Find(""), nullptr);
}

}  // namespace
}  // namespace telephony::rtp
