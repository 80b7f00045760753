// The source documents' texts, for showing a unit in its place: read on first use from the
// documents folder and kept. A document is found by the SHA-256 the graph gives for the text it
// was built from (its expression's pol:sha256), whatever the file's name; without one,
// `{base}doc/<slug>` and its annexes `{base}doc/<slug>/annex/N` are `<slug>.txt`.
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
  /// the offsets do not fit it. `digest` is the text's SHA-256 (lower-case hex), or empty.
  std::optional<SourceExcerpt> excerpt(std::string_view document_iri, std::string_view digest, std::size_t start,
                                       std::size_t end, std::size_t context = 300);

 private:
  struct Text {
    std::string bytes;
    std::vector<std::size_t> offsets;  ///< byte offset of each code point, plus the end
  };
  const Text* text(std::string_view document_iri, std::string_view digest);
  /// The folder's file whose bytes have the digest, or an empty path.
  std::filesystem::path file_with_digest(std::string_view digest);

  std::filesystem::path dir_;
  std::string base_;
  std::mutex mutex_;
  std::map<std::string, std::unique_ptr<Text>, std::less<>> texts_;  ///< null: not available
  std::optional<std::map<std::string, std::filesystem::path, std::less<>>> by_digest_;  ///< the .txt files
};

}  // namespace policykg::server
