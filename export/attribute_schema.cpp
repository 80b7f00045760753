#include "export/attribute_schema.hpp"

#include <charconv>
#include <cmath>
#include <cstdint>
#include <limits>
#include <regex>
#include <set>

#include "ontology/terms.hpp"

namespace policykg::exports {

namespace {

// Names the writers use themselves; an attribute with one of these local names is prefixed.
const std::set<std::string, std::less<>>& reserved_names() {
  static const std::set<std::string, std::less<>> names = {
      "id", "iri", "label", "class", "classLabel", "types", "color", "predicate", "source", "target"};
  return names;
}

bool parse_integer(std::string_view s, long long& value) {
  if (!s.empty() && s.front() == '+') s.remove_prefix(1);
  auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), value);
  return ec == std::errc() && end == s.data() + s.size() && !s.empty();
}

bool is_double(const std::string& s) {
  static const std::regex re(R"([+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?|[+-]?INF|NaN)");
  return std::regex_match(s, re);
}

// The type one literal allows.
ValueType value_type(const rdf::Term& t) {
  const std::string& dt = t.datatype;
  if (dt.empty() || !dt.starts_with(ns::kXsd)) return ValueType::String;
  std::string_view local = std::string_view(dt).substr(ns::kXsd.size());
  static const std::set<std::string, std::less<>> integers = {
      "integer", "int", "long", "short", "byte", "nonNegativeInteger", "positiveInteger",
      "nonPositiveInteger", "negativeInteger", "unsignedInt", "unsignedShort", "unsignedByte",
      "unsignedLong"};
  if (integers.count(local)) {
    long long v = 0;
    if (!parse_integer(t.value, v)) return ValueType::String;
    bool fits = v >= std::numeric_limits<std::int32_t>::min() && v <= std::numeric_limits<std::int32_t>::max();
    return fits ? ValueType::Int : ValueType::Long;
  }
  if (local == "decimal" || local == "double" || local == "float")
    return is_double(t.value) ? ValueType::Double : ValueType::String;
  if (local == "boolean")
    return (t.value == "true" || t.value == "false" || t.value == "1" || t.value == "0")
               ? ValueType::Boolean
               : ValueType::String;
  static const std::regex date(R"(-?\d{4,}-\d{2}-\d{2}(Z|[+-]\d{2}:\d{2})?)");
  static const std::regex date_time(R"(-?\d{4,}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})?)");
  static const std::regex duration(R"(-?P(\d+Y)?(\d+M)?(\d+D)?(T(\d+H)?(\d+M)?(\d+(\.\d+)?S)?)?)");
  if (local == "date") return std::regex_match(t.value, date) ? ValueType::Date : ValueType::String;
  if (local == "dateTime")
    return std::regex_match(t.value, date_time) ? ValueType::DateTime : ValueType::String;
  if (local == "duration")
    return std::regex_match(t.value, duration) && t.value.back() != 'P' && t.value.back() != 'T'
               ? ValueType::Duration
               : ValueType::String;
  return ValueType::String;
}

// The common type of two: Int widens to Long and Double; anything else mixed is a string.
ValueType unify(ValueType a, ValueType b) {
  if (a == b) return a;
  auto numeric = [](ValueType t) { return t == ValueType::Int || t == ValueType::Long; };
  if (numeric(a) && numeric(b)) return ValueType::Long;
  return ValueType::String;
}

}  // namespace

std::string local_name(std::string_view iri) {
  std::string_view s = iri;
  while (!s.empty() && (s.back() == '/' || s.back() == '#')) s.remove_suffix(1);
  auto cut = s.find_last_of("/#:");
  return std::string(cut == std::string_view::npos ? s : s.substr(cut + 1));
}

std::string compact_iri(std::string_view iri, std::string_view base) {
  if (!base.empty() && iri.starts_with(base) && iri.size() > base.size())
    return "id:" + std::string(iri.substr(base.size()));
  for (const auto& p : ns::kPrefixes)
    if (iri.starts_with(p.iri) && iri.size() > p.iri.size())
      return std::string(p.prefix) + ":" + std::string(iri.substr(p.iri.size()));
  return std::string(iri);
}

std::string_view shown_label(std::string_view label, std::string_view iri,
                             const std::map<std::string, std::string, std::less<>>& labels) {
  if (labels.empty() || label != local_name(iri)) return label;
  auto it = labels.find(iri);
  return it == labels.end() ? label : std::string_view(it->second);
}

std::string class_label(std::string_view cls) {
  // A concept's class is its scheme (picture_triples), named in the singular.
  if (cls == pol::Sectors) return "Sector";
  if (cls == pol::InstrumentTypes) return "InstrumentType";
  return cls.empty() ? "Resource" : local_name(cls);
}

AttributeSchema attribute_schema(const query::GraphView& view) {
  std::map<std::string, Attribute> found;
  const auto& g = view.graph();
  for (auto [v, end] = boost::vertices(g); v != end; ++v) {
    for (const auto& [predicate, values] : g[*v].attributes) {
      if (values.empty()) continue;
      auto [it, inserted] = found.try_emplace(predicate);
      Attribute& a = it->second;
      if (inserted) {
        a.predicate = predicate;
        a.datatype = values.front().datatype;
        a.type = value_type(values.front());
      }
      if (values.size() > 1) a.multi = true;
      for (const auto& t : values) {
        if (t.datatype != a.datatype) a.datatype.clear();
        a.type = unify(a.type, value_type(t));
      }
    }
  }
  // Names: the local name unless it is reserved or shared by another predicate.
  std::map<std::string, int> uses;
  for (const auto& [p, a] : found) ++uses[local_name(p)];
  AttributeSchema schema;
  std::map<std::string, int> seen;
  for (auto& [p, a] : found) {
    std::string local = local_name(p);
    int k = ++seen[local];
    if (uses[local] == 1 && !reserved_names().count(local) && !local.empty()) {
      a.name = local;
    } else {
      // prefix_local with a known prefix, else local_k (k-th predicate with that local name).
      std::string compact = compact_iri(p, "");
      auto colon = compact.find(':');
      a.name = compact != p && colon != std::string::npos
                   ? compact.substr(0, colon) + "_" + compact.substr(colon + 1)
                   : (local.empty() ? "attribute" : local) + "_" + std::to_string(k);
    }
    schema.by_predicate.emplace(p, schema.attributes.size());
    schema.attributes.push_back(std::move(a));
  }
  return schema;
}

std::string attribute_text(const std::vector<rdf::Term>& values, const Attribute& attribute,
                           std::string_view separator) {
  std::string out;
  for (std::size_t i = 0; i < values.size(); ++i) {
    if (i) out += separator;
    const std::string& v = values[i].value;
    if (attribute.type == ValueType::Boolean) out += (v == "true" || v == "1") ? "true" : "false";
    else if ((attribute.type == ValueType::Int || attribute.type == ValueType::Long) && v.starts_with('+'))
      out += v.substr(1);
    else out += v;
  }
  return out;
}

}  // namespace policykg::exports
