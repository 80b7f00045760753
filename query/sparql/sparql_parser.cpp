// The SPARQL 1.1 parser (see the header). One file of some 1,300 lines, on purpose: it is one
// recursive-descent class, a method a production of the grammar in the grammar's order, and the
// productions call each other across the whole grammar (patterns hold expressions, expressions
// hold patterns through EXISTS, both hold paths and collections), so that splitting it would cut
// the class in pieces that include each other rather than separate concerns.
#include "query/sparql/sparql_parser.hpp"

#include <charconv>
#include <limits>
#include <map>
#include <set>

#include "core/error.hpp"
#include "core/iri.hpp"
#include "core/utf8.hpp"
#include "query/sparql/functions.hpp"
#include "query/sparql/internal/sparql_lexer.hpp"

namespace policykg::query {

using namespace algebra;

namespace {

constexpr std::string_view kRdf = "http://www.w3.org/1999/02/22-rdf-syntax-ns#";

/// A keyword that starts a builtin call: a function of query/sparql/functions.hpp, EXISTS or NOT EXISTS.
bool is_builtin_keyword(std::string_view word) {
  return find_builtin(word) != nullptr || word == "EXISTS" || word == "NOT";
}

const std::set<std::string, std::less<>>& aggregate_names() {
  static const std::set<std::string, std::less<>> names = {"COUNT", "SUM", "MIN", "MAX", "AVG",
                                                             "SAMPLE", "GROUP_CONCAT"};
  return names;
}

const std::set<std::string, std::less<>>& update_keywords() {
  static const std::set<std::string, std::less<>> names = {
      "INSERT", "DELETE", "LOAD", "CLEAR", "CREATE", "DROP", "COPY", "MOVE", "ADD", "WITH"};
  return names;
}

}  // namespace


int Variables::slot(const std::string& name) {
  auto [it, added] = slots.try_emplace(name, static_cast<int>(names.size()));
  if (added) names.push_back(name);
  return it->second;
}

int Variables::fresh(const std::string& hint) {
  return slot(" " + hint + std::to_string(names.size()));
}

std::optional<int> Variables::find(const std::string& name) const {
  auto it = slots.find(name);
  if (it == slots.end()) return std::nullopt;
  return it->second;
}

namespace {

void add_scope(const Pattern& p, std::set<int>& out);

void add_scope_query(const Query& q, std::set<int>& out) {
  for (const auto& pr : q.projection) out.insert(pr.var);
  if (q.select_all && q.where) add_scope(*q.where, out);
}

void add_node(const Node& n, std::set<int>& out) {
  if (n.is_var()) out.insert(n.var);
}

void add_scope(const Pattern& p, std::set<int>& out) {
  switch (p.kind) {
    case Pattern::Kind::Bgp:
      for (const auto& t : p.triples) {
        add_node(t.s, out);
        add_node(t.p, out);
        add_node(t.o, out);
      }
      break;
    case Pattern::Kind::Group:
    case Pattern::Kind::Union:
    case Pattern::Kind::Optional:
      for (const auto& c : p.children) add_scope(c, out);
      break;
    case Pattern::Kind::Graph:
      add_node(p.graph, out);
      for (const auto& c : p.children) add_scope(c, out);
      break;
    case Pattern::Kind::Bind:
      out.insert(p.var);
      break;
    case Pattern::Kind::Values:
      for (int v : p.values.vars) out.insert(v);
      break;
    case Pattern::Kind::SubSelect:
      add_scope_query(*p.sub, out);
      break;
    default:
      break;
  }
}

}  // namespace

std::vector<int> algebra::scope_variables(const Pattern& pattern) {
  std::set<int> s;
  add_scope(pattern, s);
  return {s.begin(), s.end()};
}

namespace {

class Parser {
 public:
  Parser(std::string_view text, std::string_view base, const ParseLimits& limits, const PrefixMap& prefixes)
      : lex_(text), base_(base), limits_(limits), prefixes_(prefixes.begin(), prefixes.end()) {
    if (auto bad = first_invalid_text_byte(text))
      fail(Place::in("query", text, *bad), text[*bad] == '\0' ? "a NUL character is not allowed in a query"
                                                             : "the query is not valid UTF-8");
    tok_ = lex_.next();
  }

  ParsedQuery parse() {
    prologue();
    out_.base = base_;
    if (tok_.kind == Token::Kind::Keyword && update_keywords().count(tok_.text))
      refuse("SPARQL Update (" + tok_.text + ")",
             "policykg query is read-only; change the data with policykg build");
    Query& q = out_.query;
    queries_.push_back(&q);
    if (is_kw("SELECT")) {
      select_clause(q);
      dataset_clauses(q);
      where_clause(q);
      solution_modifiers(q);
    } else if (is_kw("CONSTRUCT")) {
      construct_query(q);
    } else if (is_kw("DESCRIBE")) {
      describe_query(q);
    } else if (is_kw("ASK")) {
      next();
      q.form = Query::Form::Ask;
      dataset_clauses(q);
      where_clause(q);
      solution_modifiers(q);
    } else {
      fail("expected SELECT, CONSTRUCT, DESCRIBE or ASK");
    }
    if (is_kw("VALUES")) {
      next();
      q.values = data_block();
    }
    if (tok_.kind != Token::Kind::End) fail("unexpected " + describe(tok_) + " after the query");
    finish_query(q);
    queries_.pop_back();
    return std::move(out_);
  }

