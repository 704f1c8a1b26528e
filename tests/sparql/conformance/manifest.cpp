#include "conformance/manifest.h"

#include "rdf/serd_io.h"

namespace tinykg::sparql::conformance {
namespace {

std::string key(const rdf::Term& t) { return t.to_ntriples(); }

std::string local_name(const std::string& iri) {
  size_t cut = iri.find_last_of("#/");
  return cut == std::string::npos ? iri : iri.substr(cut + 1);
}

}  // namespace

std::string path_of(const std::string& file_iri) {
  constexpr std::string_view kFile = "file://";
  return file_iri.rfind(kFile, 0) == 0 ? file_iri.substr(kFile.size()) : file_iri;
}

Result<TripleGraph> TripleGraph::read(const std::string& path) {
  TripleGraph g;
  rdf::ReadOptions opts;
  opts.base_iri = "file://" + path;
  Status st = rdf::read_rdf_file(path, rdf::Syntax::Turtle, [&](const rdf::Quad& q) {
    g.by_subject_[key(q.subject)].emplace_back(q.predicate.value, q.object);
  }, opts);
  if (!st) return st.failure();
  return g;
}

std::vector<rdf::Term> TripleGraph::objects(const rdf::Term& s, const std::string& p) const {
  std::vector<rdf::Term> out;
  auto it = by_subject_.find(key(s));
  if (it == by_subject_.end()) return out;
  for (const auto& [pred, obj] : it->second) {
    if (pred == p) out.push_back(obj);
  }
  return out;
}

std::optional<rdf::Term> TripleGraph::object(const rdf::Term& s, const std::string& p) const {
  auto all = objects(s, p);
  if (all.empty()) return std::nullopt;
  return all.front();
}

std::vector<rdf::Term> TripleGraph::list(const rdf::Term& head) const {
  std::vector<rdf::Term> out;
  const std::string rdf(kRdf);
  rdf::Term node = head;
  // A bound on the length guards against a cyclic (malformed) list.
  for (int guard = 0; guard < 100000; ++guard) {
    if (node.is_iri() && node.value == rdf + "nil") break;
    auto first = object(node, rdf + "first");
    auto rest = object(node, rdf + "rest");
    if (!first || !rest) break;
    out.push_back(*first);
    node = *rest;
  }
  return out;
}

std::vector<rdf::Term> TripleGraph::subjects_with(const std::string& p, const rdf::Term& o) const {
  std::vector<rdf::Term> out;
  for (const auto& [s, pos] : by_subject_) {
    for (const auto& [pred, obj] : pos) {
      if (pred == p && obj == o) {
        // The subject key is N-Triples; IRIs and blank nodes are all we need.
        if (s.front() == '<') out.push_back(rdf::Term::iri(s.substr(1, s.size() - 2)));
        else out.push_back(rdf::Term::blank(s.substr(2)));
      }
    }
  }
  return out;
}

Result<std::vector<std::string>> read_includes(const std::string& path) {
  auto g = TripleGraph::read(path);
  if (!g) return g.failure();
  std::vector<std::string> out;
  rdf::Term self = rdf::Term::iri("file://" + path);
  for (const rdf::Term& list : g->objects(self, std::string(kMf) + "include")) {
    for (const rdf::Term& m : g->list(list)) out.push_back(path_of(m.value));
  }
  return out;
}

Result<std::vector<TestCase>> read_manifest(const std::string& path, const std::string& suite) {
  auto graph = TripleGraph::read(path);
  if (!graph) return graph.failure();
  const TripleGraph& g = *graph;
  const std::string mf(kMf), qt(kQt), ut(kUt);
  std::vector<TestCase> tests;
  rdf::Term self = rdf::Term::iri("file://" + path);
  std::vector<rdf::Term> manifests = g.objects(self, mf + "entries").empty()
                                         ? g.subjects_with(std::string(kRdf) + "type",
                                                           rdf::Term::iri(mf + "Manifest"))
                                         : std::vector<rdf::Term>{self};
  for (const rdf::Term& m : manifests) {
    for (const rdf::Term& list : g.objects(m, mf + "entries")) {
      for (const rdf::Term& entry : g.list(list)) {
        TestCase t;
        t.name = suite + "/" + local_name(entry.value);
        if (auto n = g.object(entry, mf + "name")) t.title = n->value;
        if (auto ty = g.object(entry, std::string(kRdf) + "type")) t.type = local_name(ty->value);
        auto action = g.object(entry, mf + "action");
        if (action && action->is_iri()) {
          t.query = path_of(action->value);  // syntax tests: the action is the query
          t.query_iri = action->value;
        } else if (action) {
          for (const char* p : {"query", "request"}) {
            auto q = g.object(*action, (std::string(p) == "query" ? qt : ut) + p);
            if (q) t.query = path_of(q->value), t.query_iri = q->value;
          }
          for (const auto& d : g.objects(*action, qt + "data")) t.data.push_back({path_of(d.value), {}});
          for (const auto& d : g.objects(*action, qt + "graphData")) {
            t.data.push_back({path_of(d.value), d.value});
          }
          for (const auto& d : g.objects(*action, ut + "data")) t.data.push_back({path_of(d.value), {}});
          for (const auto& d : g.objects(*action, ut + "graphData")) {
            auto file = g.object(d, ut + "graph");
            auto label = g.object(d, std::string(kRdfs) + "label");
            if (file) t.data.push_back({path_of(file->value), label ? label->value : file->value});
          }
        }
        if (auto r = g.object(entry, mf + "result")) {
          if (r->is_iri()) {
            t.result = path_of(r->value);
          } else {
            for (const auto& d : g.objects(*r, ut + "data")) t.expected.push_back({path_of(d.value), {}});
            for (const auto& d : g.objects(*r, ut + "graphData")) {
              auto file = g.object(d, ut + "graph");
              auto label = g.object(d, std::string(kRdfs) + "label");
              if (file) {
                t.expected.push_back({path_of(file->value), label ? label->value : file->value});
              }
            }
          }
        }
        tests.push_back(std::move(t));
      }
    }
  }
  return tests;
}

}  // namespace tinykg::sparql::conformance
