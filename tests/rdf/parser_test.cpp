#include "rdf/parser.hpp"

#include <gtest/gtest.h>
#include <unistd.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <map>

#include "core/error.hpp"
#include "rdf/input_checks.hpp"
#include "rdf/model.hpp"
#include "tests/temp_dir.hpp"

namespace fs = std::filesystem;
using namespace policykg::rdf;

namespace {

fs::path temp_file(const std::string& name, const std::string& content) {
  auto file = policykg::test::process_temp_dir() / name;
  std::ofstream(file, std::ios::binary) << content;
  return file;
}

// Turtle and RDF/XML blank nodes get new ids at every parse: each blank node of these documents
// has a distinct ex:key, which names it instead, so that two parses can be compared.
std::vector<Triple> canonical(std::vector<Triple> triples) {
  std::map<std::string, std::string> keys;
  for (const auto& t : triples)
    if (t.s.kind == Term::Kind::Blank && t.p.value == "http://ex.org/key") keys[t.s.value] = t.o.value;
  auto rename = [&keys](Term& term) {
    if (term.kind == Term::Kind::Blank) term.value = keys.at(term.value);
  };
  for (auto& t : triples) {
    rename(t.s);
    rename(t.o);
  }
  std::sort(triples.begin(), triples.end());
  triples.erase(std::unique(triples.begin(), triples.end()), triples.end());
  return triples;
}

const char* kTurtle = R"(@prefix ex: <http://ex.org/> .
@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
ex:a ex:label "Straße"@DE-at , "plain" , "typed"^^xsd:string , "caf\u00e9 \U0001F600 汉字" ;
     ex:count 7 , "007"^^xsd:integer , 2.5 , 1e3 , true , "2019-01-31"^^xsd:date ;
     ex:text """two
lines with "quotes" and a \t tab""" ;
     ex:party _:p , [ ex:key "anonymous" ; ex:member _:p ] .
_:p ex:key "p" ; ex:next _:p .
<relative#x> ex:p ex:a .
ex:a ex:label "plain" .
)";

const char* kNTriples = R"(<http://ex.org/a> <http://ex.org/label> "caf\u00E9 \U0001F600"@en-GB .
<http://ex.org/a> <http://ex.org/n> "7"^^<http://www.w3.org/2001/XMLSchema#integer> .
<http://ex.org/a> <http://ex.org/s> "s"^^<http://www.w3.org/2001/XMLSchema#string> .
<http://ex.org/a> <http://ex.org/t> "line\nbreak \"quoted\" \\ back" .
_:b1 <http://ex.org/key> "b1" .
<http://ex.org/a> <http://ex.org/party> _:b1 .
<http://ex.org/a> <http://ex.org/party> _:b1 .
)";

const char* kNQuads = R"(<http://ex.org/a> <http://ex.org/p> "dans g"@fr <http://ex.org/g> .
_:b <http://ex.org/key> "b" <http://ex.org/g> .
<http://ex.org/a> <http://ex.org/q> _:b <http://ex.org/g> .
<http://ex.org/a> <http://ex.org/n> "1"^^<http://www.w3.org/2001/XMLSchema#decimal> <http://ex.org/g> .
)";

const char* kRdfXml = R"(<?xml version="1.0" encoding="utf-8"?>
<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns:ex="http://ex.org/">
  <rdf:Description rdf:about="http://ex.org/a">
    <ex:label xml:lang="EN">caf&#233; &#x1F600;</ex:label>
    <ex:label>plain</ex:label>
    <ex:n rdf:datatype="http://www.w3.org/2001/XMLSchema#integer">7</ex:n>
    <ex:party rdf:nodeID="p"/>
    <ex:party><rdf:Description><ex:key>anonymous</ex:key></rdf:Description></ex:party>
    <ex:markup rdf:parseType="Literal"><b>bold</b></ex:markup>
  </rdf:Description>
  <rdf:Description rdf:nodeID="p"><ex:key>p</ex:key></rdf:Description>
  <ex:Thing rdf:about="relative"><ex:p rdf:resource="#frag"/></ex:Thing>
