// Corpus generator (see the header): a linear congruential generator seeded by the index.
#include "bench/builder/corpus_generator.hpp"

#include <algorithm>
#include <cstdint>
#include <vector>

namespace policykg::bench {

namespace {

struct Lcg {
  std::uint64_t state;
  std::uint64_t next() {
    state = state * 6364136223846793005ULL + 1442695040888963407ULL;
    return state >> 33;
  }
};

void replace_all(std::string& s, const std::string& from, const std::string& to) {
  for (std::size_t p = s.find(from); p != std::string::npos; p = s.find(from, p + to.size())) s.replace(p, from.size(), to);
}

}  // namespace

std::string generate_document(std::size_t index, const std::string& seed) {
  Lcg rng{index * 2654435761ULL + 1};
  std::string text = seed;
  // Permute the district names (placeholders first so that swaps do not collide).
  std::vector<std::string> districts = {"Dongcheng", "Xicheng", "Chaoyang", "Fengtai", "Shijingshan", "Haidian",
                                        "Mentougou", "Fangshan", "Tongzhou", "Shunyi", "Changping", "Daxing",
                                        "Huairou", "Pinggu", "Miyun", "Yanqing"};
  std::vector<std::string> shuffled = districts;
  for (std::size_t i = shuffled.size(); i > 1; --i) std::swap(shuffled[i - 1], shuffled[rng.next() % i]);
  for (std::size_t i = 0; i < districts.size(); ++i) replace_all(text, districts[i] + " District", "@D" + std::to_string(i) + "@");
  for (std::size_t i = 0; i < districts.size(); ++i) replace_all(text, "@D" + std::to_string(i) + "@", shuffled[i] + " District");
  // Reorder the initiatives of each task: paragraphs between two task headings.
  std::vector<std::string> paragraphs;
  for (std::size_t p = 0; p < text.size();) {
    std::size_t e = text.find("\n\n", p);
    e = e == std::string::npos ? text.size() : e + 2;
    paragraphs.push_back(text.substr(p, e - p));
    p = e;
  }
  auto is_heading = [](const std::string& p) { return !p.empty() && p[0] >= '0' && p[0] <= '9' && p.find(". ") < 3; };
  std::size_t i = 0;
  while (i < paragraphs.size()) {
    if (!is_heading(paragraphs[i])) {
      ++i;
      continue;
    }
    std::size_t j = i + 1;
    while (j < paragraphs.size() && !is_heading(paragraphs[j]) && paragraphs[j].rfind("III", 0) != 0) ++j;
    for (std::size_t k = j; k > i + 2; --k) std::swap(paragraphs[k - 1], paragraphs[i + 1 + rng.next() % (k - i - 1)]);
    i = j;
  }
  text.clear();
  for (const auto& p : paragraphs) text += p;
  // Move the dates.
  replace_all(text, "January 31, 2019", "January " + std::to_string(1 + rng.next() % 28) + ", " + std::to_string(2015 + index % 10));
  return text;
}

}  // namespace policykg::bench
