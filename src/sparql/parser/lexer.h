// Lexer: SPARQL text -> tokens with line and column (both 1-based, column in
// bytes), so every parse error can point at the offending spot.
//
// Keywords are not distinguished here: a bare word (SELECT, a, true, regex)
// is a Word token and the parser compares it case-insensitively where the
// grammar says keywords are case-insensitive. A '<' that starts a valid
// IRIREF is an IRI; otherwise it is the less-than operator.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "common/result.h"

namespace tinykg::sparql {

enum class TokenKind {
  Iri,           // <...>        text = IRI without brackets (unresolved)
  PrefixedName,  // pre:local    text = "pre:local" (escapes in local part removed)
  Variable,      // ?x or $x     text = name
  BlankNode,     // _:label      text = label
  String,        // "..."        text = unescaped value
  LangTag,       // @en          text = tag without '@'
  Integer,       // 42
  Decimal,       // 4.2
  Double,        // 4.2e1
  Word,          // SELECT, a, true, regex ...
  Punct,         // { } ( ) [ ] . ; , * = != < <= > >= && || ! + - / ^^ ^ | ?
  End,
};

struct Token {
  TokenKind kind = TokenKind::End;
  std::string text;
  int line = 1;
  int column = 1;
};

// Human-readable token description for error messages: 'SELECT', end of query.
std::string describe(const Token& token);

// Tokenizes a whole query; the last token is always End.
Result<std::vector<Token>> tokenize(std::string_view query);

}  // namespace tinykg::sparql
