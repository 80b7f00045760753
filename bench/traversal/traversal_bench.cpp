// Times GraphView construction, the five traversals, the bulk answers (responsible for every
// unit, duties with inherited units) and full-text search on a generated policy-shaped graph of
// about N triples (default 10^4, 10^5, 10^6). Run by hand: build/dev/bench/traversal/traversal_bench [N...]
// Prints one table row per size; asserts nothing.
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <vector>

#include "ontology/terms.hpp"
#include "query/traversal/entity_resolver.hpp"
#include "query/traversal/graph_view.hpp"
#include "query/traversal/text_search.hpp"
#include "query/traversal/traversal.hpp"

namespace {

using namespace policykg;
using rdf::Term;

struct Generator {
  std::vector<rdf::Triple> triples;
  unsigned long long state = 42;
  std::size_t next(std::size_t n) {  // deterministic LCG
    state = state * 6364136223846793005ULL + 1442695040888963407ULL;
    return static_cast<std::size_t>((state >> 33) % n);
  }
  void add(const std::string& s, std::string_view p, const std::string& o) {
    triples.push_back({Term::iri(s), Term::iri(std::string(p)), Term::iri(o)});
  }
  void label(const std::string& s, const std::string& l) {
    triples.push_back({Term::iri(s), Term::iri(std::string(std_terms::rdfs_label)), Term::lang_literal(l, "en")});
  }
};

const std::string kBase = "https://w3id.org/policykg/id/";

// Documents of 9 tasks x 5 initiatives x 8 measures; each measure has about 8 triples.
std::vector<rdf::Triple> generate(std::size_t target) {
  Generator g;
  const std::size_t agencies = 60, districts = 16;
  for (std::size_t a = 0; a < agencies; ++a) {
    std::string iri = kBase + "agency/" + std::to_string(a);
    g.label(iri, "Agency " + std::to_string(a));
    g.add(iri, std_terms::rdf_type, std::string(pol::Agency));
    if (a > 0) g.add(iri, std_terms::org_subOrganizationOf, kBase + "agency/" + std::to_string((a - 1) / 4));
  }
  for (std::size_t d = 0; d < districts; ++d) {
    g.label(kBase + "district/" + std::to_string(d), "District " + std::to_string(d));
    g.add(kBase + "district/" + std::to_string(d), std_terms::rdf_type, std::string(pol::District));
  }
  std::vector<std::string> measures;
  for (std::size_t doc = 0; g.triples.size() < target; ++doc) {
    std::string d = kBase + "doc/" + std::to_string(doc);
    g.add(d, std_terms::rdf_type, std::string(pol::Plan));
    g.label(d, "Plan " + std::to_string(doc));
    if (doc > 0) {
      g.add(d, pol::references, kBase + "doc/" + std::to_string(g.next(doc)));
      g.add(d, pol::keepsInForce, kBase + "doc/" + std::to_string(g.next(doc)));
    }
    for (int t = 1; t <= 9; ++t) {
      std::string task = d + "/task/" + std::to_string(t);
      g.add(task, std_terms::dcterms_isPartOf, d);
      g.add(task, std_terms::rdf_type, std::string(pol::Task));
      for (int i = 1; i <= 5; ++i) {
        std::string init = task + "/initiative/" + std::to_string(i);
        g.add(init, std_terms::dcterms_isPartOf, task);
        g.add(init, std_terms::rdf_type, std::string(pol::Initiative));
        if (g.next(3) == 0) g.add(init, pol::responsibleParty, kBase + "agency/" + std::to_string(g.next(agencies)));
        for (int m = 1; m <= 8; ++m) {
          std::string me = init + "/measure/" + std::to_string(m);
          g.add(me, std_terms::dcterms_isPartOf, init);
          g.add(me, std_terms::rdf_type, std::string(pol::Measure));
          g.label(me, "measure " + std::to_string(measures.size()));
          if (g.next(2) == 0)
            g.add(me, pol::responsibleParty,
                  g.next(2) ? kBase + "agency/" + std::to_string(g.next(agencies))
                            : kBase + "district/" + std::to_string(g.next(districts)));
          if (!measures.empty() && g.next(3) == 0) g.add(me, pol::dependsOn, measures[g.next(measures.size())]);
          if (doc > 0 && g.next(10) == 0) g.add(me, pol::references, kBase + "doc/" + std::to_string(g.next(doc)));
          // Twelve words of a 5,000-word vocabulary, spaced as sources are (doubled and no-break spaces).
          std::string text = "support";
          for (int w = 0; w < 12; ++w) text += (w % 5 == 4 ? "\xC2\xA0 " : " ") + std::string("word") + std::to_string(g.next(5000));
          g.triples.push_back({Term::iri(me), Term::iri(std::string(pol::text)), Term::literal(text)});
          measures.push_back(me);
        }
      }
    }
  }
  return g.triples;
}

double ms_since(std::chrono::steady_clock::time_point t0) {
  return std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count();
}

}  // namespace

