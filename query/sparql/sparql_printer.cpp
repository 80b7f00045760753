// Printing walks the algebra once, writing each node as the grammar's production that parses to
// it: a group as { … } with its elements in order, a UNION's branches as groups, OPTIONAL, MINUS
// and GRAPH before their group, FILTER (e), BIND (e AS ?v), VALUES as a data block, a subquery
// as { SELECT … }. Expressions follow the grammar's precedence levels (|| < && < comparison and
// IN < + - < * / < unary < primary): an operand is bracketed only when its level is below the
// one its place needs, so a chain of 10,000 additions prints as a flat chain and reads back
// within the parser's nesting limit.
#include "query/sparql/sparql_printer.hpp"

#include <set>
#include <string_view>

namespace policykg::query {

namespace {

using namespace algebra;

// Precedence levels of the grammar's expression productions.
enum Level : int { kOr = 1, kAnd, kRelational, kAdditive, kMultiplicative, kUnary, kPrimary };

class Printer {
 public:
  explicit Printer(const ParsedQuery& parsed) : vars_(parsed.variables) {
    for (const auto& name : vars_.names)
      if (name.rfind("_:b_", 0) == 0) written_labels_.insert(name.substr(4));
    for (const auto& t : parsed.query.construct_template)
      for (const Node* n : {&t.s, &t.p, &t.o})
        if (!n->is_var() && n->term.is_blank() && n->term.value.rfind("b_", 0) == 0)
          written_labels_.insert(n->term.value.substr(2));
  }

  void query(const Query& q) {
    switch (q.form) {
      case Query::Form::Select: select(q); break;
      case Query::Form::Construct:
        out_ += "CONSTRUCT { ";
        for (const auto& t : q.construct_template) triple(t);
        out_ += "}";
        break;
      case Query::Form::Describe:
        out_ += "DESCRIBE";
        if (q.select_all) out_ += " *";
        for (const auto& n : q.describe) {
          out_ += ' ';
          node(n);
        }
        break;
      case Query::Form::Ask: out_ += "ASK"; break;
    }
    for (const auto& f : q.from) out_ += " FROM <" + f + ">";
    for (const auto& f : q.from_named) out_ += " FROM NAMED <" + f + ">";
    if (q.where) {
      out_ += " WHERE ";
      group_of(*q.where);
    }
    modifiers(q);
  }

  std::string take() { return std::move(out_); }

 private:
  void select(const Query& q) {
    out_ += "SELECT";
    if (q.distinct) out_ += " DISTINCT";
    if (q.reduced) out_ += " REDUCED";
    if (q.select_all) {
      out_ += " *";
      return;
    }
    for (const auto& p : q.projection) {
      out_ += ' ';
      if (p.expr) {
        out_ += '(';
        expr(*p.expr, kOr);
        out_ += " AS ";
        var(p.var);
        out_ += ')';
      } else {
        var(p.var);
      }
    }
  }

  void modifiers(const Query& q) {
    if (!q.group_by.empty()) {
      out_ += " GROUP BY";
      for (const auto& k : q.group_by) {
        out_ += ' ';
        // A variable alone ("?x", or "(?x)"); "(?x AS ?y)" keeps its brackets and its name.
        if (k.expr && k.expr->kind == Expr::Kind::Var && (k.var < 0 || k.var == k.expr->var)) {
          var(k.expr->var);
        } else {
          out_ += '(';
          if (k.expr) expr(*k.expr, kOr);
          if (k.var >= 0) {
            out_ += " AS ";
            var(k.var);
          }
          out_ += ')';
        }
      }
    }
    if (!q.having.empty()) {
      out_ += " HAVING";
      for (const auto& h : q.having) {
        out_ += " (";
        expr(*h, kOr);
        out_ += ')';
      }
    }
    if (!q.order_by.empty()) {
      out_ += " ORDER BY";
      for (const auto& k : q.order_by) {
        out_ += k.descending ? " DESC(" : " ASC(";
        expr(*k.expr, kOr);
        out_ += ')';
      }
    }
    if (q.limit) out_ += " LIMIT " + std::to_string(*q.limit);
    if (q.offset > 0) out_ += " OFFSET " + std::to_string(q.offset);
    if (q.values) {
      out_ += ' ';
      values(*q.values);
    }
  }

  // A pattern where the grammar wants a group: a group as it is, anything else inside braces.
  void group_of(const Pattern& p) {
    if (p.kind == Pattern::Kind::Group) {
      pattern(p);
      return;
    }
    out_ += "{ ";
    pattern(p);
    out_ += " }";
  }

