// The source documents' texts, for showing a unit in its place: read on first use from the
// documents folder (`{base}doc/<slug>` and its annexes `{base}doc/<slug>/annex/N` are
// `<slug>.txt`, as the builder names documents) and kept.
#pragma once

#include <cstddef>
#include <filesystem>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace policykg::server {

/// A slice of a document around a unit, split so that the unit can be highlighted.
struct SourceExcerpt {
  std::string before, unit, after;  ///< UTF-8
  bool starts_document = false;     ///< `before` reaches the start of the document
  bool ends_document = false;       ///< `after` reaches its end
};

class SourceTexts {
 public:
  SourceTexts(std::filesystem::path documents_dir, std::string base)
      : dir_(std::move(documents_dir)), base_(std::move(base)) {}

  /// The text around code points [start, end) of the document `document_iri`, with up to
  /// `context` code points either side; nullopt when the document's text is not available or
  /// the offsets do not fit it.
  std::optional<SourceExcerpt> excerpt(std::string_view document_iri, std::size_t start, std::size_t end,
                                       std::size_t context = 300);

 private:
  struct Text {
    std::string bytes;
    std::vector<std::size_t> offsets;  ///< byte offset of each code point, plus the end
  };
  const Text* text(std::string_view document_iri);

  std::filesystem::path dir_;
  std::string base_;
  std::mutex mutex_;
  std::map<std::string, std::unique_ptr<Text>, std::less<>> texts_;  ///< null: not available
};

}  // namespace policykg::server