</rdf:RDF>
)";

const char* kJsonLd = R"({
  "@context": {
    "ex": "http://ex.org/",
    "xsd": "http://www.w3.org/2001/XMLSchema#",
    "label": {"@id": "ex:label", "@language": "en"},
    "n": {"@id": "ex:n", "@type": "xsd:integer"},
    "party": {"@id": "ex:party", "@type": "@id"}
  },
  "@graph": [
    {"@id": "ex:a", "@type": "ex:Thing", "label": ["café 😀", {"@value": "汉字", "@language": "zh"}],
     "n": "7", "party": "_:p", "ex:text": "plain \"quoted\"\n"},
    {"@id": "_:p", "ex:key": "p"}
  ]
})";

// One document of each format, by file name.
const std::vector<std::pair<std::string, const char*>> kDocuments = {
    {"doc.ttl", kTurtle}, {"doc.nt", kNTriples}, {"doc.nq", kNQuads}, {"doc.rdf", kRdfXml}, {"doc.jsonld", kJsonLd}};

}  // namespace

TEST(Parser, GivesTheTriplesOfTheModelForEveryFormat) {
  for (const auto& [name, text] : kDocuments) {
    auto file = temp_file(name, text);
    Model model;
    model.load_file(file);
    auto parsed = parse_file(file);
    EXPECT_FALSE(parsed.empty()) << name;
    EXPECT_EQ(canonical(parsed), canonical(model.sorted_triples())) << name;
  }
}

TEST(Parser, ReadsFilesLongerThanOnePiece) {
  // Lines of varying length cross the 64 KiB pieces raptor is fed; the last line pads the file to
  // an exact multiple of them, so that the last piece is empty.
  std::string text;
  for (int i = 0; text.size() < 200000; ++i)
    text += "<http://ex.org/s" + std::to_string(i) + "> <http://ex.org/p> \"" + std::string(static_cast<std::size_t>(i % 97), 'x') + "\" .\n";
  const std::string last = "<http://ex.org/last> <http://ex.org/p> \"\" .\n";
  text += last.substr(0, last.size() - 4) + std::string((1 << 18) - text.size() - last.size(), 'y') + last.substr(last.size() - 4);
  ASSERT_EQ(text.size(), 1u << 18);
  for (const char* name : {"long.nt", "long.ttl"}) {
    auto file = temp_file(name, text);
    Model model;
    model.load_file(file);
    auto parsed = parse_file(file);
    std::sort(parsed.begin(), parsed.end());
    EXPECT_EQ(parsed, model.sorted_triples()) << name;
    EXPECT_EQ(parsed.size(), model.size()) << name;
  }
}

TEST(Parser, KeepsTermsExactly) {
  auto triples = parse_string(kTurtle, Format::Turtle, "http://base.org/doc");
  auto has = [&triples](const Term& o) {
    return std::any_of(triples.begin(), triples.end(), [&o](const Triple& t) { return t.o == o; });
  };
  EXPECT_TRUE(has(Term::lang_literal("Straße", "DE-at")));  // the language tag as written, as Redland keeps it
  EXPECT_TRUE(has(Term::literal("typed")));                 // xsd:string is a plain literal
  EXPECT_TRUE(has(Term::literal("café 😀 汉字")));
  EXPECT_TRUE(has(Term::xsd("007", "integer")));
  EXPECT_TRUE(has(Term::xsd("2.5", "decimal")));
  EXPECT_TRUE(has(Term::xsd("true", "boolean")));
  EXPECT_TRUE(has(Term::literal("two\nlines with \"quotes\" and a \t tab")));
  EXPECT_TRUE(std::any_of(triples.begin(), triples.end(),
                          [](const Triple& t) { return t.s == Term::iri("http://base.org/relative#x"); }));
  EXPECT_EQ(std::count(triples.begin(), triples.end(), triples.back()), 2);  // duplicates are kept
}

