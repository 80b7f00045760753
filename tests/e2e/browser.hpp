// The browser tests' shared steps: whether headless Chromium (Debian's, or POLICYKG_CHROMIUM) and
// the npm packages are here, and running one of the tests/js/*.mjs scripts with node.
#pragma once

#include <cstdlib>
#include <filesystem>
#include <string>
#include <vector>

#include "tests/e2e/run.hpp"

namespace policykg::test {

/// Why the browser tests cannot run here, or "" when they can; `with_yasgui` for the query page.
inline std::string browser_missing(bool with_yasgui = false) {
  namespace fs = std::filesystem;
  const fs::path source = POLICYKG_SOURCE_DIR;
  const fs::path chromium = std::getenv("POLICYKG_CHROMIUM") ? std::getenv("POLICYKG_CHROMIUM") : "/usr/bin/chromium";
  if (!fs::exists(chromium) || !fs::exists(source / "tests/js/node_modules/playwright-core") ||
      (with_yasgui && !fs::exists(source / "web/node_modules/@zazuko/yasgui")))
    return "needs Debian's chromium and the npm packages (scripts/install-deps)";
  return {};
}

/// Runs `node tests/js/SCRIPT ARGS...`; its JSON is on `out`, its complaint on `err`.
inline RunResult run_browser_script(const std::string& script, const std::vector<std::string>& args) {
  std::vector<std::string> all{(std::filesystem::path(POLICYKG_SOURCE_DIR) / "tests/js" / script).string()};
  all.insert(all.end(), args.begin(), args.end());
  return run_binary("node", all);
}

}  // namespace policykg::test
