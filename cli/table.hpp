// Table: rows of text for the bulk answers (search, responsible --all-units, duties
// --inherited), written as CSV (RFC 4180), TSV or JSON (an array of objects keyed by column), so
// that pandas, R or a spreadsheet loads them as they are.
#pragma once

#include <ostream>
#include <string>
#include <string_view>
#include <vector>

namespace policykg::cli {

struct Table {
  std::vector<std::string> columns;
  std::vector<std::vector<std::string>> rows;  ///< each as long as `columns`
};

/// `values` joined with `separator` between them: several values in one cell.
std::string join(const std::vector<std::string>& values, std::string_view separator);

/// Writes `table` as "csv", "tsv" or "json". In TSV, tabs and line breaks inside a value become
/// spaces (TSV has no quoting).
void write_table(std::ostream& out, const Table& table, std::string_view format);

}  // namespace policykg::cli
