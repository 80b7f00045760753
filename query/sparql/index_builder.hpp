// IndexBuilder: writes an index file (docs/index-format.md), or gives the dataset it holds in
// memory, from triples given one at a time, as a reader streams them (rdf::read_file), holding
// each distinct term once, as the bytes the index stores, and each triple as three integers,
// never the triples as terms. The file is byte for byte the one Dataset::write_index writes for
// the same graphs: the default graph's terms take their ids in the order of its sorted, distinct
// triples (as a Dataset made with set_default from sorted triples gives them), a named graph's
// after them, in the order its triples come, and its name after its triples (as
// Dataset::add_named).
#pragma once

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "query/sparql/dataset.hpp"
#include "rdf/term.hpp"

namespace policykg::query {

class IndexBuilder {
 public:
  /// A triple of the default graph, in any order; duplicates count once.
  void add(const rdf::Triple& t);
  /// Every triple of an RDF file, streamed (rdf::read_file), as add() takes them.
  void add_file(const std::filesystem::path& file);
  /// Starts a named graph (replacing one of the same name): the triples add() is given after
  /// this go there. The default graph is complete once the first named graph starts.
  void start_named(const std::string& iri);

  struct Written {
    std::size_t default_triples = 0, named_graphs = 0, terms = 0;
  };
  /// Writes the index file atomically (`inputs` are the files read, which it must not replace).
  /// The builder is spent afterwards.
  Written write(const std::filesystem::path& path, const std::vector<std::filesystem::path>& inputs = {});
  /// The dataset itself, held in memory as the file write() writes would be when opened (the same
  /// ids, so the same answers in the same order). The builder is spent afterwards.
  Dataset dataset();

 private:
  /// The dictionary's encoded terms in id order and the graphs, indexed.
  struct Finished {
    std::string term_bytes;
    std::vector<std::uint64_t> offsets;
    IndexedGraph default_graph;
    std::map<TermId, IndexedGraph> named;
    Written written;
  };
  Finished finish();
  /// The temporary id (order of first sight) of the term whose encoding is in scratch_.
  std::uint32_t intern_scratch();
  std::uint32_t intern(const rdf::Term& t);
  std::string_view bytes(std::uint32_t tmp) const {
    const std::uint64_t begin = tmp == 0 ? 0 : ends_[tmp - 1];
    return {arena_.data() + begin, static_cast<std::size_t>(ends_[tmp] - begin)};
  }
  void grow_table();
  /// Ends the named graph being read, if any: its name takes its id.
  void end_named();
  /// Gives the default graph's terms their ids: the graph's triples sorted as terms (by each
  /// term's rank among all), deduplicated, and their terms numbered in that order.
  void seal_default();

  std::vector<char> arena_;            ///< every distinct term's encoding (encode_term), in order of first sight
  std::vector<std::uint64_t> ends_;    ///< where each one ends in arena_
  std::vector<std::uint32_t> hashes_;  ///< each one's hash, to compare before its bytes
  std::vector<std::uint32_t> slots_;   ///< open addressing: a temporary id + 1, or 0 for an empty slot
  std::string scratch_;                ///< the encoding of the term being interned
  std::vector<TermId> final_;          ///< a temporary id's id in the file, 0 until it has one
  TermId next_id_ = 1;
  bool sealed_ = false;
  std::vector<IdTriple> default_;      ///< temporary ids until sealed, then ids in the file
  std::map<TermId, std::vector<IdTriple>> named_;
  std::string graph_name_;             ///< the named graph being read ("" for none)
  std::vector<IdTriple> graph_;        ///< its triples
  std::vector<IdTriple>* current_ = &default_;
};

}  // namespace policykg::query
