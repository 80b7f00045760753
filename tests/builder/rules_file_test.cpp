// The rule and gazetteer files are read strictly: an unknown key, a key given twice, a value of
// the wrong type or a missing required key is one error naming the file, the line and column, and
// the key's path.
#include <gtest/gtest.h>
#include <unistd.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <map>
#include <string>

#include "builder/gazetteer.hpp"
#include "builder/rules.hpp"
#include "core/error.hpp"
#include "graph.hpp"

namespace {

namespace fs = std::filesystem;
using policykg::builder::Gazetteer;
using policykg::builder::Rules;

// The smallest rule files that load: every file there, with only its required keys.
const std::map<std::string, std::string> kMinimal = {
    {"structure.json", "{}\n"},          {"entity_patterns.json", "{\"patterns\": []}\n"},
    {"citations.json", "{}\n"},          {"relations.json", "{}\n"},
    {"conditions.json", "{\"conditions\": []}\n"}, {"classification.json", "{}\n"}};

class RulesFile : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() /
           ("policykg-rules-file-" + std::string(::testing::UnitTest::GetInstance()->current_test_info()->name()) + "-" +
            std::to_string(::getpid()));
    fs::remove_all(dir_);
    fs::create_directories(dir_);
    for (const auto& [name, text] : kMinimal) write(name, text);
  }
  void TearDown() override { fs::remove_all(dir_); }

  void write(const std::string& name, const std::string& text) const {
    std::ofstream(dir_ / name, std::ios::binary) << text;
  }

  // The error loading the rules gives ("" and a test failure when there is none).
  policykg::Error load_error() const {
    try {
      Rules::load(dir_);
    } catch (const policykg::Error& e) {
      return e;
    }
    ADD_FAILURE() << "the rules loaded";
    return policykg::Error(policykg::Error::Category::Internal, "", "");
  }

  std::string at(const std::string& file, int line, int column) const {
    return (dir_ / file).string() + ":" + std::to_string(line) + ":" + std::to_string(column);
  }

  fs::path dir_;
};

TEST_F(RulesFile, MinimalAndRealFilesLoad) {
  EXPECT_NO_THROW(Rules::load(dir_));
  const Rules real = Rules::load(policykg::test::source_dir() / "data/rules");
  EXPECT_FALSE(real.relations.lead_cues.empty());
  EXPECT_FALSE(real.entity_patterns.patterns.empty());
  EXPECT_EQ(real.relations.passive_agent_cue, "by");
  EXPECT_NO_THROW(Gazetteer::load(policykg::test::source_dir() / "data/gazetteer"));
  // A comment is allowed in any object, and values still load beside it.
  write("relations.json", "{\"comment\": \"top\", \"lead_cues\": [\"take the lead\"]}");
  write("entity_patterns.json",
        "{\"patterns\": [{\"comment\": \"a pattern\", \"kind\": \"Zone\", \"head\": \"New Area\", \"id_prefix\": \"zone/\"}]}");
  const Rules r = Rules::load(dir_);
  EXPECT_EQ(r.relations.lead_cues, std::vector<std::string>{"take the lead"});
  ASSERT_EQ(r.entity_patterns.patterns.size(), 1u);
  EXPECT_EQ(r.entity_patterns.patterns[0].head, "New Area");
}

TEST_F(RulesFile, AnUnknownTopLevelKeyIsNamedAtItsLine) {
  write("relations.json", "{\n  \"comment\": \"cues\",\n  \"lead_cue\": [\"take the lead\"]\n}\n");
  const policykg::Error e = load_error();
  EXPECT_EQ(e.category(), policykg::Error::Category::Input);
  EXPECT_EQ(e.where(), at("relations.json", 3, 3));
  const std::string message = e.what();
  EXPECT_EQ(message.rfind("unknown key \"lead_cue\" (known: ", 0), 0u) << message;
  EXPECT_NE(message.find("lead_cues"), std::string::npos) << message;  // the key meant is listed
}

