#include "sparql/exec/path_scan.h"

#include <deque>

namespace tinykg::sparql::exec {

PathScan::PathScan(ExecContext& ctx, PathEnd subject, std::shared_ptr<const PropertyPath> path,
                   PathEnd object, store::Id graph, size_t row_width)
    : ctx_(ctx),
      subject_(std::move(subject)),
      object_(std::move(object)),
      path_(std::move(path)),
      graph_(graph),
      row_width_(row_width) {
  estimated_rows_ = subject_.slot < 0 || object_.slot < 0 ? 10 : 1000;
}

std::set<store::Id> PathScan::all_nodes() {
  std::set<store::Id> out;
  store::IdPattern any;
  any.g = graph_;
  store::ScanCursor c = ctx_.txn().scan(any);
  store::IdQuad q;
  while (c.next(q)) {
    ctx_.check_deadline();
    out.insert(q.s);
    out.insert(q.o);
  }
  return out;
}

std::set<store::Id> PathScan::step(const PropertyPath& p, store::Id node, bool forward) {
  using K = PropertyPath::Kind;
  std::set<store::Id> out;
  switch (p.kind) {
    case K::Link: {
      auto pred = ctx_.txn().find_id(rdf::Term::iri(p.iri));
      if (!pred) return out;
      store::IdPattern pat;
      pat.p = *pred;
      pat.g = graph_;
      (forward ? pat.s : pat.o) = node;
      store::ScanCursor c = ctx_.txn().scan(pat);
      store::IdQuad q;
      while (c.next(q)) {
        ctx_.check_deadline();
        out.insert(forward ? q.o : q.s);
      }
      return out;
    }
    case K::Inverse:
      return step(p.args[0], node, !forward);
    case K::Sequence: {
      const PropertyPath& first = forward ? p.args[0] : p.args[1];
      const PropertyPath& second = forward ? p.args[1] : p.args[0];
      for (store::Id m : step(first, node, forward)) out.merge(step(second, m, forward));
      return out;
    }
    case K::Alternative:
      out = step(p.args[0], node, forward);
      out.merge(step(p.args[1], node, forward));
      return out;
    case K::ZeroOrMore:
      return closure(p.args[0], node, forward, true, true);
    case K::OneOrMore:
      return closure(p.args[0], node, forward, false, true);
    case K::ZeroOrOne:
      return closure(p.args[0], node, forward, true, false);
    case K::Negated: {
      // !(a|^b): forward links not in {a}, plus inverse links not in {b}.
      bool any_forward = false, any_inverse = false;
      for (const auto& [iri, inverse] : p.negated) (inverse ? any_inverse : any_forward) = true;
      for (bool inverse_part : {false, true}) {
        if (inverse_part ? !any_inverse : (any_inverse && !any_forward)) continue;
        std::set<store::Id> excluded;
        for (const auto& [iri, inverse] : p.negated) {
          if (inverse != inverse_part) continue;
          if (auto id = ctx_.txn().find_id(rdf::Term::iri(iri))) excluded.insert(*id);
        }
        bool along = forward != inverse_part;  // walk subject -> object?
        store::IdPattern pat;
        pat.g = graph_;
        (along ? pat.s : pat.o) = node;
        store::ScanCursor c = ctx_.txn().scan(pat);
        store::IdQuad q;
        while (c.next(q)) {
          ctx_.check_deadline();
          if (!excluded.count(q.p)) out.insert(along ? q.o : q.s);
        }
      }
      return out;
    }
  }
  return out;
}

std::set<store::Id> PathScan::closure(const PropertyPath& p, store::Id node, bool forward,
                                      bool zero, bool many) {
  std::set<store::Id> reached;
  if (zero) reached.insert(node);
  std::deque<store::Id> frontier{node};
  std::set<store::Id> expanded;
  while (!frontier.empty()) {
    store::Id n = frontier.front();
    frontier.pop_front();
    if (!expanded.insert(n).second) continue;
    for (store::Id m : step(p, n, forward)) {
      if (reached.insert(m).second) ctx_.hold_rows();
      if (many) frontier.push_back(m);
    }
  }
  return reached;
}

void PathScan::evaluate() {
  evaluated_ = true;
  const bool s_fixed = subject_.slot < 0, o_fixed = object_.slot < 0;
  if (s_fixed) {
    for (store::Id o : step(*path_, subject_.constant, true)) {
      if (!o_fixed || o == object_.constant) {
        ctx_.hold_rows();
        pairs_.emplace_back(subject_.constant, o);
      }
    }
    return;
  }
  if (o_fixed) {
    for (store::Id s : step(*path_, object_.constant, false)) {
      ctx_.hold_rows();
      pairs_.emplace_back(s, object_.constant);
    }
    return;
  }
  for (store::Id s : all_nodes()) {
    for (store::Id o : step(*path_, s, true)) {
      if (subject_.slot != object_.slot || s == o) {
        ctx_.hold_rows();
        pairs_.emplace_back(s, o);
      }
    }
  }
}

bool PathScan::next(Row& out) {
  if (!evaluated_) evaluate();
  if (index_ >= pairs_.size()) return false;
  const auto& [s, o] = pairs_[index_++];
  out.assign(row_width_, store::kNoId);
  if (subject_.slot >= 0) out[static_cast<size_t>(subject_.slot)] = s;
  if (object_.slot >= 0) out[static_cast<size_t>(object_.slot)] = o;
  return produced(true);
}

std::string PathScan::describe() const {
  return "PathScan " + subject_.label + " " + path_->to_string() + " " + object_.label;
}

}  // namespace tinykg::sparql::exec
