#include "sparql/parser/lexer.h"

#include <cctype>
#include <cstdint>
#include <optional>

#include "common/utf8.h"

namespace tinykg::sparql {
namespace {

bool is_name_start(unsigned char c) { return std::isalpha(c) || c == '_' || c >= 0x80; }
bool is_name_char(unsigned char c) { return std::isalnum(c) || c == '_' || c == '-' || c >= 0x80; }

class Lexer {
 public:
  explicit Lexer(std::string_view text) : s_(text) {}

  Result<std::vector<Token>> run() {
    std::vector<Token> out;
    while (true) {
      skip_space_and_comments();
      Token t;
      t.line = line_;
      t.column = column();
      if (pos_ >= s_.size()) {
        t.kind = TokenKind::End;
        out.push_back(t);
        return out;
      }
      if (auto failure = lex_one(t)) return *failure;
      out.push_back(std::move(t));
    }
  }

 private:
  int column() const { return static_cast<int>(pos_ - line_start_) + 1; }
  char peek(size_t ahead = 0) const { return pos_ + ahead < s_.size() ? s_[pos_ + ahead] : '\0'; }
  void advance(size_t n = 1) {
    for (size_t i = 0; i < n && pos_ < s_.size(); ++i) {
      if (s_[pos_] == '\n') {
        ++line_;
        line_start_ = pos_ + 1;
      }
      ++pos_;
    }
  }
  Failure error_here(const std::string& what) const {
    return fail("parse error at line {}, column {}: {}", line_, column(), what);
  }

  void skip_space_and_comments() {
    while (pos_ < s_.size()) {
      char c = s_[pos_];
      if (c == '#') {
        while (pos_ < s_.size() && s_[pos_] != '\n') advance();
      } else if (std::isspace(static_cast<unsigned char>(c))) {
        advance();
      } else {
        break;
      }
    }
  }

  // Returns a Failure on a lexical error, nothing on success.
  std::optional<Failure> lex_one(Token& t) {
    char c = peek();
    if (c == '<') {
      if (auto len = iri_length()) {
        t.kind = TokenKind::Iri;
        t.text = std::string(s_.substr(pos_ + 1, len - 2));
        advance(len);
        return std::nullopt;
      }
      return punct(t, peek(1) == '=' ? 2 : 1);
    }
    if (c == '?' || c == '$') {
      size_t n = 1;
      while (is_name_char(static_cast<unsigned char>(peek(n))) && peek(n) != '-') ++n;
      if (n == 1) return punct(t, 1);  // '?' alone: a property path modifier
      t.kind = TokenKind::Variable;
      t.text = std::string(s_.substr(pos_ + 1, n - 1));
      advance(n);
      return std::nullopt;
    }
    if (c == '"' || c == '\'') return lex_string(t);
    if (c == '@') {
      size_t n = 1;
      while (std::isalnum(static_cast<unsigned char>(peek(n))) || peek(n) == '-') ++n;
      if (n == 1) return error_here("expected a language tag after '@'");
      t.kind = TokenKind::LangTag;
      t.text = std::string(s_.substr(pos_ + 1, n - 1));
      advance(n);
      return std::nullopt;
    }
    if (std::isdigit(static_cast<unsigned char>(c)) ||
        (c == '.' && std::isdigit(static_cast<unsigned char>(peek(1))))) {
      return lex_number(t);
    }
    if (c == '_' && peek(1) == ':') {
      size_t n = 2;
      while (is_name_char(static_cast<unsigned char>(peek(n))) ||
             (peek(n) == '.' && is_name_char(static_cast<unsigned char>(peek(n + 1)))))
        ++n;
      if (n == 2) return error_here("expected a blank node label after '_:'");
      t.kind = TokenKind::BlankNode;
      t.text = std::string(s_.substr(pos_ + 2, n - 2));
      advance(n);
      return std::nullopt;
    }
    if (is_name_start(static_cast<unsigned char>(c)) || c == ':') return lex_word(t);
    static constexpr std::string_view kTwoChar[] = {"!=", "<=", ">=", "&&", "||", "^^"};
    for (std::string_view two : kTwoChar) {
      if (s_.substr(pos_, 2) == two) return punct(t, 2);
    }
    if (std::string_view("{}()[].;,*=<>!+-/^|").find(c) != std::string_view::npos) {
      return punct(t, 1);
    }
    return error_here(std::string("unexpected character '") + c + "'");
  }

  std::optional<Failure> punct(Token& t, size_t n) {
    t.kind = TokenKind::Punct;
    t.text = std::string(s_.substr(pos_, n));
    advance(n);
    return std::nullopt;
  }

  // Length of an IRIREF starting at pos_ (including both brackets), or 0.
  size_t iri_length() const {
    for (size_t i = pos_ + 1; i < s_.size(); ++i) {
      unsigned char c = static_cast<unsigned char>(s_[i]);
      if (c == '>') return i - pos_ + 1;
      if (c <= 0x20 ||
          std::string_view("<\"{}|^`\\").find(static_cast<char>(c)) != std::string_view::npos)
        return 0;
    }
    return 0;
  }

