// SPARQL 1.1 Update execution (section 3) on one write transaction. Each
// operation sees the effects of the previous ones; DELETE/INSERT ... WHERE
// evaluates its WHERE first, then removes, then adds (section 3.1.3).
#include <fmt/format.h>

#include <chrono>

#include "rdf/serd_io.h"
#include "sparql/engine.h"
#include "sparql/parser/parser.h"
#include "sparql/query_execution.h"

namespace tinykg::sparql {
namespace {

using Op = UpdateOperation;

class UpdateRun {
 public:
  UpdateRun(store::WriteTxn& txn, const QueryOptions& options) : txn_(txn), options_(options) {}

  Status run(const ParsedUpdate& update) {
    for (const Op& op : update.operations) {
      Status st = apply(op);
      if (!st) return st;
      ++request_;
    }
    return Status::Ok();
  }

 private:
  static rdf::Term graph_term(const std::string& iri) { return rdf::Term::iri(iri); }

  std::optional<store::Id> graph_id(const GraphRef& ref) const {
    if (ref.kind == GraphRef::Kind::Default) return store::kDefaultGraph;
    return txn_.find_id(rdf::Term::iri(ref.iri));
  }

  // Every quad of graph `g` (collected first: erasing while scanning is unsafe).
  std::vector<store::IdQuad> quads_of(store::Id g) const {
    std::vector<store::IdQuad> out;
    store::IdPattern p;
    p.g = g;
    store::ScanCursor c = txn_.scan(p);
    store::IdQuad q;
    while (c.next(q)) out.push_back(q);
    return out;
  }

  void clear(const GraphRef& ref) {
    std::vector<store::Id> graphs;
    if (ref.kind == GraphRef::Kind::Default || ref.kind == GraphRef::Kind::Graph) {
      if (auto id = graph_id(ref)) graphs.push_back(*id);
    } else {
      for (store::Id g : txn_.graphs()) {
        if (ref.kind == GraphRef::Kind::All || g != store::kDefaultGraph) graphs.push_back(g);
      }
    }
    for (store::Id g : graphs) {
      for (const store::IdQuad& q : quads_of(g)) txn_.erase(q);
    }
  }

  void add(const GraphRef& from, const GraphRef& to) {
    auto src = graph_id(from);
    if (!src) return;
    store::Id dst = to.kind == GraphRef::Kind::Default ? store::kDefaultGraph
                                                       : txn_.intern(rdf::Term::iri(to.iri));
    for (store::IdQuad q : quads_of(*src)) {
      q.g = dst;
      txn_.insert(q);
    }
  }

  static bool same(const GraphRef& a, const GraphRef& b) {
    return a.kind == b.kind && a.iri == b.iri;
  }

  // The term of a template position for one solution; nullopt if unbound.
  std::optional<rdf::Term> value(const PatternTerm& p, const ResultTable& t, size_t row) {
    if (!p.is_variable) return p.term;
    if (p.is_blank_variable()) {
      return rdf::Term::blank(fmt::format("u{}_{}_{}_{}", stamp_, request_, row, p.variable.substr(2)));
    }
    for (size_t c = 0; c < t.variables.size(); ++c) {
      if (t.variables[c] == p.variable) return t.rows[row][c];
    }
    return std::nullopt;
  }

  // Template quads for every solution; ill-formed ones are skipped (16.2).
  std::vector<rdf::Quad> instantiate(const std::vector<QuadPattern>& templ, const ResultTable& t,
                                     const std::optional<std::string>& with) {
    std::vector<rdf::Quad> out;
    for (size_t r = 0; r < t.rows.size(); ++r) {
      for (const QuadPattern& q : templ) {
        auto s = value(q.triple.subject, t, r), p = value(q.triple.predicate, t, r),
             o = value(q.triple.object, t, r);
        std::optional<rdf::Term> g = rdf::Term::iri(with.value_or(""));
        if (q.graph) g = value(*q.graph, t, r);
        if (!s || !p || !o || !g || s->is_literal() || !p->is_iri() || !g->is_iri()) continue;
        out.push_back({*s, *p, *o, *g});
      }
    }
    return out;
  }

  void erase(const rdf::Quad& q) {
    auto s = txn_.find_id(q.subject), p = txn_.find_id(q.predicate), o = txn_.find_id(q.object);
    std::optional<store::Id> g =
        q.in_default_graph() ? std::optional<store::Id>(store::kDefaultGraph) : txn_.find_id(q.graph);
    if (s && p && o && g) txn_.erase(store::IdQuad{*s, *p, *o, *g});
  }

  // The WHERE part as a query: the template variables of a GRAPH ?g are
  // found by wrapping, USING / WITH set the dataset.
  Result<ResultTable> solutions(const Op& op) {
    ParsedQuery q;
    q.where = op.where;
    q.select_all = true;
    if (!op.using_graphs.empty() || !op.using_named.empty()) {
      q.from = op.using_graphs;
      q.from_named = op.using_named;
    } else if (op.with) {
      // WITH names the default graph only; GRAPH still sees every graph.
      q.from = {*op.with};
      for (store::Id g : txn_.graphs()) {
        if (g != store::kDefaultGraph) q.from_named.push_back(txn_.term(g).value);
      }
      if (q.from_named.empty()) q.from_named.push_back("urn:tinykg:no-named-graph");
    }
    return run_table(txn_, q, options_);
  }

