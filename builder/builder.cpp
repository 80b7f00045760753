// Builder: runs the pipeline over a corpus in two passes. Pass one reads and parses every text
// and registers its titles, so that a document cited by title elsewhere in the corpus gets the
// IRI of the parsed document; pass two recognises, relates and emits, document by document.
#include "builder/builder.hpp"

#include <algorithm>
#include <map>

#include "builder/citation_recogniser.hpp"
#include "builder/emitter.hpp"
#include "builder/gazetteer.hpp"
#include "builder/normalized_text.hpp"
#include "builder/relation_rules.hpp"
#include "builder/rules.hpp"
#include "builder/slug.hpp"
#include "builder/structure_parser.hpp"
#include "ontology/paths.hpp"
#include "rdf/error.hpp"

namespace policykg::builder {

namespace {

struct Parsed {
  SourceText text;
  ParsedDocument tree;
  std::string id;
  std::string stem;
};

rdf::Graph build_sources(std::vector<Parsed>& docs, const Rules& rules, const Gazetteer& gazetteer,
                         const Options& options, const Progress& progress) {
  TitleRegistry titles;
  for (const auto& d : gazetteer.documents) {
    if (!d.title.empty()) titles.add(d.title, d.id);
    for (const auto& a : d.aliases) titles.add(a, d.id);
  }
  for (const auto& p : docs) {
    if (!p.tree.title.empty()) titles.add(collapse_whitespace(p.text.view(p.tree.title)), p.id);
    for (const auto& a : p.tree.annex_list) titles.add(collapse_whitespace(p.text.view(a.title)), annex_id(p.id, a.number));
    for (const auto& a : p.tree.annexes)
      if (!a.title.empty()) titles.add(collapse_whitespace(p.text.view(a.title)), annex_id(p.id, a.annex_number));
  }
  RelationContext context(gazetteer, rules, titles);
  context.evidence = options.evidence;
  Facts facts;
  rdf::Graph out;
  // Documents of this family give a triple for every 16 to 18 bytes: room for all of them up
  // front spares copying a growing array (the pages are only touched when used).
  std::size_t bytes = 0;
  for (const auto& d : docs) bytes += d.text.bytes().size();
  out.reserve(bytes / 16);
  Emitter emitter(options.base, out);
  for (std::size_t i = 0; i < docs.size(); ++i) {
    // Moved out so that its memory serves the next documents once it is emitted.
    const Parsed doc = std::move(docs[i]);
    relate(doc.text, doc.tree, doc.id, doc.stem, context, facts);
    emitter.units(facts);
    facts.units.clear();
    if (progress) progress(i + 1, docs.size(), out.size());
  }
  emitter.documents_and_entities(facts);
  out.sort();
  return out;
}

Parsed parse(SourceText text, const std::filesystem::path& name, const Rules& rules) {
  Parsed p{std::move(text), {}, document_path(name), name.stem().string()};
  p.tree = parse_structure(p.text, rules.structure);
  return p;
}

void check_base(const std::string& base) {
  if (base.empty() || base.find_first_of(" <>\"{}|\\^`") != std::string::npos || base.find(':') == std::string::npos)
    throw Error(Error::Category::Usage, "--base", "not an absolute IRI: '" + base + "'");
}

}  // namespace

std::string document_path(const std::filesystem::path& file) { return "doc/" + slugify(file.stem().string()); }

rdf::Graph build_text_graph(std::string_view text, std::string_view name, const Options& options) {
  check_base(options.base);
  Rules rules = Rules::load(options.rules_dir.empty() ? paths::data_dir() / "rules" : options.rules_dir);
  Gazetteer gazetteer = Gazetteer::load(options.gazetteer_dir.empty() ? paths::gazetteer_dir() : options.gazetteer_dir);
  std::vector<Parsed> docs;
  docs.push_back(parse(SourceText(std::string(text), std::string(name)), std::filesystem::path(std::string(name)), rules));
  return build_sources(docs, rules, gazetteer, options, {});
}

rdf::Graph build_graph(const std::vector<std::filesystem::path>& files, const Options& options,
                       const Progress& progress) {
  check_base(options.base);
  Rules rules = Rules::load(options.rules_dir.empty() ? paths::data_dir() / "rules" : options.rules_dir);
  Gazetteer gazetteer = Gazetteer::load(options.gazetteer_dir.empty() ? paths::gazetteer_dir() : options.gazetteer_dir);
  std::vector<Parsed> docs;
  docs.reserve(files.size());
  for (const auto& f : files) docs.push_back(parse(read_source(f), f, rules));
  // Two files with the same stem would share an IRI: number the later ones.
  std::map<std::string, int> seen;
  for (auto& d : docs)
    if (int n = seen[d.id]++; n > 0) d.id += "-" + std::to_string(n + 1);
  return build_sources(docs, rules, gazetteer, options, progress);
}

std::vector<rdf::Triple> build_text(std::string_view text, std::string_view name, const Options& options) {
  return build_text_graph(text, name, options).to_triples();
}

std::vector<rdf::Triple> build_files(const std::vector<std::filesystem::path>& files, const Options& options,
                                     const Progress& progress) {
  return build_graph(files, options, progress).to_triples();
}

std::vector<std::filesystem::path> list_documents(const std::filesystem::path& dir) {
  std::error_code ec;
  if (!std::filesystem::is_directory(dir, ec))
    throw Error(Error::Category::Io, dir.string(), "not a folder of documents");
  std::vector<std::filesystem::path> out;
  for (const auto& e : std::filesystem::directory_iterator(dir))
    if (e.is_regular_file() && e.path().extension() == ".txt") out.push_back(e.path());
  std::sort(out.begin(), out.end(), [](const auto& a, const auto& b) { return a.filename() < b.filename(); });
  return out;
}

}  // namespace policykg::builder