TEST(Parser, BlankLabelsAreOneNodeInADocumentAndNewInTheNext) {
  Model model;  // a model's parse before ours must not change how labels map
  model.load_string("_:x <http://ex.org/p> _:x .\n", Format::Turtle);
  const std::string text = "_:x <http://ex.org/p> _:x .\n_:x <http://ex.org/q> [] .\n";
  auto first = parse_string(text, Format::Turtle);
  auto second = parse_string(text, Format::Turtle);
  ASSERT_EQ(first.size(), 2u);
  EXPECT_EQ(first[0].s, first[0].o);
  EXPECT_EQ(first[0].s, first[1].s);
  EXPECT_NE(first[1].o, first[1].s);
  EXPECT_NE(second[0].s, first[0].s);
  // N-Triples labels are kept as written, as the model keeps them.
  auto nt = parse_string("_:x <http://ex.org/p> _:y .\n", Format::NTriples);
  ASSERT_EQ(nt.size(), 1u);
  EXPECT_EQ(nt[0].s, Term::blank("x"));
  EXPECT_EQ(nt[0].o, Term::blank("y"));
}

TEST(Parser, SyntaxErrorsSayFileLineAndColumn) {
  const std::vector<std::tuple<std::string, std::string, std::string>> cases = {
      {"bad.ttl", "@prefix ex: <http://ex.org/> .\nex:a ex:b ex:c .\nex:a ex:b \"unterminated .\n", ":3"},
      {"bad.nt", "<http://ex.org/a> <http://ex.org/b> <http://ex.org/c> .\n<http://ex.org/a> <http://ex.org/b> .\n", ":2:"},
      {"bad.rdf", "<rdf:RDF xmlns:rdf='http://www.w3.org/1999/02/22-rdf-syntax-ns#'>\n<rdf:Description>\n</rdf:RDF>\n", ":3"},
  };
  for (const auto& [name, text, place] : cases) {
    auto file = temp_file(name, text);
    try {
      parse_file(file);
      ADD_FAILURE() << name << " was accepted";
    } catch (const policykg::Error& e) {
      EXPECT_EQ(e.category(), policykg::Error::Category::Syntax) << e.describe();
      EXPECT_TRUE(e.where().starts_with(file.string() + place)) << e.describe();
    }
  }
}

TEST(Parser, EmptyFilesAreEmptyGraphs) {
  for (const char* name : {"empty.ttl", "empty.nt", "empty.nq", "empty.rdf"})
    EXPECT_TRUE(parse_file(temp_file(name, "")).empty()) << name;
}

TEST(Parser, UnknownExtensionsAndMissingFilesAreClearErrors) {
  try {
    parse_file(temp_file("graph.yaml", "a: b\n"));
    FAIL() << "a .yaml file was parsed";
  } catch (const policykg::Error& e) {
    EXPECT_EQ(e.category(), policykg::Error::Category::Usage);
  }
  try {
    parse_file("/nonexistent/graph.ttl");
    FAIL() << "a missing file was parsed";
  } catch (const policykg::Error& e) {
    EXPECT_EQ(e.category(), policykg::Error::Category::Io);
    EXPECT_EQ(e.where(), "/nonexistent/graph.ttl");
  }
}

TEST(Parser, AFolderIsAClearErrorNamingIt) {
  auto dir = policykg::test::process_temp_dir() / "folder.ttl";
  fs::create_directories(dir);
  try {
    parse_file(dir);
    FAIL() << "a folder was parsed";
  } catch (const policykg::Error& e) {
    EXPECT_EQ(e.category(), policykg::Error::Category::Io);
    EXPECT_EQ(e.describe(), dir.string() + ": cannot read: a folder, not a file");
  }
  fs::remove(dir);
}

