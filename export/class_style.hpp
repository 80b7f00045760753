// How a class looks in every export: one colour per class (fixed for the ontology's classes,
// derived from the IRI for others) and a Graphviz shape, so that DOT, GraphML, GEXF and the page
// colour a graph the same way.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace policykg::exports {

struct ClassStyle {
  std::string color;  ///< "#rrggbb"
  std::string shape;  ///< Graphviz node shape
};

ClassStyle class_style(std::string_view cls);

struct Rgb {
  std::uint8_t r = 0, g = 0, b = 0;
};
/// The components of "#rrggbb".
Rgb rgb(std::string_view color);

}  // namespace policykg::exports
