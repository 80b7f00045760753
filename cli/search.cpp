// policykg search WORDS... [--limit N] [--data FILE...|--store SPEC] [--format text|csv|tsv|json]
#include <iostream>
#include <memory>

#include "cli/commands.hpp"
#include "cli/table.hpp"
#include "cli/traversal_input.hpp"
#include "core/error.hpp"
#include "ontology/terms.hpp"
#include "query/traversal/text_search.hpp"

namespace policykg::cli {

namespace {

struct SearchOptions : TraversalOptions {
  std::vector<std::string> words;
  std::size_t limit = 20;
};

void run_search(const SearchOptions& o) {
  std::string text;
  for (const auto& w : o.words) text += (text.empty() ? "" : " ") + w;
  if (query::search_words(text).empty())
    throw Error(Error::Category::Usage, "search \"" + text + "\"", "no word to search for (letters or digits)");
  TraversalInput in(o.source);
  query::TextIndex index(in.view);
  auto hits = index.search(text, o.limit);
  const std::size_t words = query::search_words(text).size();
  if (o.format != "text") {
    Table t{{"rank", "iri", "key", "class", "label", "words_matched", "phrase", "score", "snippet"}, {}};
    for (std::size_t i = 0; i < hits.size(); ++i) {
      const auto& h = hits[i];
      const auto& node = in.view.node(h.vertex);
      char score[32];
      std::snprintf(score, sizeof score, "%.3f", h.score);
      t.rows.push_back({std::to_string(i + 1), node.iri, query::key_of(in.view, h.vertex),
                        query::compact_iri(node.cls, in.base), node.label, std::to_string(h.matched),
                        h.phrase ? "true" : "false", score, h.snippet});
    }
    write_table(std::cout, t, o.format);
    return;
  }
  std::cout << hits.size() << (hits.size() == o.limit ? " best" : "") << " answers for \"" << text << "\""
            << (hits.empty() ? "" : ", best first") << "\n";
  for (std::size_t i = 0; i < hits.size(); ++i) {
    const auto& h = hits[i];
    const std::string key = query::key_of(in.view, h.vertex);
    std::cout << "\n" << i + 1 << ". " << (key.empty() ? "" : key + "  ") << in.describe(h.vertex) << "\n";
    std::cout << "   " << (h.phrase ? "the words side by side" : std::to_string(h.matched) + " of " + std::to_string(words) + " words");
    if (!in.view.node(h.vertex).cls.empty()) std::cout << ", " << query::compact_iri(in.view.node(h.vertex).cls, in.base);
    std::cout << "\n";
    if (!h.snippet.empty() && h.snippet != in.view.node(h.vertex).label) std::cout << "   " << h.snippet << "\n";
  }
}

}  // namespace

void setup_search(CLI::App& app) {
  auto options = std::make_shared<SearchOptions>();
  auto* cmd = app.add_subcommand(
      "search",
      "Full-text search: the units, agencies, places and documents whose labels or text hold the "
      "words, ranked (all the words first, then the words side by side, then BM25)");
  cmd->add_option("WORDS", options->words, "the words to find (case, spacing and punctuation aside)")->required();
  cmd->add_option("--limit", options->limit, "at most this many answers (default 20)")
      ->check(CLI::Range(std::size_t{1}, std::size_t{100000}));
  add_traversal_options(*cmd, *options, {"text", "csv", "tsv", "json"});
  cmd->footer("Words are runs of letters and digits: case, spacing (no-break spaces included), hyphens and quotes "
              "aside; a word of three letters or more also finds the longer words it starts.\n"
              "Exit status: 0 on success (also when nothing is found), 1 on bad input or a failed run, 2 on a usage "
              "error.");
  cmd->callback([options] { run_search(*options); });
}

}  // namespace policykg::cli
