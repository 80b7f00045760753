#include "tests/validate/constraint_cases.hpp"

namespace policykg::test {

const char* const kPrefixes = R"(@prefix ex: <http://example.org/> .
@prefix sh: <http://www.w3.org/ns/shacl#> .
@prefix rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
)";

const std::vector<ConstraintCase>& constraint_cases() {
  static const std::vector<ConstraintCase> cases = {
      {"target_class_with_subclasses",
       "ex:S a sh:NodeShape ; sh:targetClass ex:Animal ; sh:property [ sh:path ex:name ; sh:minCount 1 ] .\n"
       "ex:Dog rdfs:subClassOf ex:Animal .",
       "ex:rex a ex:Dog .\nex:tom a ex:Animal ; ex:name \"Tom\" .\nex:rock a ex:Stone .",
       {{"rex", "name", "MinCountConstraintComponent"}}},
      {"min_and_max_count",
       "ex:S a sh:NodeShape ; sh:targetClass ex:T ;\n"
       "  sh:property [ sh:path ex:p ; sh:minCount 1 ; sh:maxCount 2 ] .",
       "ex:none a ex:T .\nex:one a ex:T ; ex:p 1 .\nex:two a ex:T ; ex:p 1, 2 .\nex:three a ex:T ; ex:p 1, 2, 3 .",
       {{"none", "p", "MinCountConstraintComponent"}, {"three", "p", "MaxCountConstraintComponent"}}},
      {"datatype",
       "ex:S a sh:NodeShape ; sh:targetClass ex:T ;\n"
       "  sh:property [ sh:path ex:n ; sh:datatype xsd:integer ] ;\n"
       "  sh:property [ sh:path ex:s ; sh:datatype xsd:string ] ;\n"
       "  sh:property [ sh:path ex:d ; sh:datatype xsd:date ] ;\n"
       "  sh:property [ sh:path ex:l ; sh:datatype rdf:langString ] .",
       "ex:good a ex:T ; ex:n 7 ; ex:s \"plain\" ; ex:d \"2019-01-31\"^^xsd:date ; ex:l \"x\"@en .\n"
       "ex:badn a ex:T ; ex:n \"7\" .\nex:bads a ex:T ; ex:s \"x\"@en .\n"
       "ex:badd a ex:T ; ex:d \"2019-02-30\"^^xsd:date .\nex:badl a ex:T ; ex:l \"x\" .\n"
       "ex:iri a ex:T ; ex:n ex:seven .",
       {{"badn", "n", "DatatypeConstraintComponent"}, {"bads", "s", "DatatypeConstraintComponent"},
        {"badd", "d", "DatatypeConstraintComponent"}, {"badl", "l", "DatatypeConstraintComponent"},
        {"iri", "n", "DatatypeConstraintComponent"}}},
      {"ill_formed_integer",
       "ex:S a sh:NodeShape ; sh:targetClass ex:T ; sh:property [ sh:path ex:n ; sh:datatype xsd:integer ] .",
       "ex:a a ex:T ; ex:n \"12x\"^^xsd:integer .\nex:b a ex:T ; ex:n \"-12\"^^xsd:integer .",
       {{"a", "n", "DatatypeConstraintComponent"}}},
      {"duration",
       "ex:S a sh:NodeShape ; sh:targetClass ex:T ; sh:property [ sh:path ex:v ; sh:datatype xsd:duration ] .",
       "ex:a a ex:T ; ex:v \"P3Y\"^^xsd:duration .\nex:b a ex:T ; ex:v \"3 years\"^^xsd:duration .\n"
       "ex:c a ex:T ; ex:v \"P\"^^xsd:duration .\nex:d a ex:T ; ex:v \"PT1H30M\"^^xsd:duration .",
       {{"b", "v", "DatatypeConstraintComponent"}, {"c", "v", "DatatypeConstraintComponent"}}},
      {"class_with_subclasses",
       "ex:S a sh:NodeShape ; sh:targetClass ex:T ; sh:property [ sh:path ex:owner ; sh:class ex:Agent ] .\n"
       "ex:Person rdfs:subClassOf ex:Agent .",
       "ex:a a ex:T ; ex:owner ex:alice .\nex:alice a ex:Person .\n"
       "ex:b a ex:T ; ex:owner ex:bob .\nex:bob a ex:Robot .\n"
       "ex:c a ex:T ; ex:owner \"carol\" .\nex:d a ex:T ; ex:owner ex:untyped .",
       {{"b", "owner", "ClassConstraintComponent"}, {"c", "owner", "ClassConstraintComponent"},
        {"d", "owner", "ClassConstraintComponent"}}},
      {"class_on_node_shape",
       "ex:S a sh:NodeShape ; sh:targetSubjectsOf ex:locatedIn ; sh:class ex:Zone .",
       "ex:z a ex:Zone ; ex:locatedIn ex:d .\nex:d a ex:District ; ex:locatedIn ex:r .",
       {{"d", "", "ClassConstraintComponent"}}},
      {"node_kind",
       "ex:S a sh:NodeShape ; sh:targetClass ex:T ;\n"
       "  sh:property [ sh:path ex:i ; sh:nodeKind sh:IRI ] ;\n"
       "  sh:property [ sh:path ex:l ; sh:nodeKind sh:Literal ] ;\n"
       "  sh:property [ sh:path ex:b ; sh:nodeKind sh:BlankNodeOrIRI ] .",
       "ex:good a ex:T ; ex:i ex:x ; ex:l \"x\" ; ex:b [ ] .\n"
       "ex:bad a ex:T ; ex:i \"x\" ; ex:l ex:x ; ex:b 3 .",
       {{"bad", "i", "NodeKindConstraintComponent"}, {"bad", "l", "NodeKindConstraintComponent"},
        {"bad", "b", "NodeKindConstraintComponent"}}},
      {"pattern_and_flags",
       "ex:S a sh:NodeShape ; sh:targetClass ex:T ;\n"
       "  sh:property [ sh:path ex:code ; sh:pattern \"^No\\\\. [0-9]+$\" ] ;\n"
       "  sh:property [ sh:path ex:word ; sh:pattern \"^beijing\" ; sh:flags \"i\" ] .",
       "ex:a a ex:T ; ex:code \"No. 81\" ; ex:word \"Beijing Municipality\" .\n"
       "ex:b a ex:T ; ex:code \"No 81\" ; ex:word \"Tianjin\" .\nex:c a ex:T ; ex:code 81 .",
       {{"b", "code", "PatternConstraintComponent"}, {"b", "word", "PatternConstraintComponent"},
        {"c", "code", "PatternConstraintComponent"}}},
      {"pattern_on_iri_searches",
       "ex:S a sh:NodeShape ; sh:targetClass ex:T ; sh:property [ sh:path ex:link ; sh:pattern \"/agency/\" ] .",
       "ex:a a ex:T ; ex:link <http://example.org/agency/mofcom> .\nex:b a ex:T ; ex:link <http://example.org/zone/z> .",
       {{"b", "link", "PatternConstraintComponent"}}},
      {"in",
       "ex:S a sh:NodeShape ; sh:targetClass ex:T ; sh:property [ sh:path ex:kind ; sh:in ( ex:Supply ex:Demand \"other\" ) ] .",
       "ex:a a ex:T ; ex:kind ex:Supply, \"other\" .\nex:b a ex:T ; ex:kind ex:Tax .\nex:c a ex:T ; ex:kind \"other\"@en .",
       {{"b", "kind", "InConstraintComponent"}, {"c", "kind", "InConstraintComponent"}}},
      {"language_in",
       "ex:S a sh:NodeShape ; sh:targetClass ex:T ; sh:property [ sh:path rdfs:label ; sh:languageIn ( \"en\" ) ] .",
       "ex:a a ex:T ; rdfs:label \"a\"@en, \"b\"@en-GB .\nex:b a ex:T ; rdfs:label \"b\"@zh .\nex:c a ex:T ; rdfs:label \"c\" .",
       {{"b", "label", "LanguageInConstraintComponent"}, {"c", "label", "LanguageInConstraintComponent"}}},
      {"inverse_path",
       "ex:S a sh:NodeShape ; sh:targetClass ex:Doc ;\n"
       "  sh:property [ sh:path [ sh:inversePath ex:partOf ] ; sh:minCount 1 ; sh:class ex:Unit ] .",
       "ex:d1 a ex:Doc .\nex:u a ex:Unit ; ex:partOf ex:d1 .\nex:d2 a ex:Doc .\nex:d3 a ex:Doc .\nex:x ex:partOf ex:d3 .",
       {{"d2", "^partOf", "MinCountConstraintComponent"}, {"d3", "^partOf", "ClassConstraintComponent"}}},
      {"or_of_classes",
       "ex:S a sh:NodeShape ; sh:targetClass ex:Measure ;\n"
       "  sh:property [ sh:path ex:party ; sh:or ( [ sh:class ex:Agency ] [ sh:class ex:District ] ) ] .",
       "ex:m1 a ex:Measure ; ex:party ex:mofcom, ex:haidian .\nex:mofcom a ex:Agency .\nex:haidian a ex:District .\n"
       "ex:m2 a ex:Measure ; ex:party ex:zgc .\nex:zgc a ex:Zone .",
       {{"m2", "party", "OrConstraintComponent"}}},
      {"node_not_and",
       "ex:Named a sh:NodeShape ; sh:property [ sh:path ex:name ; sh:minCount 1 ] .\n"
       "ex:S a sh:NodeShape ; sh:targetClass ex:T ;\n"
       "  sh:property [ sh:path ex:friend ; sh:node ex:Named ] ;\n"
       "  sh:property [ sh:path ex:enemy ; sh:not ex:Named ] ;\n"
       "  sh:property [ sh:path ex:boss ; sh:and ( ex:Named [ sh:nodeKind sh:IRI ] ) ] .",
       "ex:a a ex:T ; ex:friend ex:f ; ex:enemy ex:e ; ex:boss ex:f .\nex:f ex:name \"F\" .\n"
       "ex:b a ex:T ; ex:friend ex:e ; ex:enemy ex:f ; ex:boss ex:e .",
       {{"b", "friend", "NodeConstraintComponent"}, {"b", "enemy", "NotConstraintComponent"},
        {"b", "boss", "AndConstraintComponent"}}},
      {"has_value_and_target_node",
       "ex:S a sh:NodeShape ; sh:targetNode ex:a, ex:b ; sh:property [ sh:path ex:status ; sh:hasValue ex:Active ] .",
       "ex:a ex:status ex:Active .\nex:b ex:status ex:Retired .",
       {{"b", "status", "HasValueConstraintComponent"}}},
      {"target_objects_of",
       "ex:S a sh:NodeShape ; sh:targetObjectsOf ex:approves ; sh:class ex:Plan .",
       "ex:reply ex:approves ex:plan, ex:memo .\nex:plan a ex:Plan .",
       {{"memo", "", "ClassConstraintComponent"}}},
      {"lengths",
       "ex:S a sh:NodeShape ; sh:targetClass ex:T ; sh:property [ sh:path ex:code ; sh:minLength 2 ; sh:maxLength 4 ] .",
       "ex:a a ex:T ; ex:code \"ab\" .\nex:b a ex:T ; ex:code \"a\" .\nex:c a ex:T ; ex:code \"abcde\" .",
       {{"b", "code", "MinLengthConstraintComponent"}, {"c", "code", "MaxLengthConstraintComponent"}}},
      {"deactivated_shape",
       "ex:S a sh:NodeShape ; sh:targetClass ex:T ; sh:deactivated true ; sh:property [ sh:path ex:p ; sh:minCount 1 ] .",
       "ex:a a ex:T .",
       {}},
      {"sequence_path",
       "ex:S a sh:NodeShape ; sh:targetClass ex:Measure ; sh:property [ sh:path ( ex:partOf ex:partOf ) ; sh:class ex:Doc ] .",
       "ex:m a ex:Measure ; ex:partOf ex:i .\nex:i ex:partOf ex:d .\nex:d a ex:Doc .\n"
       "ex:n a ex:Measure ; ex:partOf ex:j .\nex:j ex:partOf ex:k .",
       {{"n", "(partOf/partOf)", "ClassConstraintComponent"}}},
  };
  return cases;
}

}  // namespace policykg::test
