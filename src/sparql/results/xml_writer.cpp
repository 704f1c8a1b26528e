// SPARQL Query Results XML Format (Second Edition, W3C Recommendation 2013),
// media type application/sparql-results+xml; also the ASK form.
#include "sparql/results/writers.h"

namespace tinykg::sparql {
namespace {

std::string xml_escape(std::string_view s) {
  std::string out;
  for (char c : s) {
    switch (c) {
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '&': out += "&amp;"; break;
      case '"': out += "&quot;"; break;
      default: out += c;
    }
  }
  return out;
}

constexpr const char* kHeader =
    "<?xml version=\"1.0\"?>\n"
    "<sparql xmlns=\"http://www.w3.org/2005/sparql-results#\">\n";

}  // namespace

void write_xml(std::ostream& out, const ResultTable& table) {
  out << kHeader << "  <head>\n";
  for (const std::string& v : table.variables) out << "    <variable name=\"" << xml_escape(v) << "\"/>\n";
  out << "  </head>\n  <results>\n";
  for (const auto& row : table.rows) {
    out << "    <result>\n";
    for (size_t i = 0; i < table.variables.size(); ++i) {
      if (!row[i]) continue;  // unbound: no binding element
      const rdf::Term& t = *row[i];
      out << "      <binding name=\"" << xml_escape(table.variables[i]) << "\">";
      if (t.is_iri()) {
        out << "<uri>" << xml_escape(t.value) << "</uri>";
      } else if (t.is_blank()) {
        out << "<bnode>" << xml_escape(t.value) << "</bnode>";
      } else if (!t.lang.empty()) {
        out << "<literal xml:lang=\"" << xml_escape(t.lang) << "\">" << xml_escape(t.value)
            << "</literal>";
      } else if (!t.datatype.empty()) {
        out << "<literal datatype=\"" << xml_escape(t.datatype) << "\">" << xml_escape(t.value)
            << "</literal>";
      } else {
        out << "<literal>" << xml_escape(t.value) << "</literal>";
      }
      out << "</binding>\n";
    }
    out << "    </result>\n";
  }
  out << "  </results>\n</sparql>\n";
}

void write_boolean(std::ostream& out, bool value, ResultFormat format) {
  switch (format) {
    case ResultFormat::Xml:
      out << kHeader << "  <head/>\n  <boolean>" << (value ? "true" : "false")
          << "</boolean>\n</sparql>\n";
      return;
    case ResultFormat::Json:
      out << "{\"head\":{},\"boolean\":" << (value ? "true" : "false") << "}\n";
      return;
    case ResultFormat::Table:
    case ResultFormat::Csv:
    case ResultFormat::Tsv:
      // CSV/TSV define no boolean form; the bare word is what tools print.
      out << (value ? "true" : "false") << "\n";
      return;
  }
}

}  // namespace tinykg::sparql
