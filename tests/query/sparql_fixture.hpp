// A small policy-shaped graph for the SPARQL engine's unit tests.
#pragma once

#include <string>

#include "rdf/model.hpp"

namespace policykg::test {

inline rdf::Model sparql_fixture() {
  rdf::Model m;
  m.load_string(R"(
@prefix : <http://ex/> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
@prefix org: <http://www.w3.org/ns/org#> .
:sc a :Agency ; rdfs:label "State Council"@en .
:mofcom a :Agency ; rdfs:label "Ministry of Commerce"@en ; org:subOrganizationOf :sc .
:dept a :Agency ; rdfs:label "Trade Department"@en ; org:subOrganizationOf :mofcom .
:m1 a :Measure ; rdfs:label "open banks"@en ; :responsibleParty :mofcom ; :appliesTo :haidian ; :dependsOn :m2 .
:m2 a :Measure ; rdfs:label "open insurers"@en ; :responsibleParty :dept ; :appliesTo :haidian ; :dependsOn :m3 .
:m3 a :Measure ; rdfs:label "allow brokers"@en ; :appliesTo :xicheng ; :note [ :text "a, \"quoted\"" ; :by :sc ] .
:haidian a :District ; rdfs:label "Haidian District"@en .
:xicheng a :District ; rdfs:label "Xicheng District"@en .
)",
                rdf::Format::Turtle, "http://ex/");
  return m;
}

}  // namespace policykg::test
