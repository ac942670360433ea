#include "base/csv_reader.h"

#include <fstream>
#include <sstream>

namespace base {

CsvReader::CsvReader(std::string name, std::unique_ptr<std::istream> input)
    : name_(std::move(name)), input_(std::move(input)) {}

Result<CsvReader> CsvReader::OpenFile(const std::string& path) {
  auto file = std::make_unique<std::ifstream>(path, std::ios::binary);
  if (!*file) return NotFound(path + ": cannot open for reading");
  CsvReader reader(path, std::move(file));
  JS_RETURN_IF_ERROR(reader.ReadHeader());
  return reader;
}

Result<CsvReader> CsvReader::FromString(std::string name, std::string text) {
  CsvReader reader(std::move(name), std::make_unique<std::istringstream>(std::move(text)));
  JS_RETURN_IF_ERROR(reader.ReadHeader());
  return reader;
}

Status CsvReader::ReadHeader() {
  // A UTF-8 byte-order mark before the header is not part of the first column's name.
  if (input_->peek() == 0xEF) {
    char bom[3];
    input_->read(bom, 3);
    if (std::string_view(bom, 3) != "\xEF\xBB\xBF") {
      return InvalidArgument(name_ + ": line 1: not UTF-8 text");
    }
  }
  JS_ASSIGN_OR_RETURN(bool found, ReadFields(header_));
  if (!found) return InvalidArgument(name_ + ": the file is empty (no header row)");
  return OkStatus();
}

Result<std::size_t> CsvReader::ColumnIndex(std::string_view column) const {
  for (std::size_t i = 0; i < header_.size(); ++i) {
    if (header_[i] == column) return i;
  }
  return InvalidArgument(name_ + ": line 1: no column named '" + std::string(column) + "'");
}

Result<bool> CsvReader::Next(CsvRecord& record) {
  JS_ASSIGN_OR_RETURN(bool found, ReadFields(record.fields));
  if (!found) return false;
  record.line = record_line_;
  if (record.fields.size() != header_.size()) {
    return InvalidArgument(name_ + ": line " + std::to_string(record_line_) + ": expected " +
                           std::to_string(header_.size()) + " fields, found " +
                           std::to_string(record.fields.size()));
  }
  return true;
}

Result<bool> CsvReader::ReadFields(std::vector<std::string>& fields) {
  std::streambuf& in = *input_->rdbuf();
  using Traits = std::char_traits<char>;
  while (true) {  // skip blank lines
    int c = in.sgetc();
    if (c == Traits::eof()) return false;
    if (c == '\r' || c == '\n') {
      in.sbumpc();
      if (c == '\n') ++line_;
      continue;
    }
    break;
  }
  record_line_ = line_;
  fields.clear();
  std::string field;
  bool quoted = false;      // inside a quoted field
  bool was_quoted = false;  // the current field began with a quote
  while (true) {
    int c = in.sbumpc();
    if (c == Traits::eof()) {
      if (quoted) {
        return InvalidArgument(name_ + ": line " + std::to_string(record_line_) +
                               ": a quoted field is not closed before the end of the file");
      }
      fields.push_back(std::move(field));
      return true;
    }
    if (quoted) {
      if (c == '"') {
        if (in.sgetc() == '"') {
          in.sbumpc();
          field.push_back('"');
        } else {
          quoted = false;
        }
      } else {
        if (c == '\n') ++line_;
        field.push_back(static_cast<char>(c));
      }
      continue;
    }
    if (c == ',') {
      fields.push_back(std::move(field));
      field.clear();
      was_quoted = false;
    } else if (c == '\n' || c == '\r') {
      if (c == '\r' && in.sgetc() == '\n') in.sbumpc();
      ++line_;
      fields.push_back(std::move(field));
      return true;
    } else if (c == '"' && field.empty() && !was_quoted) {
      quoted = true;
      was_quoted = true;
    } else if (c == '"' || was_quoted) {
      return InvalidArgument(name_ + ": line " + std::to_string(line_) +
                             ": stray quote or text after a closing quote in field " +
                             std::to_string(fields.size() + 1));
    } else {
      field.push_back(static_cast<char>(c));
    }
  }
}

}  // namespace base
