#pragma once

#include <ostream>
#include <string>
#include <vector>

namespace cli {

enum class Align { kLeft, kRight };

// Rows of text printed as an aligned table for people or as RFC 4180 CSV for programs.
class Table {
 public:
  struct Column {
    std::string name;
    Align align = Align::kLeft;
  };
  explicit Table(std::vector<Column> columns) : columns_(std::move(columns)) {}

  // A row must have one cell per column (asserted).
  void AddRow(std::vector<std::string> cells);

  void PrintText(std::ostream& out) const;
  void PrintCsv(std::ostream& out) const;

 private:
  std::vector<Column> columns_;
  std::vector<std::vector<std::string>> rows_;
};

// Quotes a CSV field when it holds a comma, a quote or a line break.
std::string CsvField(const std::string& text);

}  // namespace cli
