#include "kg/remote/remote_store.h"

#include <algorithm>
#include <array>
#include <set>

#include "kg/remote/skolem.h"
#include "sparql/parser/parser.h"

namespace tinykg::kg::remote {
namespace {

constexpr std::string_view kResultsAccept =
    "application/sparql-results+json, application/sparql-results+xml;q=0.9";
constexpr std::string_view kGraphAccept = "application/n-triples, text/plain;q=0.5";

// Virtuoso 7's built-in graphs (a fresh database already holds ~2,500
// triples in them).
constexpr std::array<std::string_view, 4> kInternalGraphs = {
    "http://www.openlinksw.com/schemas/virtrdf#",
    "http://www.w3.org/ns/ldp#",
    "http://localuriqaserver/sparql",
    "http://www.w3.org/2002/07/owl#",
};

std::string internal_graph_filter() {
  std::string filter = "FILTER(?g NOT IN (";
  for (size_t i = 0; i < kInternalGraphs.size(); ++i) {
    if (i > 0) filter += ", ";
    filter += "<" + std::string(kInternalGraphs[i]) + ">";
  }
  return filter + "))";
}

// Named as the only named graph when a GRAPH ?g must see no named graph at
// all (the store has none besides tinykg's default graph): without any
// named-graph-uri, Virtuoso would let ?g range over every graph.
constexpr std::string_view kNoNamedGraph = "https://tinykg.dev/graph/none";

struct QueryShape {
  sparql::QueryForm form = sparql::QueryForm::Select;
  bool names_dataset = false;
  bool parsed = false;
  NamedGraphs graphs;
};

// Our own parser tells the query form, whether FROM is present and which
// graphs GRAPH reads; a query it cannot parse still goes to the store, which
// may know more SPARQL.
QueryShape shape_of(std::string_view text) {
  auto parsed = sparql::parse_query(text);
  if (!parsed.ok()) return {};
  return {parsed->form, !parsed->from.empty() || !parsed->from_named.empty(), true,
          named_graphs_of(*parsed)};
}

struct UpdateShape {
  bool names_dataset = false;
  NamedGraphs graphs;
};

UpdateShape update_shape_of(std::string_view text) {
  auto parsed = sparql::parse_update(text);
  if (!parsed.ok()) return {};
  UpdateShape shape{false, named_graphs_of(*parsed)};
  for (const auto& op : parsed->operations) {
    if (op.with || !op.using_graphs.empty() || !op.using_named.empty()) shape.names_dataset = true;
  }
  return shape;
}

Result<sparql::QueryResult> read_graph(const HttpAnswer& answer, const ReadOptions& read) {
  sparql::ConstructedGraph graph;
  const bool turtle = answer.content_type.find("turtle") != std::string::npos;
  Status st = rdf::read_rdf_string(
      answer.body, turtle ? rdf::Syntax::Turtle : rdf::Syntax::NTriples,
      [&](const rdf::Quad& q) {
        if (!read.deskolemize) return graph.push_back(q);
        graph.push_back({deskolemize(q.subject), q.predicate, deskolemize(q.object), {}});
      },
      {}, "remote CONSTRUCT answer");
  if (!st.ok()) return st.failure();
  return sparql::QueryResult{std::move(graph)};
}

}  // namespace

std::string iri_ref(std::string_view iri) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  std::string out = "<";
  for (unsigned char c : iri) {
    if (c <= 0x20 || std::string_view("<>\"{}|^`\\").find(static_cast<char>(c)) != std::string_view::npos) {
      out += '%';
      out += kHex[c >> 4];
      out += kHex[c & 15];
    } else {
      out += static_cast<char>(c);
    }
  }
  return out + ">";
}

bool is_store_internal_graph(std::string_view iri) {
  for (std::string_view g : kInternalGraphs) {
    if (iri == g) return true;
  }
  return false;
}

Result<std::unique_ptr<RemoteStore>> RemoteStore::connect(RemoteConfig config) {
  std::unique_ptr<RemoteStore> store(new RemoteStore(std::move(config)));
  auto probe = store->query("ASK {}");
  if (!probe.ok()) return probe.failure();
  return store;
}

Result<sparql::QueryResult> RemoteStore::query(std::string_view text, bool union_default_graph,
                                               ReadOptions read) const {
  const QueryShape shape = shape_of(text);
  FormFields fields{{"query", std::string(text)}};
  if (!shape.names_dataset && !union_default_graph) {
    auto dataset = dataset_fields(shape.graphs, /*for_update=*/false);
    if (!dataset.ok()) return dataset.failure();
    fields.insert(fields.end(), dataset->begin(), dataset->end());
  }
  const bool graph_form = shape.parsed && (shape.form == sparql::QueryForm::Construct ||
                                            shape.form == sparql::QueryForm::Describe);
  auto answer = http_.post_form(config_.query_url, fields, graph_form ? kGraphAccept : kResultsAccept);
  if (!answer.ok()) return answer.failure();
  if (!answer->truncated_at.empty()) {
    return fail("remote store {}: the answer was cut at {} rows by the store "
                "(Virtuoso: raise ResultSetMaxRows in the [SPARQL] section of virtuoso.ini)",
                config_.query_url, answer->truncated_at);
  }
  const std::string& type = answer->content_type;
  if (graph_form || type.find("n-triples") != std::string::npos ||
      type.find("turtle") != std::string::npos || type.starts_with("text/plain")) {
    return read_graph(*answer, read);
  }
  return read_results(answer->body, type, read);
}