TEST_F(RulesFile, AnUnknownNestedKeyNamesItsPath) {
  write("entity_patterns.json",
        "{\"patterns\": [\n"
        "  {\"kind\": \"Zone\", \"head\": \"New Area\", \"id_prefix\": \"zone/\"},\n"
        "  {\"kind\": \"Zone\", \"head\": \"Park\", \"id_prefix\": \"zone/\", \"tail_word\": 2}\n"
        "]}\n");
  const policykg::Error e = load_error();
  EXPECT_EQ(e.where(), at("entity_patterns.json", 3, 58));
  EXPECT_EQ(std::string(e.what()).rfind("unknown key \"tail_word\" in patterns[1] (known: kind, head, before_words, tail_words,", 0),
            0u)
      << e.what();
  // Deeper: an object inside an object.
  write("entity_patterns.json", "{\"patterns\": []}");
  write("classification.json", "{\"statements\": {\n\"headings\": [],\n  \"opening\": []}}");
  const policykg::Error deep = load_error();
  EXPECT_EQ(deep.where(), at("classification.json", 3, 3));
  EXPECT_EQ(std::string(deep.what()), "unknown key \"opening\" in statements (known: headings, openings, phrases)");
}

TEST_F(RulesFile, AValueOfTheWrongTypeNamesItsPath) {
  write("relations.json", "{\n  \"lead_cues\": [\"take the lead\",\n    5]\n}\n");
  policykg::Error e = load_error();
  EXPECT_EQ(e.where(), at("relations.json", 3, 5));
  EXPECT_EQ(std::string(e.what()), "lead_cues[1]: expected a string, found the number 5");

  write("relations.json", "{}");
  write("structure.json", "{\"months\": [],\n \"heading_max_words\": \"25\"}");
  e = load_error();
  EXPECT_EQ(e.where(), at("structure.json", 2, 2));
  EXPECT_EQ(std::string(e.what()), "heading_max_words: expected a whole number (0 or more), found a string");

  write("structure.json", "{\"heading_max_words\": -1}");
  e = load_error();
  EXPECT_EQ(e.where(), at("structure.json", 1, 2));
  EXPECT_EQ(std::string(e.what()), "heading_max_words: expected a whole number (0 or more), found the number -1");

  write("structure.json", "{}");
  write("conditions.json", "{\"conditions\": [{\"condition\": \"x\", \"phrases\": [\"a\"], \"extends\": \"yes\"}]}");
  e = load_error();
  EXPECT_EQ(std::string(e.what()), "conditions[0].extends: expected true or false, found a string");

  write("conditions.json", "{\"conditions\": {}}");
  e = load_error();
  EXPECT_EQ(e.where(), at("conditions.json", 1, 2));
  EXPECT_EQ(std::string(e.what()), "conditions: expected an array, found an object");

  write("conditions.json", "{\"comment\": [\"not\", \"a string\"], \"conditions\": []}");
  e = load_error();
  EXPECT_EQ(std::string(e.what()), "comment: expected a string, found an array");
}

TEST_F(RulesFile, AMissingRequiredKeyATwiceGivenKeyAndBadJsonArePlaced) {
  write("conditions.json", "{\"conditions\": [\n  {\"condition\": \"upon approval\"}\n]}");
  policykg::Error e = load_error();
  EXPECT_EQ(e.where(), at("conditions.json", 2, 3));
  EXPECT_EQ(std::string(e.what()), "conditions[0]: missing key \"phrases\"");

  write("conditions.json", "{\"conditions\": []}");
  write("citations.json", "{\"issuer_cues\": [\"made by\"],\n\"issuer_cues\": []}");
  e = load_error();
  EXPECT_EQ(e.where(), at("citations.json", 2, 1));
  EXPECT_EQ(std::string(e.what()), "key \"issuer_cues\" given twice (first at 1:2)");

  write("citations.json", "{\n  \"issuer_cues\": [\"made by\",]\n}");
  e = load_error();
  EXPECT_EQ(e.where(), at("citations.json", 2, 29));
  EXPECT_NE(std::string(e.what()).find("not JSON"), std::string::npos) << e.what();

  fs::remove(dir_ / "citations.json");
  e = load_error();
  EXPECT_EQ(e.where(), (dir_ / "citations.json").string());
}

