// Serialisation: raptor's serialisers fed with sorted triples (deterministic output), and our own
// JSON-LD writer.
#include <algorithm>

#include "ontology/terms.hpp"
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

}  // namespace

std::string serialize(const std::vector<Triple>& input, Format format, std::string_view base,
                      std::string_view graph) {
  std::vector<Triple> triples = input;
  std::sort(triples.begin(), triples.end());
  triples.erase(std::unique(triples.begin(), triples.end()), triples.end());
  if (format == Format::JsonLd) return to_jsonld(triples, default_context(), base).dump(2) + "\n";

  std::lock_guard guard(redland_lock());
  clear_log();
  raptor_world* rw = librdf_world_get_raptor(world_ptr());
  RaptorSerializerPtr ser(raptor_new_serializer(rw, serializer_name(format)));
  if (!ser) throw Error(Error::Category::Internal, std::string(format_name(format)), "no serializer");
  if (format == Format::Turtle || format == Format::RdfXml) {
    auto declare = [&](std::string_view prefix, std::string_view iri) {
      RaptorUriPtr uri(raptor_new_uri_from_counted_string(rw, reinterpret_cast<const unsigned char*>(iri.data()), iri.size()));
      std::string p(prefix);
      raptor_serializer_set_namespace(ser.get(), uri.get(), reinterpret_cast<const unsigned char*>(p.c_str()));
    };
    for (const auto& prefix : ns::kPrefixes) declare(prefix.prefix, prefix.iri);
    if (!base.empty()) declare("id", base);
  }
  void* buffer = nullptr;
  size_t length = 0;
  if (raptor_serializer_start_to_string(ser.get(), nullptr, &buffer, &length) != 0)
    throw Error(Error::Category::Internal, std::string(format_name(format)), "cannot start the serializer: " + take_log());
  RaptorTermPtr graph_term;
  if (!graph.empty() && format == Format::NQuads) graph_term.reset(raptor_of(rw, Term::iri(std::string(graph))));
  for (const auto& t : triples) {
    RaptorTermPtr s(raptor_of(rw, t.s)), p(raptor_of(rw, t.p)), o(raptor_of(rw, t.o));
    raptor_statement st{};
    st.world = rw;
    st.usage = 0;
    st.subject = s.get();
    st.predicate = p.get();
    st.object = o.get();
    st.graph = graph_term.get();
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

std::string serialize(const Model& model, Format format, std::string_view base, std::string_view graph) {
  return serialize(model.sorted_triples(), format, base, graph);
}

}  // namespace policykg::rdf
