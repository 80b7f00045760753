#include "validate/report.hpp"

namespace policykg::validate {

std::string_view severity_name(Severity s) {
  switch (s) {
    case Severity::Violation: return "Violation";
    case Severity::Warning: return "Warning";
    case Severity::Info: return "Info";
  }
  return "Violation";
}

}  // namespace policykg::validate
