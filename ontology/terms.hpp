// C++ names of the ontology's terms. ontology/policykg.ttl is the source of truth: the test
// tests/ontology/terms_test.cpp checks that every name here is defined there and that every
// term defined there has a name here.
#pragma once

#include <string>
#include <string_view>

namespace policykg::ns {

inline constexpr std::string_view kPol = "https://w3id.org/policykg/ontology#";
inline constexpr std::string_view kOntology = "https://w3id.org/policykg/ontology";
inline constexpr std::string_view kDefaultBase = "https://w3id.org/policykg/id/";
inline constexpr std::string_view kRdf = "http://www.w3.org/1999/02/22-rdf-syntax-ns#";
inline constexpr std::string_view kRdfs = "http://www.w3.org/2000/01/rdf-schema#";
inline constexpr std::string_view kOwl = "http://www.w3.org/2002/07/owl#";
inline constexpr std::string_view kXsd = "http://www.w3.org/2001/XMLSchema#";
inline constexpr std::string_view kSkos = "http://www.w3.org/2004/02/skos/core#";
inline constexpr std::string_view kDcterms = "http://purl.org/dc/terms/";
inline constexpr std::string_view kProv = "http://www.w3.org/ns/prov#";
inline constexpr std::string_view kVann = "http://purl.org/vocab/vann/";
inline constexpr std::string_view kOrg = "http://www.w3.org/ns/org#";
inline constexpr std::string_view kEli = "http://data.europa.eu/eli/ontology#";
inline constexpr std::string_view kSchema = "https://schema.org/";
inline constexpr std::string_view kSh = "http://www.w3.org/ns/shacl#";

/// The prefixes every writer declares, in this order.
struct Prefix {
  std::string_view prefix;
  std::string_view iri;
};
inline constexpr Prefix kPrefixes[] = {
    {"pol", kPol},         {"rdf", kRdf},   {"rdfs", kRdfs}, {"owl", kOwl},
    {"xsd", kXsd},         {"skos", kSkos}, {"dcterms", kDcterms}, {"prov", kProv},
    {"vann", kVann},       {"org", kOrg},   {"eli", kEli},   {"schema", kSchema},
};

inline std::string pol(std::string_view local) { return std::string(kPol) + std::string(local); }

}  // namespace policykg::ns

