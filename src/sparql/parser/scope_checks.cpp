// Checks that make a syntactically well-formed query invalid (SPARQL 1.1
// section 18.2.1 and 18.2.4.1); reported as parse errors like the grammar's.
#include <functional>

#include "sparql/parser/query_parser.h"

namespace tinykg::sparql::detail {

// The scope rules of SPARQL 1.1 section 18.2.1 that make a query invalid:
// (expr AS ?v) with ?v in scope, and in a grouped query, projecting a
// variable that is neither a group key nor an alias (nor SELECT *).
void QueryParser::check_projection(const Token& at) {
  std::vector<std::string> in_scope = query_.visible_variables();
  std::vector<std::string> defined;
  bool grouped = !query_.group_by.empty() || !query_.having.empty();
  for (const auto& e : query_.projection_expressions) grouped |= e && e->has_aggregate();
  for (size_t i = 0; i < query_.projection.size(); ++i) {
    if (query_.projection_expressions[i] &&
        std::find(in_scope.begin(), in_scope.end(), query_.projection[i]) != in_scope.end()) {
      error(at, "(expression AS ?" + query_.projection[i] + "): the variable is already in scope");
    }
  }
  if (!grouped) return;
  if (query_.select_all) error(at, "SELECT * is not allowed with GROUP BY or aggregates");
  std::vector<std::string> keys;
  for (const auto& [e, alias] : query_.group_by) {
    if (!alias.empty()) keys.push_back(alias);
    else if (e.kind == ExprKind::Variable) keys.push_back(e.name);
  }
  // Variables used outside aggregates must be group keys or earlier aliases.
  std::function<void(const Expression&)> check = [&](const Expression& e) {
    if (e.kind == ExprKind::Aggregate || e.kind == ExprKind::Exists) return;
    if (e.kind == ExprKind::Variable &&
        std::find(keys.begin(), keys.end(), e.name) == keys.end()) {
      error(at, "?" + e.name + " is used outside an aggregate but is not a GROUP BY key");
    }
    for (const Expression& a : e.args) check(a);
  };
  for (size_t i = 0; i < query_.projection.size(); ++i) {
    if (query_.projection_expressions[i]) check(*query_.projection_expressions[i]);
    else check(Expression::variable(query_.projection[i]));
    keys.push_back(query_.projection[i]);
  }
}

}  // namespace tinykg::sparql::detail
