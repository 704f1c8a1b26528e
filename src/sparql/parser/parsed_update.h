// A parsed SPARQL 1.1 Update request: a sequence of operations (section 3),
// with prefixes expanded and IRIs resolved like queries.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "sparql/parser/parsed_query.h"

namespace tinykg::sparql {

// A triple template, in a named graph (GRAPH g { ... }) or the default one.
struct QuadPattern {
  std::optional<PatternTerm> graph;
  TriplePattern triple;
};

// The graph operand of CLEAR, DROP, CREATE, ADD, MOVE, COPY.
struct GraphRef {
  enum class Kind { Default, Named, All, Graph } kind = Kind::Default;
  std::string iri;  // Graph
};

struct UpdateOperation {
  enum class Kind {
    InsertData, DeleteData, DeleteWhere, Modify, Clear, Drop, Create, Add, Move, Copy, Load
  };
  Kind kind = Kind::InsertData;
  std::vector<QuadPattern> insert, remove;  // data or templates
  std::optional<std::string> with;          // WITH <g>
  std::vector<std::string> using_graphs, using_named;
  GroupPattern where;
  bool silent = false;
  GraphRef source, target;  // Clear/Drop/Create use target; Load: source IRI into target
};

struct ParsedUpdate {
  std::vector<UpdateOperation> operations;
};

}  // namespace tinykg::sparql