  void pattern(const Pattern& p) {
    switch (p.kind) {
      case Pattern::Kind::Bgp:
        for (const auto& t : p.triples) triple(t);
        break;
      case Pattern::Kind::Group:
        // A subquery is the only element of its group, whose braces it prints.
        if (p.children.size() == 1 && p.children[0].kind == Pattern::Kind::SubSelect) {
          pattern(p.children[0]);
          break;
        }
        out_ += "{ ";
        for (const auto& c : p.children) {
          if (c.kind == Pattern::Kind::Bgp && c.triples.empty()) continue;  // CONSTRUCT WHERE { }
          pattern(c);
          out_ += ' ';
        }
        out_ += '}';
        break;
      case Pattern::Kind::Union:
        for (std::size_t i = 0; i < p.children.size(); ++i) {
          if (i > 0) out_ += " UNION ";
          group_of(p.children[i]);
        }
        break;
      case Pattern::Kind::Optional:
        out_ += "OPTIONAL ";
        group_of(p.children.at(0));
        break;
      case Pattern::Kind::Minus:
        out_ += "MINUS ";
        group_of(p.children.at(0));
        break;
      case Pattern::Kind::Graph:
        out_ += "GRAPH ";
        node(p.graph);
        out_ += ' ';
        group_of(p.children.at(0));
        break;
      case Pattern::Kind::Filter:
        out_ += "FILTER (";
        expr(*p.expr, kOr);
        out_ += ')';
        break;
      case Pattern::Kind::Bind:
        out_ += "BIND (";
        expr(*p.expr, kOr);
        out_ += " AS ";
        var(p.var);
        out_ += ')';
        break;
      case Pattern::Kind::Values: values(p.values); break;
      case Pattern::Kind::SubSelect:
        out_ += "{ ";
        query(*p.sub);
        out_ += " }";
        break;
    }
  }

  void values(const ValuesTable& v) {
    out_ += "VALUES (";
    for (std::size_t i = 0; i < v.vars.size(); ++i) {
      if (i > 0) out_ += ' ';
      var(v.vars[i]);
    }
    out_ += ") {";
    for (const auto& row : v.rows) {
      out_ += " (";
      for (std::size_t i = 0; i < row.size(); ++i) {
        if (i > 0) out_ += ' ';
        if (row[i]) term(*row[i]);
        else out_ += "UNDEF";
      }
      out_ += ')';
    }
    out_ += " }";
  }

  void triple(const TriplePattern& t) {
    node(t.s);
    out_ += ' ';
    if (t.path) path(*t.path);
    else node(t.p);
    out_ += ' ';
    node(t.o);
    out_ += " . ";
  }

  // Path levels: | < / < ^ and the repetitions < a primary (an IRI, !(…), a bracketed path).
  static int path_level(const Path& p) {
    switch (p.kind) {
      case Path::Kind::Alternative: return 1;
      case Path::Kind::Sequence: return 2;
      case Path::Kind::Inverse:
      case Path::Kind::ZeroOrMore:
      case Path::Kind::OneOrMore:
      case Path::Kind::ZeroOrOne: return 3;
      default: return 4;
    }
  }

  // `p` where the grammar needs a path of level `need` or above.
  void path(const Path& p, int need = 1) {
    if (path_level(p) < need) {
      out_ += '(';
      path(p, 1);
      out_ += ')';
      return;
    }
    switch (p.kind) {
      case Path::Kind::Link: term(p.iri); break;
      case Path::Kind::Inverse: {
        // "^" applies to an element, not to another inverse: ^(^a).
        out_ += '^';
        const Path& inner = p.parts.at(0);
        path(inner, inner.kind == Path::Kind::Inverse ? 4 : 3);
        break;
      }
      case Path::Kind::Sequence:
      case Path::Kind::Alternative:
        for (std::size_t i = 0; i < p.parts.size(); ++i) {
          if (i > 0) out_ += p.kind == Path::Kind::Sequence ? " / " : " | ";
          path(p.parts[i], path_level(p) + 1);
        }
        break;
      case Path::Kind::ZeroOrMore:
      case Path::Kind::OneOrMore:
      case Path::Kind::ZeroOrOne:
        path(p.parts.at(0), 4);  // a modifier follows a primary
        out_ += p.kind == Path::Kind::ZeroOrMore ? '*' : p.kind == Path::Kind::OneOrMore ? '+' : '?';
        break;
      case Path::Kind::Negated: {
        out_ += "!(";
        bool first = true;
        for (const auto& f : p.forward) {
          if (!first) out_ += " | ";
          first = false;
          term(f);
        }
        for (const auto& b : p.backward) {
          if (!first) out_ += " | ";
          first = false;
          out_ += '^';
          term(b);
        }
        out_ += ')';
        break;
      }
    }
  }

