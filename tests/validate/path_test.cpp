// validate/path: SHACL property paths read from a shapes graph and evaluated on data.
#include <gtest/gtest.h>

#include "core/error.hpp"
#include "tests/validate/constraint_cases.hpp"
#include "tests/validate/validate_fixture.hpp"
#include "validate/path.hpp"

namespace policykg {
namespace {

rdf::Term ex(const std::string& local) { return rdf::Term::iri("http://example.org/" + local); }

validate::Path path_of(const std::string& shape_turtle) {
  auto shapes = test::turtle(std::string(test::kPrefixes) + shape_turtle);
  auto found = shapes.find({ex("S"), rdf::Term::iri("http://www.w3.org/ns/shacl#path"), std::nullopt});
  EXPECT_EQ(found.size(), 1u);
  return validate::read_path(shapes, found.front().o);
}

std::string text(const validate::Path& p) { return validate::to_string(p, test::local_name); }

const char* kData = "ex:a ex:p ex:b .\nex:b ex:p ex:c .\nex:c ex:q ex:d .\nex:a ex:q ex:e .";

std::set<std::string> eval(const validate::Path& p, const std::string& from) {
  auto data = test::turtle(std::string(test::kPrefixes) + kData);
  std::set<std::string> out;
  for (const auto& t : validate::evaluate(data, ex(from), p)) out.insert(test::local_name(t.value));
  return out;
}

TEST(Path, Predicate) {
  auto p = path_of("ex:S sh:path ex:p .");
  EXPECT_EQ(text(p), "p");
  EXPECT_EQ(eval(p, "a"), (std::set<std::string>{"b"}));
}

TEST(Path, Inverse) {
  auto p = path_of("ex:S sh:path [ sh:inversePath ex:p ] .");
  EXPECT_EQ(text(p), "^p");
  EXPECT_EQ(eval(p, "c"), (std::set<std::string>{"b"}));
}

TEST(Path, SequenceAndAlternative) {
  auto seq = path_of("ex:S sh:path ( ex:p ex:p ex:q ) .");
  EXPECT_EQ(text(seq), "(p/p/q)");
  EXPECT_EQ(eval(seq, "a"), (std::set<std::string>{"d"}));
  auto alt = path_of("ex:S sh:path [ sh:alternativePath ( ex:p ex:q ) ] .");
  EXPECT_EQ(text(alt), "(p|q)");
  EXPECT_EQ(eval(alt, "a"), (std::set<std::string>{"b", "e"}));
}

TEST(Path, InverseOfASequenceWalksBackwards) {
  auto p = path_of("ex:S sh:path [ sh:inversePath ( ex:p ex:q ) ] .");
  EXPECT_EQ(eval(p, "d"), (std::set<std::string>{"b"}));
}

TEST(Path, Repetition) {
  EXPECT_EQ(eval(path_of("ex:S sh:path [ sh:zeroOrMorePath ex:p ] ."), "a"), (std::set<std::string>{"a", "b", "c"}));
  EXPECT_EQ(eval(path_of("ex:S sh:path [ sh:oneOrMorePath ex:p ] ."), "a"), (std::set<std::string>{"b", "c"}));
  EXPECT_EQ(eval(path_of("ex:S sh:path [ sh:zeroOrOnePath ex:p ] ."), "a"), (std::set<std::string>{"a", "b"}));
  EXPECT_EQ(text(path_of("ex:S sh:path [ sh:oneOrMorePath ex:p ] .")), "p+");
}

TEST(Path, RejectsWhatIsNotAPath) {
  EXPECT_THROW(path_of("ex:S sh:path [ ex:foo ex:p ] ."), Error);
  EXPECT_THROW(path_of("ex:S sh:path \"p\" ."), Error);
}

}  // namespace
}  // namespace policykg
