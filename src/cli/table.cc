#include "cli/table.h"

#include <algorithm>
#include <cassert>

namespace cli {
namespace {

// Display width of UTF-8 text: code points, not bytes (good enough for the names we print).
std::size_t DisplayWidth(const std::string& text) {
  return static_cast<std::size_t>(std::count_if(text.begin(), text.end(), [](char c) {
    return (static_cast<unsigned char>(c) & 0xC0) != 0x80;
  }));
}

}  // namespace

void Table::AddRow(std::vector<std::string> cells) {
  assert(cells.size() == columns_.size());
  rows_.push_back(std::move(cells));
}

void Table::PrintText(std::ostream& out) const {
  std::vector<std::size_t> widths;
  for (const Column& column : columns_) widths.push_back(DisplayWidth(column.name));
  for (const auto& row : rows_) {
    for (std::size_t i = 0; i < row.size(); ++i) {
      widths[i] = std::max(widths[i], DisplayWidth(row[i]));
    }
  }
  auto print_row = [&](const std::vector<std::string>& cells) {
    std::string line;
    for (std::size_t i = 0; i < cells.size(); ++i) {
      std::string padding(widths[i] - DisplayWidth(cells[i]), ' ');
      bool last = i + 1 == cells.size();
      if (columns_[i].align == Align::kRight) {
        line += padding + cells[i];
      } else {
        line += cells[i] + (last ? "" : padding);
      }
      if (!last) line += "  ";
    }
    out << line << '\n';
  };
  std::vector<std::string> header;
  for (const Column& column : columns_) header.push_back(column.name);
  print_row(header);
  for (const auto& row : rows_) print_row(row);
}

std::string CsvField(const std::string& text) {
  if (text.find_first_of(",\"\r\n") == std::string::npos) return text;
  std::string quoted = "\"";
  for (char c : text) {
    if (c == '"') quoted += '"';
    quoted += c;
  }
  return quoted + "\"";
}

void Table::PrintCsv(std::ostream& out) const {
  auto print_row = [&](const std::vector<std::string>& cells) {
    for (std::size_t i = 0; i < cells.size(); ++i) {
      if (i > 0) out << ',';
      out << CsvField(cells[i]);
    }
    out << '\n';
  };
  std::vector<std::string> header;
  for (const Column& column : columns_) header.push_back(column.name);
  print_row(header);
  for (const auto& row : rows_) print_row(row);
}

}  // namespace cli