  static int level_of(const Expr& e) {
    switch (e.kind) {
      case Expr::Kind::Or: return kOr;
      case Expr::Kind::And: return kAnd;
      case Expr::Kind::Compare:
      case Expr::Kind::In:
      case Expr::Kind::NotIn: return kRelational;
      case Expr::Kind::Arith: return e.name == "+" || e.name == "-" ? kAdditive : kMultiplicative;
      case Expr::Kind::Not:
      case Expr::Kind::Negate:
      case Expr::Kind::Plus: return kUnary;
      default: return kPrimary;
    }
  }

  // `e` where the grammar needs an expression of level `need` or above.
  void expr(const Expr& e, int need) {
    const int level = level_of(e);
    if (level < need) {
      out_ += '(';
      expr(e, kOr);
      out_ += ')';
      return;
    }
    auto list = [&](std::size_t from) {
      for (std::size_t i = from; i < e.args.size(); ++i) {
        if (i > from) out_ += ", ";
        expr(*e.args[i], kOr);
      }
    };
    switch (e.kind) {
      case Expr::Kind::Var: var(e.var); break;
      case Expr::Kind::Const: term(e.constant); break;
      case Expr::Kind::Or:
      case Expr::Kind::And:
        for (std::size_t i = 0; i < e.args.size(); ++i) {
          if (i > 0) out_ += e.kind == Expr::Kind::Or ? " || " : " && ";
          expr(*e.args[i], level + 1);
        }
        break;
      case Expr::Kind::Compare:
        expr(*e.args.at(0), kAdditive);
        out_ += ' ' + e.name + ' ';
        expr(*e.args.at(1), kAdditive);
        break;
      case Expr::Kind::In:
      case Expr::Kind::NotIn:
        expr(*e.args.at(0), kAdditive);
        out_ += e.kind == Expr::Kind::In ? " IN (" : " NOT IN (";
        list(1);
        out_ += ')';
        break;
      case Expr::Kind::Arith:
        // Left-associative: the left operand may be a chain of the same level, the right not.
        expr(*e.args.at(0), level);
        out_ += ' ' + e.name + ' ';
        expr(*e.args.at(1), level + 1);
        break;
      case Expr::Kind::Not:
      case Expr::Kind::Negate:
      case Expr::Kind::Plus:
        out_ += e.name + ' ';
        expr(*e.args.at(0), kUnary);
        break;
      case Expr::Kind::Call:
        if (e.is_iri_function) out_ += '<' + e.name + '>';
        else out_ += e.name;
        out_ += '(';
        list(0);
        out_ += ')';
        break;
      case Expr::Kind::Exists:
      case Expr::Kind::NotExists:
        out_ += e.kind == Expr::Kind::Exists ? "EXISTS " : "NOT EXISTS ";
        group_of(*e.pattern);
        break;
      case Expr::Kind::Aggregate:
        out_ += e.name + '(';
        if (e.distinct) out_ += "DISTINCT ";
        if (e.args.empty()) out_ += '*';
        else list(0);
        if (e.name == "GROUP_CONCAT" && e.separator != " ") {
          out_ += "; SEPARATOR = ";
          term(rdf::Term::literal(e.separator));
        }
        out_ += ')';
        break;
    }
  }

  void node(const Node& n) {
    if (n.is_var()) var(n.var);
    else term(n.term);
  }

  // A variable by its name; a blank node of a pattern ("_:b") by its label.
  void var(int slot) {
    const std::string& name = vars_.names.at(static_cast<std::size_t>(slot));
    if (name.rfind("_:", 0) == 0) out_ += "_:" + blank_label(std::string_view(name).substr(2));
    else out_ += '?' + name;
  }

  void term(const rdf::Term& t) {
    if (t.is_blank()) out_ += "_:" + blank_label(t.value);
    else out_ += t.to_ntriples();
  }

  // The parser keeps a written label as "b_" + label and names a [] or a collection's node
  // "anonN_": the first is written as it was, the second under its own name unless a written
  // label has it, then with underscores added until none has.
  std::string blank_label(std::string_view internal) const {
    if (internal.rfind("b_", 0) == 0) return std::string(internal.substr(2));
    std::string label(internal);
    while (written_labels_.count(label)) label += '_';
    return label;
  }

  const Variables& vars_;
  std::set<std::string, std::less<>> written_labels_;
  std::string out_;
};

}  // namespace

std::string to_sparql(const ParsedQuery& parsed) {
  Printer p(parsed);
  p.query(parsed.query);
  return p.take();
}

}  // namespace policykg::query
