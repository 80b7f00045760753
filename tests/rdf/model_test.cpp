#include "rdf/model.hpp"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include "core/error.hpp"
#include "tests/temp_dir.hpp"

namespace fs = std::filesystem;
using namespace policykg::rdf;

namespace {
Triple t(const std::string& s, const std::string& p, Term o) {
  return {Term::iri("http://ex.org/" + s), Term::iri("http://ex.org/" + p), std::move(o)};
}
fs::path temp_path(const std::string& name) {
  return policykg::test::process_temp_dir() / name;
}
}  // namespace

TEST(Model, AddMatchAndCount) {
  Model m;
  m.add({t("a", "p", Term::literal("x")), t("a", "p", Term::lang_literal("y", "en")),
         t("b", "q", Term::iri("http://ex.org/a")), t("c", "n", Term::integer(3))});
  m.add(t("a", "p", Term::literal("x")));  // duplicates are one statement
  EXPECT_EQ(m.size(), 4u);
  EXPECT_TRUE(m.contains(t("c", "n", Term::integer(3))));
  EXPECT_FALSE(m.contains(t("c", "n", Term::literal("3"))));
  auto found = m.find({Term::iri("http://ex.org/a"), std::nullopt, std::nullopt});
  EXPECT_EQ(found.size(), 2u);
  auto by_object = m.find({std::nullopt, std::nullopt, Term::iri("http://ex.org/a")});
  ASSERT_EQ(by_object.size(), 1u);
  EXPECT_EQ(by_object[0].s.value, "http://ex.org/b");
}

TEST(Model, LiteralsRoundTripExactly) {
  Model m;
  Triple lit = t("a", "text", Term::literal("汉字 and \"quotes\"\n\ttabs"));
  m.add(lit);
  auto all = m.sorted_triples();
  ASSERT_EQ(all.size(), 1u);
  EXPECT_EQ(all[0], lit);
}

TEST(Model, ParsesEveryFormatItWrites) {
  std::vector<Triple> triples = {t("a", "p", Term::literal("x")), t("a", "q", Term::iri("http://ex.org/b")),
                                 t("b", "n", Term::integer(7)), t("b", "l", Term::lang_literal("hello", "en")),
                                 t("b", "n", Term::integer(-3)), t("b", "n", Term::xsd("007", "integer")),
                                 t("c/d.", "p", Term::literal("line\n\"quoted\" \\ tab\t 汉字")),
                                 t("c", "type.", Term::xsd("2019-01-31", "date"))};
  auto expected = triples;
  std::sort(expected.begin(), expected.end());
  for (Format f : {Format::Turtle, Format::NTriples, Format::NQuads, Format::RdfXml}) {
    std::string text = serialize(triples, f, "http://ex.org/");
    Model m;
    m.load_string(text, f, "http://ex.org/");
    EXPECT_EQ(m.sorted_triples(), expected) << format_name(f) << "\n" << text;
  }
}

TEST(Model, SyntaxErrorsSayFileLineAndColumn) {
  auto file = temp_path("bad.ttl");
  std::ofstream(file) << "@prefix ex: <http://ex.org/> .\nex:a ex:b ex:c .\nex:a ex:b \"unterminated .\n";
  Model m;
  try {
    m.load_file(file);
    FAIL() << "bad Turtle was accepted";
  } catch (const policykg::Error& e) {
    EXPECT_EQ(e.category(), policykg::Error::Category::Syntax);
    EXPECT_NE(e.describe().find("bad.ttl"), std::string::npos) << e.describe();
    EXPECT_NE(e.describe().find(":3"), std::string::npos) << e.describe();
  }
}

TEST(Model, EmptyFilesAreEmptyGraphs) {
  for (Format f : {Format::Turtle, Format::NTriples, Format::NQuads, Format::RdfXml}) {
    Model m;
    m.load_string("", f);
    EXPECT_EQ(m.size(), 0u) << format_name(f);
  }
}

TEST(Model, UnknownExtensionIsAUsageError) {
  Model m;
  EXPECT_THROW(m.load_file("graph.yaml"), policykg::Error);
}

TEST(Model, SqliteStoreKeepsTheGraphBetweenOpenings) {
  auto db = temp_path("store.db");
  fs::remove(db);
  {
    auto spec = parse_store_spec("sqlite:" + db.string());
    spec.create_if_missing = true;
    Model m(spec);
    m.add({t("a", "p", Term::literal("kept")), t("a", "q", Term::integer(1))});
  }
  Model reopened(parse_store_spec("sqlite:" + db.string()));
  EXPECT_EQ(reopened.size(), 2u);
  EXPECT_TRUE(reopened.contains(t("a", "p", Term::literal("kept"))));
}

