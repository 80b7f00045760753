// Whether a literal's lexical form is valid for its XML Schema datatype, as sh:datatype requires.
#pragma once

#include <string_view>

namespace policykg::validate {

/// True when `lexical` is in the lexical space of `datatype`; datatypes we do not know (and
/// xsd:string, rdf:langString) accept every form.
bool is_valid_lexical_form(std::string_view lexical, std::string_view datatype);

}  // namespace policykg::validate
