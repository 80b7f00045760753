// Builder: runs the pipeline over a corpus in two passes. Pass one reads and parses every text,
// decides which document it is (its own number, else a known title, else its file) and
// registers its titles, so that a document cited elsewhere in the corpus by number or title is
// the parsed document's node; pass two recognises, relates and emits each text on its own (on
// any thread, into facts and triples of its own), then joins them to the corpus in input order,
// and records each text as an expression of its document with where it came from.
#include "builder/builder.hpp"

#include <algorithm>
#include <atomic>
#include <condition_variable>
#include <exception>
#include <map>
#include <mutex>
#include <optional>
#include <set>
#include <thread>

#include "builder/catalog.hpp"
#include "builder/citation_recogniser.hpp"
#include "builder/emitter.hpp"
#include "builder/gazetteer.hpp"
#include "builder/normalized_text.hpp"
#include "builder/relation_rules.hpp"
#include "builder/rules.hpp"
#include "builder/slug.hpp"
#include "builder/structure_parser.hpp"
#include "core/error.hpp"
#include "ontology/paths.hpp"

#ifndef POLICYKG_VERSION
#define POLICYKG_VERSION "0.0.0"
#endif

namespace policykg::builder {

namespace {

struct Parsed {
  SourceText text;
  ParsedDocument tree;
  std::string id;  ///< the document (work) the text realises
  std::string stem;
  std::filesystem::path file;
  std::string digest;        ///< sha256 of the text
  CatalogEntry entry;        ///< empty fields when the catalogue does not list the file
  std::string identifier;    ///< the text's own number, as printed
  std::string issuer;        ///< the number's issuer, when known
  std::string type;          ///< OfficialReply, Plan or Document, as the number's series or title says
  std::string title;         ///< the title the catalogue gives, without the number after it
  std::string own_title;     ///< the text's title, else the catalogue's
  std::string expression;    ///< IRI path of the text as an expression of `id`
  bool principal = true;
  bool number_in_text = false;  ///< the text prints its own number (else it came from the catalogue)
  int year = 0;                 ///< the year that number gives
};

// The text before its addressees or first unit: the title and a number line.
Span head_of(const ParsedDocument& pd, std::size_t size) {
  std::size_t end = size;
  bool found = false;
  for (const Span& s : {pd.addressees, pd.body})
    if (!s.empty() && s.begin < end) {
      end = s.begin;
      found = true;
    }
  if (!pd.units.empty() && pd.units.front().span.begin < end) {
    end = pd.units.front().span.begin;
    found = true;
  }
  return found ? Span{0, end} : Span{};
}

// The first document number in `text`, read as a citation is; empty doc when none.
Citation own_number(std::string_view text, Span span, const Recogniser& recogniser, const CitationRecogniser& citations) {
  if (span.empty()) return {};
  NormalizedText nt(text, span);
  for (auto& c : citations.find(nt, recogniser.find(nt)))
    if (c.kind == Citation::Kind::Document && !c.identifier.empty()) return std::move(c);
  return {};
}

// "Title (No. 81 [2015])" -> "Title" when the parenthesis holds `identifier`.
std::string without_number(const std::string& title, const std::string& identifier) {
  std::string t = collapse_whitespace(title);
  if (identifier.empty() || t.empty() || t.back() != ')') return t;
  std::size_t open = t.rfind('(', t.size() - 1);
  if (open == std::string::npos || collapse_whitespace(t.substr(open + 1, t.size() - open - 2)) != identifier) return t;
  t.resize(open);
  while (!t.empty() && t.back() == ' ') t.pop_back();
  return t;
}

// Identity (builder/README.md): the document a text is. Its own number, printed in its head or
// else in its catalogue title, names it as any citation of that number does; else a title the
// gazetteer knows names it by the gazetteer's id; else its file does (p.id as parsed).
void identify(Parsed& p, const Gazetteer& gazetteer, const Recogniser& recogniser, const CitationRecogniser& numbers) {
  Citation c = own_number(p.text.bytes(), head_of(p.tree, p.text.bytes().size()), recogniser, numbers);
  p.number_in_text = !c.doc.empty();
  if (c.doc.empty() && !p.entry.title.empty())
    c = own_number(p.entry.title, Span{0, p.entry.title.size()}, recogniser, numbers);
  const std::string text_title = collapse_whitespace(p.text.view(p.tree.title));
  if (!c.doc.empty()) {
    p.id = c.doc;
    p.identifier = c.identifier;
    p.issuer = c.issuer;
    p.type = c.type;
    p.year = c.year;
  } else {
    bool found = false;
    for (const std::string& title : {text_title, without_number(p.entry.title, {})}) {
      for (const auto& d : gazetteer.documents) {
        if (found || title.empty()) break;
        found = same_folded(d.title, title) ||
                std::any_of(d.aliases.begin(), d.aliases.end(), [&](const std::string& a) { return same_folded(a, title); });
        if (found) {
          p.id = d.id;
          p.identifier = d.identifier;
          p.issuer = d.issuer;
          p.type = d.type;
        }
      }
    }
  }
  p.title = without_number(p.entry.title, p.identifier);
  p.own_title = !text_title.empty() ? text_title : p.title;
}

// What later steps need of a text once its text and tree are gone.
struct TextRecord {
  std::filesystem::path file;
  std::string id, expression, stem, digest, own_title;
  std::string title, type, identifier, issuer;  ///< as Parsed
  int year = 0;
  CatalogEntry entry;
  bool principal = true;
};

TextRecord record_of(const Parsed& p) {
  return {p.file, p.id, p.expression, p.stem, p.digest, p.own_title, p.title, p.type, p.identifier, p.issuer,
          p.year, p.entry, p.principal};
}

// What the catalogue and the text's own number say about its document, once the rules have
// related it: title and type where the text gives none, number and issuer.
void complete_document(const TextRecord& p, const RelationContext& context, Facts& facts) {
  DocumentFacts& d = facts.document(p.id);
  if (d.title.empty() && !p.title.empty()) {
    d.title = p.title;
    d.label = p.title;
  }
  if (d.type == "Document") d.type = !p.type.empty() ? p.type : d.title.empty() ? d.type : context.citations.type_of_title(d.title);
  if (!p.identifier.empty()) d.identifier = d.identifier.empty() ? p.identifier : d.identifier;
  if (d.year == 0) d.year = p.year;
  if (!p.issuer.empty() && context.gazetteer.find(p.issuer) != nullptr) d.issued_by.insert(p.issuer);
}

// A further text of a document (another translation) was related as a document of its own at
// its expression's path: its links join the document's, its units stay the expression's.
void merge_expression(const TextRecord& p, Facts& facts) {
  auto it = facts.documents.find(p.expression);
  if (it == facts.documents.end()) return;
  DocumentFacts text = std::move(it->second);
  facts.documents.erase(it);
  DocumentFacts& d = facts.document(p.id);
  if (d.year == 0) d.year = text.year;
  for (auto [to, from] : {std::pair{&d.issued_by, &text.issued_by}, {&d.addressed_to, &text.addressed_to},
                          {&d.references, &text.references}, {&d.keeps_in_force, &text.keeps_in_force},
                          {&d.prevails_over, &text.prevails_over}, {&d.responsible, &text.responsible}})
    for (const auto& x : *from)
      if (x != p.id) to->insert(x);
}

// One text related on its own: its facts, its units' triples, and what is kept of it.
struct RelatedText {
  Facts facts;
  rdf::Graph units;
  TextRecord record;
  std::exception_ptr error;
};

RelatedText relate_text(const Parsed& doc, const RelationContext& context, const std::string& base) {
  RelatedText r;
  const std::string& as = doc.principal ? doc.id : doc.expression;
  // What the text's own number says is known while its clauses are read: "The State Council
  // agrees in principle" in "Guo Han (2020) No.123" is the approval of an official reply.
  if (doc.number_in_text) {
    DocumentFacts& d = r.facts.document(as);
    if (d.type == "Document" && !doc.type.empty()) d.type = doc.type;
    if (!doc.issuer.empty() && context.gazetteer.find(doc.issuer) != nullptr) d.issued_by.insert(doc.issuer);
  }
  relate(doc.text, doc.tree, as, doc.stem, context, r.facts);
  r.units.reserve(doc.text.bytes().size() / 16);
  Emitter(base, r.units).units(r.facts);
  r.facts.units.clear();
  r.record = record_of(doc);
  return r;
}

// The expression triples of each text: what it realises, its language, title, source, digest
// and the builder that read it.
void emit_expressions(const std::vector<TextRecord>& docs, const Facts& facts, const std::string& base, rdf::Graph& g) {
  namespace st = std_terms;
  auto node = [&](const std::string& path) { return g.iri(base + path); };
  const auto type = g.iri(st::rdf_type), label = g.iri(st::rdfs_label), title = g.iri(st::dcterms_title),
             realizes = g.iri(st::eli_realizes), realized_by = g.iri(st::eli_is_realized_by),
             language_term = g.iri(st::dcterms_language), derived = g.iri(st::prov_wasDerivedFrom),
             source = g.iri(st::dcterms_source), note = g.iri(st::skos_editorialNote), sha = g.iri(pol::sha256),
             version = g.iri(pol::builderVersion), expression_class = g.iri(st::eli_LegalExpression);
  const std::string xsd_language = std::string(rdf::kXsd) + "language";
  for (const auto& p : docs) {
    const auto e = node(p.expression), d = node(p.id);
    const std::string language = p.entry.language.empty() ? "en" : p.entry.language;
    const DocumentFacts* df = facts.documents.count(p.id) ? &facts.documents.at(p.id) : nullptr;
    const std::string name = df && !df->label.empty() ? df->label : p.stem;
    g.add(e, type, expression_class);
    g.add(e, realizes, d);
    g.add(d, realized_by, e);
    g.add(e, label, g.literal("Text (" + language + ") of " + name, {}, "en"));
    if (!p.own_title.empty()) g.add(e, title, g.literal(p.own_title, {}, language));
    g.add(e, language_term, g.literal(language, xsd_language));
    g.add(e, sha, g.literal(p.digest));
    g.add(e, version, g.literal("policykg " POLICYKG_VERSION));
    if (!p.entry.retrieval.empty()) g.add(e, note, g.literal(p.entry.retrieval, {}, "en"));
    if (!p.entry.source.empty()) {
      const auto page = g.iri(p.entry.source);
      for (auto s : {e, d}) {
        g.add(s, derived, page);
        g.add(s, source, page);
      }
    }
  }
}

Corpus build_sources(std::vector<Parsed>& docs, const Rules& rules, const Gazetteer& gazetteer,
                     const Options& options, const Progress& progress) {
  // Identity first: every later title and citation resolves to the documents decided here.
  {
    TitleRegistry none;
    Recogniser recogniser(gazetteer, rules.entity_patterns);
    CitationRecogniser numbers(gazetteer, rules, none);
    for (auto& p : docs) identify(p, gazetteer, recogniser, numbers);
  }
  // Two texts of one document and language are two expressions: <doc>/en, then <doc>/en/2.
  std::map<std::string, int> seen;
  std::set<std::string> documents;
  for (auto& p : docs) {
    const std::string language = p.entry.language.empty() ? "en" : p.entry.language;
    p.principal = documents.insert(p.id).second;
    p.expression = p.id + "/" + slugify(language);
    if (int n = ++seen[p.expression]; n > 1) p.expression += "/" + std::to_string(n);
  }
  TitleRegistry titles(rules.citations.known_title_min_chars);
  for (const auto& d : gazetteer.documents) {
    if (!d.title.empty()) titles.add(d.title, d.id);
    for (const auto& a : d.aliases) titles.add(a, d.id);
  }
  for (const auto& p : docs) {
    if (!p.tree.title.empty()) titles.add(collapse_whitespace(p.text.view(p.tree.title)), p.id);
    if (!p.title.empty()) titles.add(p.title, p.id);
    for (const auto& a : p.tree.annex_list) titles.add(collapse_whitespace(p.text.view(a.title)), annex_id(p.id, a.number));
    for (const auto& a : p.tree.annexes)
      if (!a.title.empty()) titles.add(collapse_whitespace(p.text.view(a.title)), annex_id(p.id, a.annex_number));
  }
  RelationContext context(gazetteer, rules, titles);
  context.evidence = options.evidence;
  Corpus corpus;
  rdf::Graph& out = corpus.graph;
  // Documents of this family give a triple for every 16 to 18 bytes: room for all of them up
  // front spares copying a growing array (the pages are only touched when used).
  std::size_t bytes = 0;
  for (const auto& d : docs) bytes += d.text.bytes().size();
  out.reserve(bytes / 16);
  // Each text is related and its units emitted on its own, into facts and triples of its own, on
  // any thread; they join the corpus in input order, as if read one after the other, so the
  // graph does not depend on the number of threads.
  auto relate_one = [&](std::size_t i) {
    try {
      const Parsed doc = std::move(docs[i]);  // freed once its units are emitted
      return relate_text(doc, context, options.base);
    } catch (...) {
      RelatedText failed;
      failed.error = std::current_exception();
      return failed;
    }
  };
  std::vector<std::optional<RelatedText>> slots(docs.size());
  std::mutex mutex;
  std::condition_variable ready;
  std::atomic<std::size_t> next{0};
  // Relates the next text no thread has taken into its slot; false when none is left.
  auto take = [&] {
    const std::size_t i = next++;
    if (i >= docs.size()) return false;
    RelatedText r = relate_one(i);
    {
      std::lock_guard lock(mutex);
      slots[i] = std::move(r);
    }
    ready.notify_all();
    return true;
  };
  const std::size_t jobs = std::min(thread_count(options.jobs), std::max<std::size_t>(docs.size(), 1));
  Facts facts;
  std::vector<TextRecord> records;
  records.reserve(docs.size());
  {
    // This thread joins the texts in order and is one of the `jobs`: while the next text is
    // still being related elsewhere, it relates a later one, so the join, which cannot be
    // shared, never waits for a core behind threads that relate.
    std::vector<std::jthread> workers;
    for (std::size_t t = 1; t < jobs; ++t)
      workers.emplace_back([&] {
        while (take()) {
        }
      });
    // On the way out (an error), the workers finish the text they are reading and stop.
    struct Stop {
      std::atomic<std::size_t>& next;
      std::size_t end;
      ~Stop() { next = end; }
    } stop{next, docs.size()};
    for (std::size_t i = 0; i < docs.size(); ++i) {
      RelatedText r;
      for (;;) {
        {
          std::unique_lock lock(mutex);
          if (next >= docs.size()) ready.wait(lock, [&] { return slots[i].has_value(); });
          if (slots[i]) {
            r = std::move(*slots[i]);
            slots[i].reset();
            break;
          }
        }
        take();
      }
      if (r.error) std::rethrow_exception(r.error);
      facts.merge_text(std::move(r.facts));
      out.append(std::move(r.units));
      if (r.record.principal) complete_document(r.record, context, facts);
      else merge_expression(r.record, facts);
      corpus.texts.push_back({r.record.file, r.record.id, r.record.expression, r.record.principal});
      records.push_back(std::move(r.record));
      if (progress) progress(i + 1, docs.size(), out.size());
    }
  }
  Emitter emitter(options.base, out);
  emitter.documents_and_entities(facts);
  emit_expressions(records, facts, options.base, out);
  out.sort(jobs);
  return corpus;
}

Parsed parse(SourceText text, const std::filesystem::path& name, const Rules& rules, const Catalog* catalog = nullptr) {
  Parsed p{std::move(text), {}, document_path(name), name.stem().string(), name, {}, {}, {}, {}, {}, {}, {}, {}, true};
  p.digest = sha256_hex(p.text.bytes());
  if (catalog != nullptr) {
    catalog->check(name, p.digest);
    if (const CatalogEntry* e = catalog->find(name.filename().string())) p.entry = *e;
  }
  p.tree = parse_structure(p.text, rules.structure);
  return p;
}

// Throws the error reading or parsing `file` gave, as itself: the worker kept only its text, so the
// document is read once more on this thread (only on the way out of a failed build).
[[noreturn]] void rethrow_parse_error(const std::filesystem::path& file, const std::string& error, const Rules& rules,
                                      const Catalog* catalog) {
  (void)parse(read_source(file), file, rules, catalog);
  throw Error(Error::Category::Input, file.string(), error);
}

void check_base(const std::string& base) {
  if (base.empty() || base.find_first_of(" <>\"{}|\\^`") != std::string::npos || base.find(':') == std::string::npos)
    throw Error(Error::Category::Usage, "--base", "not an absolute IRI: '" + base + "'");
}

}  // namespace

std::size_t thread_count(std::size_t jobs) {
  return jobs == 0 ? std::max(1u, std::thread::hardware_concurrency()) : jobs;
}

std::string document_path(const std::filesystem::path& file) { return "doc/" + slugify(file.stem().string()); }

rdf::Graph build_text_graph(std::string_view text, std::string_view name, const Options& options) {
  check_base(options.base);
  Rules rules = Rules::load(options.rules_dir.empty() ? paths::data_dir() / "rules" : options.rules_dir);
  Gazetteer gazetteer = Gazetteer::load(options.gazetteer_dir.empty() ? paths::gazetteer_dir() : options.gazetteer_dir);
  std::vector<Parsed> docs;
  docs.push_back(parse(SourceText(std::string(text), std::string(name)), std::filesystem::path(std::string(name)), rules));
  return std::move(build_sources(docs, rules, gazetteer, options, {}).graph);
}

Corpus build_corpus(const std::vector<std::filesystem::path>& files, const Options& options, const Progress& progress) {
  check_base(options.base);
  Rules rules = Rules::load(options.rules_dir.empty() ? paths::data_dir() / "rules" : options.rules_dir);
  Gazetteer gazetteer = Gazetteer::load(options.gazetteer_dir.empty() ? paths::gazetteer_dir() : options.gazetteer_dir);
  // Each folder's catalogue, read once, before the workers start.
  std::map<std::filesystem::path, Catalog> catalogs;
  std::vector<const Catalog*> catalog_of;
  for (const auto& f : files) {
    const std::filesystem::path dir = f.parent_path().empty() ? std::filesystem::path(".") : f.parent_path();
    auto it = catalogs.find(dir);
    if (it == catalogs.end()) it = catalogs.emplace(dir, Catalog::load_beside(dir)).first;
    catalog_of.push_back(&it->second);
  }
  // Reading and parsing the structure are independent per document: workers take the next
  // file index and fill its slot, so the order, and the graph, do not depend on the threads.
  std::vector<std::optional<Parsed>> slots(files.size());
  std::vector<std::string> errors(files.size());
  std::atomic<std::size_t> next{0};
  auto work = [&] {
    for (std::size_t i = next++; i < files.size(); i = next++) {
      try {
        slots[i] = parse(read_source(files[i]), files[i], rules, catalog_of[i]);
      } catch (const Error& e) {
        errors[i] = e.describe();
      } catch (const std::exception& e) {
        errors[i] = files[i].string() + ": " + e.what();
      }
    }
  };
  const std::size_t jobs = std::min(thread_count(options.jobs), std::max<std::size_t>(files.size(), 1));
  {
    std::vector<std::jthread> workers;
    for (std::size_t t = 1; t < jobs; ++t) workers.emplace_back(work);
    work();
  }
  std::vector<Parsed> docs;
  docs.reserve(files.size());
  std::vector<Skipped> skipped;
  for (std::size_t i = 0; i < files.size(); ++i) {
    if (slots[i]) {
      docs.push_back(std::move(*slots[i]));
      continue;
    }
    // The first failure in file order, as a one-thread build would have stopped on it.
    if (!options.keep_going) rethrow_parse_error(files[i], errors[i], rules, catalog_of[i]);
    skipped.push_back({files[i], errors[i]});
  }
  if (docs.empty() && !skipped.empty())
    throw Error(Error::Category::Input, skipped.front().file.string(), "no document could be read; the first: " + skipped.front().error);
  // Two files with the same stem would share an IRI: number the later ones.
  std::map<std::string, int> seen;
  for (auto& d : docs)
    if (int n = seen[d.id]++; n > 0) d.id += "-" + std::to_string(n + 1);
  Corpus corpus = build_sources(docs, rules, gazetteer, options, progress);
  corpus.skipped = std::move(skipped);
  return corpus;
}

rdf::Graph build_graph(const std::vector<std::filesystem::path>& files, const Options& options,
                       const Progress& progress) {
  return std::move(build_corpus(files, options, progress).graph);
}

std::vector<rdf::Triple> build_text(std::string_view text, std::string_view name, const Options& options) {
  return build_text_graph(text, name, options).to_triples();
}

std::vector<rdf::Triple> build_files(const std::vector<std::filesystem::path>& files, const Options& options,
                                     const Progress& progress) {
  return build_graph(files, options, progress).to_triples();
}

std::vector<rdf::NamedGraph> named_graphs(const Corpus& corpus, std::string_view base) {
  // Owner of each IRI path: an expression owns itself and what lies under it; a document's
  // principal expression owns the document and what lies under it (annexes, units).
  std::map<std::string, std::size_t, std::less<>> owner;
  std::vector<rdf::NamedGraph> out(1);
  for (const auto& t : corpus.texts) {
    owner.emplace(t.expression, out.size());
    if (t.principal) owner.emplace(t.document, out.size());
    out.push_back({std::string(base) + t.expression, {}});
  }
  const rdf::Graph& g = corpus.graph;
  std::vector<std::size_t> graph_of(g.term_count(), SIZE_MAX);  // by subject term
  auto find_owner = [&](rdf::Graph::Id id) {
    if (graph_of[id] != SIZE_MAX) return graph_of[id];
    std::size_t found = 0;
    const rdf::Term& t = g.term(id);
    if (t.is_iri() && t.value.starts_with(base)) {
      std::string_view path = std::string_view(t.value).substr(base.size());
      // The longest owned path that is the IRI's path or one of its ancestors.
      while (!path.empty()) {
        if (auto it = owner.find(path); it != owner.end()) {
          found = it->second;
          break;
        }
        std::size_t slash = path.rfind('/');
        if (slash == std::string_view::npos) break;
        path = path.substr(0, slash);
      }
    }
    return graph_of[id] = found;
  };
  for (const auto& [s, p, o] : g.triples()) {
    rdf::Graph& to = out[find_owner(s)].graph;
    to.add(to.intern(g.term(s)), to.intern(g.term(p)), to.intern(g.term(o)));
  }
  std::vector<rdf::NamedGraph> kept;
  for (auto& n : out) {
    if (n.graph.size() == 0) continue;
    n.graph.sort();
    kept.push_back(std::move(n));
  }
  return kept;
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
