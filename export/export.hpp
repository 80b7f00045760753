// Exports of a GraphView for visualisation tools: GraphML (with yEd's label extension), GEXF,
// Graphviz DOT, Cytoscape.js JSON, Neo4j admin-import CSV and a self-contained interactive HTML
// page. Every writer keeps each node's IRI, label, class and literal attributes (typed where the
// format has types) and each edge's label and predicate IRI; output is deterministic.
#pragma once

#include <filesystem>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "query/traversal/graph_view.hpp"
#include "rdf/term.hpp"

namespace policykg::exports {

enum class Format { GraphMl, Gexf, Dot, Cytoscape, Csv, JsonLd, Html };

/// "graphml", "gexf", "dot", "cytoscape", "csv", "jsonld", "html"; nullopt when unknown.
std::optional<Format> format_from_name(std::string_view name);
/// The command-line name of a format.
std::string_view format_name(Format f);
/// The usual file extension, without the dot.
std::string_view file_extension(Format f);

/// GEXF 1.2draft (the default: every GEXF reader we know of reads it, NetworkX 2.8 of Debian 12
/// and Gephi 0.9 and 0.10 included, and the writer uses nothing 1.3 added) or GEXF 1.3 (what Gephi
/// 0.10 itself writes; NetworkX reads it from 3.0 on). Only the namespaces and version differ.
enum class GexfVersion { V1_2draft, V1_3 };
/// "1.2draft", "1.3"; nullopt when unknown.
std::optional<GexfVersion> gexf_version_from_name(std::string_view name);

struct Options {
  std::string base = "https://w3id.org/policykg/id/";  ///< instance base, shown as `id:`
  std::string title = "policykg graph";                ///< graph name (DOT, GEXF, HTML title)
  std::filesystem::path web_dir;  ///< holds graph/ and node_modules/ (html); empty: paths::web_dir()
  /// Readable labels of terms the graph itself leaves unlabelled (predicates, concepts): used for
  /// an edge or node whose label is only its IRI's last segment. See ontology_labels().
  std::map<std::string, std::string, std::less<>> labels;
  GexfVersion gexf_version = GexfVersion::V1_2draft;
  /// The pictures of the plan (plan_pictures()) the html page adds as tabs beside the graph;
  /// null: the graph alone.
  nlohmann::ordered_json pictures;
};

/// The rdfs:label (English first) of every term of ontology/policykg.ttl, read once.
const std::map<std::string, std::string, std::less<>>& ontology_labels();

/// The skos:inScheme of every concept of ontology/policykg.ttl, read once.
const std::map<std::string, std::string, std::less<>>& ontology_concept_schemes();

/// What a picture draws by default (graphml, gexf, dot, cytoscape, html without --predicate or
/// --all-predicates): the predicates of structure (dcterms:isPartOf, pol:hasAnnex, pol:approves),
/// responsibility (pol:responsibleParty, pol:issuedBy, pol:addressedTo, org:subOrganizationOf),
/// place (pol:appliesTo, pol:locatedIn), dependency (pol:dependsOn), and citation and force
/// (pol:references, pol:keepsInForce, pol:prevailsOver).
const std::set<std::string, std::less<>>& picture_predicates();
/// The links a picture shows as node attributes instead of edges: typology (pol:sector,
/// pol:instrumentType) and pol:sourceDocument.
const std::set<std::string, std::less<>>& attribute_predicates();

struct PictureOptions {
  /// Turn the links of attribute_predicates() into literal attributes of their subject.
  bool links_as_attributes = true;
  /// Labels for objects the data leaves unlabelled (ontology_labels()); may be null.
  const std::map<std::string, std::string, std::less<>>* labels = nullptr;
  /// Concept -> scheme (ontology_concept_schemes()); may be null.
  const std::map<std::string, std::string, std::less<>>* schemes = nullptr;
};
/// `triples` ready to draw, sorted: with links_as_attributes, each triple of an attribute predicate
/// has as object a plain literal, the object's label (its rdfs:label in `triples`, else
/// `labels`, else its IRI); every untyped concept of `schemes` the triples point to gets its scheme
/// as rdf:type, so that it is drawn as "Sector" or "InstrumentType", not as an untyped resource.
std::vector<rdf::Triple> picture_triples(const std::vector<rdf::Triple>& triples, const PictureOptions& options);
/// The view without the nodes no edge touches (--drop-isolated).
query::GraphView without_isolated(const query::GraphView& view);

std::string to_graphml(const query::GraphView& view, const Options& options = {});
/// GEXF in Options::gexf_version.
std::string to_gexf(const query::GraphView& view, const Options& options = {});
std::string to_dot(const query::GraphView& view, const Options& options = {});

/// Cytoscape.js JSON: {"data": {attribute schema}, "elements": {"nodes": [...], "edges": [...]}}.
nlohmann::ordered_json to_cytoscape_json(const query::GraphView& view, const Options& options = {});
std::string to_cytoscape(const query::GraphView& view, const Options& options = {});

/// Neo4j admin-import CSV: one node file (iri:ID, :LABEL, typed properties) and one relationship
/// file (:START_ID, :END_ID, :TYPE, label, predicate).
struct CsvFiles {
  std::string nodes;
  std::string edges;
};
CsvFiles to_csv(const query::GraphView& view, const Options& options = {});

/// The interactive page (web/graph/template.html) with Cytoscape.js and the graph inlined, and
/// Options::pictures as tabs when set.
std::string to_html(const query::GraphView& view, const Options& options = {});
/// The same page around an existing Cytoscape.js JSON document (what the server shows at /graph).
std::string graph_page(const nlohmann::ordered_json& cytoscape, const Options& options = {});

/// The page of the pictures of the plan (web/pictures/) around their data (plan_pictures()),
/// with ECharts and Beijing's district boundaries inlined; `site_links` is HTML put in its header.
std::string pictures_page(const nlohmann::ordered_json& pictures, const Options& options = {},
                          std::string_view site_links = {});

/// One single-file format (graphml, gexf, dot, cytoscape, html). Throws Error(Usage) for csv
/// (two files: use to_csv) and jsonld (RDF: serialise view_triples).
std::string export_graph(const query::GraphView& view, Format format, const Options& options = {});

/// The triples a view shows, sorted: for every node its rdf:type and literal triples, and the
/// triple behind every edge. With an unfiltered view this is every triple of `triples`.
std::vector<rdf::Triple> view_triples(const std::vector<rdf::Triple>& triples,
                                      const query::GraphView& view);

}  // namespace policykg::exports
