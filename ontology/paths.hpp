// Where policykg finds its read-only resources (ontology/, data/, web/) at run time.
#pragma once

#include <filesystem>

namespace policykg::paths {

/// The project root holding ontology/, data/ and web/: $POLICYKG_HOME when set, otherwise the
/// source tree the binary was built from.
std::filesystem::path home();
inline std::filesystem::path ontology_dir() { return home() / "ontology"; }
inline std::filesystem::path data_dir() { return home() / "data"; }
inline std::filesystem::path documents_dir() { return data_dir() / "documents"; }
inline std::filesystem::path gazetteer_dir() { return data_dir() / "gazetteer"; }
inline std::filesystem::path web_dir() { return home() / "web"; }

}  // namespace policykg::paths
