#include "refdata/csv_table.h"

#include <cassert>
#include <cstdint>
#include <filesystem>
#include <fstream>

#include "base/text.h"

namespace refdata {
namespace {

// Reads a whole file; the CSV reader then names the file, not the path, in its messages.
base::Result<std::string> ReadFile(const std::filesystem::path& path) {
  std::error_code error;
  if (!std::filesystem::is_regular_file(path, error)) {
    return base::NotFound(path.string() + ": no such file");
  }
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    return base::NotFound(path.string() + ": cannot open for reading");
  }
  std::uintmax_t size = std::filesystem::file_size(path, error);
  if (error) {
    return base::Unavailable(path.string() + ": " + error.message());
  }
  std::string text(size, '\0');
  in.read(text.data(), static_cast<std::streamsize>(size));
  if (static_cast<std::uintmax_t>(in.gcount()) != size) {
    return base::Unavailable(path.string() + ": read failed");
  }
  return text;
}

}  // namespace

CsvTable::CsvTable(base::CsvReader reader, std::vector<std::pair<std::string, std::size_t>> columns)
    : reader_(std::move(reader)), columns_(std::move(columns)) {}

base::Result<CsvTable> CsvTable::Open(const std::string& dir, std::string_view file_name,
                                      std::initializer_list<std::string_view> columns) {
  JS_ASSIGN_OR_RETURN(std::string text, ReadFile(std::filesystem::path(dir) / file_name));
  JS_ASSIGN_OR_RETURN(base::CsvReader reader,
                      base::CsvReader::FromString(std::string(file_name), std::move(text)));
  std::vector<std::pair<std::string, std::size_t>> indexes;
  indexes.reserve(columns.size());
  for (std::string_view column : columns) {
    base::Result<std::size_t> index = reader.ColumnIndex(column);
    if (!index.ok()) {
      return base::InvalidArgument(std::string(file_name) + ": line 1: missing column '" +
                                   std::string(column) + "'");
    }
    indexes.emplace_back(std::string(column), *index);
  }
  return CsvTable(std::move(reader), std::move(indexes));
}

base::Result<bool> CsvTable::Next() { return reader_.Next(record_); }

std::size_t CsvTable::IndexOf(std::string_view column) const {
  for (const auto& [name, index] : columns_) {
    if (name == column) {
      return index;
    }
  }
  assert(false && "a CsvTable field must be one of the columns given to Open()");
  return 0;
}

const std::string& CsvTable::Field(std::string_view column) const {
  return record_.fields[IndexOf(column)];
}

std::string CsvTable::Take(std::string_view column) {
  return std::move(record_.fields[IndexOf(column)]);
}

base::Result<std::string_view> CsvTable::Required(std::string_view column,
                                                  std::string_view what) const {
  const std::string& field = Field(column);
  if (base::Trim(field).empty()) {
    return Error(std::string(what) + " is blank");
  }
  return std::string_view(field);
}

base::Result<std::int64_t> CsvTable::Number(std::string_view column, std::string_view what,
                                            std::int64_t min, std::int64_t max,
                                            bool blank_is_zero) const {
  const std::string& field = Field(column);
  if (blank_is_zero && field.empty()) {
    return 0;
  }
  base::Result<std::int64_t> number = base::ParseInt(field, what);
  if (!number.ok()) {
    return Error(number.status().message());
  }
  if (*number < min) {
    return Error(std::string(what) + " " + field + " is less than " + std::to_string(min));
  }
  if (*number > max) {
    return Error(std::string(what) + " " + field + " is more than " + std::to_string(max));
  }
  return number;
}

base::Result<bool> CsvTable::Flag(std::string_view column, std::string_view what) const {
  const std::string& field = Field(column);
  if (field == "1") {
    return true;
  }
  if (field == "0") {
    return false;
  }
  return Error(std::string(what) + " '" + field + "' is not 0 or 1");
}

base::Status CsvTable::Error(std::string_view message) const {
  return base::InvalidArgument(Name() + ": line " + std::to_string(Line()) + ": " +
                               std::string(message));
}

}  // namespace refdata
