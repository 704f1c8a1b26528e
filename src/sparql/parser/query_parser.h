// Internal to parser/: the recursive-descent parser, split over two files:
// parser.cpp (query form, graph patterns, terms) and expression_parser.cpp
// (the expression grammar and builtin calls). Not part of the engine's
// interface; include parser.h instead.
#pragma once

#include <fmt/format.h>

#include <algorithm>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "common/result.h"
#include "sparql/parser/lexer.h"
#include "sparql/parser/parsed_query.h"
#include "sparql/parser/parsed_update.h"

namespace tinykg::sparql::detail {

// Thrown inside the parser only and turned into a Failure by parse_query():
// unwinding out of deep recursion is simpler than threading Result through
// every grammar rule. It never escapes parse_query().
struct ParseStop {
  Failure failure;
};

std::string upper(std::string_view s);
std::string lower(std::string_view s);

// Deeper nesting than this is rejected rather than risking the stack:
// recursive descent uses a few hundred bytes per level, and evaluating an
// expression recurses once per tree level. Operator chains (a || b || ...)
// build left-deep trees, so each operator in a chain counts as a level too.
constexpr int kMaxNesting = 256;

class QueryParser {
 public:
  explicit QueryParser(std::vector<Token> tokens) : tokens_(std::move(tokens)) {}
  ParsedQuery parse();
  ParsedUpdate parse_update_request();

 private:
  const Token& peek(size_t ahead = 0) const {
    return tokens_[std::min(pos_ + ahead, tokens_.size() - 1)];
  }
  const Token& take() {
    const Token& t = peek();
    if (pos_ < tokens_.size() - 1) ++pos_;
    return t;
  }
  static bool is_punct(const Token& t, std::string_view p) {
    return t.kind == TokenKind::Punct && t.text == p;
  }
  static bool is_word(const Token& t, std::string_view keyword) {
    return t.kind == TokenKind::Word && upper(t.text) == keyword;
  }
  bool accept_punct(std::string_view p) {
    if (!is_punct(peek(), p)) return false;
    take();
    return true;
  }
  bool accept_word(std::string_view keyword) {
    if (!is_word(peek(), keyword)) return false;
    take();
    return true;
  }
  void expect_punct(std::string_view p) {
    if (!accept_punct(p)) {
      error(peek(), fmt::format("expected '{}', found {}", p, describe(peek())));
    }
  }
  [[noreturn]] static void error(const Token& t, const std::string& message) {
    throw ParseStop{fail("parse error at line {}, column {}: {}", t.line, t.column, message)};
  }
  [[noreturn]] static void unsupported(const Token& t, const std::string& what) {
    throw ParseStop{fail("not supported yet: {} at line {}, column {}", what, t.line, t.column)};
  }

  // Counts one level of nesting for the lifetime of the guard.
  class NestingGuard {
   public:
    // `is_level`: entering this rule is itself a level of nesting (a group, a
    // parenthesis); false for operator-chain rules, which count via deepen().
    explicit NestingGuard(QueryParser& parser, bool is_level = true) : parser_(parser) {
      if (is_level) deepen();
    }
    ~NestingGuard() { parser_.depth_ -= extra_; }
    // One more operator in a chain such as a + b + c.
    void deepen() {
      ++extra_;
      if (++parser_.depth_ > kMaxNesting) {
        error(parser_.peek(), fmt::format("nesting deeper than {} levels", kMaxNesting));
      }
    }

   private:
    QueryParser& parser_;
    int extra_ = 0;
  };

  // ---- query form, graph patterns, terms (parser.cpp) ----------------------
  void parse_prologue();
  void parse_select();
  void parse_ask();
  void parse_construct();
  void parse_construct_template();
  void parse_describe();
  void parse_dataset_clause();
  // A nested SELECT inside { }: parsed with its own ParsedQuery.
  std::shared_ptr<ParsedQuery> parse_subselect();
  InlineData parse_data_block();
  std::optional<rdf::Term> parse_data_value();
  void parse_group_by();
  void check_projection(const Token& at);

  // ---- SPARQL Update (update_parser.cpp) ------------------------------------
  UpdateOperation parse_update_operation();
  // { triples GRAPH g { triples } ... }; `allow_variables` false for DATA.
  std::vector<QuadPattern> parse_quads(bool allow_variables);
  GraphRef parse_graph_ref(bool allow_named_all);
  void parse_solution_modifiers();
  uint64_t parse_count(const char* clause);
  void parse_order_conditions();
  GroupPattern parse_group();
  void parse_triples_same_subject(std::vector<TriplePattern>& out);
  // After '[' has been taken: "p o ; p2 o2 ]" -> a fresh blank-node variable.
  PatternTerm parse_blank_node_property_list(std::vector<TriplePattern>& out);
  void parse_property_list(const PatternTerm& subject, std::vector<TriplePattern>& out);
  // The verb of a triple: a variable, or a path (a plain IRI is a Link).
  std::pair<PatternTerm, std::shared_ptr<const PropertyPath>> parse_verb_or_path();
  PropertyPath parse_path();
  PropertyPath parse_path_sequence();
  PropertyPath parse_path_elt();
  PropertyPath parse_path_primary();
  void parse_object(const PatternTerm& subject, const PatternTerm& verb,
                    std::vector<TriplePattern>& out,
                    const std::shared_ptr<const PropertyPath>& path = nullptr);
  PatternTerm parse_var_or_term();
  PatternTerm fresh_blank();
  PatternTerm parse_collection(std::vector<TriplePattern>& out);
  std::string parse_iri();
  // Literals: strings (with @lang or ^^datatype), numbers (optionally signed),
  // true/false. Returns nothing if the next token does not start a literal.
  std::optional<rdf::Term> try_parse_literal();
  static bool is_number(const Token& t);

  // ---- expressions (expression_parser.cpp) ---------------------------------
  Expression parse_constraint();
  Expression parse_bracketted_expression();
  Expression parse_expression();
  Expression parse_and();
  Expression parse_relational();
  Expression parse_additive();
  Expression parse_multiplicative();
  Expression parse_unary();
  Expression parse_primary();
  Expression parse_builtin_call();
  Expression parse_aggregate(const std::string& name);

  std::vector<Token> tokens_;
  size_t pos_ = 0;
  int blank_count_ = 0;
  int depth_ = 0;
  std::map<std::string, std::string> prefixes_;
  ParsedQuery query_;
};

}  // namespace tinykg::sparql::detail