namespace policykg::pol {

// Classes
inline constexpr std::string_view Document = "https://w3id.org/policykg/ontology#Document";
inline constexpr std::string_view OfficialReply = "https://w3id.org/policykg/ontology#OfficialReply";
inline constexpr std::string_view Plan = "https://w3id.org/policykg/ontology#Plan";
inline constexpr std::string_view Provision = "https://w3id.org/policykg/ontology#Provision";
inline constexpr std::string_view Section = "https://w3id.org/policykg/ontology#Section";
inline constexpr std::string_view Task = "https://w3id.org/policykg/ontology#Task";
inline constexpr std::string_view Initiative = "https://w3id.org/policykg/ontology#Initiative";
inline constexpr std::string_view Measure = "https://w3id.org/policykg/ontology#Measure";
inline constexpr std::string_view Statement = "https://w3id.org/policykg/ontology#Statement";
inline constexpr std::string_view Agency = "https://w3id.org/policykg/ontology#Agency";
inline constexpr std::string_view Place = "https://w3id.org/policykg/ontology#Place";
inline constexpr std::string_view District = "https://w3id.org/policykg/ontology#District";
inline constexpr std::string_view Zone = "https://w3id.org/policykg/ontology#Zone";
inline constexpr std::string_view Region = "https://w3id.org/policykg/ontology#Region";
inline constexpr std::string_view Infrastructure = "https://w3id.org/policykg/ontology#Infrastructure";
inline constexpr std::string_view Event = "https://w3id.org/policykg/ontology#Event";
inline constexpr std::string_view Programme = "https://w3id.org/policykg/ontology#Programme";

// Properties
inline constexpr std::string_view position = "https://w3id.org/policykg/ontology#position";
inline constexpr std::string_view number = "https://w3id.org/policykg/ontology#number";
inline constexpr std::string_view text = "https://w3id.org/policykg/ontology#text";
inline constexpr std::string_view plainText = "https://w3id.org/policykg/ontology#plainText";
inline constexpr std::string_view sourceStart = "https://w3id.org/policykg/ontology#sourceStart";
inline constexpr std::string_view sourceEnd = "https://w3id.org/policykg/ontology#sourceEnd";
inline constexpr std::string_view responsibleParty = "https://w3id.org/policykg/ontology#responsibleParty";
inline constexpr std::string_view appliesTo = "https://w3id.org/policykg/ontology#appliesTo";
inline constexpr std::string_view mentions = "https://w3id.org/policykg/ontology#mentions";
inline constexpr std::string_view locatedIn = "https://w3id.org/policykg/ontology#locatedIn";
inline constexpr std::string_view approves = "https://w3id.org/policykg/ontology#approves";
inline constexpr std::string_view hasAnnex = "https://w3id.org/policykg/ontology#hasAnnex";
inline constexpr std::string_view issuedBy = "https://w3id.org/policykg/ontology#issuedBy";
inline constexpr std::string_view addressedTo = "https://w3id.org/policykg/ontology#addressedTo";
inline constexpr std::string_view publishedOn = "https://w3id.org/policykg/ontology#publishedOn";
inline constexpr std::string_view validFor = "https://w3id.org/policykg/ontology#validFor";
inline constexpr std::string_view references = "https://w3id.org/policykg/ontology#references";
inline constexpr std::string_view keepsInForce = "https://w3id.org/policykg/ontology#keepsInForce";
inline constexpr std::string_view prevailsOver = "https://w3id.org/policykg/ontology#prevailsOver";
inline constexpr std::string_view dependsOn = "https://w3id.org/policykg/ontology#dependsOn";
inline constexpr std::string_view condition = "https://w3id.org/policykg/ontology#condition";
inline constexpr std::string_view instrumentType = "https://w3id.org/policykg/ontology#instrumentType";
inline constexpr std::string_view sector = "https://w3id.org/policykg/ontology#sector";
// Extensions beyond the contract
inline constexpr std::string_view sourceDocument = "https://w3id.org/policykg/ontology#sourceDocument";
inline constexpr std::string_view excludes = "https://w3id.org/policykg/ontology#excludes";
inline constexpr std::string_view Responsibility = "https://w3id.org/policykg/ontology#Responsibility";
inline constexpr std::string_view qualifiedResponsibility = "https://w3id.org/policykg/ontology#qualifiedResponsibility";
inline constexpr std::string_view agent = "https://w3id.org/policykg/ontology#agent";
inline constexpr std::string_view role = "https://w3id.org/policykg/ontology#role";
inline constexpr std::string_view Roles = "https://w3id.org/policykg/ontology#Roles";
inline constexpr std::string_view cueStart = "https://w3id.org/policykg/ontology#cueStart";
inline constexpr std::string_view cueEnd = "https://w3id.org/policykg/ontology#cueEnd";
inline constexpr std::string_view cueText = "https://w3id.org/policykg/ontology#cueText";
inline constexpr std::string_view rule = "https://w3id.org/policykg/ontology#rule";
inline constexpr std::string_view sha256 = "https://w3id.org/policykg/ontology#sha256";
inline constexpr std::string_view builderVersion = "https://w3id.org/policykg/ontology#builderVersion";
inline constexpr std::string_view EffectiveResponsibility = "https://w3id.org/policykg/ontology#EffectiveResponsibility";
inline constexpr std::string_view effectiveParty = "https://w3id.org/policykg/ontology#effectiveParty";
inline constexpr std::string_view qualifiedEffectiveParty = "https://w3id.org/policykg/ontology#qualifiedEffectiveParty";
inline constexpr std::string_view derivation = "https://w3id.org/policykg/ontology#derivation";
inline constexpr std::string_view statedOn = "https://w3id.org/policykg/ontology#statedOn";
inline constexpr std::string_view route = "https://w3id.org/policykg/ontology#route";
// Comparisons of versions (policykg diff --record)
inline constexpr std::string_view Comparison = "https://w3id.org/policykg/ontology#Comparison";
inline constexpr std::string_view Continuation = "https://w3id.org/policykg/ontology#Continuation";
inline constexpr std::string_view continues = "https://w3id.org/policykg/ontology#continues";
inline constexpr std::string_view revises = "https://w3id.org/policykg/ontology#revises";
inline constexpr std::string_view unchangedFrom = "https://w3id.org/policykg/ontology#unchangedFrom";
inline constexpr std::string_view qualifiedContinuation = "https://w3id.org/policykg/ontology#qualifiedContinuation";
inline constexpr std::string_view continuedUnit = "https://w3id.org/policykg/ontology#continuedUnit";
inline constexpr std::string_view similarity = "https://w3id.org/policykg/ontology#similarity";
inline constexpr std::string_view changeKind = "https://w3id.org/policykg/ontology#changeKind";
inline constexpr std::string_view inComparison = "https://w3id.org/policykg/ontology#inComparison";
inline constexpr std::string_view oldVersion = "https://w3id.org/policykg/ontology#oldVersion";
inline constexpr std::string_view newVersion = "https://w3id.org/policykg/ontology#newVersion";
inline constexpr std::string_view addedUnit = "https://w3id.org/policykg/ontology#addedUnit";
inline constexpr std::string_view removedUnit = "https://w3id.org/policykg/ontology#removedUnit";

// Concept schemes
inline constexpr std::string_view InstrumentTypes = "https://w3id.org/policykg/ontology#InstrumentTypes";
inline constexpr std::string_view Sectors = "https://w3id.org/policykg/ontology#Sectors";

// Concepts of pol:InstrumentTypes (values of pol:instrumentType)
inline constexpr std::string_view instrument_supply_side = "https://w3id.org/policykg/ontology#SupplySide";
inline constexpr std::string_view instrument_demand_side = "https://w3id.org/policykg/ontology#DemandSide";
inline constexpr std::string_view instrument_environmental = "https://w3id.org/policykg/ontology#Environmental";

// Concepts of pol:Roles (values of pol:role)
inline constexpr std::string_view role_lead = "https://w3id.org/policykg/ontology#LeadRole";
inline constexpr std::string_view role_implement = "https://w3id.org/policykg/ontology#ImplementRole";
inline constexpr std::string_view role_coordinate = "https://w3id.org/policykg/ontology#CoordinateRole";
inline constexpr std::string_view role_supervise = "https://w3id.org/policykg/ontology#SuperviseRole";
inline constexpr std::string_view role_approve = "https://w3id.org/policykg/ontology#ApproveRole";
inline constexpr std::string_view role_addressee = "https://w3id.org/policykg/ontology#AddresseeRole";

// Concepts of pol:Sectors (values of pol:sector)
inline constexpr std::string_view sector_finance = "https://w3id.org/policykg/ontology#FinanceSector";
inline constexpr std::string_view sector_culture = "https://w3id.org/policykg/ontology#CultureSector";
inline constexpr std::string_view sector_tourism = "https://w3id.org/policykg/ontology#TourismSector";
inline constexpr std::string_view sector_healthcare = "https://w3id.org/policykg/ontology#HealthcareSector";
inline constexpr std::string_view sector_telecommunications = "https://w3id.org/policykg/ontology#TelecommunicationsSector";
inline constexpr std::string_view sector_aviation = "https://w3id.org/policykg/ontology#AviationSector";
inline constexpr std::string_view sector_legal_services = "https://w3id.org/policykg/ontology#LegalServicesSector";
inline constexpr std::string_view sector_education = "https://w3id.org/policykg/ontology#EducationSector";
inline constexpr std::string_view sector_trade = "https://w3id.org/policykg/ontology#TradeSector";
inline constexpr std::string_view sector_logistics = "https://w3id.org/policykg/ontology#LogisticsSector";
inline constexpr std::string_view sector_technology = "https://w3id.org/policykg/ontology#TechnologySector";
inline constexpr std::string_view sector_exhibition = "https://w3id.org/policykg/ontology#ExhibitionSector";
inline constexpr std::string_view sector_business_services = "https://w3id.org/policykg/ontology#BusinessServicesSector";
inline constexpr std::string_view sector_government_services = "https://w3id.org/policykg/ontology#GovernmentServicesSector";
inline constexpr std::string_view sector_elderly_care = "https://w3id.org/policykg/ontology#ElderlyCareSector";
inline constexpr std::string_view sector_intellectual_property = "https://w3id.org/policykg/ontology#IntellectualPropertySector";

}  // namespace policykg::pol

