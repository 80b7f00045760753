// The parsed form of a SPARQL 1.1 query: expressions, property paths, group graph patterns and
// the query with its solution modifiers. The parser builds it, the rewriters edit it (VALUES
// injection for prepared questions), the evaluator runs it. Variables are numbered slots shared by
// the whole query (subqueries included); blank nodes of the WHERE clause are variables too.
#pragma once

#include <cstddef>
#include <memory>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "query/sparql/functions.hpp"
#include "rdf/term.hpp"

namespace policykg::query::algebra {

struct Pattern;
struct Query;

/// A variable slot or a constant term.
struct Node {
  int var = -1;     ///< slot, or -1 for a constant
  rdf::Term term;   ///< the constant (when var < 0)
  bool template_blank = false;  ///< a blank node of a CONSTRUCT template (fresh per solution)
  bool is_var() const { return var >= 0; }
  static Node variable(int v) { Node n; n.var = v; return n; }
  static Node constant(rdf::Term t) { Node n; n.term = std::move(t); return n; }
};

struct Expr;
using ExprPtr = std::shared_ptr<Expr>;

struct Expr {
  enum class Kind {
    Var, Const, Or, And, Not, Compare, Arith, Negate, Plus, In, NotIn,
    Call,        ///< builtin function (name upper case) or function IRI
    Exists, NotExists,
    Aggregate,   ///< name upper case; args empty for COUNT(*)
  };
  Kind kind = Kind::Const;
  int var = -1;
  rdf::Term constant;
  std::string name;  ///< operator ("=", "<", "+", ...), builtin or aggregate name, or function IRI
  Function function = Function::Extension;  ///< Call: the builtin, a cast, or an unknown IRI
  bool is_iri_function = false;
  std::vector<ExprPtr> args;
  std::shared_ptr<Pattern> pattern;  ///< for EXISTS / NOT EXISTS
  bool distinct = false;             ///< aggregates
  std::string separator = " ";       ///< GROUP_CONCAT
  int aggregate_slot = -1;           ///< where the grouped evaluation stores this aggregate
};

/// A property path. Link is a plain predicate.
struct Path {
  enum class Kind { Link, Inverse, Sequence, Alternative, ZeroOrMore, OneOrMore, ZeroOrOne, Negated };
  Kind kind = Kind::Link;
  rdf::Term iri;                    ///< Link
  std::vector<Path> parts;          ///< Inverse (1), Sequence, Alternative, the three repetitions (1)
  std::vector<rdf::Term> forward;   ///< Negated: !(a|b)
  std::vector<rdf::Term> backward;  ///< Negated: !(^a|^b)
};

/// One triple pattern; `path` set when the predicate is a path other than a plain IRI or variable.
struct TriplePattern {
  Node s, p, o;
  std::shared_ptr<Path> path;
};

/// VALUES: variables and rows (nullopt: UNDEF).
struct ValuesTable {
  std::vector<int> vars;
  std::vector<std::vector<std::optional<rdf::Term>>> rows;
};

struct Pattern {
  enum class Kind { Bgp, Group, Union, Optional, Minus, Graph, Filter, Bind, Values, SubSelect };
  Kind kind = Kind::Group;
  std::vector<TriplePattern> triples;  ///< Bgp
  std::vector<Pattern> children;       ///< Group elements; Union branches; the group of
                                       ///< Optional / Minus / Graph
  Node graph;                          ///< Graph: IRI or variable
  ExprPtr expr;                        ///< Filter condition, Bind expression
  int var = -1;                        ///< Bind target
  ValuesTable values;                  ///< Values
  std::shared_ptr<Query> sub;          ///< SubSelect
};

struct Projection {
  int var = -1;
  ExprPtr expr;  ///< (expr AS ?var); null for a plain variable
};

struct OrderKey {
  ExprPtr expr;
  bool descending = false;
};

struct GroupKey {
  ExprPtr expr;
  int var = -1;  ///< (expr AS ?var), or the variable itself when expr is a variable
};

struct Query {
  enum class Form { Select, Construct, Describe, Ask };
  Form form = Form::Select;
  bool select_all = false;  ///< SELECT * / DESCRIBE *
  bool distinct = false;
  bool reduced = false;
  std::vector<Projection> projection;
  std::vector<TriplePattern> construct_template;
  std::vector<Node> describe;
  std::vector<std::string> from, from_named;
  std::optional<Pattern> where;  ///< absent for DESCRIBE <iri> without WHERE
  std::vector<GroupKey> group_by;
  std::vector<ExprPtr> having;
  std::vector<OrderKey> order_by;
  std::optional<std::size_t> limit;
  std::size_t offset = 0;
  std::optional<ValuesTable> values;  ///< trailing VALUES
  bool aggregated = false;            ///< GROUP BY or an aggregate somewhere
  std::vector<ExprPtr> aggregates;    ///< every aggregate of this (sub)query, in slot order
};

/// The variables of a query: slot -> name ("_:b" names are blank nodes, never projected).
struct Variables {
  std::vector<std::string> names;
  std::unordered_map<std::string, int> slots;  ///< name -> slot, for every name
  int slot(const std::string& name);  ///< finds or adds
  int fresh(const std::string& hint);  ///< a new internal slot
  std::optional<int> find(const std::string& name) const;
  static bool is_internal(const std::string& name) {
    return name.rfind("_:", 0) == 0 || (!name.empty() && name[0] == ' ');
  }
};

/// A parsed query with its variables.
struct ParsedQuery {
  Query query;
  Variables variables;
  std::string base;                   ///< the base IRI in force at the end of the prologue
};

/// Variables a pattern can bind (in scope), in slot order, without duplicates.
std::vector<int> scope_variables(const Pattern& pattern);

}  // namespace policykg::query::algebra