TEST(Model, UnreachableStoreIsAClearError) {
  try {
    Model m(parse_store_spec("sqlite:/nonexistent-dir/x/y.db"));
    FAIL() << "opened a store in a missing folder";
  } catch (const policykg::Error& e) {
    EXPECT_EQ(e.category(), policykg::Error::Category::Store);
    EXPECT_NE(e.describe().find("sqlite:/nonexistent-dir/x/y.db"), std::string::npos) << e.describe();
  }
}

TEST(WriteFileAtomically, ReplacesWholeOrNothing) {
  auto file = temp_path("out.txt");
  write_file_atomically(file, "first");
  write_file_atomically(file, "second");
  std::ifstream in(file);
  std::string content((std::istreambuf_iterator<char>(in)), {});
  EXPECT_EQ(content, "second");
  for (const auto& entry : fs::directory_iterator(file.parent_path()))
    EXPECT_EQ(entry.path().filename().string().find(".tmp-"), std::string::npos) << entry.path();
  EXPECT_THROW(write_file_atomically("/nonexistent-dir/out.txt", "x"), policykg::Error);
}

TEST(WriteFileAtomically, AFailingWriterLeavesTheOldFileAndNoTemporary) {
  auto file = temp_path("streamed.txt");
  write_file_atomically(file, [](std::ostream& out) { out << "whole"; });
  EXPECT_THROW(write_file_atomically(file,
                                     [](std::ostream& out) {
                                       out << "half";
                                       throw policykg::Error(policykg::Error::Category::Io, "test", "stopped");
                                     }),
               policykg::Error);
  std::ifstream in(file);
  std::string content((std::istreambuf_iterator<char>(in)), {});
  EXPECT_EQ(content, "whole");
  for (const auto& entry : fs::directory_iterator(file.parent_path()))
    EXPECT_EQ(entry.path().filename().string().find(".tmp-"), std::string::npos) << entry.path();
}

TEST(Model, AMissingSqliteStoreIsNotMadeWhenReading) {
  auto db = temp_path("missing.db");
  fs::remove(db);
  try {
    Model m(parse_store_spec("sqlite:" + db.string()));
    FAIL() << "opened a missing store";
  } catch (const policykg::Error& e) {
    EXPECT_EQ(e.category(), policykg::Error::Category::Store);
    EXPECT_NE(e.describe().find("no such store"), std::string::npos) << e.describe();
  }
  EXPECT_FALSE(fs::exists(db));
}

TEST(Model, ASqliteStoreThatIsNotARegularFileIsRefused) {
  for (const char* path : {"/dev/null", "/tmp"}) {
    try {
      Model m(parse_store_spec(std::string("sqlite:") + path));
      FAIL() << "opened " << path;
    } catch (const policykg::Error& e) {
      EXPECT_EQ(e.category(), policykg::Error::Category::Store);
      EXPECT_NE(e.describe().find("not a regular file"), std::string::npos) << e.describe();
    }
  }
}

TEST(Model, ADamagedSqliteStoreIsRefusedNotReadInPart) {
  auto db = temp_path("damaged.db");
  fs::remove(db);
  {
    auto spec = parse_store_spec("sqlite:" + db.string());
    spec.create_if_missing = true;
    Model m(spec);
    std::vector<Triple> triples;
    for (int i = 0; i < 3000; ++i) triples.push_back(t("s" + std::to_string(i), "p", Term::literal(std::string(40, 'x'))));
    m.add(triples);
  }
  ASSERT_GT(fs::file_size(db), 100000u);
  {
    std::fstream f(db, std::ios::in | std::ios::out | std::ios::binary);
    f.seekp(65536);
    const std::string junk(4096, '\xde');
    f.write(junk.data(), static_cast<std::streamsize>(junk.size()));
  }
  try {
    Model m(parse_store_spec("sqlite:" + db.string()));
    FAIL() << "opened a damaged store, which holds " << m.size() << " triples";
  } catch (const policykg::Error& e) {
    EXPECT_EQ(e.category(), policykg::Error::Category::Store);
    EXPECT_NE(e.describe().find("damaged"), std::string::npos) << e.describe();
  }
  auto text = temp_path("text.db");
  std::ofstream(text) << "not a database at all, but long enough to have a header of a hundred bytes or more........";
  EXPECT_THROW(Model(parse_store_spec("sqlite:" + text.string())), policykg::Error);
}
