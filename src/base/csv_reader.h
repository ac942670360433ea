#pragma once

#include <cstddef>
#include <istream>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "base/result.h"

namespace base {

// One record of a CSV file: its fields and the line on which it starts (1-based).
struct CsvRecord {
  int line = 0;
  std::vector<std::string> fields;
};

// Reads RFC 4180 CSV (UTF-8, optional BOM, LF or CRLF, quoted fields with "" escapes and
// embedded newlines) one record at a time. The first record is the header. Every error names
// the source and the line: "pc.csv: line 12: expected 13 fields, found 12".
class CsvReader {
 public:
  // Opens a file and reads its header. Fails when the file cannot be read or is empty.
  static Result<CsvReader> OpenFile(const std::string& path);
  // Reads from text held in memory; `name` is used in error messages.
  static Result<CsvReader> FromString(std::string name, std::string text);

  const std::string& name() const { return name_; }
  const std::vector<std::string>& header() const { return header_; }

  // The index of a header column, or an error naming the file and the missing column.
  Result<std::size_t> ColumnIndex(std::string_view column) const;

  // Reads the next record into `record`. Returns false at the end of the input, an error for a
  // malformed record (unterminated quote, wrong number of fields). Blank lines are skipped.
  Result<bool> Next(CsvRecord& record);

 private:
  CsvReader(std::string name, std::unique_ptr<std::istream> input);
  Status ReadHeader();
  // Reads one raw record; returns false at the end.
  Result<bool> ReadFields(std::vector<std::string>& fields);

  std::string name_;
  std::unique_ptr<std::istream> input_;
  std::vector<std::string> header_;
  int line_ = 1;  // the line the reader is on
  int record_line_ = 0;
};

}  // namespace base