  Status apply(const Op& op) {
    switch (op.kind) {
      case Op::Kind::InsertData:
      case Op::Kind::DeleteData: {
        ResultTable one;
        one.rows.emplace_back();
        const auto& data = op.kind == Op::Kind::InsertData ? op.insert : op.remove;
        for (const rdf::Quad& q : instantiate(data, one, std::nullopt)) {
          if (op.kind == Op::Kind::InsertData) txn_.insert(q);
          else erase(q);
        }
        return Status::Ok();
      }
      case Op::Kind::DeleteWhere: {
        // DELETE WHERE { P } is DELETE { P } WHERE { P }.
        Op modify;
        GroupElement triples;
        for (const QuadPattern& q : op.remove) {
          if (q.graph) {
            GroupElement g;
            g.kind = GroupElement::Kind::Graph;
            g.graph = *q.graph;
            g.group.emplace_back();
            g.group.back().elements.push_back({});
            g.group.back().elements.back().triples.push_back(q.triple);
            modify.where.elements.push_back(std::move(g));
          } else {
            triples.triples.push_back(q.triple);
          }
        }
        if (!triples.triples.empty()) modify.where.elements.push_back(std::move(triples));
        modify.remove = op.remove;
        return apply_modify(modify);
      }
      case Op::Kind::Modify:
        return apply_modify(op);
      case Op::Kind::Clear:
      case Op::Kind::Drop:
        clear(op.target);
        return Status::Ok();
      case Op::Kind::Create:
        return Status::Ok();  // graphs exist through their triples; nothing to record
      case Op::Kind::Load:
        return load(op);
      case Op::Kind::Add:
      case Op::Kind::Copy:
      case Op::Kind::Move:
        if (same(op.source, op.target)) return Status::Ok();
        if (op.kind != Op::Kind::Add) clear(op.target);
        add(op.source, op.target);
        if (op.kind == Op::Kind::Move) clear(op.source);
        return Status::Ok();
    }
    return Status::Ok();
  }

  // LOAD reads local files only (file: IRIs): a query service must not
  // fetch from the network on a user's behalf. SILENT turns failures into
  // no-ops, as the spec says.
  Status load(const Op& op) {
    constexpr std::string_view kFile = "file://";
    const std::string& iri = op.source.iri;
    Status st = Status::Ok();
    if (!options_.allow_file_load) {
      st = fail("LOAD <{}> refused: this service does not read local files", iri);
    } else if (iri.rfind(kFile, 0) != 0) {
      st = fail("LOAD of <{}> refused: only local file: IRIs can be loaded", iri);
    } else {
      std::string path = iri.substr(kFile.size());
      auto syntax = rdf::syntax_for_path(path);
      if (!syntax) {
        st = fail("LOAD <{}>: unknown RDF syntax (use .ttl, .nt, .nq or .trig)", iri);
      } else {
        std::vector<rdf::Quad> quads;
        st = rdf::read_rdf_file(path, *syntax, [&](rdf::Quad q) {
          q.graph = rdf::Term::iri(op.target.kind == GraphRef::Kind::Graph ? op.target.iri : "");
          quads.push_back(std::move(q));
        });
        if (st) {
          for (const rdf::Quad& q : quads) txn_.insert(q);
        }
      }
    }
    return st || op.silent ? Status::Ok() : st;
  }

  Status apply_modify(const Op& op) {
    auto table = solutions(op);
    if (!table) return table.failure();
    std::vector<rdf::Quad> removed = instantiate(op.remove, *table, op.with);
    std::vector<rdf::Quad> added = instantiate(op.insert, *table, op.with);
    for (const rdf::Quad& q : removed) erase(q);
    for (const rdf::Quad& q : added) txn_.insert(q);
    return Status::Ok();
  }

  store::WriteTxn& txn_;
  const QueryOptions& options_;
  int request_ = 0;
  // Blank nodes made by this request must not merge with earlier ones.
  std::string stamp_ = fmt::format("{:x}", static_cast<uint64_t>(
                                               std::chrono::steady_clock::now().time_since_epoch().count()));
};

}  // namespace

Status run_update(store::WriteTxn& txn, std::string_view update, const QueryOptions& options) {
  auto parsed = parse_update(update);
  if (!parsed) return parsed.failure();
  try {
    return UpdateRun(txn, options).run(*parsed);
  } catch (const Error& e) {
    return fail("update failed: {}", e.what());
  }
}

Status check_update_syntax(std::string_view update) {
  auto parsed = parse_update(update);
  if (!parsed) return parsed.failure();
  return Status::Ok();
}

}  // namespace tinykg::sparql
