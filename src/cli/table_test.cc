#include "cli/table.h"

#include <gtest/gtest.h>

#include <sstream>

namespace cli {
namespace {

// Width is counted in code points, not bytes: the Devanagari name is 5 code points, 15 bytes.
TEST(TableTest, AlignsColumnsByCodePoints) {
  Table table({{"name"}, {"n", Align::kRight}});
  table.AddRow({"अराकु", "7"});
  table.AddRow({"Araku", "12"});
  std::ostringstream out;
  table.PrintText(out);
  EXPECT_EQ(out.str(), "name    n\nअराकु   7\nAraku  12\n");
}

TEST(TableTest, CsvQuotesOnlyWhatNeedsIt) {
  Table table({{"a"}, {"b"}});
  table.AddRow({"x, y", "say \"hi\""});
  table.AddRow({"plain", ""});
  std::ostringstream out;
  table.PrintCsv(out);
  EXPECT_EQ(out.str(), "a,b\n\"x, y\",\"say \"\"hi\"\"\"\nplain,\n");
}

}  // namespace
}  // namespace cli