TEST(Parser, AFileIriIsItsAbsolutePathEncodedWhereAnIriMust) {
  EXPECT_EQ(file_iri("/data/g.ttl"), "file:///data/g.ttl");
  EXPECT_EQ(file_iri("/data/./x/../g.ttl"), "file:///data/g.ttl");
  EXPECT_EQ(file_iri("/data/my graph%1<2>.ttl"), "file:///data/my%20graph%251%3C2%3E.ttl");
  EXPECT_EQ(file_iri("/data/图.ttl"), "file:///data/图.ttl");  // an IRI holds any other character
  EXPECT_EQ(file_iri("g.ttl"), "file://" + (fs::current_path() / "g.ttl").string());
  // relative IRIs of a file resolve against it
  auto file = temp_file("relative.ttl", "<a> <b> <#c> .\n");
  auto triples = parse_file(file);
  ASSERT_EQ(triples.size(), 1u);
  EXPECT_EQ(triples[0].s.value, "file://" + file.parent_path().string() + "/a");
  EXPECT_EQ(triples[0].o.value, file_iri(file) + "#c");
}

namespace {

// The error parsing `text` as the file `name` gives; fails the test when it parses.
policykg::Error parse_error(const std::string& name, const std::string& text) {
  auto file = temp_file(name, text);
  try {
    parse_file(file);
  } catch (const policykg::Error& e) {
    return e;
  }
  ADD_FAILURE() << name << " was accepted";
  return policykg::Error(policykg::Error::Category::Internal, "", "");
}

std::string rdfxml_with(const std::string& doctype, const std::string& description) {
  return "<?xml version=\"1.0\"?>\n" + doctype +
         "<rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\" xmlns:ex=\"http://ex.org/\">\n"
         "<rdf:Description rdf:about=\"http://ex.org/a\">" + description + "</rdf:Description>\n</rdf:RDF>\n";
}

}  // namespace

TEST(Parser, LongLanguageTagsAreRefusedWithTheirPlace) {
  // Raptor 2.0.15 keeps a tag's length in a byte: 300 characters corrupted its heap.
  for (std::size_t length : {65u, 300u, 10000u}) {
    const std::string tag(length, 'a');
    for (auto [name, text] : {std::pair<std::string, std::string>{"lang.ttl", "\n<http://a> <http://b> \"c\"@" + tag + " .\n"},
                              {"lang.nt", "\n<http://a> <http://b> \"c\"@" + tag + " .\n"},
                              {"lang.nq", "\n<http://a> <http://b> \"c\"@" + tag + " <http://g> .\n"},
                              {"lang.rdf", rdfxml_with("", "\n<ex:p xml:lang=\"" + tag + "\">c</ex:p>")}}) {
      auto e = parse_error(name, text);
      EXPECT_EQ(e.category(), policykg::Error::Category::Syntax) << e.describe();
      EXPECT_NE(e.where().find(name + (name == "lang.rdf" ? ":4:" : ":2:")), std::string::npos) << e.describe();
      EXPECT_NE(e.describe().find("language tag"), std::string::npos) << e.describe();
      EXPECT_LT(e.describe().size(), 400u) << "the message quotes the start of the tag only";
    }
  }
  auto e = parse_error("subtag.ttl", "<http://a> <http://b> \"c\"@en-abcdefghi .\n");
  EXPECT_NE(e.describe().find("language tag"), std::string::npos) << e.describe();
  auto triples = parse_string("<http://a> <http://b> \"c\"@zh-Hans-CN-x-private1 .\n", Format::Turtle);
  ASSERT_EQ(triples.size(), 1u);
  EXPECT_EQ(triples[0].o, Term::lang_literal("c", "zh-Hans-CN-x-private1"));
}

TEST(Parser, ModelRefusesALongLanguageTagItIsGiven) {
  Model model;
  EXPECT_THROW(model.add({Term::iri("http://a"), Term::iri("http://b"), Term::lang_literal("c", std::string(300, 'a'))}),
               policykg::Error);
  EXPECT_EQ(model.size(), 0u);
}