namespace policykg::std_terms {
inline constexpr std::string_view rdf_type = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type";
inline constexpr std::string_view rdf_Statement = "http://www.w3.org/1999/02/22-rdf-syntax-ns#Statement";
inline constexpr std::string_view rdf_subject = "http://www.w3.org/1999/02/22-rdf-syntax-ns#subject";
inline constexpr std::string_view rdf_predicate = "http://www.w3.org/1999/02/22-rdf-syntax-ns#predicate";
inline constexpr std::string_view rdf_object = "http://www.w3.org/1999/02/22-rdf-syntax-ns#object";
inline constexpr std::string_view rdfs_label = "http://www.w3.org/2000/01/rdf-schema#label";
inline constexpr std::string_view rdfs_comment = "http://www.w3.org/2000/01/rdf-schema#comment";
inline constexpr std::string_view skos_altLabel = "http://www.w3.org/2004/02/skos/core#altLabel";
inline constexpr std::string_view skos_prefLabel = "http://www.w3.org/2004/02/skos/core#prefLabel";
inline constexpr std::string_view skos_inScheme = "http://www.w3.org/2004/02/skos/core#inScheme";
inline constexpr std::string_view skos_exactMatch = "http://www.w3.org/2004/02/skos/core#exactMatch";
/// Wikidata's namespace of entities: an item's IRI is this and its id ("Q956").
inline constexpr std::string_view wikidata_entity = "http://www.wikidata.org/entity/";
inline constexpr std::string_view dcterms_isPartOf = "http://purl.org/dc/terms/isPartOf";
inline constexpr std::string_view dcterms_identifier = "http://purl.org/dc/terms/identifier";
inline constexpr std::string_view dcterms_title = "http://purl.org/dc/terms/title";
inline constexpr std::string_view dcterms_issued = "http://purl.org/dc/terms/issued";
inline constexpr std::string_view dcterms_date = "http://purl.org/dc/terms/date";
inline constexpr std::string_view dcterms_source = "http://purl.org/dc/terms/source";
inline constexpr std::string_view org_subOrganizationOf = "http://www.w3.org/ns/org#subOrganizationOf";
inline constexpr std::string_view prov_wasDerivedFrom = "http://www.w3.org/ns/prov#wasDerivedFrom";
inline constexpr std::string_view prov_agent = "http://www.w3.org/ns/prov#agent";
inline constexpr std::string_view dcterms_language = "http://purl.org/dc/terms/language";
inline constexpr std::string_view skos_editorialNote = "http://www.w3.org/2004/02/skos/core#editorialNote";
inline constexpr std::string_view eli_LegalExpression = "http://data.europa.eu/eli/ontology#LegalExpression";
inline constexpr std::string_view eli_realizes = "http://data.europa.eu/eli/ontology#realizes";
inline constexpr std::string_view eli_is_realized_by = "http://data.europa.eu/eli/ontology#is_realized_by";
}  // namespace policykg::std_terms