 private:
  // ---- tokens -------------------------------------------------------------------------------
  static Place place_of(const Token& t) { return {"query", t.line, t.column, t.offset}; }
  [[noreturn]] static void fail(Place place, const std::string& message) {
    throw Error(Error::Category::Syntax, std::move(place), message);
  }
  /// A syntax error at the current token.
  [[noreturn]] void fail(const std::string& message) const { fail(place_of(tok_), message); }
  [[noreturn]] void refuse(const std::string& feature, const std::string& why) const {
    throw Error(Error::Category::Usage, place_of(tok_), feature + " is not supported: " + why);
  }
  static std::string describe(const Token& t) {
    switch (t.kind) {
      case Token::Kind::End: return "end of query";
      case Token::Kind::IriRef: return "<" + t.text + ">";
      case Token::Kind::Var: return "?" + t.text;
      case Token::Kind::String: return "string \"" + t.text + "\"";
      case Token::Kind::Keyword: return "'" + t.raw + "'";
      case Token::Kind::Nil: return "'()'";
      case Token::Kind::Anon: return "'[]'";
      default: return "'" + t.text + "'";
    }
  }
  void next() {
    if (limits_.deadline) limits_.deadline->check();
    tok_ = lex_.next();
  }

  // ---- nesting ------------------------------------------------------------------------------
  // Every construct that nests (a group, a parenthesised expression or path, a unary operator,
  // a blank node property list, a collection, a function call) holds a Level while it is parsed,
  // and every link of a left-associative operator chain adds one: the algebra is then never
  // deeper than limits_.max_depth, so neither this parser nor the evaluator, nor the destructors
  // of the tree, can run out of stack on a hostile query.
  class Level {
   public:
    /// Enters one level; a chain starts with none (`enter` false) and adds one a link.
    explicit Level(Parser& parser, bool enter = true) : parser_(parser) {
      if (enter) deeper();
    }
    ~Level() { parser_.depth_ -= count_; }
    Level(const Level&) = delete;
    Level& operator=(const Level&) = delete;
    /// One more level, for a link of an operator chain.
    void deeper() {
      if (parser_.depth_ >= parser_.limits_.max_depth)
        parser_.fail("the query is nested too deeply (more than " + std::to_string(parser_.limits_.max_depth) +
                     " levels of groups, expressions, paths or blank nodes)");
      ++parser_.depth_;
      ++count_;
    }

   private:
    Parser& parser_;
    std::size_t count_ = 0;
  };
  bool is_kw(std::string_view kw) const { return tok_.kind == Token::Kind::Keyword && tok_.text == kw; }
  bool is_punct(std::string_view p) const { return tok_.kind == Token::Kind::Punct && tok_.text == p; }
  bool accept_kw(std::string_view kw) {
    if (!is_kw(kw)) return false;
    next();
    return true;
  }
  bool accept(std::string_view p) {
    if (!is_punct(p)) return false;
    next();
    return true;
  }
  void expect(std::string_view p) {
    if (!accept(p)) fail("expected '" + std::string(p) + "' but found " + describe(tok_));
  }
  void expect_kw(std::string_view kw) {
    if (!accept_kw(kw)) fail("expected " + std::string(kw) + " but found " + describe(tok_));
  }

  // ---- names --------------------------------------------------------------------------------
  std::string iri_ref(const std::string& text) const {
    // An absolute IRI is the term as written: <http://a/./b> is not <http://a/b>.
    if (is_absolute_iri(text)) return text;
    // Without a base, <doc/x> would stay relative and silently match nothing.
    if (base_.empty() && !is_absolute_iri(text)) {
      auto id = prefixes_.find("id");
      if (id == prefixes_.end() || !is_absolute_iri(id->second))
        fail("the relative IRI <" + text + "> needs a BASE: write a full IRI, or BASE <...> before the query");
      fail("the relative IRI <" + text + "> needs a BASE: write <" + resolve_iri(id->second, text) + ">, or BASE <" +
           id->second + "> before the query");
    }
    return resolve_iri(base_, text);
  }
  std::string expand(const std::string& pname) const {
    auto colon = pname.find(':');
    auto it = prefixes_.find(pname.substr(0, colon));
    if (it == prefixes_.end()) fail("undefined prefix '" + pname.substr(0, colon) + ":'");
    std::string local;
    const std::string rest = pname.substr(colon + 1);
    for (std::size_t i = 0; i < rest.size(); ++i) local += rest[i];
    return it->second + local;
  }
  bool at_iri() const { return tok_.kind == Token::Kind::IriRef || tok_.kind == Token::Kind::PrefixedName; }
  std::string iri() {
    std::string v;
    if (tok_.kind == Token::Kind::IriRef) v = iri_ref(tok_.text);
    else if (tok_.kind == Token::Kind::PrefixedName) v = expand(tok_.text);
    else fail("expected an IRI but found " + describe(tok_));
    next();
    return v;
  }
  int var() {
    if (tok_.kind != Token::Kind::Var) fail("expected a variable but found " + describe(tok_));
    int s = out_.variables.slot(tok_.text);
    next();
    return s;
  }

