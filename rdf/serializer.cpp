// Serialisation, deterministic and without Redland: N-Triples, N-Quads, Turtle and RDF/XML written
// here from sorted triples, one subject after another, to a string or a stream; JSON-LD through
// our own writer.
#include "rdf/serializer.hpp"

#include <algorithm>
#include <atomic>
#include <cctype>
#include <condition_variable>
#include <exception>
#include <functional>
#include <mutex>
#include <ostream>
#include <thread>

#include "core/error.hpp"
#include "ontology/terms.hpp"
#include "rdf/graph.hpp"
#include "rdf/jsonld_writer.hpp"
#include "rdf/xml_text.hpp"

namespace policykg::rdf {

namespace {

using Prefixes = std::vector<std::pair<std::string, std::string>>;

// The project's prefixes, and `id:` for the instance base when there is one.
Prefixes project_prefixes(std::string_view base) {
  Prefixes prefixes;
  for (const auto& p : ns::kPrefixes) prefixes.emplace_back(std::string(p.prefix), std::string(p.iri));
  if (!base.empty()) prefixes.emplace_back("id", std::string(base));
  return prefixes;
}

// The prefixed name of an IRI when its local part needs no escaping, or the IRI in brackets.
std::string turtle_iri(const std::string& iri, const Prefixes& prefixes) {
  for (const auto& [prefix, ns_iri] : prefixes) {
    if (iri.size() <= ns_iri.size() || iri.compare(0, ns_iri.size(), ns_iri) != 0) continue;
    std::string_view local(iri);
    local.remove_prefix(ns_iri.size());
    bool plain = (std::isalpha(static_cast<unsigned char>(local.front())) != 0 || local.front() == '_') &&
                 local.back() != '.' &&
                 std::all_of(local.begin(), local.end(), [](char c) {
                   return std::isalnum(static_cast<unsigned char>(c)) != 0 || c == '_' || c == '-';
                 });
    if (plain) return prefix + ":" + std::string(local);
  }
  return "<" + iri + ">";
}

std::string turtle_term(const Term& t, const Prefixes& prefixes) {
  if (t.is_iri()) return turtle_iri(t.value, prefixes);
  if (t.is_blank()) return "_:" + t.value;
  if (t.lang.empty() && t.datatype == std::string(kXsd) + "integer" && !t.value.empty() &&
      std::all_of(t.value.begin() + (t.value[0] == '-' ? 1 : 0), t.value.end(),
                  [](char c) { return std::isdigit(static_cast<unsigned char>(c)) != 0; }) &&
      t.value != "-")
    return t.value;
  std::string out = "\"" + escape_literal(t.value) + "\"";
  if (!t.lang.empty()) return out + "@" + t.lang;
  if (!t.datatype.empty()) return out + "^^" + turtle_iri(t.datatype, prefixes);
  return out;
}

// Text that goes to a stream a megabyte at a time, or is kept whole when there is no stream.
class Sink {
 public:
  explicit Sink(std::ostream* os) : os_(os) {}
  Sink& operator+=(std::string_view s) {
    if (os_ != nullptr && s.size() >= kChunk) {  // a piece made whole: written as it is
      flush();
      os_->write(s.data(), static_cast<std::streamsize>(s.size()));
      return *this;
    }
    text_ += s;
    if (os_ != nullptr && text_.size() >= kChunk) flush();
    return *this;
  }
  Sink& operator+=(char c) { return *this += std::string_view(&c, 1); }
  void flush() {
    if (os_ == nullptr) return;
    os_->write(text_.data(), static_cast<std::streamsize>(text_.size()));
    text_.clear();
  }
  std::string take() { return std::move(text_); }

