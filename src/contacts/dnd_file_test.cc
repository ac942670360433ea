#include "contacts/dnd_file.h"

#include <gtest/gtest.h>

#include <sstream>

namespace contacts {
namespace {

constexpr std::uint64_t kNumber = 919876543210ULL;  // synthetic

TEST(ParseRegistryNumberTest, TakesTheIndianFormsOfOneNumber) {
  for (const char* form : {"9876543210", "09876543210", "919876543210", "+919876543210",
                           "  9876543210\r", "\t+919876543210 "}) {
    auto number = ParseRegistryNumber(form);
    ASSERT_TRUE(number.ok()) << form << ": " << number.status().message();
    EXPECT_EQ(*number, kNumber) << form;
  }
}

TEST(ParseRegistryNumberTest, TakesLandlinesAndOtherCountriesInE164) {
  EXPECT_EQ(*ParseRegistryNumber("1123456789"), 911123456789ULL);  // a Delhi landline
  EXPECT_EQ(*ParseRegistryNumber("+442079460000"), 442079460000ULL);
  EXPECT_EQ(*ParseRegistryNumber("9198765432"), 919198765432ULL) << "a mobile starting 91";
}

TEST(ParseRegistryNumberTest, RefusesWhatIsNotANumberSayingWhat) {
  for (const char* bad :
       {"", "   ", "98765", "98765432101", "0123456789", "+91987654321", "+0123456789", "+1234567",
        "+1234567890123456", "98765 43210", "phone", "9876543210x", "+", "++919876543210"}) {
    auto number = ParseRegistryNumber(bad);
    EXPECT_FALSE(number.ok()) << "'" << bad << "' was taken";
    if (!number.ok()) {
      EXPECT_NE(number.status().message().find('\''), std::string::npos);
    }
  }
}

TEST(ReadDndRegistryTest, ReadsEveryLineSkippingBlankOnesAndRepeats) {
  std::istringstream in("9876543210\n\n+919876543211\n09876543210\n1123456789\n");
  auto set = ReadDndRegistry(in, "dnd.txt");
  ASSERT_TRUE(set.ok()) << set.status().message();
  EXPECT_EQ(set->size(), 3u);
  EXPECT_TRUE(set->Contains(kNumber));
  EXPECT_TRUE(set->Contains(kNumber + 1));
  EXPECT_TRUE(set->Contains(911123456789ULL));
  EXPECT_FALSE(set->Contains(kNumber + 2));
}

TEST(ReadDndRegistryTest, ABadLineFailsTheWholeReadNamingFileAndLine) {
  std::istringstream in("9876543210\nnumber\n9876543211\n");
  auto set = ReadDndRegistry(in, "dnd.txt");
  ASSERT_FALSE(set.ok());
  EXPECT_EQ(set.status().message(), "dnd.txt:2: 'number' is not a phone number");
}

}  // namespace
}  // namespace contacts
