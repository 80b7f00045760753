#include "cli/table.hpp"

#include <nlohmann/json.hpp>

namespace policykg::cli {

namespace {

std::string csv_field(const std::string& s) {
  if (s.find_first_of(",\"\r\n") == std::string::npos) return s;
  std::string out = "\"";
  for (char c : s) out += c == '"' ? std::string("\"\"") : std::string(1, c);
  return out + "\"";
}

std::string tsv_field(std::string s) {
  for (char& c : s)
    if (c == '\t' || c == '\n' || c == '\r') c = ' ';
  return s;
}

}  // namespace

std::string join(const std::vector<std::string>& values, std::string_view separator) {
  std::string out;
  for (const auto& v : values) out += (out.empty() ? "" : std::string(separator)) + v;
  return out;
}

void write_table(std::ostream& out, const Table& table, std::string_view format) {
  if (format == "json") {
    nlohmann::ordered_json rows = nlohmann::ordered_json::array();
    for (const auto& row : table.rows) {
      nlohmann::ordered_json o = nlohmann::ordered_json::object();
      for (std::size_t i = 0; i < table.columns.size() && i < row.size(); ++i) o[table.columns[i]] = row[i];
      rows.push_back(std::move(o));
    }
    out << rows.dump(2) << "\n";
    return;
  }
  const bool csv = format == "csv";
  const char* separator = csv ? "," : "\t";
  const char* end = csv ? "\r\n" : "\n";
  auto line = [&](const std::vector<std::string>& values) {
    for (std::size_t i = 0; i < values.size(); ++i)
      out << (i ? separator : "") << (csv ? csv_field(values[i]) : tsv_field(values[i]));
    out << end;
  };
  line(table.columns);
  for (const auto& row : table.rows) line(row);
}

}  // namespace policykg::cli
