// The layout query/README.md describes, checked on the source tree: the SPARQL engine and the
// traversals do not include each other, what is under an internal/ folder is included only by its
// own library and that library's unit tests (tests/query/), and query/ includes no module above it.
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <regex>
#include <sstream>
#include <string>
#include <utility>
#include <vector>

namespace {

namespace fs = std::filesystem;

struct Include {
  std::string file;    ///< the including file, relative to the source tree
  std::string target;  ///< what it includes, as written
};

/// Every #include of the project's C++ sources (build folders and node_modules aside).
std::vector<Include> includes() {
  const fs::path root(POLICYKG_SOURCE_DIR);
  const std::regex line(R"(^\s*#\s*include\s*[<"]([^>"]+)[>"])");
  std::vector<Include> out;
  for (auto it = fs::recursive_directory_iterator(root); it != fs::recursive_directory_iterator();
       ++it) {
    const std::string name = it->path().filename().string();
    if (it->is_directory() &&
        (name == "build" || name == "node_modules" || name.starts_with("."))) {
      it.disable_recursion_pending();
      continue;
    }
    const std::string ext = it->path().extension().string();
    if (!it->is_regular_file() || (ext != ".cpp" && ext != ".hpp")) continue;
    std::ifstream in(it->path());
    const std::string rel = fs::relative(it->path(), root).generic_string();
    for (std::string text; std::getline(in, text);) {
      std::smatch m;
      if (std::regex_search(text, m, line)) out.push_back({rel, m[1]});
    }
  }
  return out;
}

bool under(const std::string& path, const std::string& folder) {
  return path.rfind(folder, 0) == 0;
}

TEST(Layering, TheTreeHasSourcesToCheck) {
  auto all = includes();
  EXPECT_GT(all.size(), 500u);
  EXPECT_TRUE(std::any_of(all.begin(), all.end(),
                          [](const Include& i) { return under(i.file, "query/sparql/"); }));
}

TEST(Layering, InternalHeadersStayInTheirLibraryAndItsTests) {
  for (const auto& [library, tests] : {std::pair{"query/sparql/", "tests/query/"},
                                       std::pair{"query/traversal/", "tests/query/"}}) {
    const std::string internal = std::string(library) + "internal/";
    for (const auto& i : includes()) {
      if (!under(i.target, internal)) continue;
      EXPECT_TRUE(under(i.file, library) || under(i.file, tests)) << i.file << " includes " << i.target;
    }
  }
}

TEST(Layering, TheEngineAndTheTraversalsDoNotIncludeEachOther) {
  for (const auto& i : includes()) {
    if (under(i.file, "query/sparql/")) {
      EXPECT_FALSE(under(i.target, "query/traversal/")) << i.file << " includes " << i.target;
    }
    if (under(i.file, "query/traversal/")) {
      EXPECT_FALSE(under(i.target, "query/sparql/")) << i.file << " includes " << i.target;
    }
  }
}

TEST(Layering, QueryIncludesNoModuleAboveIt) {
  for (const auto& i : includes()) {
    if (!under(i.file, "query/")) continue;
    for (const char* above : {"builder/", "cli/", "server/", "export/", "diff/", "redland.h"})
      EXPECT_FALSE(under(i.target, above)) << i.file << " includes " << i.target;
  }
}

}  // namespace