  void prologue() {
    while (true) {
      if (accept_kw("BASE")) {
        if (tok_.kind != Token::Kind::IriRef) fail("expected an IRI after BASE");
        base_ = iri_ref(tok_.text);
        next();
      } else if (accept_kw("PREFIX")) {
        if (tok_.kind != Token::Kind::PrefixedName || tok_.text.find(':') + 1 != tok_.text.size())
          fail("expected a prefix name like 'ex:' after PREFIX");
        std::string p = tok_.text.substr(0, tok_.text.size() - 1);
        next();
        if (tok_.kind != Token::Kind::IriRef) fail("expected an IRI after PREFIX " + p + ":");
        prefixes_[p] = iri_ref(tok_.text);
        next();
      } else {
        break;
      }
    }
  }

  // ---- query forms --------------------------------------------------------------------------
  void select_clause(Query& q) {
    expect_kw("SELECT");
    q.form = Query::Form::Select;
    if (accept_kw("DISTINCT")) q.distinct = true;
    else if (accept_kw("REDUCED")) q.reduced = true;
    if (accept("*")) {
      q.select_all = true;
      return;
    }
    while (true) {
      if (tok_.kind == Token::Kind::Var) {
        q.projection.push_back({var(), nullptr});
      } else if (is_punct("(")) {
        next();
        Projection p;
        p.expr = expression();
        expect_kw("AS");
        p.var = var();
        for (const auto& e : q.projection)
          if (e.var == p.var) fail("variable ?" + out_.variables.names[p.var] + " is projected twice");
        expect(")");
        q.projection.push_back(p);
      } else {
        break;
      }
    }
    if (q.projection.empty()) fail("expected variables or * after SELECT but found " + describe(tok_));
  }

  void dataset_clauses(Query& q) {
    while (is_kw("FROM")) {
      next();
      if (accept_kw("NAMED")) q.from_named.push_back(iri());
      else q.from.push_back(iri());
    }
  }

  void where_clause(Query& q) {
    accept_kw("WHERE");
    if (!is_punct("{")) fail("expected '{' to open the WHERE clause but found " + describe(tok_));
    q.where = group_graph_pattern();
  }

  void construct_query(Query& q) {
    next();
    q.form = Query::Form::Construct;
    if (is_punct("{")) {
      next();
      template_mode_ = true;
      Pattern t;
      triples_template(q.construct_template);
      template_mode_ = false;
      expect("}");
      dataset_clauses(q);
      where_clause(q);
    } else {
      dataset_clauses(q);
      expect_kw("WHERE");
      expect("{");
      Pattern bgp;
      bgp.kind = Pattern::Kind::Bgp;
      triples_template(bgp.triples);
      expect("}");
      for (const auto& t : bgp.triples)
        if (t.path) fail("CONSTRUCT WHERE allows only simple triple patterns");
      q.construct_template = bgp.triples;
      Pattern group;
      group.kind = Pattern::Kind::Group;
      group.children.push_back(std::move(bgp));
      q.where = std::move(group);
    }
    solution_modifiers(q);
  }

  void triples_template(std::vector<TriplePattern>& out) {
    while (!is_punct("}") && tok_.kind != Token::Kind::End) {
      triples_same_subject(out, false);
      if (!accept(".")) break;
    }
  }

  void describe_query(Query& q) {
    next();
    q.form = Query::Form::Describe;
    if (accept("*")) {
      q.select_all = true;
    } else {
      while (tok_.kind == Token::Kind::Var || at_iri()) {
        if (tok_.kind == Token::Kind::Var) q.describe.push_back(Node::variable(var()));
        else q.describe.push_back(Node::constant(rdf::Term::iri(iri())));
      }
      if (q.describe.empty()) fail("expected variables, IRIs or * after DESCRIBE");
    }
    dataset_clauses(q);
    if (is_kw("WHERE") || is_punct("{")) where_clause(q);
    solution_modifiers(q);
  }

  void solution_modifiers(Query& q) {
    if (is_kw("GROUP")) {
      next();
      expect_kw("BY");
      q.aggregated = true;
      bool any = false;
      while (true) {
        GroupKey k;
        if (tok_.kind == Token::Kind::Var) {
          k.var = var();
          k.expr = var_expr(k.var);
        } else if (is_punct("(")) {
          next();
          k.expr = expression();
          if (accept_kw("AS")) k.var = var();
          expect(")");
        } else if (tok_.kind == Token::Kind::Keyword && is_builtin_keyword(tok_.text)) {
          k.expr = builtin_call();
        } else if (at_iri()) {
          k.expr = iri_or_function();
        } else {
          break;
        }
        q.group_by.push_back(k);
        any = true;
      }
      if (!any) fail("expected a grouping condition after GROUP BY");
    }
    if (accept_kw("HAVING")) {
      q.aggregated = true;
      do q.having.push_back(constraint());
      while (is_punct("(") || at_iri() || (tok_.kind == Token::Kind::Keyword && is_builtin_keyword(tok_.text)));
    }
    if (is_kw("ORDER")) {
      next();
      expect_kw("BY");
      bool any = false;
      while (true) {
        OrderKey k;
        if (is_kw("ASC") || is_kw("DESC")) {
          k.descending = tok_.text == "DESC";
          next();
          if (!is_punct("(")) fail("expected '(' after ASC/DESC");
          k.expr = bracketted();
        } else if (tok_.kind == Token::Kind::Var) {
          k.expr = var_expr(var());
        } else if (is_punct("(") || at_iri() ||
                   (tok_.kind == Token::Kind::Keyword && (is_builtin_keyword(tok_.text) ||
                                                          aggregate_names().count(tok_.text)))) {
          k.expr = constraint();
        } else {
          break;
        }
        q.order_by.push_back(k);
        any = true;
      }
      if (!any) fail("expected an ordering condition after ORDER BY");
    }
    // a count past what a size_t holds is as good as infinite: no limit, or nothing left
    auto count = [&](const char* keyword) {
      if (tok_.kind != Token::Kind::Integer) fail(std::string("expected an integer after ") + keyword);
      std::size_t n = 0;
      const char* end = tok_.text.data() + tok_.text.size();
      auto [ptr, ec] = std::from_chars(tok_.text.data(), end, n);
      if (ec == std::errc::result_out_of_range) n = std::numeric_limits<std::size_t>::max();
      else if (ec != std::errc() || ptr != end) fail(std::string("expected an integer after ") + keyword);
      next();
      return n;
    };
    for (int i = 0; i < 2; ++i) {
      if (accept_kw("LIMIT")) q.limit = count("LIMIT");
      else if (accept_kw("OFFSET")) q.offset = count("OFFSET");
    }
  }

