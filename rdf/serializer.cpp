// Serialisation, deterministic: N-Triples, N-Quads and Turtle written here line by line from
// sorted triples (raptor's Turtle serialiser builds a tree and is slow on large graphs), RDF/XML
// through raptor fed with the same sorted triples, JSON-LD through our own writer.
#include <algorithm>
#include <cctype>
#include <ostream>

#include "ontology/terms.hpp"
#include "rdf/graph.hpp"
#include "rdf/jsonld_writer.hpp"
#include "rdf/model.hpp"
#include "rdf/redland.hpp"

namespace policykg::rdf {

namespace {

const char* serializer_name(Format f) {
  switch (f) {
    case Format::Turtle: return "turtle";
    case Format::NTriples: return "ntriples";
    case Format::NQuads: return "nquads";
    case Format::RdfXml: return "rdfxml-abbrev";
    case Format::JsonLd: return nullptr;
  }
  return nullptr;
}

raptor_term* raptor_of(raptor_world* rw, const Term& t) {
  const auto* v = reinterpret_cast<const unsigned char*>(t.value.c_str());
  switch (t.kind) {
    case Term::Kind::Iri: return raptor_new_term_from_uri_string(rw, v);
    case Term::Kind::Blank: return raptor_new_term_from_blank(rw, v);
    case Term::Kind::Literal: {
      RaptorUriPtr dt;
      if (!t.datatype.empty() && t.lang.empty())
        dt.reset(raptor_new_uri(rw, reinterpret_cast<const unsigned char*>(t.datatype.c_str())));
      return raptor_new_term_from_counted_literal(
          rw, v, t.value.size(), dt.get(),
          t.lang.empty() ? nullptr : reinterpret_cast<const unsigned char*>(t.lang.c_str()),
          static_cast<unsigned char>(t.lang.size()));
    }
  }
  return nullptr;
}

// The prefixed name of an IRI when its local part needs no escaping, or the IRI in brackets.
std::string turtle_iri(const std::string& iri, const std::vector<std::pair<std::string, std::string>>& prefixes) {
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

std::string turtle_term(const Term& t, const std::vector<std::pair<std::string, std::string>>& prefixes) {
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

// Turtle, one block per subject: every IRI's prefixed form is worked out once per term.
void write_turtle(const Graph& g, std::string_view base, Sink& out) {
  std::vector<std::pair<std::string, std::string>> prefixes;
  for (const auto& p : ns::kPrefixes) prefixes.emplace_back(std::string(p.prefix), std::string(p.iri));
  if (!base.empty()) prefixes.emplace_back("id", std::string(base));
  for (const auto& [prefix, iri] : prefixes) out += "@prefix " + prefix + ": <" + iri + "> .\n";
  std::vector<std::string> names(g.term_count());
  auto name = [&](Graph::Id id) -> const std::string& {
    if (names[id].empty()) names[id] = turtle_term(g.term(id), prefixes);
    return names[id];
  };
  const std::string rdf_type = std::string(ns::kRdf) + "type";
  for (std::size_t i = 0; i < g.size();) {
    const Graph::Id subject = g[i][0];
    out += '\n';
    out += name(subject);
    const char* sep = "\n    ";
    for (; i < g.size() && g[i][0] == subject;) {
      const Graph::Id predicate = g[i][1];
      out += sep;
      if (g.term(predicate).value == rdf_type) out += 'a';
      else out += name(predicate);
      const char* obj_sep = " ";
      for (; i < g.size() && g[i][0] == subject && g[i][1] == predicate; ++i) {
        out += obj_sep;
        const Term& o = g.term(g[i][2]);
        // Literals are mostly distinct (texts): written directly, not kept.
        if (o.is_literal()) out += turtle_term(o, prefixes);
        else out += name(g[i][2]);
        obj_sep = ", ";
      }
      sep = " ;\n    ";
    }
    out += " .\n";
  }
}

void write_lines(const Graph& g, std::string_view graph, Sink& out) {
  const std::string tail = graph.empty() ? std::string(" .\n") : " <" + std::string(graph) + "> .\n";
  std::vector<std::string> names(g.term_count());
  auto name = [&](Graph::Id id) -> const std::string& {
    if (names[id].empty()) names[id] = g.term(id).to_ntriples();
    return names[id];
  };
  for (const auto& [s, p, o] : g.triples()) {
    out += name(s);
    out += ' ';
    out += name(p);
    out += ' ';
    if (g.term(o).is_literal()) out += g.term(o).to_ntriples();
    else out += name(o);
    out += tail;
  }
}

}  // namespace

std::string serialize(const std::vector<Triple>& triples, Format format, std::string_view base,
                      std::string_view graph) {
  return serialize(Graph(triples), format, base, graph);
}

namespace {

// JSON-LD through our writer, RDF/XML through raptor (with the project's prefixes): built whole.
std::string write_whole(const Graph& g, Format format, std::string_view base) {
  const std::vector<Triple> triples = g.to_triples();
  if (format == Format::JsonLd) return to_jsonld(triples, default_context(), base).dump(2) + "\n";

  std::lock_guard guard(redland_lock());
  clear_log();
  raptor_world* rw = librdf_world_get_raptor(world_ptr());
  RaptorSerializerPtr ser(raptor_new_serializer(rw, serializer_name(format)));
  if (!ser) throw Error(Error::Category::Internal, std::string(format_name(format)), "no serializer");
  auto declare = [&](std::string_view prefix, std::string_view iri) {
    RaptorUriPtr uri(raptor_new_uri_from_counted_string(rw, reinterpret_cast<const unsigned char*>(iri.data()), iri.size()));
    std::string p(prefix);
    raptor_serializer_set_namespace(ser.get(), uri.get(), reinterpret_cast<const unsigned char*>(p.c_str()));
  };
  for (const auto& prefix : ns::kPrefixes) declare(prefix.prefix, prefix.iri);
  if (!base.empty()) declare("id", base);
  void* buffer = nullptr;
  size_t length = 0;
  if (raptor_serializer_start_to_string(ser.get(), nullptr, &buffer, &length) != 0)
    throw Error(Error::Category::Internal, std::string(format_name(format)), "cannot start the serializer: " + take_log());
  for (const auto& t : triples) {
    RaptorTermPtr s(raptor_of(rw, t.s)), p(raptor_of(rw, t.p)), o(raptor_of(rw, t.o));
    raptor_statement st{};
    st.world = rw;
    st.usage = 0;
    st.subject = s.get();
    st.predicate = p.get();
    st.object = o.get();
    raptor_serializer_serialize_statement(ser.get(), &st);
  }
  raptor_serializer_serialize_end(ser.get());
  ser.reset();
  std::string out = buffer != nullptr ? std::string(static_cast<const char*>(buffer), length) : std::string();
  raptor_free_memory(buffer);
  std::string log = take_log();
  if (!log.empty()) throw Error(Error::Category::Internal, std::string(format_name(format)), "serializer failed: " + log);
  return out;
}

void write_graph(const Graph& input, Format format, std::string_view base, std::string_view graph, Sink& out) {
  Graph copy;
  if (!input.sorted()) {
    copy = input;
    copy.sort();
  }
  const Graph& g = input.sorted() ? input : copy;
  switch (format) {
    case Format::NTriples: write_lines(g, {}, out); break;
    case Format::NQuads: write_lines(g, graph, out); break;
    case Format::Turtle: write_turtle(g, base, out); break;
    default: out += write_whole(g, format, base);
  }
}

}  // namespace

std::string serialize(const Graph& g, Format format, std::string_view base, std::string_view graph) {
  Sink out(nullptr);
  write_graph(g, format, base, graph, out);
  return out.take();
}

void serialize(const Graph& g, Format format, std::string_view base, std::ostream& os, std::string_view graph) {
  Sink out(&os);
  write_graph(g, format, base, graph, out);
  out.flush();
}

std::string serialize(const Model& model, Format format, std::string_view base, std::string_view graph) {
  return serialize(model.sorted_triples(), format, base, graph);
}

}  // namespace policykg::rdf