int main(int argc, char** argv) {
  std::vector<std::size_t> sizes;
  for (int i = 1; i < argc; ++i) sizes.push_back(std::strtoull(argv[i], nullptr, 10));
  if (sizes.empty()) sizes = {10000, 100000, 1000000};
  std::printf("| triples | vertices | edges | view ms | resolver ms | responsible x1000 ms | duties --include-sub ms | deps --reverse ms | path x100 ms | impact ms | responsible, every unit ms | duties --inherited ms | text index ms | search x100 ms |\n");
  std::printf("|---|---|---|---|---|---|---|---|---|---|---|---|---|---|\n");
  for (std::size_t n : sizes) {
    auto triples = generate(n);
    auto t0 = std::chrono::steady_clock::now();
    query::GraphView view(triples);
    double view_ms = ms_since(t0);
    t0 = std::chrono::steady_clock::now();
    query::EntityResolver resolver(view, kBase);
    double resolver_ms = ms_since(t0);

    std::vector<query::Vertex> measures;
    for (query::Vertex v = 0; v < view.node_count(); ++v)
      if (view.node(v).cls == pol::Measure) measures.push_back(v);
    std::size_t answers = 0;
    t0 = std::chrono::steady_clock::now();
    for (std::size_t i = 0; i < 1000; ++i) answers += query::responsible(view, measures[(i * 7919) % measures.size()]).size();
    double responsible_ms = ms_since(t0);
    t0 = std::chrono::steady_clock::now();
    answers += query::duties(view, resolver.resolve("Agency 0"), true).size();
    double duties_ms = ms_since(t0);
    t0 = std::chrono::steady_clock::now();
    query::DepsOptions reverse;
    reverse.reverse = true;
    answers += query::deps(view, measures.front(), reverse).dependencies.size();
    double deps_ms = ms_since(t0);
    t0 = std::chrono::steady_clock::now();
    for (std::size_t i = 0; i < 100; ++i)
      answers += query::shortest_path(view, measures[(i * 104729) % measures.size()],
                                      measures[(i * 1299709) % measures.size()]).has_value();
    double path_ms = ms_since(t0);
    t0 = std::chrono::steady_clock::now();
    answers += query::impact(view, resolver.resolve("Plan 0")).size();
    double impact_ms = ms_since(t0);
    t0 = std::chrono::steady_clock::now();
    answers += query::responsible_all(view).size();
    double all_ms = ms_since(t0);
    t0 = std::chrono::steady_clock::now();
    answers += query::duties(view, resolver.resolve("Agency 0"), true, true).size();
    double inherited_ms = ms_since(t0);
    t0 = std::chrono::steady_clock::now();
    query::TextIndex index(view);
    double index_ms = ms_since(t0);
    t0 = std::chrono::steady_clock::now();
    for (std::size_t i = 0; i < 100; ++i)
      answers += index.search("support word" + std::to_string(i * 37 % 5000) + " word" + std::to_string(i * 91 % 5000)).size();
    double search_ms = ms_since(t0);
    std::printf("| %zu | %zu | %zu | %.1f | %.1f | %.1f | %.1f | %.1f | %.1f | %.1f | %.1f | %.1f | %.1f | %.1f |\n",
                triples.size(), view.node_count(), view.edge_count(), view_ms, resolver_ms, responsible_ms, duties_ms,
                deps_ms, path_ms, impact_ms, all_ms, inherited_ms, index_ms, search_ms);
    std::fprintf(stderr, "(%zu answers)\n", answers);
  }
  return 0;
}