TEST(Parser, TextThatIsNotUtf8OrHoldsNulIsRefusedWithItsPlace) {
  for (const char* ext : {".ttl", ".nt", ".nq", ".rdf", ".jsonld"}) {
    for (std::string bad : {std::string("\xff"), std::string(1, '\0'), std::string("\xc3")}) {
      std::string text = std::string(ext) == ".rdf" ? rdfxml_with("", "\n<ex:p>x" + bad + "y</ex:p>")
                         : std::string(ext) == ".jsonld" ? "{\"@id\": \"http://a\",\n \"http://b\": \"x" + bad + "y\"}"
                                                          : "<http://a> <http://b> \"c\" .\n<http://a> <http://b> \"x" + bad + "y\" .\n";
      const std::string name = std::string("bad") + ext;
      auto e = parse_error(name, text);
      EXPECT_EQ(e.category(), policykg::Error::Category::Syntax) << e.describe();
      const std::size_t line = std::string(ext) == ".rdf" ? 4 : 2;
      EXPECT_NE(e.where().find(name + ":" + std::to_string(line) + ":"), std::string::npos) << e.describe();
      EXPECT_NE(e.describe().find(bad[0] == '\0' ? "NUL" : "UTF-8"), std::string::npos) << e.describe();
    }
  }
}

TEST(Parser, TermsLongerThanTheBoundAreRefused) {
  const std::string long_iri = "http://ex.org/" + std::string(kMaxTermBytes, 'x');
  auto e = parse_error("long.nt", "<http://a> <http://b> \"c\" .\n<" + long_iri + "> <http://b> \"c\" .\n");
  EXPECT_NE(e.where().find("long.nt:2:"), std::string::npos) << e.where();
  EXPECT_NE(e.describe().find("terms are at most"), std::string::npos) << e.what();
  e = parse_error("long.ttl", "<http://a> <http://b> \"" + std::string(kMaxTermBytes + 1, 'x') + "\" .\n");
  EXPECT_NE(e.describe().find("terms are at most"), std::string::npos) << e.what();
  e = parse_error("long.rdf", rdfxml_with("", "\n<ex:p>" + std::string(kMaxTermBytes + 1, 'x') + "</ex:p>"));
  EXPECT_NE(e.where().find("long.rdf:4"), std::string::npos) << e.where();
  EXPECT_NE(e.describe().find("terms are at most"), std::string::npos) << e.what();
}

TEST(Parser, NQuadsInSeveralGraphsAreReadAsTheirUnion) {
  auto triples = parse_string("<http://a> <http://b> \"c\" <http://g> .\n<http://a> <http://b> \"d\" <http://g> .\n", Format::NQuads);
  EXPECT_EQ(triples.size(), 2u);
  triples = parse_string("<http://a> <http://b> \"c\" .\n<http://a> <http://b> \"d\" <http://g> .\n"
                         "<http://a> <http://b> \"e\" _:g .\n",
                         Format::NQuads);
  EXPECT_EQ(triples.size(), 3u);
}

TEST(Parser, UndeclaredPrefixesAreRefusedWithTheirLine) {
  auto e = parse_error("prefix.ttl", "@prefix ex: <http://ex.org/> .\nex:a ex:b ex:c .\nex:a nope:b ex:c .\n");
  EXPECT_NE(e.where().find("prefix.ttl:3:"), std::string::npos) << e.describe();
  EXPECT_NE(e.describe().find("'nope'"), std::string::npos) << e.describe();
}