  void finish_query(Query& q) {
    if (!q.aggregates.empty()) q.aggregated = true;
    if (q.aggregated && q.select_all) fail("SELECT * cannot be used with GROUP BY or aggregates");
    if (q.form == Query::Form::Select && q.aggregated) {
      std::set<int> grouped;
      for (const auto& k : q.group_by) {
        if (k.var >= 0) grouped.insert(k.var);
      }
      for (const auto& p : q.projection) {
        if (!p.expr && !grouped.count(p.var))
          throw Error(Error::Category::Syntax, "query",
                      "variable ?" + out_.variables.names[p.var] +
                          " is projected but neither grouped nor aggregated");
        if (p.expr) {
          check_grouped_expr(*p.expr, grouped);
          grouped.insert(p.var);
        }
      }
    }
    if (q.form == Query::Form::Select && !q.select_all && q.where) {
      auto in_scope = scope_variables(*q.where);
      std::set<int> scope(in_scope.begin(), in_scope.end());
      for (const auto& p : q.projection)
        if (p.expr && scope.count(p.var))
          throw Error(Error::Category::Syntax, "query",
                      "variable ?" + out_.variables.names[p.var] + " is already in scope of the WHERE clause");
    }
  }

  void check_grouped_expr(const Expr& e, const std::set<int>& grouped) {
    if (e.kind == Expr::Kind::Aggregate) return;
    if (e.kind == Expr::Kind::Var && !grouped.count(e.var))
      throw Error(Error::Category::Syntax, "query",
                  "variable ?" + out_.variables.names[e.var] + " is used outside an aggregate but not grouped");
    for (const auto& a : e.args) check_grouped_expr(*a, grouped);
  }

  // ---- graph patterns -----------------------------------------------------------------------
  Pattern group_graph_pattern() {
    Level level(*this);
    expect("{");
    Pattern group;
    group.kind = Pattern::Kind::Group;
    if (is_kw("SELECT")) {
      auto sub = std::make_shared<Query>();
      queries_.push_back(sub.get());
      select_clause(*sub);
      where_clause(*sub);
      solution_modifiers(*sub);
      if (is_kw("VALUES")) {
        next();
        sub->values = data_block();
      }
      finish_query(*sub);
      queries_.pop_back();
      Pattern p;
      p.kind = Pattern::Kind::SubSelect;
      p.sub = std::move(sub);
      group.children.push_back(std::move(p));
      expect("}");
      return group;
    }
    // the variables in scope of children [0, scoped), for BIND's check: kept up to date as the
    // group grows, so that a group of many BINDs costs no more than reading it
    std::set<int> in_scope;
    std::size_t scoped = 0;
    while (true) {
      if (is_punct("}")) break;
      if (tok_.kind == Token::Kind::End) fail("expected '}' to close the group");
      if (starts_triples()) {
        if (group.children.empty() || group.children.back().kind != Pattern::Kind::Bgp) {
          Pattern bgp;
          bgp.kind = Pattern::Kind::Bgp;
          group.children.push_back(std::move(bgp));
        }
        auto& triples = group.children.back().triples;
        const std::size_t before = triples.size();
        triples_same_subject(triples, true);
        if (group.children.size() <= scoped)
          for (std::size_t i = before; i < triples.size(); ++i)
            for (const Node* n : {&triples[i].s, &triples[i].p, &triples[i].o}) add_node(*n, in_scope);
        if (!accept(".")) {
          if (!is_punct("}") && !starts_not_triples())
            fail("expected '.', '}' or a pattern but found " + describe(tok_));
        }
        continue;
      }
      if (is_punct("{")) {
        Pattern first = group_graph_pattern();
        if (is_kw("UNION")) {
          Pattern u;
          u.kind = Pattern::Kind::Union;
          u.children.push_back(std::move(first));
          while (accept_kw("UNION")) u.children.push_back(group_graph_pattern());
          group.children.push_back(std::move(u));
        } else {
          group.children.push_back(std::move(first));
        }
      } else if (accept_kw("OPTIONAL")) {
        Pattern p;
        p.kind = Pattern::Kind::Optional;
        p.children.push_back(group_graph_pattern());
        group.children.push_back(std::move(p));
      } else if (accept_kw("MINUS")) {
        Pattern p;
        p.kind = Pattern::Kind::Minus;
        p.children.push_back(group_graph_pattern());
        group.children.push_back(std::move(p));
      } else if (accept_kw("GRAPH")) {
        Pattern p;
        p.kind = Pattern::Kind::Graph;
        p.graph = var_or_iri();
        p.children.push_back(group_graph_pattern());
        group.children.push_back(std::move(p));
      } else if (is_kw("SERVICE")) {
        refuse("SERVICE", "policykg queries only the loaded data and never fetches remote endpoints");
      } else if (accept_kw("FILTER")) {
        Pattern p;
        p.kind = Pattern::Kind::Filter;
        p.expr = constraint();
        group.children.push_back(std::move(p));
      } else if (accept_kw("BIND")) {
        expect("(");
        Pattern p;
        p.kind = Pattern::Kind::Bind;
        p.expr = expression();
        expect_kw("AS");
        const Place target = place_of(tok_);
        p.var = var();
        for (; scoped < group.children.size(); ++scoped)
          if (group.children[scoped].kind != Pattern::Kind::Filter) add_scope(group.children[scoped], in_scope);
        if (in_scope.count(p.var))
          fail(target, "BIND target ?" + out_.variables.names[p.var] + " is already in scope");
        expect(")");
        group.children.push_back(std::move(p));
      } else if (accept_kw("VALUES")) {
        Pattern p;
        p.kind = Pattern::Kind::Values;
        p.values = data_block();
        group.children.push_back(std::move(p));
      } else {
        fail("expected a triple pattern, '{', OPTIONAL, MINUS, GRAPH, FILTER, BIND, VALUES or '}' but found " +
             describe(tok_));
      }
      accept(".");
    }
    expect("}");
    return group;
  }

