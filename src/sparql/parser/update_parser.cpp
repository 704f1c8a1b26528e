// The SPARQL 1.1 Update grammar (section 19, rules 29-52): operations
// separated by ';', each with its own prologue.
#include <set>

#include "sparql/parser/iri_resolution.h"
#include "sparql/parser/parser.h"
#include "sparql/parser/query_parser.h"

namespace tinykg::sparql {
namespace detail {

ParsedUpdate QueryParser::parse_update_request() {
  ParsedUpdate update;
  // SPARQL 1.1 Update 19.6: a blank node label of INSERT DATA names one node
  // in one operation only; reusing it in a later one is an error. (Template
  // blank nodes are fresh per solution anyway, so they may share labels.)
  std::set<std::string> earlier_labels;
  while (true) {
    parse_prologue();
    if (peek().kind == TokenKind::End) break;
    const Token& start = peek();
    update.operations.push_back(parse_update_operation());
    std::set<std::string> labels;
    if (update.operations.back().kind != UpdateOperation::Kind::InsertData) {
      if (!accept_punct(";")) break;
      continue;
    }
    for (const auto* quads : {&update.operations.back().insert, &update.operations.back().remove}) {
      for (const QuadPattern& q : *quads) {
        for (const PatternTerm* p : {&q.triple.subject, &q.triple.object}) {
          if (p->is_blank_variable() && p->variable.rfind("_:anon", 0) != 0) labels.insert(p->variable);
        }
      }
    }
    for (const std::string& l : labels) {
      if (earlier_labels.count(l)) {
        error(start, "blank node " + l + " is already used by an earlier operation");
      }
    }
    earlier_labels.insert(labels.begin(), labels.end());
    if (!accept_punct(";")) break;
  }
  if (peek().kind != TokenKind::End) {
    error(peek(), "expected ';' or end of update, found " + describe(peek()));
  }
  return update;
}

std::vector<QuadPattern> QueryParser::parse_quads(bool allow_variables) {
  std::vector<QuadPattern> out;
  auto block = [&](const std::optional<PatternTerm>& graph) {
    std::vector<TriplePattern> triples;
    while (!is_punct(peek(), "}") && !is_word(peek(), "GRAPH")) {
      if (peek().kind == TokenKind::End) error(peek(), "expected '}', found end of update");
      parse_triples_same_subject(triples);
      if (!accept_punct(".") && !is_punct(peek(), "}") && !is_word(peek(), "GRAPH")) {
        error(peek(), "expected '.' or '}' after a triple, found " + describe(peek()));
      }
    }
    for (TriplePattern& t : triples) {
      for (const PatternTerm* p : {&t.subject, &t.predicate, &t.object}) {
        if (!allow_variables && p->is_variable && !p->is_blank_variable()) {
          error(peek(), "variables are not allowed in INSERT DATA / DELETE DATA");
        }
      }
      out.push_back({graph, std::move(t)});
    }
  };
  expect_punct("{");
  while (true) {
    block(std::nullopt);
    if (accept_word("GRAPH")) {
      const Token& name = peek();
      PatternTerm g = parse_var_or_term();
      if (g.is_variable ? !allow_variables : !g.term.is_iri()) {
        error(name, "expected an IRI after GRAPH");
      }
      expect_punct("{");
      block(g);
      expect_punct("}");
      accept_punct(".");
      continue;
    }
    expect_punct("}");
    return out;
  }
}

GraphRef QueryParser::parse_graph_ref(bool allow_named_all) {
  GraphRef ref;
  if (accept_word("DEFAULT")) return ref;
  if (allow_named_all && accept_word("NAMED")) {
    ref.kind = GraphRef::Kind::Named;
    return ref;
  }
  if (allow_named_all && accept_word("ALL")) {
    ref.kind = GraphRef::Kind::All;
    return ref;
  }
  accept_word("GRAPH");
  ref.kind = GraphRef::Kind::Graph;
  ref.iri = parse_iri();
  return ref;
}

UpdateOperation QueryParser::parse_update_operation() {
  const Token& t = peek();
  const std::string kw = t.kind == TokenKind::Word ? upper(t.text) : "";
  UpdateOperation op;
  using K = UpdateOperation::Kind;
  if (kw == "LOAD") {
    take();
    op.kind = K::Load;
    op.silent = accept_word("SILENT");
    op.source.kind = GraphRef::Kind::Graph;
    op.source.iri = parse_iri();
    if (accept_word("INTO")) {
      if (!accept_word("GRAPH")) error(peek(), "expected GRAPH after INTO");
      op.target.kind = GraphRef::Kind::Graph;
      op.target.iri = parse_iri();
    }
    return op;
  }
  if (kw == "CLEAR" || kw == "DROP" || kw == "CREATE") {
    take();
    op.kind = kw == "CLEAR" ? K::Clear : kw == "DROP" ? K::Drop : K::Create;
    op.silent = accept_word("SILENT");
    if (op.kind == K::Create && !accept_word("GRAPH")) error(peek(), "expected GRAPH after CREATE");
    op.target = parse_graph_ref(op.kind != K::Create);
    return op;
  }
  if (kw == "ADD" || kw == "MOVE" || kw == "COPY") {
    take();
    op.kind = kw == "ADD" ? K::Add : kw == "MOVE" ? K::Move : K::Copy;
    op.silent = accept_word("SILENT");
    op.source = parse_graph_ref(false);
    if (!accept_word("TO")) error(peek(), "expected TO in " + kw);
    op.target = parse_graph_ref(false);
    return op;
  }
  if ((kw == "INSERT" || kw == "DELETE") && is_word(peek(1), "DATA")) {
    take();
    take();
    op.kind = kw == "INSERT" ? K::InsertData : K::DeleteData;
    (kw == "INSERT" ? op.insert : op.remove) = parse_quads(false);
    if (kw == "DELETE") {
      for (const QuadPattern& q : op.remove) {
        for (const PatternTerm* p : {&q.triple.subject, &q.triple.predicate, &q.triple.object}) {
          if (p->is_variable) error(t, "blank nodes are not allowed in DELETE DATA");
        }
      }
    }
    return op;
  }
  if (kw == "DELETE" && is_word(peek(1), "WHERE")) {
    take();
    take();
    op.kind = K::DeleteWhere;
    op.remove = parse_quads(true);
    for (const QuadPattern& q : op.remove) {
      for (const PatternTerm* p : {&q.triple.subject, &q.triple.predicate, &q.triple.object}) {
        if (p->is_blank_variable()) error(t, "blank nodes are not allowed in DELETE WHERE");
      }
    }
    return op;
  }
  op.kind = K::Modify;
  if (accept_word("WITH")) op.with = parse_iri();
  bool any = false;
  if (accept_word("DELETE")) {
    op.remove = parse_quads(true);
    for (const QuadPattern& q : op.remove) {
      for (const PatternTerm* p : {&q.triple.subject, &q.triple.predicate, &q.triple.object}) {
        if (p->is_blank_variable()) error(t, "blank nodes are not allowed in DELETE templates");
      }
    }
    any = true;
  }
  if (accept_word("INSERT")) {
    op.insert = parse_quads(true);
    any = true;
  }
  if (!any) {
    error(t, "expected an update operation (INSERT, DELETE, CLEAR, DROP, CREATE, ADD, MOVE, "
             "COPY), found " + describe(t));
  }
  while (accept_word("USING")) {
    bool named = accept_word("NAMED");
    (named ? op.using_named : op.using_graphs).push_back(parse_iri());
  }
  if (!accept_word("WHERE")) error(peek(), "expected WHERE, found " + describe(peek()));
  op.where = parse_group();
  return op;
}

}  // namespace detail

Result<ParsedUpdate> parse_update(std::string_view update) {
  auto tokens = tokenize(update);
  if (!tokens) return tokens.failure();
  try {
    return detail::QueryParser(std::move(tokens).value()).parse_update_request();
  } catch (detail::ParseStop& stop) {
    return std::move(stop.failure);
  }
}

}  // namespace tinykg::sparql