 private:
  static constexpr std::size_t kChunk = 1 << 20;
  std::ostream* os_;
  std::string text_;
};

// Pieces of text made on up to `threads` threads and written in order: piece i is what
// `make(i, text)` appends to `text`, so the bytes do not depend on the number of threads. At most
// a few pieces a thread wait to be written at once. The writing thread is one of the `threads`:
// while the next piece to write is still being made, it makes a later one, so writing, which
// cannot be shared, never waits for a core behind threads that make pieces.
void write_pieces(std::size_t pieces, unsigned threads, const std::function<void(std::size_t, std::string&)>& make,
                  Sink& out) {
  if (threads <= 1 || pieces <= 1) {
    std::string text;
    for (std::size_t i = 0; i < pieces; ++i) {
      text.clear();
      make(i, text);
      out += text;
    }
    return;
  }
  threads = static_cast<unsigned>(std::min<std::size_t>(threads, pieces));
  const std::size_t window = 4 * static_cast<std::size_t>(threads);
  std::vector<std::string> slots(window);
  std::vector<bool> ready(window, false);
  std::size_t written = 0;  // pieces written so far; piece i may be made once i < written + window
  std::exception_ptr error;  // what a piece threw
  bool quit = false;         // a piece threw, or the writing ended
  std::mutex mutex;
  std::condition_variable changed;
  std::atomic<std::size_t> next{0};
  // Makes piece i into its slot; false when it threw (the error is kept, and everyone stops).
  auto make_piece = [&](std::size_t i, std::string& text) {
    text.clear();
    try {
      make(i, text);
    } catch (...) {
      std::lock_guard lock(mutex);
      if (!error) error = std::current_exception();
      quit = true;
      changed.notify_all();
      return false;
    }
    std::lock_guard lock(mutex);
    std::swap(slots[i % window], text);
    ready[i % window] = true;
    changed.notify_all();
    return true;
  };
  auto work = [&] {
    std::string text;
    for (std::size_t i = next++; i < pieces; i = next++) {
      {
        std::unique_lock lock(mutex);
        changed.wait(lock, [&] { return i < written + window || quit; });
        if (quit) return;
      }
      if (!make_piece(i, text)) return;
    }
  };
  std::vector<std::jthread> workers;
  for (unsigned t = 1; t < threads; ++t) workers.emplace_back(work);
  // On the way out (at the end, or a failed piece or write), the workers stop before the slots go.
  struct Stop {
    std::mutex& mutex;
    bool& quit;
    std::condition_variable& changed;
    ~Stop() {
      std::lock_guard lock(mutex);
      quit = true;
      changed.notify_all();
    }
  } stop{mutex, quit, changed};
  std::string spare;  // what this thread makes a piece in
  for (std::size_t i = 0; i < pieces; ++i) {
    std::string text;
    for (;;) {
      std::size_t later = 0;  // a piece not yet taken, which this thread makes while piece i is made
      {
        std::unique_lock lock(mutex);
        if (error) std::rethrow_exception(error);
        if (ready[i % window]) {
          std::swap(text, slots[i % window]);
          ready[i % window] = false;
          break;
        }
        later = next.load();
        if (later >= pieces || later >= written + window || !next.compare_exchange_strong(later, later + 1)) {
          changed.wait(lock, [&] { return ready[i % window] || error; });
          continue;
        }
      }
      make_piece(later, spare);  // a throw is kept in `error`, seen above
    }
    out += text;
    {
      std::lock_guard lock(mutex);
      ++written;
      slots[i % window] = std::move(text);  // its capacity serves a later piece
    }
    changed.notify_all();
  }
}

// Triples a piece of text holds (about 4 MB of N-Triples).
constexpr std::size_t kPieceTriples = 1 << 15;

// Where each piece starts, and the end: kPieceTriples apart, or, when `whole_subjects`, at the
// next change of subject after that (Turtle writes a subject's triples in one block).
std::vector<std::size_t> piece_bounds(const Graph& g, bool whole_subjects) {
  std::vector<std::size_t> bounds{0};
  while (bounds.back() < g.size()) {
    std::size_t end = std::min(bounds.back() + kPieceTriples, g.size());
    if (whole_subjects)
      while (end < g.size() && g[end][0] == g[end - 1][0]) ++end;
    bounds.push_back(end);
  }
  return bounds;
}

// What `name(t)` writes for each IRI and blank node of `g` (literals, mostly distinct texts, are
// written where they stand), worked out on `threads` threads over slices of the terms.
std::vector<std::string> term_names(const Graph& g, unsigned threads, const std::function<std::string(const Term&)>& name) {
  std::vector<std::string> names(g.term_count());
  auto slice = [&](std::size_t from, std::size_t to) {
    for (std::size_t id = from; id < to; ++id)
      if (const Term& t = g.term(static_cast<Graph::Id>(id)); !t.is_literal()) names[id] = name(t);
  };
  const std::size_t n = names.size();
  threads = static_cast<unsigned>(std::min<std::size_t>(threads, n / kPieceTriples));
  if (threads <= 1) {
    slice(0, n);
    return names;
  }
  std::vector<std::jthread> workers;
  for (unsigned t = 0; t < threads; ++t) workers.emplace_back(slice, n * t / threads, n * (t + 1) / threads);
  return names;
}

// Turtle statements, one block per subject, each line after `indent` (TriG's graph blocks), for
// triples [from, to) of `g`; `names` holds each IRI's and blank node's Turtle form.
void write_turtle_block(const Graph& g, const std::vector<std::string>& names, const Prefixes& prefixes,
                        std::string_view indent, std::size_t from, std::size_t to, std::string& out) {
  const std::string rdf_type = std::string(ns::kRdf) + "type";
  const std::string sep_first = "\n    " + std::string(indent), sep_next = " ;" + sep_first;
  for (std::size_t i = from; i < to;) {
    const Graph::Id subject = g[i][0];
    out += '\n';
    out += indent;
    out += names[subject];
    std::string_view sep = sep_first;
    for (; i < to && g[i][0] == subject;) {
      const Graph::Id predicate = g[i][1];
      out += sep;
      if (g.term(predicate).value == rdf_type) out += 'a';
      else out += names[predicate];
      const char* obj_sep = " ";
      for (; i < to && g[i][0] == subject && g[i][1] == predicate; ++i) {
        out += obj_sep;
        const Term& o = g.term(g[i][2]);
        if (o.is_literal()) out += turtle_term(o, prefixes);
        else out += names[g[i][2]];
        obj_sep = ", ";
      }
      sep = sep_next;
    }
    out += " .\n";
  }
}

void write_turtle_body(const Graph& g, const Prefixes& prefixes, std::string_view indent, unsigned threads, Sink& out) {
  const auto names = term_names(g, threads, [&](const Term& t) { return turtle_term(t, prefixes); });
  const auto bounds = piece_bounds(g, true);
  write_pieces(bounds.size() - 1, threads, [&](std::size_t i, std::string& text) {
    write_turtle_block(g, names, prefixes, indent, bounds[i], bounds[i + 1], text);
  }, out);
}

void write_prefixes(const Prefixes& prefixes, Sink& out) {
  for (const auto& [prefix, iri] : prefixes) out += "@prefix " + prefix + ": <" + iri + "> .\n";
}

void write_turtle(const Graph& g, std::string_view base, unsigned threads, Sink& out) {
  const Prefixes prefixes = project_prefixes(base);
  write_prefixes(prefixes, out);
  write_turtle_body(g, prefixes, {}, threads, out);
}

// N-Triples, or N-Quads in `graph`: one line a triple.
void write_lines(const Graph& g, std::string_view graph, unsigned threads, Sink& out) {
  const std::string tail = graph.empty() ? std::string(" .\n") : " <" + std::string(graph) + "> .\n";
  const auto names = term_names(g, threads, [](const Term& t) { return t.to_ntriples(); });
  const auto bounds = piece_bounds(g, false);
  write_pieces(bounds.size() - 1, threads, [&](std::size_t piece, std::string& text) {
    for (std::size_t i = bounds[piece]; i < bounds[piece + 1]; ++i) {
      const auto& [s, p, o] = g[i];
      text += names[s];
      text += ' ';
      text += names[p];
      text += ' ';
      if (g.term(o).is_literal()) text += g.term(o).to_ntriples();
      else text += names[o];
      text += tail;
    }
  }, out);
}

}  // namespace

std::string serialize(const std::vector<Triple>& triples, Format format, std::string_view base,
                      std::string_view graph) {
  return serialize(Graph(triples), format, base, graph);
}

namespace {

// ASCII name characters only: an IRI's local part in RDF/XML must be an XML name, and these are
// names in every XML version.
bool name_start(char c) { return std::isalpha(static_cast<unsigned char>(c)) != 0 || c == '_'; }
bool name_char(char c) {
  return name_start(c) || std::isdigit(static_cast<unsigned char>(c)) != 0 || c == '-' || c == '.';
}

bool is_name(std::string_view s) { return !s.empty() && name_start(s.front()) && std::all_of(s.begin(), s.end(), name_char); }

// Where the longest XML name at the end of `iri` starts, or npos when it ends in none.
std::size_t local_name_start(std::string_view iri) {
  std::size_t start = iri.size();
  while (start > 0 && name_char(iri[start - 1])) --start;
  while (start < iri.size() && !name_start(iri[start])) ++start;
  return start < iri.size() ? start : std::string_view::npos;
}

void check_xml_text(std::string_view text, const Term& subject) {
  for (char c : text)
    if (xml_forbidden(c))
      throw Error(Error::Category::Input, "<" + subject.value + ">",
                  "RDF/XML cannot hold the control character " + std::to_string(static_cast<int>(c)) +
                      " in a literal; write Turtle or N-Triples instead");
}

// RDF/XML, one rdf:Description per subject: a predicate in a declared namespace is written with its
// prefix, any other with a namespace declared on its element. Blank nodes are named after their
// ids, which are XML names whatever their labels.
void write_rdfxml(const Graph& g, std::string_view base, Sink& out) {
  const Prefixes prefixes = project_prefixes(base);
  out += "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<rdf:RDF";
  for (const auto& [prefix, iri] : prefixes) {
    out += "\n    xmlns:" + prefix + "=\"";
    out += xml_escaped(iri);
    out += '"';
  }
  out += ">\n";
  // The start and end tags of each predicate's element, worked out once.
  std::vector<std::pair<std::string, std::string>> tags(g.term_count());
  auto tag = [&](Graph::Id id) -> const std::pair<std::string, std::string>& {
    auto& t = tags[id];
    if (!t.first.empty()) return t;
    const std::string& iri = g.term(id).value;
    const std::size_t local = local_name_start(iri);
    if (local == std::string::npos)
      throw Error(Error::Category::Input, "<" + iri + ">", "RDF/XML cannot write this predicate: it does not end in an XML name");
    for (const auto& [prefix, ns_iri] : prefixes) {
      if (iri.compare(0, ns_iri.size(), ns_iri) != 0 || !is_name(std::string_view(iri).substr(ns_iri.size()))) continue;
      t.second = prefix + ":" + iri.substr(ns_iri.size());
      t.first = "<" + t.second;
      return t;
    }
    t.second = "p:" + iri.substr(local);
    t.first = "<" + t.second + " xmlns:p=\"" + xml_escaped(std::string_view(iri).substr(0, local)) + "\"";
    return t;
  };
  auto node = [&](Graph::Id id, std::string_view about) {
    const Term& t = g.term(id);
    if (t.is_blank()) return " rdf:nodeID=\"b" + std::to_string(id) + "\"";
    return " " + std::string(about) + "=\"" + xml_escaped(t.value) + "\"";
  };
  for (std::size_t i = 0; i < g.size();) {
    const Graph::Id subject = g[i][0];
    out += "  <rdf:Description";
    out += node(subject, "rdf:about");
    out += ">\n";
    for (; i < g.size() && g[i][0] == subject; ++i) {
      const auto& [start, name] = tag(g[i][1]);
      out += "    ";
      out += start;
      const Term& o = g.term(g[i][2]);
      if (!o.is_literal()) {
        out += node(g[i][2], "rdf:resource");
        out += "/>\n";
        continue;
      }
      check_xml_text(o.value, g.term(subject));
      if (!o.lang.empty()) out += " xml:lang=\"" + xml_escaped(o.lang) + "\"";
      else if (!o.datatype.empty()) out += " rdf:datatype=\"" + xml_escaped(o.datatype) + "\"";
      out += '>';
      out += xml_escaped(o.value, XmlPlace::Content);
      out += "</" + name + ">\n";
    }
    out += "  </rdf:Description>\n";
  }
  out += "</rdf:RDF>\n";
}

void write_graph(const Graph& input, Format format, std::string_view base, std::string_view graph, unsigned threads,
                 Sink& out) {
  Graph copy;
  if (!input.sorted()) {
    copy = input;
    copy.sort();
  }
  const Graph& g = input.sorted() ? input : copy;
  switch (format) {
    case Format::NTriples: write_lines(g, {}, threads, out); break;
    case Format::NQuads: write_lines(g, graph, threads, out); break;
    case Format::Turtle: write_turtle(g, base, threads, out); break;
    case Format::RdfXml: write_rdfxml(g, base, out); break;
    case Format::JsonLd: out += to_jsonld(g.to_triples(), default_context(), base).dump(2) + "\n"; break;
  }
}

}  // namespace

std::string serialize(const Graph& g, Format format, std::string_view base, std::string_view graph) {
  Sink out(nullptr);
  write_graph(g, format, base, graph, 1, out);
  return out.take();
}

void serialize(const Graph& g, Format format, std::string_view base, std::ostream& os, std::string_view graph,
               unsigned threads) {
  Sink out(&os);
  write_graph(g, format, base, graph, threads, out);
  out.flush();
}

void serialize_dataset(const std::vector<NamedGraph>& graphs, DatasetSyntax syntax, std::string_view base,
                       std::ostream& os, unsigned threads) {
  Sink out(&os);
  const Prefixes prefixes = project_prefixes(base);
  if (syntax == DatasetSyntax::TriG) write_prefixes(prefixes, out);
  // A corpus's graphs are one a document: each is a piece of text of its own.
  write_pieces(graphs.size(), threads, [&](std::size_t i, std::string& text) {
    const NamedGraph& named = graphs[i];
    Graph copy;
    if (!named.graph.sorted()) {
      copy = named.graph;
      copy.sort();
    }
    const Graph& g = named.graph.sorted() ? named.graph : copy;
    Sink piece(nullptr);
    if (syntax == DatasetSyntax::NQuads) {
      write_lines(g, named.name, 1, piece);
    } else if (named.name.empty()) {
      write_turtle_body(g, prefixes, {}, 1, piece);
    } else {
      piece += "\n" + turtle_iri(named.name, prefixes) + " {";
      write_turtle_body(g, prefixes, "    ", 1, piece);
      piece += "}\n";
    }
    text = piece.take();
  }, out);
  out.flush();
}

}  // namespace policykg::rdf