Result<sparql::ResultTable> RemoteStore::select(std::string_view text, ReadOptions read) const {
  auto result = query(text, false, read);
  if (!result.ok()) return result.failure();
  if (auto* table = std::get_if<sparql::ResultTable>(&*result)) return std::move(*table);
  return fail("remote store: expected a SELECT result");
}

Result<sparql::ResultTable> RemoteStore::select_all_graphs(std::string_view text,
                                                          ReadOptions read) const {
  auto result = query(text, /*union_default_graph=*/true, read);
  if (!result.ok()) return result.failure();
  if (auto* table = std::get_if<sparql::ResultTable>(&*result)) return std::move(*table);
  return fail("remote store: expected a SELECT result");
}

Result<FormFields> RemoteStore::dataset_fields(const NamedGraphs& graphs, bool for_update) const {
  FormFields fields{{for_update ? "using-graph-uri" : "default-graph-uri", config_.default_graph}};
  std::set<std::string> named = graphs.iris;
  if (graphs.variable) {
    auto all = graph_names();
    if (!all.ok()) return all.failure();
    named.insert(all->begin(), all->end());
    if (named.empty()) named.insert(std::string(kNoNamedGraph));
  }
  for (const std::string& g : named) {
    fields.emplace_back(for_update ? "using-named-graph-uri" : "named-graph-uri", g);
  }
  return fields;
}

Status RemoteStore::update(std::string_view text) const {
  FormFields fields{{"update", std::string(text)}};
  const UpdateShape shape = update_shape_of(text);
  if (!shape.names_dataset) {
    auto dataset = dataset_fields(shape.graphs, /*for_update=*/true);
    if (!dataset.ok()) return dataset.failure();
    fields.insert(fields.end(), dataset->begin(), dataset->end());
  }
  auto answer = http_.post_form(config_.write_url(), fields, kResultsAccept);
  if (!answer.ok()) return answer.failure();
  return Status::Ok();
}

Status RemoteStore::raw_update(std::string_view text) const {
  auto answer = http_.post_form(config_.write_url(), {{"update", std::string(text)}}, kResultsAccept);
  if (!answer.ok()) return answer.failure();
  return Status::Ok();
}

std::string RemoteStore::store_graph(const std::string& graph_iri) const {
  return graph_iri.empty() ? config_.default_graph : graph_iri;
}

rdf::Term RemoteStore::tinykg_graph(const rdf::Term& store_graph) const {
  if (store_graph.is_iri() && store_graph.value == config_.default_graph) return rdf::Term{};
  return store_graph;
}

Result<uint64_t> RemoteStore::count(std::string_view text) const {
  auto table = select_all_graphs(text);
  if (!table.ok()) return table.failure();
  if (table->rows.size() != 1 || table->rows[0].empty() || !table->rows[0][0]) {
    return fail("remote store: a COUNT query returned no number");
  }
  try {
    return static_cast<uint64_t>(std::stoull(table->rows[0][0]->value));
  } catch (const std::exception&) {
    return fail("remote store: COUNT returned '{}'", table->rows[0][0]->value);
  }
}

Result<uint64_t> RemoteStore::count_quads() const {
  return count("SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } " +
               internal_graph_filter() + " }");
}

Result<uint64_t> RemoteStore::count_graph(const std::string& graph_iri) const {
  return count("SELECT (COUNT(*) AS ?n) WHERE { GRAPH " + iri_ref(store_graph(graph_iri)) +
               " { ?s ?p ?o } }");
}

Result<uint64_t> RemoteStore::count_instances(const rdf::Term& type) const {
  return count("SELECT (COUNT(DISTINCT ?s) AS ?n) WHERE { GRAPH ?g { ?s a " + type.to_ntriples() +
               " } " + internal_graph_filter() + " }");
}

Result<std::vector<std::string>> RemoteStore::graph_names() const {
  auto table = select_all_graphs("SELECT DISTINCT ?g WHERE { GRAPH ?g { ?s ?p ?o } }");
  if (!table.ok()) return table.failure();
  std::vector<std::string> names;
  for (const auto& row : table->rows) {
    if (!row[0] || !row[0]->is_iri()) continue;
    const std::string& g = row[0]->value;
    if (g != config_.default_graph && !is_store_internal_graph(g)) names.push_back(g);
  }
  std::sort(names.begin(), names.end());
  return names;
}

Status RemoteStore::for_each_quad(const std::string& graph_iri, const rdf::QuadSink& sink,
                                  ReadOptions read) const {
  const rdf::Term graph = graph_iri.empty() ? rdf::Term{} : rdf::Term::iri(graph_iri);
  const size_t page = std::max<size_t>(config_.page_rows, 1);
  for (uint64_t offset = 0;; offset += page) {
    auto table = select_all_graphs("SELECT ?s ?p ?o WHERE { GRAPH " +
                                       iri_ref(store_graph(graph_iri)) + " { ?s ?p ?o } } LIMIT " +
                                       std::to_string(page) + " OFFSET " + std::to_string(offset),
                                   read);
    if (!table.ok()) return table.failure();
    for (const auto& row : table->rows) {
      if (row.size() < 3 || !row[0] || !row[1] || !row[2]) continue;
      sink(rdf::Quad{*row[0], *row[1], *row[2], graph});
    }
    if (table->rows.size() < page) return Status::Ok();
  }
}

}  // namespace tinykg::kg::remote
