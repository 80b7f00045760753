// The server's routes, one function per concern; each registers its handlers on the HTTP server.
#pragma once

#include "server/context.hpp"
#include "server/router.hpp"

namespace policykg::server {

/// /sparql: the SPARQL 1.1 Protocol (queries, refused updates, the service description).
void add_sparql_endpoint(Router& routes, Context& ctx);
/// /id/X (303), /page/X (HTML), /data/X[.ext] (machine formats).
void add_linked_data(Router& routes, Context& ctx);
/// /ontology[.ext]: the ontology, with its HTML documentation.
void add_ontology_page(Router& routes, Context& ctx);
/// /.well-known/void, /dcat and the dumps /dump.{ttl,nt,nq,rdf,jsonld}.
void add_dataset_descriptions(Router& routes, Context& ctx);
/// /, /query, /site.css, /examples/queries.json and /web/... (files under web/).
void add_static_files(Router& routes, Context& ctx);
/// /graph[?focus=IRI&hops=N]: the interactive graph page.
void add_graph_page(Router& routes, Context& ctx);
/// /pictures: the pictures of the plan (map, responsibility matrix, plan tree, typology).
void add_pictures_page(Router& routes, Context& ctx);
/// /search?q=WORDS[&limit=N][&format=json]: ranked full-text search over labels and unit texts.
void add_search_page(Router& routes, Context& ctx);
/// /diff?old=DOCUMENT&new=DOCUMENT[&format=json]: what changed between two documents, side by side.
void add_diff_page(Router& routes, Context& ctx);

}  // namespace policykg::server
