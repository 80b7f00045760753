// The data of the pictures of a plan (web/pictures/): every measure once, with its text, typology,
// places and main task, and what each picture counts over them: the map (districts and zones with
// the measures that apply to them or are assigned to them), the responsibility matrix (agencies
// and districts x main tasks, by role) and the plan tree (documents, annexes and units with their
// measures). Computed from the triples alone, so the same graph gives byte-identical JSON.
#pragma once

#include <map>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "rdf/term.hpp"

namespace policykg::exports {

struct PlanPicturesOptions {
  /// Labels for terms the data leaves unlabelled (sectors, instrument types, roles: see
  /// ontology_labels()); may be null, then such a term is shown by its IRI's last segment.
  const std::map<std::string, std::string, std::less<>>* labels = nullptr;
};

/// The pictures' JSON:
/// {"measures": [{"iri", "label", "text", "document", "task", "sectors": [i], "instruments": [i],
///                "places": [i]}],
///  "sectors" / "instruments" / "roles": [{"iri", "label"}],
///  "tasks": [{"iri", "label", "number", "document"}],
///  "places": [{"iri", "label", "kind", "district"}],
///  "map": {"districts": [{"place", "name", "applies": [m], "assigned": [m]}],
///          "zones": [{"place", "district", "applies": [m], "assigned": [m]}]},
///  "matrix": {"columns": [t or -1], "rows": [{"iri", "label", "kind",
///              "cells": [{"column", "measures": [m], "roles": [[r, [m]]]}]}]},
///  "tree": [node],  where node = {"iri", "label", "kind", "number", "measures": n, "children": [node]}
///                   or {"measure": m} for a measure,
///  "timeline": {"documents": [{"iri", "label", "kind", "identifier", "date", "datedBy", "measures": d}],
///               "links": [{"from": f, "to": f, "relations": ["approves", ...]}]}}
/// The timeline lists every pol:Document of the graph (by IRI): "date" is its dcterms:issued
/// ("datedBy": "issued"), else the year of its dcterms:date ("number"), else the date of the
/// document that approves it or has it as an annex ("approval"), else "" (undated); "measures" is
/// its index in "documents" (-1: it holds no measure). A link joins two documents with the
/// relations the first states of the second (pol:approves, hasAnnex, keepsInForce, prevailsOver,
/// references, in that order); "from" and "to" index the timeline's documents.
/// Numbers in lists are indexes into "measures", "sectors", "places", "tasks" and "roles"; a
/// matrix column -1 gathers the measures under no task. "name" is the district's name in Chinese
/// (skos:prefLabel@zh or rdfs:label@zh), the name its boundary carries in the map file, or "" when
/// the graph has none.
/// A measure is "assigned" to a place that is its pol:responsibleParty or the pol:agent of one of
/// its pol:qualifiedResponsibility; a matrix cell lists each measure once, and under each role the
/// party holds in it (role -1: a responsible party stated without a role).
nlohmann::ordered_json plan_pictures(const std::vector<rdf::Triple>& triples, const PlanPicturesOptions& options = {});

}  // namespace policykg::exports
