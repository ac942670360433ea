#include "base/csv_reader.h"

#include <gtest/gtest.h>

namespace base {
namespace {

std::vector<CsvRecord> ReadAll(CsvReader& reader) {
  std::vector<CsvRecord> records;
  CsvRecord record;
  while (true) {
    Result<bool> more = reader.Next(record);
    EXPECT_TRUE(more.ok()) << more.status().ToString();
    if (!more.ok() || !*more) break;
    records.push_back(record);
  }
  return records;
}

TEST(CsvReaderTest, ReadsHeaderAndRecordsWithLineNumbers) {
  auto reader = CsvReader::FromString("t.csv", "a,b\n1,2\n\n3,4\n");
  ASSERT_TRUE(reader.ok());
  EXPECT_EQ(reader->header(), (std::vector<std::string>{"a", "b"}));
  std::vector<CsvRecord> records = ReadAll(*reader);
  ASSERT_EQ(records.size(), 2u);
  EXPECT_EQ(records[0].line, 2);
  EXPECT_EQ(records[1].line, 4);
  EXPECT_EQ(records[1].fields, (std::vector<std::string>{"3", "4"}));
}

TEST(CsvReaderTest, HandlesQuotesEscapesNewlinesCrlfAndBom) {
  auto reader = CsvReader::FromString(
      "t.csv", "\xEF\xBB\xBFname,note\r\n\"Doe, J\",\"say \"\"hi\"\"\nok\"\r\nx,\r\n");
  ASSERT_TRUE(reader.ok());
  EXPECT_EQ(reader->header()[0], "name");
  std::vector<CsvRecord> records = ReadAll(*reader);
  ASSERT_EQ(records.size(), 2u);
  EXPECT_EQ(records[0].fields[0], "Doe, J");
  EXPECT_EQ(records[0].fields[1], "say \"hi\"\nok");
  EXPECT_EQ(records[1].line, 4);
  EXPECT_EQ(records[1].fields[1], "");
}

TEST(CsvReaderTest, WrongFieldCountNamesFileAndLine) {
  auto reader = CsvReader::FromString("pc.csv", "a,b\n1,2\n3\n");
  ASSERT_TRUE(reader.ok());
  CsvRecord record;
  ASSERT_TRUE(reader->Next(record).ok());
  Result<bool> bad = reader->Next(record);
  ASSERT_FALSE(bad.ok());
  EXPECT_EQ(bad.status().message(), "pc.csv: line 3: expected 2 fields, found 1");
}

TEST(CsvReaderTest, UnterminatedQuoteIsAnError) {
  auto reader = CsvReader::FromString("t.csv", "a\n\"open\n");
  ASSERT_TRUE(reader.ok());
  CsvRecord record;
  Result<bool> bad = reader->Next(record);
  ASSERT_FALSE(bad.ok());
  EXPECT_NE(bad.status().message().find("line 2"), std::string::npos);
}

TEST(CsvReaderTest, TextAfterClosingQuoteIsAnError) {
  auto reader = CsvReader::FromString("t.csv", "a,b\n\"x\"y,2\n");
  ASSERT_TRUE(reader.ok());
  CsvRecord record;
  EXPECT_FALSE(reader->Next(record).ok());
}

TEST(CsvReaderTest, EmptyInputHasNoHeader) {
  auto reader = CsvReader::FromString("t.csv", "");
  ASSERT_FALSE(reader.ok());
  EXPECT_NE(reader.status().message().find("empty"), std::string::npos);
}

TEST(CsvReaderTest, MissingFileIsNotFound) {
  auto reader = CsvReader::OpenFile("/nonexistent/file.csv");
  ASSERT_FALSE(reader.ok());
  EXPECT_EQ(reader.status().code(), StatusCode::kNotFound);
}

TEST(CsvReaderTest, ColumnIndexNamesMissingColumn) {
  auto reader = CsvReader::FromString("t.csv", "a,b\n");
  ASSERT_TRUE(reader.ok());
  EXPECT_EQ(*reader->ColumnIndex("b"), 1u);
  EXPECT_EQ(reader->ColumnIndex("c").status().message(), "t.csv: line 1: no column named 'c'");
}

}  // namespace
}  // namespace base