  bool starts_not_triples() const {
    return is_punct("{") || is_kw("OPTIONAL") || is_kw("MINUS") || is_kw("GRAPH") || is_kw("SERVICE") ||
           is_kw("FILTER") || is_kw("BIND") || is_kw("VALUES");
  }

  bool starts_triples() const {
    switch (tok_.kind) {
      case Token::Kind::Var: case Token::Kind::IriRef: case Token::Kind::PrefixedName:
      case Token::Kind::BlankLabel: case Token::Kind::Anon: case Token::Kind::Nil:
      case Token::Kind::String: case Token::Kind::Integer: case Token::Kind::Decimal:
      case Token::Kind::Double:
        return true;
      case Token::Kind::Keyword:
        return tok_.text == "TRUE" || tok_.text == "FALSE";
      case Token::Kind::Punct:
        return tok_.text == "[" || tok_.text == "(" || tok_.text == "+" || tok_.text == "-";
      default:
        return false;
    }
  }

  ValuesTable data_block() {
    ValuesTable t;
    if (tok_.kind == Token::Kind::Var) {
      t.vars.push_back(var());
      expect("{");
      while (!accept("}")) {
        t.rows.push_back({data_value()});
      }
      return t;
    }
    bool nil = tok_.kind == Token::Kind::Nil;
    if (nil) {
      next();
    } else {
      expect("(");
      while (tok_.kind == Token::Kind::Var) t.vars.push_back(var());
      expect(")");
    }
    expect("{");
    while (!accept("}")) {
      std::vector<std::optional<rdf::Term>> row;
      if (tok_.kind == Token::Kind::Nil) {
        next();
      } else {
        expect("(");
        while (!accept(")")) row.push_back(data_value());
      }
      if (row.size() != t.vars.size()) fail("VALUES row has " + std::to_string(row.size()) +
                                            " values for " + std::to_string(t.vars.size()) + " variables");
      t.rows.push_back(std::move(row));
    }
    return t;
  }

  std::optional<rdf::Term> data_value() {
    if (accept_kw("UNDEF")) return std::nullopt;
    if (at_iri()) return rdf::Term::iri(iri());
    auto lit = literal();
    if (!lit) fail("expected a value or UNDEF but found " + describe(tok_));
    return lit;
  }

  /// A literal at the current token (with sign), or nullopt without consuming.
  std::optional<rdf::Term> literal() {
    std::string sign;
    if ((is_punct("+") || is_punct("-"))) {
      sign = tok_.text == "-" ? "-" : "+";
      next();
      if (tok_.kind != Token::Kind::Integer && tok_.kind != Token::Kind::Decimal &&
          tok_.kind != Token::Kind::Double)
        fail("expected a number after '" + sign + "'");
    }
    std::string xsd(rdf::kXsd);
    switch (tok_.kind) {
      case Token::Kind::Integer: { auto t = rdf::Term::typed(sign + tok_.text, xsd + "integer"); next(); return t; }
      case Token::Kind::Decimal: { auto t = rdf::Term::typed(sign + tok_.text, xsd + "decimal"); next(); return t; }
      case Token::Kind::Double: { auto t = rdf::Term::typed(sign + tok_.text, xsd + "double"); next(); return t; }
      case Token::Kind::String: {
        std::string lex = tok_.text;
        next();
        if (tok_.kind == Token::Kind::LangTag) {
          std::string tag = tok_.text;
          for (char& c : tag) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
          next();
          return rdf::Term::lang_literal(lex, tag);
        }
        if (accept("^^")) {
          std::string dt = iri();
          if (dt == xsd + "string") return rdf::Term::literal(lex);
          return rdf::Term::typed(lex, dt);
        }
        return rdf::Term::literal(lex);
      }
      case Token::Kind::Keyword:
        if (tok_.text == "TRUE" || tok_.text == "FALSE") {
          auto t = rdf::Term::typed(tok_.text == "TRUE" ? "true" : "false", xsd + "boolean");
          next();
          return t;
        }
        return std::nullopt;
      default:
        return std::nullopt;
    }
  }

