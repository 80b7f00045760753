#include "export/class_style.hpp"

#include <map>

#include "ontology/terms.hpp"

namespace policykg::exports {

namespace {

const std::map<std::string, ClassStyle, std::less<>>& known_styles() {
  static const std::map<std::string, ClassStyle, std::less<>> styles = {
      {std::string(pol::Document), {"#4e79a7", "note"}},
      {std::string(pol::OfficialReply), {"#2f5f98", "note"}},
      {std::string(pol::Plan), {"#76b7b2", "note"}},
      {std::string(pol::Provision), {"#59a14f", "box"}},
      {std::string(pol::Section), {"#8cd17d", "box"}},
      {std::string(pol::Task), {"#edc948", "box"}},
      {std::string(pol::Initiative), {"#f28e2b", "box"}},
      {std::string(pol::Measure), {"#e15759", "box"}},
      {std::string(pol::Agency), {"#b07aa1", "ellipse"}},
      {std::string(pol::Place), {"#9c755f", "hexagon"}},
      {std::string(pol::District), {"#ff9da7", "hexagon"}},
      {std::string(pol::Zone), {"#d37295", "hexagon"}},
      {std::string(pol::Region), {"#bab0ac", "hexagon"}},
      {std::string(pol::Infrastructure), {"#86bcb6", "diamond"}},
      {std::string(pol::Event), {"#d4a6c8", "star"}},
      {std::string(pol::Programme), {"#a0cbe8", "octagon"}},
  };
  return styles;
}

// Colours for classes outside the ontology, picked by a hash of the IRI (FNV-1a: stable across
// platforms, unlike std::hash).
constexpr const char* kPalette[] = {"#a0cbe8", "#ffbe7d", "#86bcb6", "#f1ce63", "#d4a6c8",
                                    "#fabfd2", "#b6992d", "#499894", "#79706e", "#d7b5a6"};

}  // namespace

ClassStyle class_style(std::string_view cls) {
  if (cls.empty()) return {"#cccccc", "ellipse"};
  auto it = known_styles().find(cls);
  if (it != known_styles().end()) return it->second;
  std::uint32_t h = 2166136261u;
  for (unsigned char c : cls) h = (h ^ c) * 16777619u;
  return {kPalette[h % (sizeof kPalette / sizeof *kPalette)], "ellipse"};
}

Rgb rgb(std::string_view color) {
  auto hex = [&](std::size_t i) {
    auto digit = [](char c) -> int {
      if (c >= '0' && c <= '9') return c - '0';
      if (c >= 'a' && c <= 'f') return c - 'a' + 10;
      if (c >= 'A' && c <= 'F') return c - 'A' + 10;
      return 0;
    };
    return static_cast<std::uint8_t>(digit(color[i]) * 16 + digit(color[i + 1]));
  };
  if (color.size() != 7) return {};
  return {hex(1), hex(3), hex(5)};
}

}  // namespace policykg::exports
