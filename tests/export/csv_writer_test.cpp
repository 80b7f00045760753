// Neo4j admin-import CSV: headers with :ID, :LABEL, typed properties, :START_ID, :END_ID, :TYPE;
// fields quoted so that a standard CSV reader gets the values back.
#include <gtest/gtest.h>

#include "export/export.hpp"
#include "tests/export/export_fixture.hpp"

namespace policykg::exports {
namespace {

using Rows = std::vector<std::vector<std::string>>;

// RFC 4180 reader: quoted fields may hold commas, doubled quotes and line breaks.
Rows parse_csv(const std::string& text) {
  Rows rows(1, std::vector<std::string>(1));
  bool quoted = false;
  for (std::size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    auto& field = rows.back().back();
    if (quoted) {
      if (c == '"' && i + 1 < text.size() && text[i + 1] == '"') field += '"', ++i;
      else if (c == '"') quoted = false;
      else field += c;
    } else if (c == '"') {
      quoted = true;
    } else if (c == ',') {
      rows.back().emplace_back();
    } else if (c == '\n') {
      rows.emplace_back(1);
    } else {
      field += c;
    }
  }
  if (rows.back().size() == 1 && rows.back()[0].empty()) rows.pop_back();
  return rows;
}

std::size_t column(const std::vector<std::string>& header, const std::string& name) {
  for (std::size_t i = 0; i < header.size(); ++i)
    if (header[i] == name) return i;
  ADD_FAILURE() << "no column " << name;
  return 0;
}

TEST(Csv, NodeFileHasNeo4jHeadersAndTypedColumns) {
  auto view = test::fixture_view();
  Rows rows = parse_csv(to_csv(view).nodes);
  ASSERT_EQ(rows.size(), view.node_count() + 1);
  const auto& h = rows[0];
  EXPECT_EQ(h[0], "iri:ID");
  EXPECT_EQ(h[1], ":LABEL");
  column(h, "position:int");
  column(h, "sourceStart:int");
  column(h, "big:long");
  column(h, "weight:double");
  column(h, "pilot:boolean");
  column(h, "issued:date");
  column(h, "validFor:duration");
  column(h, "altLabel:string[]");
  column(h, "text:string");
  for (const auto& row : rows) EXPECT_EQ(row.size(), h.size());
  for (const auto& row : rows) {
    if (row[0] == std::string(test::kIdBase) + "doc/plan/task/7/measure/1") {
      EXPECT_EQ(row[1], "Measure");
      EXPECT_EQ(row[column(h, "text:string")],
                "Allow foreign-funded \"performance brokerage\" institutions in Zhongguancun,\nupon approval.");
      EXPECT_EQ(row[column(h, "pilot:boolean")], "true");
    }
    if (row[0] == std::string(test::kIdBase) + "doc/reply") {
      EXPECT_EQ(row[1], "Document;OfficialReply") << "every type is a Neo4j label";
      EXPECT_EQ(row[column(h, "issued:date")], "2019-01-31");
    }
    if (row[0] == std::string(test::kIdBase) + "zone/zhongguancun") {
      EXPECT_EQ(row[column(h, "altLabel:string[]")], "Zhongguanchun;中关村");
    }
  }
}

TEST(Csv, EdgeFileHasOneRowPerEdge) {
  auto view = test::fixture_view();
  Rows rows = parse_csv(to_csv(view).edges);
  ASSERT_EQ(rows.size(), view.edge_count() + 1);
  EXPECT_EQ(rows[0], (std::vector<std::string>{":START_ID", ":END_ID", ":TYPE", "label", "predicate"}));
  std::set<std::tuple<std::string, std::string, std::string>> edges;
  for (std::size_t i = 1; i < rows.size(); ++i) {
    edges.emplace(rows[i][0], rows[i][4], rows[i][1]);
    EXPECT_TRUE(rows[i][4].ends_with(rows[i][2])) << "the type is the predicate's local name";
  }
  EXPECT_EQ(edges, test::view_edges(view));
}

}  // namespace
}  // namespace policykg::exports