TEST_F(RulesFile, AMisspeltKeyInTheRealRulesIsFoundAtItsLine) {
  fs::remove_all(dir_);
  fs::copy(policykg::test::source_dir() / "data/rules", dir_);
  std::ifstream in(dir_ / "relations.json");
  std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  in.close();
  const std::size_t key = text.find("\"back_dependency_cues\"");
  ASSERT_NE(key, std::string::npos);
  text.replace(key, 22, "\"back_dependency_cue\"");
  std::ofstream(dir_ / "relations.json") << text;
  const int line = 1 + static_cast<int>(std::count(text.begin(), text.begin() + static_cast<std::ptrdiff_t>(key), '\n'));
  const int column = static_cast<int>(key - text.rfind('\n', key));
  const policykg::Error e = load_error();
  EXPECT_EQ(e.where(), at("relations.json", line, column));
  EXPECT_EQ(std::string(e.what()).rfind("unknown key \"back_dependency_cue\" (known: ", 0), 0u) << e.what();
}

TEST(GazetteerFile, UnknownKeysAndWrongTypesArePlaced) {
  const fs::path dir = fs::temp_directory_path() / ("policykg-gazetteer-file-" + std::to_string(::getpid()));
  fs::remove_all(dir);
  fs::create_directories(dir);
  auto error = [&](const std::string& file, const std::string& text) {
    std::ofstream(dir / file, std::ios::binary) << text;
    try {
      Gazetteer::load(dir);
    } catch (const policykg::Error& e) {
      fs::remove(dir / file);
      return e.describe();
    }
    fs::remove(dir / file);
    return std::string("loaded");
  };
  const std::string districts = (dir / "districts.json").string();
  EXPECT_EQ(error("districts.json",
                  "{\"kind\": \"District\", \"entries\": [\n"
                  "  {\"id\": \"district/a\", \"name\": \"A\", \"alias\": [\"the A\"]}\n]}"),
            districts + ":2:37: unknown key \"alias\" in entries[0] (known: id, name, aliases, misspellings, parent, located_in, name_zh, wikidata, wikidata_source)");
  EXPECT_EQ(error("districts.json", "{\"kind\": \"District\", \"entries\": [{\"id\": \"district/a\", \"name\": \"A\", \"parent\": null}]}"),
            districts + ":1:68: entries[0].parent: expected a string, found null");
  EXPECT_EQ(error("districts.json", "{\"kind\": \"Distric\", \"entries\": []}"),
            districts + ":1:2: kind: unknown entity kind 'Distric'");
  EXPECT_EQ(error("districts.json", "{\"kind\": \"District\", \"entries\": [{\"id\": \"district/a\", \"name\": \"A\"}]}"), "loaded");
  // A Wikidata item comes with the stored Wikidata page that confirms it, or not at all.
  const std::string regions = (dir / "regions.json").string();
  auto region = [](const std::string& members) {
    return "{\"kind\": \"Region\", \"entries\": [{\"id\": \"region/a\", \"name\": \"A\"" + members + "}]}";
  };
  EXPECT_EQ(error("regions.json", region(", \"wikidata\": \"Q956\", \"wikidata_source\": "
                                         "\"https://www.wikidata.org/wiki/Property_talk:P442\"")),
            "loaded");
  EXPECT_EQ(error("regions.json", region(", \"wikidata\": \"956\", \"wikidata_source\": \"https://www.wikidata.org/\"")),
            regions + ":1:64: entries[0].wikidata: a Wikidata item is Q and a number (\"Q956\"), not '956'");
  EXPECT_EQ(error("regions.json", region(", \"wikidata\": \"Q956\"")),
            regions + ":1:32: entries[0]: missing key \"wikidata_source\"");
  EXPECT_EQ(error("regions.json", region(", \"wikidata\": \"Q956\", \"wikidata_source\": \"https://en.wikipedia.org/\"")),
            regions + ":1:84: entries[0].wikidata_source: the page that confirms the item is a www.wikidata.org page, "
                      "not 'https://en.wikipedia.org/'");
  EXPECT_EQ(error("regions.json", region(", \"wikidata_source\": \"https://www.wikidata.org/\"")),
            regions + ":1:64: entries[0].wikidata_source: a source without a \"wikidata\" item");
  EXPECT_EQ(error("documents.json", "{\"documents\": [{\"id\": \"doc/x\", \"titel\": \"X\"}]}"),
            (dir / "documents.json").string() + ":1:32: unknown key \"titel\" in documents[0] (known: id, identifier, title, aliases, type, issuer)");
  fs::remove_all(dir);
}

}  // namespace