TEST(Parser, ManyPrefixesAndBasesResolve) {
  std::string text = "@base <http://base.org/dir/> .\n";
  for (int i = 0; i < 200000; ++i) text += "@prefix p" + std::to_string(i) + ": <ns" + std::to_string(i) + "/> .\n";
  text += "p5:a p7:b p199999:c .\n@base <other/> .\n<x> <#y> <../z> .\n";
  auto triples = parse_string(text, Format::Turtle);
  ASSERT_EQ(triples.size(), 2u);
  EXPECT_EQ(triples[0], (Triple{Term::iri("http://base.org/dir/ns5/a"), Term::iri("http://base.org/dir/ns7/b"),
                                Term::iri("http://base.org/dir/ns199999/c")}));
  EXPECT_EQ(triples[1], (Triple{Term::iri("http://base.org/dir/other/x"), Term::iri("http://base.org/dir/other/#y"),
                                Term::iri("http://base.org/dir/z")}));
}

TEST(Parser, RdfXmlEntitiesAreBounded) {
  // An entity of 4 KiB referenced 1,000 times adds 4 MB to a document of 10 KB.
  const std::string doctype = "<!DOCTYPE rdf:RDF [\n<!ENTITY big \"" + std::string(4096, 'x') + "\">\n]>\n";
  std::string refs;
  for (int i = 0; i < 1000; ++i) refs += "&big;";
  auto e = parse_error("entities.rdf", rdfxml_with(doctype, "\n<ex:p>" + refs + "</ex:p>"));
  EXPECT_EQ(e.category(), policykg::Error::Category::Syntax);
  EXPECT_NE(e.where().find("entities.rdf:7:"), std::string::npos) << e.describe();
  EXPECT_NE(e.describe().find("expand to more than"), std::string::npos) << e.describe();
  // Nested entities count what they expand to.
  const std::string laughs = "<!DOCTYPE rdf:RDF [\n<!ENTITY a \"aaaaaaaaaa\">\n<!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;\">\n"
                             "<!ENTITY c \"&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;\">\n<!ENTITY d \"&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;\">\n"
                             "<!ENTITY e \"&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;\">\n<!ENTITY f \"&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;\">\n]>\n";
  e = parse_error("laughs.rdf", rdfxml_with(laughs, "<ex:p>&f;&f;</ex:p>"));
  EXPECT_NE(e.describe().find("expand to more than"), std::string::npos) << e.describe();
  // What ontologies do, naming namespaces, is read.
  const std::string names = "<!DOCTYPE rdf:RDF [\n<!ENTITY xsd \"http://www.w3.org/2001/XMLSchema#\">\n"
                            "<!-- a comment --><!ELEMENT x ANY>\n]>\n";
  auto triples = parse_string(rdfxml_with(names, "<ex:n rdf:datatype=\"&xsd;integer\">7</ex:n>"), Format::RdfXml);
  ASSERT_EQ(triples.size(), 1u);
  EXPECT_EQ(triples[0].o, Term::integer(7));
  // Parameter entities and entities holding markup are not read.
  for (std::string decl : {"<!ENTITY % p \"x\">", "<!ENTITY m \"<ex:q xml:lang='en'>x</ex:q>\">", "<!ENTITY c \"&#60;\">",
                           "<!ATTLIST ex:p xml:lang CDATA \"en\">"}) {
    e = parse_error("dtd.rdf", rdfxml_with("<!DOCTYPE rdf:RDF [\n" + decl + "\n]>\n", "<ex:p>x</ex:p>"));
    EXPECT_NE(e.where().find("dtd.rdf:3:"), std::string::npos) << decl << ": " << e.describe();
  }
}

TEST(Parser, RdfXmlWithAnRdfAttributeGivenTwiceIsRead) {
  // Found by fuzz_rdfxml: raptor 2.0.15 drops one of the two values without freeing it (the
  // sanitizer suites suppress that leak, tests/lsan.supp). One subject is kept, with its property.
  for (const std::string attributes : {"rdf:about=\"http://ex.org/a\" r:about=\"http://ex.org/b\"",
                                       "about=\"http://ex.org/a\" rdf:about=\"http://ex.org/b\""}) {
    const std::string text = "<rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\" "
                             "xmlns:r=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\" xmlns:ex=\"http://ex.org/\">"
                             "<rdf:Description " + attributes + "><ex:p>x</ex:p></rdf:Description></rdf:RDF>";
    auto triples = parse_string(text, Format::RdfXml);
    ASSERT_EQ(triples.size(), 1u) << attributes;
    EXPECT_TRUE(triples[0].s == Term::iri("http://ex.org/a") || triples[0].s == Term::iri("http://ex.org/b")) << attributes;
    EXPECT_EQ(triples[0].o, Term::literal("x")) << attributes;
  }
}

