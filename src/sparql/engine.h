// The SPARQL engine facade: the one entry point the CLI and the server call.
//
//   text --parser/--> ParsedQuery --algebra/translate--> algebra tree
//        --optimizer/ passes--> algebra tree --planner/--> operator tree
//        --exec/ (pull rows of ids)--> ResultTable --results/ writers--> bytes
//
// Dataset (SPARQL 1.1 section 13): without FROM / FROM NAMED the default
// graph is the store's default graph and the named graphs are all others;
// FROM merges the listed graphs into the default graph (a triple in several
// of them matches once), FROM NAMED lists the graphs GRAPH can see.
#pragma once

#include <atomic>
#include <functional>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "common/result.h"
#include "sparql/optimizer/optimizer.h"
#include "sparql/planner/planner.h"
#include "sparql/results/result_table.h"
#include "sparql/results/writers.h"
#include "store/store.h"

namespace tinykg::sparql {

struct QueryOptions {
  OptimizerOptions optimizer;  // switch individual passes off
  PlannerOptions planner;      // switch physical choices off
  // Without FROM, the default graph is the store's default graph (SPARQL
  // 1.1 section 13). True restores the first cut's reading: the merge of all
  // graphs, for callers whose data sits in named graphs.
  bool union_default_graph = false;
  // A dataset given by the SPARQL Protocol (default-graph-uri /
  // named-graph-uri); it replaces the query's FROM / FROM NAMED (Protocol
  // section 2.1.4).
  struct Dataset {
    std::vector<std::string> default_graphs, named_graphs;
  };
  std::optional<Dataset> dataset;
  // Stop the query after this many milliseconds (0: no limit) with the error
  // "query timed out after N ms"; or when *cancel becomes true ("query
  // cancelled"), e.g. set by a server thread when the client goes away.
  uint64_t timeout_ms = 0;
  const std::atomic<bool>* cancel = nullptr;
  // Bounds the memory of one query: rows buffered by the operators that hold
  // rows (ORDER BY, GROUP BY, DISTINCT, hash join and OPTIONAL tables, MINUS,
  // property path closures) plus the rows of the result, counted together.
  // Past it the query fails with "query needs more than N rows in memory ..."
  // (0: no limit). At ~100 bytes a row the default is about 1 GB.
  uint64_t max_rows_in_memory = 10'000'000;
  // SPARQL Update LOAD <file:...> reads files of the machine running the
  // engine. The CLI allows it; a server turns it off, or anyone with a write
  // token could copy the server's RDF files into the graph and read them.
  bool allow_file_load = true;
};

// Where the time went and what ran; filled by run_select on request.
struct QueryProfile {
  std::string algebra;  // after optimization
  std::vector<PassTiming> passes;
  std::string plan;  // operator tree with estimated and actual rows
  double parse_ms = 0, optimize_ms = 0, plan_ms = 0, execute_ms = 0;
  std::string to_string() const;
};

// Parses, plans and runs a SELECT query against one read snapshot.
// Failures: syntax errors ("parse error at line L, column C: ..."),
// unsupported features ("not supported yet: OPTIONAL at line L, column C"),
// and storage errors during execution.
Result<ResultTable> run_select(const store::ReadTxn& txn, std::string_view query,
                               const QueryOptions& options = {}, QueryProfile* profile = nullptr);

// The rows of a SELECT query, streamed to `visit` with one term per
// variable (null: unbound). The terms live in a cache of the query's decoded
// terms until select_each returns, so a repeated term is decoded once and no
// row is copied: the way to read large results (the match engine reads a
// 100k-board fleet like this). Fails like run_select.
using RowVisitor = std::function<void(const std::vector<std::string>& variables,
                                      std::span<const rdf::Term* const> cells)>;
Status select_each(const store::ReadTxn& txn, std::string_view query, const RowVisitor& visit,
                   const QueryOptions& options = {});

// The answer of any query form: a table (SELECT), a boolean (ASK) or the
// triples of a graph (CONSTRUCT; each quad is in the default graph).
using ConstructedGraph = std::vector<rdf::Quad>;
using QueryResult = std::variant<ResultTable, bool, ConstructedGraph>;

// Parses and runs a query of any form (SELECT, ASK, CONSTRUCT). run_select is
// the SELECT-only shortcut the existing callers use.
Result<QueryResult> run_query(const store::ReadTxn& txn, std::string_view query,
                              const QueryOptions& options = {}, QueryProfile* profile = nullptr);

// Parses the query without running it: the syntax check of editors and the
// W3C syntax tests. Fails like run_query on a syntax error.
Status check_query_syntax(std::string_view query);

// Runs a SPARQL 1.1 Update request (INSERT/DELETE DATA, DELETE/INSERT ...
// WHERE with WITH and USING, DELETE WHERE, CLEAR, DROP, CREATE, ADD, MOVE,
// COPY; LOAD is refused) inside `txn`. The caller commits on success; on a
// failure it drops the transaction, so a failing request changes nothing.
Status run_update(store::WriteTxn& txn, std::string_view update, const QueryOptions& options = {});
Status check_update_syntax(std::string_view update);

// Runs the query and returns its profile (EXPLAIN ANALYZE).
Result<QueryProfile> explain_select(const store::ReadTxn& txn, std::string_view query,
                                    const QueryOptions& options = {});

}  // namespace tinykg::sparql