  Node var_or_iri() {
    if (tok_.kind == Token::Kind::Var) return Node::variable(var());
    return Node::constant(rdf::Term::iri(iri()));
  }

  Node blank_node(const std::string& label) {
    if (template_mode_) {
      Node n = Node::constant(rdf::Term::blank(label));
      n.template_blank = true;
      return n;
    }
    return Node::variable(out_.variables.slot("_:" + label));
  }
  Node fresh_blank() {
    return blank_node("anon" + std::to_string(blank_counter_++) + "_");
  }

  Node var_or_term() {
    switch (tok_.kind) {
      case Token::Kind::Var: return Node::variable(var());
      case Token::Kind::IriRef: case Token::Kind::PrefixedName: return Node::constant(rdf::Term::iri(iri()));
      case Token::Kind::BlankLabel: {
        std::string l = tok_.text;
        next();
        return blank_node("b_" + l);
      }
      case Token::Kind::Anon: next(); return fresh_blank();
      case Token::Kind::Nil: next(); return Node::constant(rdf::Term::iri(std::string(kRdf) + "nil"));
      default: break;
    }
    auto lit = literal();
    if (!lit) fail("expected a term but found " + describe(tok_));
    return Node::constant(*lit);
  }

  void add_triple(std::vector<TriplePattern>& out, const Node& s, const Node& p,
                  const std::shared_ptr<Path>& path, const Node& o) {
    TriplePattern t{s, p, o, nullptr};
    if (path) {
      if (path->kind == Path::Kind::Link) {
        t.p = Node::constant(path->iri);
      } else {
        t.path = path;
      }
    }
    out.push_back(std::move(t));
  }

  void triples_same_subject(std::vector<TriplePattern>& out, bool paths) {
    Node subject;
    if (is_punct("[") || is_punct("(")) {
      subject = triples_node(out, paths);
      if (starts_verb()) property_list_not_empty(subject, out, paths);
    } else {
      subject = var_or_term();
      property_list_not_empty(subject, out, paths);
    }
  }

  bool starts_verb() const {
    return tok_.kind == Token::Kind::Var || at_iri() || (tok_.kind == Token::Kind::Keyword && tok_.text == "a") ||
           is_punct("^") || is_punct("!") || is_punct("(");
  }

  void property_list_not_empty(const Node& subject, std::vector<TriplePattern>& out, bool paths) {
    if (!starts_verb()) fail("expected a predicate but found " + describe(tok_));
    while (true) {
      Node pvar;
      std::shared_ptr<Path> path;
      if (tok_.kind == Token::Kind::Var) {
        pvar = Node::variable(var());
      } else {
        const Place start = place_of(tok_);
        path = std::make_shared<Path>(path_alternative());
        if (!paths && path->kind != Path::Kind::Link) fail(start, "property paths are not allowed in a CONSTRUCT template");
      }
      object_list(subject, pvar, path, out, paths);
      if (!accept(";")) break;
      while (accept(";")) {
      }
      if (!starts_verb()) break;
    }
  }

  void object_list(const Node& s, const Node& p, const std::shared_ptr<Path>& path,
                   std::vector<TriplePattern>& out, bool paths) {
    while (true) {
      std::size_t at = out.size();
      Node o = graph_node(out, paths);
      // keep the triple before the ones its object's nested structure produced
      std::vector<TriplePattern> nested(out.begin() + static_cast<std::ptrdiff_t>(at), out.end());
      out.resize(at);
      add_triple(out, s, p, path, o);
      out.insert(out.end(), nested.begin(), nested.end());
      if (!accept(",")) break;
    }
  }

  Node graph_node(std::vector<TriplePattern>& out, bool paths) {
    if (is_punct("[") || is_punct("(")) return triples_node(out, paths);
    return var_or_term();
  }

  Node triples_node(std::vector<TriplePattern>& out, bool paths) {
    Level level(*this);
    if (accept("[")) {
      Node b = fresh_blank();
      property_list_not_empty(b, out, paths);
      expect("]");
      return b;
    }
    expect("(");
    std::vector<Node> items;
    while (!accept(")")) {
      if (tok_.kind == Token::Kind::End) fail("unterminated collection");
      items.push_back(graph_node(out, paths));
    }
    Node head = Node::constant(rdf::Term::iri(std::string(kRdf) + "nil"));
    for (std::size_t i = items.size(); i-- > 0;) {
      Node cell = fresh_blank();
      add_triple(out, cell, Node::constant(rdf::Term::iri(std::string(kRdf) + "first")), nullptr, items[i]);
      add_triple(out, cell, Node::constant(rdf::Term::iri(std::string(kRdf) + "rest")), nullptr, head);
      head = cell;
    }
    return head;
  }

