#include "conformance/rdfxml_reader.h"

#include "conformance/expected_results.h"
#include "conformance/xml_reader.h"

namespace tinykg::sparql::conformance {
namespace {

const std::string kRdfNs = "http://www.w3.org/1999/02/22-rdf-syntax-ns#";

class RdfXmlReader {
 public:
  RdfXmlReader(std::string base, const std::function<void(const rdf::Quad&)>& sink)
      : base_(std::move(base)), sink_(sink) {}

  void document(const XmlNode& root) {
    Namespaces ns;
    declare(root, ns);
    for (const XmlNode& n : root.children) node(n, ns);
  }

 private:
  using Namespaces = std::map<std::string, std::string>;

  static void declare(const XmlNode& n, Namespaces& ns) {
    for (const auto& [k, v] : n.attrs) {
      if (k.rfind("xmlns:", 0) == 0) ns[k.substr(6)] = v;
      else if (k == "xmlns") ns[""] = v;
    }
  }
  static std::string expand(const std::string& qname, const Namespaces& ns) {
    size_t colon = qname.find(':');
    std::string prefix = colon == std::string::npos ? "" : qname.substr(0, colon);
    auto it = ns.find(prefix);
    return (it == ns.end() ? "" : it->second) + qname.substr(colon == std::string::npos ? 0 : colon + 1);
  }
  std::string resolve(const std::string& ref) const {
    if (ref.find(':') != std::string::npos) return ref;
    if (ref.empty()) return base_;
    if (ref[0] == '#') return base_.substr(0, base_.find('#')) + ref;
    return base_.substr(0, base_.rfind('/') + 1) + ref;
  }
  static const std::string* attr(const XmlNode& n, const std::string& name) {
    auto it = n.attrs.find(name);
    return it == n.attrs.end() ? nullptr : &it->second;
  }
  void emit(const rdf::Term& s, const std::string& p, const rdf::Term& o) {
    sink_(rdf::Quad{s, rdf::Term::iri(p), o, rdf::Term::iri("")});
  }

  rdf::Term node(const XmlNode& n, Namespaces ns) {
    declare(n, ns);
    rdf::Term subject;
    if (const auto* about = attr(n, "rdf:about")) subject = rdf::Term::iri(resolve(*about));
    else if (const auto* id = attr(n, "rdf:ID")) subject = rdf::Term::iri(resolve("#" + *id));
    else if (const auto* node_id = attr(n, "rdf:nodeID")) subject = rdf::Term::blank("x" + *node_id);
    else subject = rdf::Term::blank("anon" + std::to_string(++blank_count_));
    std::string type = expand(n.name, ns);
    if (type != kRdfNs + "Description") emit(subject, kRdfNs + "type", rdf::Term::iri(type));
    for (const auto& [k, v] : n.attrs) {
      if (k.rfind("xmlns", 0) == 0 || k.rfind("rdf:", 0) == 0 || k.rfind("xml:", 0) == 0) continue;
      emit(subject, expand(k, ns), rdf::Term::literal(v));
    }
    for (const XmlNode& p : n.children) property(subject, p, ns);
    return subject;
  }

  void property(const rdf::Term& subject, const XmlNode& p, Namespaces ns) {
    declare(p, ns);
    std::string predicate = expand(p.name, ns);
    if (const auto* res = attr(p, "rdf:resource")) {
      emit(subject, predicate, rdf::Term::iri(resolve(*res)));
    } else if (const auto* node_id = attr(p, "rdf:nodeID")) {
      emit(subject, predicate, rdf::Term::blank("x" + *node_id));
    } else if (!p.children.empty()) {
      emit(subject, predicate, node(p.children.front(), ns));
    } else {
      const auto* dt = attr(p, "rdf:datatype");
      const auto* lang = attr(p, "xml:lang");
      emit(subject, predicate, rdf::Term::literal(p.text, dt ? *dt : "", lang ? *lang : ""));
    }
  }

  std::string base_;
  const std::function<void(const rdf::Quad&)>& sink_;
  int blank_count_ = 0;
};

}  // namespace

Status read_rdfxml_file(const std::string& path, const std::function<void(const rdf::Quad&)>& sink) {
  auto text = read_text(path);
  if (!text) return text.failure();
  auto doc = XmlReader(*text).document();
  if (!doc) return fail("{}: {}", path, doc.error());
  RdfXmlReader(("file://" + path), sink).document(*doc);
  return Status::Ok();
}

}  // namespace tinykg::sparql::conformance
