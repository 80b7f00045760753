#include "server/source_texts.hpp"

#include <algorithm>
#include <fstream>
#include <sstream>

namespace policykg::server {

const SourceTexts::Text* SourceTexts::text(std::string_view document_iri) {
  std::lock_guard guard(mutex_);
  if (auto it = texts_.find(document_iri); it != texts_.end()) return it->second.get();
  std::unique_ptr<Text> loaded;
  const std::string prefix = base_ + "doc/";
  if (document_iri.starts_with(prefix)) {
    // An annex ({base}doc/<slug>/annex/1) is read from its parent's file, as the builder reads it.
    std::string slug(document_iri.substr(prefix.size()));
    slug = slug.substr(0, slug.find('/'));
    bool safe = !slug.empty() && slug.front() != '.';
    std::filesystem::path file = dir_ / (slug + ".txt");
    std::error_code ec;
    if (safe && std::filesystem::is_regular_file(file, ec)) {
      std::ifstream in(file, std::ios::binary);
      std::ostringstream ss;
      ss << in.rdbuf();
      loaded = std::make_unique<Text>();
      loaded->bytes = ss.str();
      for (std::size_t i = 0; i < loaded->bytes.size(); ++i)
        if ((static_cast<unsigned char>(loaded->bytes[i]) & 0xC0) != 0x80) loaded->offsets.push_back(i);
      loaded->offsets.push_back(loaded->bytes.size());
    }
  }
  auto* raw = loaded.get();
  texts_.emplace(std::string(document_iri), std::move(loaded));
  return raw;
}

std::optional<SourceExcerpt> SourceTexts::excerpt(std::string_view document_iri, std::size_t start,
                                                  std::size_t end, std::size_t context) {
  const Text* t = text(document_iri);
  if (!t) return std::nullopt;
  std::size_t points = t->offsets.size() - 1;
  if (start > end || end > points) return std::nullopt;
  std::size_t from = start > context ? start - context : 0;
  std::size_t to = std::min(points, end + context);
  auto slice = [t](std::size_t a, std::size_t b) {
    return t->bytes.substr(t->offsets[a], t->offsets[b] - t->offsets[a]);
  };
  return SourceExcerpt{slice(from, start), slice(start, end), slice(end, to), from == 0, to == points};
}

}  // namespace policykg::server