  // ---- property paths -----------------------------------------------------------------------
  Path path_alternative() {
    Path first = path_sequence();
    if (!is_punct("|")) return first;
    Path alt;
    alt.kind = Path::Kind::Alternative;
    alt.parts.push_back(std::move(first));
    while (accept("|")) alt.parts.push_back(path_sequence());
    return alt;
  }
  Path path_sequence() {
    Path first = path_elt_or_inverse();
    if (!is_punct("/")) return first;
    Path seq;
    seq.kind = Path::Kind::Sequence;
    seq.parts.push_back(std::move(first));
    while (accept("/")) seq.parts.push_back(path_elt_or_inverse());
    return seq;
  }
  Path path_elt_or_inverse() {
    if (accept("^")) {
      Path inv;
      inv.kind = Path::Kind::Inverse;
      inv.parts.push_back(path_elt());
      return inv;
    }
    return path_elt();
  }
  Path path_elt() {
    Path primary = path_primary();
    Path::Kind k;
    if (is_punct("*") && !tok_.space_before) k = Path::Kind::ZeroOrMore;
    else if (is_punct("+")) k = Path::Kind::OneOrMore;
    else if (is_punct("?")) k = Path::Kind::ZeroOrOne;
    else if (is_punct("*")) k = Path::Kind::ZeroOrMore;
    else return primary;
    next();
    Path p;
    p.kind = k;
    p.parts.push_back(std::move(primary));
    return p;
  }
  rdf::Term path_iri() {
    if (tok_.kind == Token::Kind::Keyword && tok_.text == "a") {
      next();
      return rdf::Term::iri(std::string(kRdf) + "type");
    }
    return rdf::Term::iri(iri());
  }
  Path path_primary() {
    Level level(*this);
    if (accept("(")) {
      Path p = path_alternative();
      expect(")");
      return p;
    }
    if (accept("!")) {
      Path neg;
      neg.kind = Path::Kind::Negated;
      auto one = [&] {
        if (accept("^")) neg.backward.push_back(path_iri());
        else neg.forward.push_back(path_iri());
      };
      if (accept("(")) {
        if (!is_punct(")")) {
          one();
          while (accept("|")) one();
        }
        expect(")");
      } else if (tok_.kind == Token::Kind::Nil) {
        next();
      } else {
        one();
      }
      return neg;
    }
    Path link;
    link.iri = path_iri();
    return link;
  }

  // ---- expressions --------------------------------------------------------------------------
  static ExprPtr make(Expr::Kind k, std::string name, std::vector<ExprPtr> args) {
    auto e = std::make_shared<Expr>();
    e->kind = k;
    e->name = std::move(name);
    e->args = std::move(args);
    return e;
  }
  static ExprPtr var_expr(int v) {
    auto e = std::make_shared<Expr>();
    e->kind = Expr::Kind::Var;
    e->var = v;
    return e;
  }
  static ExprPtr const_expr(rdf::Term t) {
    auto e = std::make_shared<Expr>();
    e->kind = Expr::Kind::Const;
    e->constant = std::move(t);
    return e;
  }