TEST(Parser, DeeplyNestedJsonLdIsRefusedWithItsPlace) {
  const int depth = 10000;
  std::string text = "{\"@id\": \"http://a\",\n \"http://b\": ";
  for (int i = 0; i < depth; ++i) text += "{\"http://c\": ";
  text += "\"x\"";
  for (int i = 0; i < depth; ++i) text += "}";
  text += "}";
  auto e = parse_error("deep.jsonld", text);
  EXPECT_EQ(e.category(), policykg::Error::Category::Syntax);
  EXPECT_NE(e.where().find("deep.jsonld:2:"), std::string::npos) << e.describe();
  EXPECT_NE(e.describe().find("nested too deeply"), std::string::npos) << e.describe();
  // Strings holding brackets do not count.
  auto triples = parse_string("{\"@id\": \"http://a\", \"http://b\": \"" + std::string(1000, '[') + "\"}", Format::JsonLd);
  EXPECT_EQ(triples.size(), 1u);
}

TEST(Parser, DeeplyNestedTurtleIsRefusedWithItsPlace) {
  // 26,000 levels of collections overflowed serd's recursion (found by fuzz_turtle).
  for (const char* open : {"(", "["}) {
    const char close = open[0] == '(' ? ')' : ']';
    std::string text = "@prefix : <http://ex/> .\n:s :p ";
    for (int i = 0; i < 26000; ++i) text += open;
    text += std::string(26000, close) + " .\n";
    auto e = parse_error("deep.ttl", text);
    EXPECT_EQ(e.category(), policykg::Error::Category::Syntax);
    // The bracket that opens level 257: after "@prefix … .", then ":s :p " and 256 of them.
    EXPECT_TRUE(e.where().ends_with("/deep.ttl:2:263")) << e.describe();
    EXPECT_EQ(e.place().line, 2u);
    EXPECT_EQ(e.place().offset, 25u + 6u + 256u);
    EXPECT_NE(e.describe().find("nested too deeply"), std::string::npos) << e.describe();
  }
  // 256 levels are read; brackets in IRIs, strings and comments do not count.
  std::string ok = "<http://ex/s> <http://ex/p> ";
  for (int i = 0; i < 256; ++i) ok += "[ <http://ex/q> ";
  ok += "\"((([[[\"";
  for (int i = 0; i < 256; ++i) ok += " ]";
  ok += " .\n# " + std::string(1000, '(') + "\n<http://ex/s> <http://ex/p> \"\"\"" + std::string(1000, '[') +
        "\"\"\", <http://ex/(((" + std::string(1000, '(') + "> .\n";
  EXPECT_EQ(parse_string(ok, Format::Turtle).size(), 259u);
}

// ---- read_file: the same triples and errors as parse_file, a triple at a time ------------------

namespace {

std::vector<Triple> streamed(const fs::path& file) {
  std::vector<Triple> out;
  read_file(file, [&](const Triple& t) { out.push_back(t); });
  return out;
}

policykg::Error stream_error(const fs::path& file) {
  try {
    read_file(file, [](const Triple&) {});
  } catch (const policykg::Error& e) {
    return e;
  }
  ADD_FAILURE() << file << " was accepted";
  return policykg::Error(policykg::Error::Category::Internal, "", "");
}

}  // namespace

