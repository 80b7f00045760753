// Times `policykg diff` on two generated plans of 1,000 measures each (20 tasks of 10 initiatives
// of 5 measures, and a last section), the second the first with every 10th measure reworded,
// every 50th dropped, every 50th (offset) moved to the next initiative, every 40th initiative
// given one more measure. Writes both texts to a folder (argument, default the temporary folder)
// so that the command can be timed on them too, then times, in process, building each text in
// memory, aligning the two and writing the table (best of 5). bench/README.md has figures.
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <random>
#include <string>
#include <vector>

#include "diff/diff.hpp"
#include "diff/report.hpp"
#include "ontology/terms.hpp"

namespace {

const char* const kWords[] = {
    "finance", "culture", "tourism", "hospitals", "banks", "insurance", "logistics", "aviation", "airports",
    "exhibitions", "patents", "trademarks", "copyrights", "consulting", "accounting", "architecture", "education",
    "schools", "universities", "elderly", "care", "museums", "theatres", "films", "games", "animation", "software",
    "data", "platforms", "credit", "payments", "settlement", "currency", "bonds", "funds", "equity", "venture",
    "capital", "angel", "investment", "innovation", "technology", "research", "laboratories", "talent", "visas",
    "residence", "permits", "customs", "clearance", "ports", "trade", "services", "goods", "exports", "imports",
    "warehouses", "parks", "zones", "enterprises", "institutions", "investors", "brokers", "firms", "offices",
    "branches", "subsidiaries"};
const char* const kVerbs[] = {"support", "encourage", "allow", "permit", "explore", "promote", "establish", "expand",
                              "improve", "develop", "build", "strengthen", "optimize", "introduce", "attract"};

struct Plan {
  // tasks -> initiatives -> (heading, measures)
  std::vector<std::vector<std::pair<std::string, std::vector<std::string>>>> tasks;
  std::vector<std::string> task_headings;
};

Plan generate() {
  std::mt19937 rng(20190131);
  auto pick = [&rng](auto& array) {
    return std::string(array[std::uniform_int_distribution<std::size_t>(0, std::size(array) - 1)(rng)]);
  };
  auto words = [&](int n) {
    std::string s;
    for (int k = 0; k < n; ++k) s += (k ? " " : "") + pick(kWords);
    return s;
  };
  Plan p;
  for (int t = 0; t < 20; ++t) {
    p.task_headings.push_back("Task heading " + std::to_string(t + 1) + " about " + words(5));
    p.tasks.emplace_back();
    for (int i = 0; i < 10; ++i) {
      std::vector<std::string> measures;
      for (int m = 0; m < 5; ++m)
        measures.push_back(pick(kVerbs) + " " + words(std::uniform_int_distribution<int>(6, 14)(rng)));
      p.tasks.back().push_back({"Initiative on " + pick(kWords) + " and " + pick(kWords), measures});
    }
  }
  return p;
}

// The same plan edited: reworded, dropped, moved and added measures.
Plan edit(Plan p) {
  int n = 0;
  std::vector<std::string> carried;
  for (auto& task : p.tasks)
    for (auto& [heading, measures] : task) {
      std::vector<std::string> kept;
      for (auto& m : carried) kept.push_back(m);
      carried.clear();
      for (auto& m : measures) {
        ++n;
        if (n % 50 == 0) continue;  // dropped
        if (n % 50 == 25) {         // moved to the next initiative
          carried.push_back(m);
          continue;
        }
        if (n % 10 == 3) m = "further " + m.substr(0, m.rfind(' ')) + " nationwide";  // reworded
        kept.push_back(m);
      }
      if (n % 40 < 5) kept.push_back("introduce measures on generated services number " + std::to_string(n));
      measures = kept;
    }
  return p;
}

std::string text(const Plan& p) {
  std::string out =
      "Plan for Generated Pilot Program\n\nWe have drawn up this plan.\n\nI . General Requirements\n\nWe shall follow "
      "the guidance.\n\nII . Main Tasks\n\n";
  for (std::size_t t = 0; t < p.tasks.size(); ++t) {
    out += std::to_string(t + 1) + ". " + p.task_headings[t] + "\n\n";
    for (const auto& [heading, measures] : p.tasks[t]) {
      out += heading + ". We shall ";
      for (std::size_t m = 0; m < measures.size(); ++m)
        out += (m == 0 ? "" : m + 1 == measures.size() ? "; and " : "; ") + measures[m];
      out += ".\n\n";
    }
  }
  return out + "III . Organization and Implementation\n\nWe shall strengthen leadership.\n";
}

}  // namespace

int main(int argc, char** argv) {
  namespace fs = std::filesystem;
  using namespace policykg;
  const fs::path dir = argc > 1 ? fs::path(argv[1]) : fs::temp_directory_path() / "policykg-diff-bench";
  fs::create_directories(dir);
  const Plan old_plan = generate();
  const fs::path old_file = dir / "generated-plan-old.txt", new_file = dir / "generated-plan-new.txt";
  std::ofstream(old_file, std::ios::binary) << text(old_plan);
  std::ofstream(new_file, std::ios::binary) << text(edit(old_plan));
  std::printf("texts: %s (%ju bytes), %s (%ju bytes)\n", old_file.c_str(), static_cast<std::uintmax_t>(fs::file_size(old_file)),
              new_file.c_str(), static_cast<std::uintmax_t>(fs::file_size(new_file)));

  using Clock = std::chrono::steady_clock;
  auto ms = [](Clock::duration d) { return std::chrono::duration<double, std::milli>(d).count(); };
  double best_read = 1e9, best_align = 1e9, best_write = 1e9;
  diff::Diff result;
  const std::string base(ns::kDefaultBase);
  for (int run = 0; run < 5; ++run) {
    auto t0 = Clock::now();
    diff::Version a = diff::read_file_version(old_file.string(), base);
    diff::Version b = diff::read_file_version(new_file.string(), base);
    auto t1 = Clock::now();
    result = diff::compare(std::move(a), std::move(b));
    auto t2 = Clock::now();
    std::string table = diff::to_text(result, base);
    auto t3 = Clock::now();
    best_read = std::min(best_read, ms(t1 - t0));
    best_align = std::min(best_align, ms(t2 - t1));
    best_write = std::min(best_write, ms(t3 - t2));
  }
  std::size_t measures_old = 0, measures_new = 0;
  for (const auto& u : result.old_version.units) measures_old += u.type == "Measure";
  for (const auto& u : result.new_version.units) measures_new += u.type == "Measure";
  std::printf("units: %zu old (%zu measures), %zu new (%zu measures)\n", result.old_version.units.size(), measures_old,
              result.new_version.units.size(), measures_new);
  std::printf("rows: unchanged %zu, revised %zu, moved %zu, added %zu, removed %zu\n",
              result.count(diff::Change::Unchanged), result.count(diff::Change::Revised),
              result.count(diff::Change::Moved), result.count(diff::Change::Added), result.count(diff::Change::Removed));
  std::printf("best of 5: building both texts %.1f ms, aligning %.1f ms, writing the table %.1f ms, total %.1f ms\n",
              best_read, best_align, best_write, best_read + best_align + best_write);
  return 0;
}