  ExprPtr constraint() {
    if (is_punct("(")) return bracketted();
    if (tok_.kind == Token::Kind::Keyword && is_builtin_keyword(tok_.text)) return builtin_call();
    if (tok_.kind == Token::Kind::Keyword && aggregate_names().count(tok_.text)) return aggregate();
    if (at_iri()) return iri_or_function();
    fail("expected a constraint ('(', a function call) but found " + describe(tok_));
  }
  ExprPtr bracketted() {
    expect("(");
    auto e = expression();
    expect(")");
    return e;
  }
  // `a || b || c` and `a && b && c` are one node with every operand, evaluated left to right.
  ExprPtr expression() {
    Level level(*this);
    auto e = and_expr();
    if (!is_punct("||")) return e;
    auto any = make(Expr::Kind::Or, "||", {e});
    while (accept("||")) any->args.push_back(and_expr());
    return any;
  }
  ExprPtr and_expr() {
    auto e = relational();
    if (!is_punct("&&")) return e;
    auto all = make(Expr::Kind::And, "&&", {e});
    while (accept("&&")) all->args.push_back(relational());
    return all;
  }
  ExprPtr relational() {
    auto e = additive();
    static const std::set<std::string, std::less<>> ops = {"=", "!=", "<", ">", "<=", ">="};
    if (tok_.kind == Token::Kind::Punct && ops.count(tok_.text)) {
      std::string op = tok_.text;
      next();
      return make(Expr::Kind::Compare, op, {e, additive()});
    }
    if (is_kw("IN")) {
      next();
      auto list = expression_list();
      list.insert(list.begin(), e);
      return make(Expr::Kind::In, "IN", list);
    }
    if (is_kw("NOT")) {
      next();
      expect_kw("IN");
      auto list = expression_list();
      list.insert(list.begin(), e);
      return make(Expr::Kind::NotIn, "NOT IN", list);
    }
    return e;
  }
  std::vector<ExprPtr> expression_list() {
    std::vector<ExprPtr> list;
    if (tok_.kind == Token::Kind::Nil) {
      next();
      return list;
    }
    expect("(");
    list.push_back(expression());
    while (accept(",")) list.push_back(expression());
    expect(")");
    return list;
  }
  ExprPtr additive() {
    auto e = multiplicative();
    Level chain(*this, false);
    while (true) {
      if (is_punct("+") || is_punct("-")) {
        std::string op = tok_.text;
        next();
        chain.deeper();
        e = make(Expr::Kind::Arith, op, {e, multiplicative()});
      } else {
        return e;
      }
    }
  }
  ExprPtr multiplicative() {
    auto e = unary();
    Level chain(*this, false);
    while (is_punct("*") || is_punct("/")) {
      std::string op = tok_.text;
      next();
      chain.deeper();
      e = make(Expr::Kind::Arith, op, {e, unary()});
    }
    return e;
  }
  ExprPtr unary() {
    if (!is_punct("!") && !is_punct("+") && !is_punct("-")) return primary();
    Level level(*this);
    if (accept("!")) return make(Expr::Kind::Not, "!", {unary()});
    if (accept("+")) return make(Expr::Kind::Plus, "+", {unary()});
    next();
    return make(Expr::Kind::Negate, "-", {unary()});
  }
  ExprPtr primary() {
    if (is_punct("(")) return bracketted();
    if (tok_.kind == Token::Kind::Var) return var_expr(var());
    if (at_iri()) return iri_or_function();
    if (tok_.kind == Token::Kind::Keyword) {
      if (is_builtin_keyword(tok_.text)) return builtin_call();
      if (aggregate_names().count(tok_.text)) return aggregate();
    }
    auto lit = literal();
    if (!lit) fail("expected an expression but found " + describe(tok_));
    return const_expr(*lit);
  }
  ExprPtr iri_or_function() {
    std::string name = iri();
    if (tok_.kind == Token::Kind::Nil || is_punct("(")) {
      auto e = make(Expr::Kind::Call, name, {});
      e->is_iri_function = true;
      e->function = name.starts_with(rdf::kXsd) ? Function::Cast : Function::Extension;
      if (tok_.kind == Token::Kind::Nil) {
        next();
        return e;
      }
      next();
      if (accept_kw("DISTINCT")) fail("DISTINCT is only allowed in aggregates");
      e->args.push_back(expression());
      while (accept(",")) e->args.push_back(expression());
      expect(")");
      return e;
    }
    return const_expr(rdf::Term::iri(name));
  }
  ExprPtr builtin_call() {
    std::string name = tok_.text;
    next();
    if (name == "NOT") {
      expect_kw("EXISTS");
      auto e = make(Expr::Kind::NotExists, "NOT EXISTS", {});
      e->pattern = std::make_shared<Pattern>(group_graph_pattern());
      return e;
    }
    if (name == "EXISTS") {
      auto e = make(Expr::Kind::Exists, "EXISTS", {});
      e->pattern = std::make_shared<Pattern>(group_graph_pattern());
      return e;
    }
    const FunctionInfo* f = find_builtin(name);
    if (f == nullptr) fail("unknown function " + name);
    auto e = make(Expr::Kind::Call, std::string(f->name), {});
    e->function = f->function;
    if (f->function == Function::Bound) {
      expect("(");
      e->args.push_back(var_expr(var()));
      expect(")");
      return e;
    }
    if (tok_.kind == Token::Kind::Nil) {
      next();
    } else {
      expect("(");
      e->args.push_back(expression());
      while (accept(",")) e->args.push_back(expression());
      expect(")");
    }
    if (e->args.size() < f->min_args || e->args.size() > f->max_args)
      fail(e->name + " takes " + std::to_string(f->min_args) +
           (f->min_args == f->max_args ? "" : " to " + std::to_string(f->max_args)) + " arguments, not " +
           std::to_string(e->args.size()));
    return e;
  }
  ExprPtr aggregate() {
    if (queries_.empty()) fail("aggregate outside a query");
    std::string name = tok_.text;
    next();
    auto e = make(Expr::Kind::Aggregate, name, {});
    expect("(");
    if (accept_kw("DISTINCT")) e->distinct = true;
    if (name == "COUNT" && accept("*")) {
    } else {
      e->args.push_back(expression());
    }
    if (name == "GROUP_CONCAT" && accept(";")) {
      expect_kw("SEPARATOR");
      expect("=");
      if (tok_.kind != Token::Kind::String) fail("expected a string after SEPARATOR =");
      e->separator = tok_.text;
      next();
    }
    expect(")");
    Query& q = *queries_.back();
    e->aggregate_slot = static_cast<int>(q.aggregates.size());
    q.aggregates.push_back(e);
    q.aggregated = true;
    return e;
  }

  Lexer lex_;
  Token tok_;
  std::string base_;
  ParseLimits limits_;
  std::size_t depth_ = 0;
  std::map<std::string, std::string> prefixes_;
  ParsedQuery out_;
  std::vector<Query*> queries_;
  bool template_mode_ = false;
  int blank_counter_ = 0;
};

}  // namespace

ParsedQuery parse_sparql(std::string_view text, std::string_view base, const ParseLimits& limits,
                         const PrefixMap& prefixes) {
  return Parser(text, base, limits, prefixes).parse();
}

}  // namespace policykg::query