  std::optional<Failure> lex_word(Token& t) {
    // A word, possibly a prefixed name "pre:local" (prefix may be empty).
    size_t n = 0;
    while (is_name_char(static_cast<unsigned char>(peek(n))) ||
           (peek(n) == '.' && is_name_char(static_cast<unsigned char>(peek(n + 1)))))
      ++n;
    if (peek(n) != ':') {
      t.kind = TokenKind::Word;
      t.text = std::string(s_.substr(pos_, n));
      advance(n);
      return std::nullopt;
    }
    std::string text(s_.substr(pos_, n + 1));
    size_t i = n + 1;
    // Local part: name chars, ':', '%XX', '\'-escapes; '.' only when not last.
    while (true) {
      char d = peek(i);
      if (is_name_char(static_cast<unsigned char>(d)) || d == ':') {
        text += d;
        ++i;
      } else if (d == '%' && std::isxdigit(static_cast<unsigned char>(peek(i + 1))) &&
                 std::isxdigit(static_cast<unsigned char>(peek(i + 2)))) {
        text += std::string(s_.substr(pos_ + i, 3));
        i += 3;
      } else if (d == '\\' && peek(i + 1) != '\0' &&
                 std::string_view("_~.-!$&'()*+,;=/?#@%").find(peek(i + 1)) !=
                     std::string_view::npos) {
        text += peek(i + 1);
        i += 2;
      } else if (d == '.' && (is_name_char(static_cast<unsigned char>(peek(i + 1))) ||
                              peek(i + 1) == ':' || peek(i + 1) == '%')) {
        text += d;
        ++i;
      } else {
        break;
      }
    }
    t.kind = TokenKind::PrefixedName;
    t.text = std::move(text);
    advance(i);
    return std::nullopt;
  }

  std::optional<Failure> lex_number(Token& t) {
    size_t n = 0;
    bool dot = false, exponent = false;
    while (std::isdigit(static_cast<unsigned char>(peek(n)))) ++n;
    if (peek(n) == '.' && std::isdigit(static_cast<unsigned char>(peek(n + 1)))) {
      dot = true;
      ++n;
      while (std::isdigit(static_cast<unsigned char>(peek(n)))) ++n;
    }
    if (peek(n) == 'e' || peek(n) == 'E') {
      size_t m = n + 1;
      if (peek(m) == '+' || peek(m) == '-') ++m;
      if (std::isdigit(static_cast<unsigned char>(peek(m)))) {
        exponent = true;
        n = m;
        while (std::isdigit(static_cast<unsigned char>(peek(n)))) ++n;
      }
    }
    t.kind = exponent ? TokenKind::Double : dot ? TokenKind::Decimal : TokenKind::Integer;
    t.text = std::string(s_.substr(pos_, n));
    advance(n);
    return std::nullopt;
  }

  std::optional<Failure> lex_string(Token& t) {
    const char quote = peek();
    const bool long_form = peek(1) == quote && peek(2) == quote;
    const int start_line = line_, start_column = column();
    advance(long_form ? 3 : 1);
    std::string value;
    while (true) {
      if (pos_ >= s_.size()) {
        return fail("parse error at line {}, column {}: unterminated string", start_line,
                    start_column);
      }
      char c = peek();
      if (long_form) {
        if (c == quote && peek(1) == quote && peek(2) == quote) {
          advance(3);
          break;
        }
      } else if (c == quote) {
        advance();
        break;
      } else if (c == '\n' || c == '\r') {
        return fail("parse error at line {}, column {}: unterminated string", start_line,
                    start_column);
      }
      if (c == '\\') {
        if (auto failure = lex_escape(value)) return failure;
        continue;
      }
      value += c;
      advance();
    }
    t.kind = TokenKind::String;
    t.text = std::move(value);
    return std::nullopt;
  }

  std::optional<Failure> lex_escape(std::string& value) {
    char e = peek(1);
    switch (e) {
      case 't':
        value += '\t';
        break;
      case 'n':
        value += '\n';
        break;
      case 'r':
        value += '\r';
        break;
      case 'b':
        value += '\b';
        break;
      case 'f':
        value += '\f';
        break;
      case '"':
        value += '"';
        break;
      case '\'':
        value += '\'';
        break;
      case '\\':
        value += '\\';
        break;
      case 'u':
      case 'U': {
        size_t digits = e == 'u' ? 4 : 8;
        uint32_t cp = 0;
        for (size_t i = 0; i < digits; ++i) {
          char h = peek(2 + i);
          if (!std::isxdigit(static_cast<unsigned char>(h))) {
            return error_here("bad \\u escape in string");
          }
          cp = cp * 16 + static_cast<uint32_t>(std::isdigit(static_cast<unsigned char>(h))
                                                   ? h - '0'
                                                   : std::tolower(h) - 'a' + 10);
        }
        append_utf8(value, cp);
        advance(2 + digits);
        return std::nullopt;
      }
      default:
        return error_here(std::string("unknown escape '\\") + e + "' in string");
    }
    advance(2);
    return std::nullopt;
  }

  std::string_view s_;
  size_t pos_ = 0;
  int line_ = 1;
  size_t line_start_ = 0;
};

}  // namespace

std::string describe(const Token& token) {
  switch (token.kind) {
    case TokenKind::End:
      return "end of query";
    case TokenKind::Iri:
      return "<" + token.text + ">";
    case TokenKind::Variable:
      return "?" + token.text;
    case TokenKind::BlankNode:
      return "_:" + token.text;
    case TokenKind::String:
      return "\"" + token.text + "\"";
    case TokenKind::LangTag:
      return "@" + token.text;
    default:
      return "'" + token.text + "'";
  }
}

Result<std::vector<Token>> tokenize(std::string_view query) { return Lexer(query).run(); }

}  // namespace tinykg::sparql
