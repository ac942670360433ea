#pragma once

#include <cstdint>
#include <initializer_list>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "base/csv_reader.h"
#include "base/result.h"

namespace refdata {

// One CSV file of the reference data folder, read record by record, whose header must hold a
// given list of columns (others are ignored). Fields are read by column name. Every error names
// the file (not the whole path) and the line: "pc.csv: line 12: reservation 'X' is not ...".
class CsvTable {
 public:
  // Opens `dir`/`file_name` and checks that its header has every one of `columns`. Fails with
  // kNotFound naming the path when the file cannot be read, with kInvalidArgument
  // ("pc.csv: line 1: missing column 'pc_no'") when a column is missing.
  static base::Result<CsvTable> Open(const std::string& dir, std::string_view file_name,
                                     std::initializer_list<std::string_view> columns);

  const std::string& Name() const { return reader_.name(); }
  // The line on which the current record starts.
  int Line() const { return record_.line; }

  // Moves to the next record. Returns false at the end of the file.
  base::Result<bool> Next();

  // The current record's field in `column`, which must be one of the columns given to Open().
  const std::string& Field(std::string_view column) const;
  // Moves the field out of the record, leaving it empty; for the last use of a field.
  std::string Take(std::string_view column);

  // The field, failing when it is blank. `what` names it in the message ("party is blank").
  base::Result<std::string_view> Required(std::string_view column, std::string_view what) const;
  // The field as a whole number within [min, max]; `what` names it in the message
  // ("votes '12a' is not a whole number"). A blank field is 0 when `blank_is_zero`.
  base::Result<std::int64_t> Number(std::string_view column, std::string_view what,
                                    std::int64_t min, std::int64_t max,
                                    bool blank_is_zero = false) const;
  // The field as "0" or "1".
  base::Result<bool> Flag(std::string_view column, std::string_view what) const;

  // A kInvalidArgument naming the file and the current line: "<file>: line <n>: <message>".
  base::Status Error(std::string_view message) const;

 private:
  CsvTable(base::CsvReader reader, std::vector<std::pair<std::string, std::size_t>> columns);
  std::size_t IndexOf(std::string_view column) const;

  base::CsvReader reader_;
  // The required columns and their indexes in the header.
  std::vector<std::pair<std::string, std::size_t>> columns_;
  base::CsvRecord record_;
};

}  // namespace refdata
