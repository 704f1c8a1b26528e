// A minimal XML reader for the test suites' files (.srx results and the
// few RDF/XML data files): elements, attributes, text, entities, comments,
// CDATA. Enough for well-formed test files; not a general XML parser.
#pragma once

#include <cctype>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "common/result.h"
#include "common/utf8.h"

namespace tinykg::sparql::conformance {

struct XmlNode {
  std::string name;
  std::map<std::string, std::string> attrs;
  std::vector<XmlNode> children;
  std::string text;
  const XmlNode* child(std::string_view n) const {
    for (const auto& c : children) if (c.name == n) return &c;
    return nullptr;
  }
};

inline std::string decode_entities(std::string_view s) {
  std::string out;
  for (size_t i = 0; i < s.size(); ++i) {
    if (s[i] != '&') { out += s[i]; continue; }
    size_t semi = s.find(';', i);
    if (semi == std::string_view::npos) { out += s[i]; continue; }
    std::string_view ent = s.substr(i + 1, semi - i - 1);
    if (ent == "lt") out += '<';
    else if (ent == "gt") out += '>';
    else if (ent == "amp") out += '&';
    else if (ent == "quot") out += '"';
    else if (ent == "apos") out += '\'';
    else if (!ent.empty() && ent[0] == '#') {
      bool hex = ent.size() > 1 && (ent[1] == 'x' || ent[1] == 'X');
      append_utf8(out, static_cast<uint32_t>(std::stoul(std::string(ent.substr(hex ? 2 : 1)), nullptr, hex ? 16 : 10)));
    } else out.append(s.substr(i, semi - i + 1));
    i = semi;
  }
  return out;
}

class XmlReader {
 public:
  explicit XmlReader(std::string_view s) : s_(s) {}
  Result<XmlNode> document() {
    XmlNode root;
    if (!parse_content(root, "")) return fail("malformed XML near byte {}", pos_);
    for (auto& c : root.children) return std::move(c);
    return fail("XML without a root element");
  }

 private:
  void skip_ws() { while (pos_ < s_.size() && std::isspace(static_cast<unsigned char>(s_[pos_]))) ++pos_; }
  std::string name() {
    size_t start = pos_;
    while (pos_ < s_.size() && !std::isspace(static_cast<unsigned char>(s_[pos_])) &&
           s_[pos_] != '>' && s_[pos_] != '/' && s_[pos_] != '=') ++pos_;
    return std::string(s_.substr(start, pos_ - start));
  }
  // Reads children and text of `parent` until </end> (or the end of input).
  bool parse_content(XmlNode& parent, const std::string& end) {
    while (pos_ < s_.size()) {
      size_t lt = s_.find('<', pos_);
      if (lt == std::string_view::npos) lt = s_.size();
      parent.text += decode_entities(s_.substr(pos_, lt - pos_));
      pos_ = lt;
      if (pos_ >= s_.size()) return end.empty();
      if (s_.substr(pos_, 4) == "<!--") { pos_ = s_.find("-->", pos_); if (pos_ == std::string_view::npos) return false; pos_ += 3; continue; }
      if (s_.substr(pos_, 9) == "<![CDATA[") {
        size_t e = s_.find("]]>", pos_);
        if (e == std::string_view::npos) return false;
        parent.text += s_.substr(pos_ + 9, e - pos_ - 9);
        pos_ = e + 3;
        continue;
      }
      if (s_.substr(pos_, 2) == "<?" || s_.substr(pos_, 2) == "<!") { pos_ = s_.find('>', pos_); if (pos_ == std::string_view::npos) return false; ++pos_; continue; }
      if (s_.substr(pos_, 2) == "</") {
        pos_ += 2;
        std::string n = name();
        pos_ = s_.find('>', pos_);
        if (pos_ == std::string_view::npos) return false;
        ++pos_;
        return n == end;
      }
      ++pos_;
      XmlNode node;
      node.name = name();
      for (;;) {
        skip_ws();
        if (pos_ >= s_.size()) return false;
        if (s_[pos_] == '/') { pos_ += 2; break; }
        if (s_[pos_] == '>') { ++pos_; if (!parse_content(node, node.name)) return false; break; }
        std::string attr = name();
        skip_ws();
        if (pos_ >= s_.size() || s_[pos_] != '=') return false;
        ++pos_;
        skip_ws();
        char q = s_[pos_++];
        size_t e = s_.find(q, pos_);
        if (e == std::string_view::npos) return false;
        node.attrs[attr] = decode_entities(s_.substr(pos_, e - pos_));
        pos_ = e + 1;
      }
      parent.children.push_back(std::move(node));
    }
    return end.empty();
  }
  std::string_view s_;
  size_t pos_ = 0;
};


}  // namespace tinykg::sparql::conformance
