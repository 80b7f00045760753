#include "server/source_texts.hpp"

#include <algorithm>
#include <fstream>
#include <sstream>

#include "builder/catalog.hpp"
#include "core/text.hpp"

namespace policykg::server {

namespace {

}  // namespace

std::filesystem::path SourceTexts::file_with_digest(std::string_view digest) {
  if (!by_digest_) {
    by_digest_.emplace();
    std::error_code ec;
    for (std::filesystem::directory_iterator it(dir_, ec), end; !ec && it != end; it.increment(ec)) {
      if (it->path().extension() != ".txt" || !it->is_regular_file(ec)) continue;
      if (auto bytes = read_regular_file(it->path())) by_digest_->emplace(builder::sha256_hex(*bytes), it->path());
    }
  }
  auto it = by_digest_->find(digest);
  return it == by_digest_->end() ? std::filesystem::path() : it->second;
}

const SourceTexts::Text* SourceTexts::text(std::string_view document_iri, std::string_view digest) {
  std::lock_guard guard(mutex_);
  if (auto it = texts_.find(document_iri); it != texts_.end()) return it->second.get();
  std::filesystem::path file;
  const std::string prefix = base_ + "doc/";
  if (!digest.empty()) {
    file = file_with_digest(digest);
  } else if (document_iri.starts_with(prefix)) {
    // An annex ({base}doc/<slug>/annex/1) is read from its parent's file, as the builder reads it.
    std::string slug(document_iri.substr(prefix.size()));
    slug = slug.substr(0, slug.find('/'));
    if (!slug.empty() && slug.front() != '.') file = dir_ / (slug + ".txt");
  }
  std::unique_ptr<Text> loaded;
  if (auto bytes = file.empty() ? std::nullopt : read_regular_file(file)) {
    loaded = std::make_unique<Text>();
    loaded->bytes = std::move(*bytes);
    for (std::size_t i = 0; i < loaded->bytes.size(); ++i)
      if ((static_cast<unsigned char>(loaded->bytes[i]) & 0xC0) != 0x80) loaded->offsets.push_back(i);
    loaded->offsets.push_back(loaded->bytes.size());
  }
  auto* raw = loaded.get();
  texts_.emplace(std::string(document_iri), std::move(loaded));
  return raw;
}

std::optional<SourceExcerpt> SourceTexts::excerpt(std::string_view document_iri, std::string_view digest,
                                                  std::size_t start, std::size_t end, std::size_t context) {
  const Text* t = text(document_iri, digest);
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