TEST(ReadFile, GivesParseFilesTriplesInTheirOrderForEveryFormat) {
  for (const auto& [name, text] : kDocuments) {
    auto file = temp_file(name, text);
    const auto parsed = parse_file(file), read = streamed(file);
    ASSERT_FALSE(read.empty()) << name;
    // Turtle's and RDF/XML's blank nodes are new at every read: named by their keys, then in order
    ASSERT_EQ(read.size(), parsed.size()) << name;
    EXPECT_EQ(canonical(read), canonical(parsed)) << name;
    for (std::size_t i = 0; i < read.size(); ++i) {
      EXPECT_EQ(read[i].p, parsed[i].p) << name << " " << i;
      if (!read[i].s.is_blank()) {
        EXPECT_EQ(read[i].s, parsed[i].s) << name << " " << i;
      }
    }
  }
  EXPECT_TRUE(streamed(temp_file("empty.nt", "")).empty());
}

TEST(ReadFile, ChecksTextPastItsFirstWindowAndSaysWhere) {
  // Over 16 MiB, the window read_file checks ahead of serd: a bad byte in the second window is
  // refused with the line parse_file gives it, after the triples before it.
  std::string text;
  std::size_t lines = 0;
  for (; text.size() < (std::size_t{17} << 20); ++lines)
    text += "<http://ex.org/s" + std::to_string(lines) + "> <http://ex.org/p> \"" + std::string(lines % 301, 'x') + "\" .\n";
  auto good = temp_file("windows.nt", text);
  std::size_t count = 0;
  read_file(good, [&](const Triple&) { ++count; });
  EXPECT_EQ(count, lines);
  text += "<http://a> <http://b> \"x\xff\" .\n";
  auto bad = temp_file("windows-bad.nt", text);
  const auto e = stream_error(bad), expected = parse_error("windows-bad.nt", text);
  EXPECT_EQ(e.describe(), expected.describe());
  EXPECT_NE(e.where().find(":" + std::to_string(lines + 1) + ":"), std::string::npos) << e.where();
  fs::remove(good);
  fs::remove(bad);
}

TEST(ReadFile, RefusesWhatParseFileRefusesWithTheSameError) {
  const std::vector<std::pair<std::string, std::string>> cases = {
      {"syntax.ttl", "@prefix ex: <http://ex.org/> .\nex:a ex:b ex:c .\nex:a ex:b \"unterminated .\n"},
      {"syntax.nt", "<http://ex.org/a> <http://ex.org/b> <http://ex.org/c> .\n<http://ex.org/a> <http://ex.org/b> .\n"},
      {"prefix.ttl", "<http://a> <http://b> \"c\" .\nnope:a <http://b> \"c\" .\n"},
      {"tag.nt", "<http://a> <http://b> \"c\"@" + std::string(70, 'a') + " .\n"},
      {"utf8.ttl", "<http://a> <http://b> \"c\" .\n<http://a> <http://b> \"\xc3\" .\n"},
      {"nul.nq", "<http://a> <http://b> \"c\" .\n<http://a> <http://b> \"" + std::string(1, '\0') + "\" .\n"},
      {"deep.ttl", "<http://a> <http://b> " + std::string(300, '[') + "\n"},
      {"markup.rdf", "<rdf:RDF xmlns:rdf='http://www.w3.org/1999/02/22-rdf-syntax-ns#'>\n<rdf:Description>\n</rdf:RDF>\n"},
  };
  for (const auto& [name, text] : cases) {
    auto file = temp_file(name, text);
    const auto e = stream_error(file), expected = parse_error(name, text);
    EXPECT_EQ(e.category(), policykg::Error::Category::Syntax) << name;
    EXPECT_EQ(e.describe(), expected.describe()) << name;
  }
  EXPECT_THROW(read_file(policykg::test::process_temp_dir() / "absent.nt", [](const Triple&) {}), policykg::Error);
  EXPECT_THROW(read_file(policykg::test::process_temp_dir(), [](const Triple&) {}, Format::NTriples), policykg::Error);
}
