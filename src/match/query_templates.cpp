#include "match/query_templates.h"

#include <fmt/format.h>

#include "rdf/term.h"

namespace tinykg::match::templates {

namespace {

constexpr std::string_view kPrefixes =
    "PREFIX rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#>\n"
    "PREFIX s3n: <http://w3id.org/s3n/>\n"
    "PREFIX ssn: <http://www.w3.org/ns/ssn/>\n"
    "PREFIX sys: <http://www.w3.org/ns/ssn/systems/>\n"
    "PREFIX schema: <https://schema.org/>\n"
    "PREFIX nnet: <http://tinyml-schema.org/networkschema#>\n"
    "PREFIX s3x: <http://tinyml-schema.org/s3n_extend/>\n"
    "PREFIX ssx: <http://tinyml-schema.org/ssn_extend/>\n"
    "PREFIX td: <https://www.w3.org/2019/wot/td#>\n"
    "PREFIX tkg: <https://tinykg.dev/ns#>\n";

// The subject of a template ("?device" or "<iri>") and the matching
// projection ("?device " or nothing).
std::string subject(const Scope& s, std::string_view var) {
  return s.all() ? fmt::format("?{}", var) : fmt::format("<{}>", s.iri);
}
std::string projected(const Scope& s, std::string_view var) {
  return s.all() ? fmt::format("?{} ", var) : std::string();
}

std::string quoted(std::string_view text) {
  return "\"" + rdf::escape_string(text) + "\"";
}

}  // namespace

std::string_view prefixes() { return kPrefixes; }

std::string devices(const Scope& s) {
  if (!s.all()) {
    // One board: the type triple itself tells whether it exists.
    return fmt::format("{}SELECT ?type WHERE {{ <{}> a ?type . FILTER(?type = s3n:SmartSensor) }}",
                       kPrefixes, s.iri);
  }
  return fmt::format("{}SELECT ?device WHERE {{ ?device a s3n:SmartSensor . }}", kPrefixes);
}

std::string device_parts(const Scope& s) {
  return fmt::format(
      "{}SELECT {}?part ?type WHERE {{\n"
      "  {} a s3n:SmartSensor ; ssn:hasSubSystem ?part .\n"
      "  ?part a ?type .\n}}",
      kPrefixes, projected(s, "device"), subject(s, "device"));
}

std::string device_memory(const Scope& s, bool with_unit) {
  return fmt::format(
      "{}SELECT {}?property ?kind ?value{} WHERE {{\n"
      "  {} a s3n:SmartSensor ; ssn:hasSubSystem ?mcu .\n"
      "  ?mcu s3n:hasSystemCapability ?capability .\n"
      "  ?capability sys:hasSystemProperty ?property .\n"
      "  ?property a ?kind ; schema:value ?value{} .\n"
      "  FILTER(?kind = s3x:RAM || ?kind = s3x:Flash)\n}}",
      kPrefixes, projected(s, "device"), with_unit ? " ?unit" : "", subject(s, "device"),
      with_unit ? " ; schema:unitCode ?unit" : "");
}

std::string device_attribute(const Scope& s, std::string_view predicate_iri) {
  return fmt::format("{}SELECT {}?value WHERE {{ {} a s3n:SmartSensor ; <{}> ?value . }}",
                     kPrefixes, projected(s, "device"), subject(s, "device"), predicate_iri);
}

std::string device_part_attribute(const Scope& s, std::string_view predicate_iri) {
  return fmt::format(
      "{}SELECT {}?value WHERE {{ {} a s3n:SmartSensor ; ssn:hasSubSystem ?part . "
      "?part <{}> ?value . }}",
      kPrefixes, projected(s, "device"), subject(s, "device"), predicate_iri);
}

std::string models(const Scope& s) {
  if (!s.all()) {
    return fmt::format(
        "{}SELECT ?type WHERE {{ <{}> a ?type . FILTER(?type = nnet:NeuralNetwork) }}", kPrefixes,
        s.iri);
  }
  return fmt::format("{}SELECT ?model WHERE {{ ?model a nnet:NeuralNetwork . }}", kPrefixes);
}

std::string model_attribute(const Scope& s, std::string_view predicate_iri) {
  return fmt::format("{}SELECT {}?value WHERE {{ {} a nnet:NeuralNetwork ; <{}> ?value . }}",
                     kPrefixes, projected(s, "model"), subject(s, "model"), predicate_iri);
}

std::string model_memory(const Scope& s, bool with_unit) {
  return fmt::format(
      "{}SELECT {}?condition ?kind ?value{} WHERE {{\n"
      "  {} a nnet:NeuralNetwork ; s3n:hasProcedureFeature ?feature .\n"
      "  ?feature sys:inCondition ?condition .\n"
      "  ?condition a ?kind ; schema:minValue ?value{} .\n"
      "  FILTER(?kind = s3x:RAM || ?kind = s3x:Flash)\n}}",
      kPrefixes, projected(s, "model"), with_unit ? " ?unit" : "", subject(s, "model"),
      with_unit ? " ; schema:unitCode ?unit" : "");
}

std::string model_sensors(const Scope& s) {
  return fmt::format(
      "{}SELECT DISTINCT {}?type WHERE {{\n"
      "  {} a nnet:NeuralNetwork ; ssn:hasInput ?input .\n"
      "  ?sensor ssx:provideInput ?input ; a ?type .\n}}",
      kPrefixes, projected(s, "model"), subject(s, "model"));
}

std::string model_accuracy(const Scope& s) {
  return fmt::format(
      "{}SELECT {}?value WHERE {{\n"
      "  {} a nnet:NeuralNetwork ; nnet:hasMetric ?metric .\n"
      "  ?metric a nnet:Top_1_accuracy ; nnet:hasMetricValue ?value .\n}}",
      kPrefixes, projected(s, "model"), subject(s, "model"));
}

std::string model_operators(const Scope& s, std::string_view layer_link) {
  return fmt::format(
      "{}SELECT DISTINCT {}?op WHERE {{\n"
      "  {} a nnet:NeuralNetwork ; <{}> ?layer .\n"
      "  ?layer nnet:hasType ?op .\n}}",
      kPrefixes, projected(s, "model"), subject(s, "model"), layer_link);
}

std::string model_layers(const Scope& s) {
  return fmt::format(
      "{}SELECT DISTINCT {}?layer ?code ?macs WHERE {{\n"
      "  {} a nnet:NeuralNetwork ; ?link ?layer .\n"
      "  ?layer a nnet:Layer ; nnet:hasOperatorCode ?code ; nnet:hasMultiplyAccumulateOps ?macs .\n}}",
      kPrefixes, projected(s, "model"), subject(s, "model"));
}

std::string model_operator_codes(const Scope& s, bool custom_only) {
  return fmt::format(
      "{}SELECT DISTINCT {}?code WHERE {{\n"
      "  {} a nnet:NeuralNetwork ; ?link ?layer .\n"
      "  ?layer a nnet:Layer ; nnet:hasOperatorCode ?code{} .\n}}",
      kPrefixes, projected(s, "model"), subject(s, "model"),
      custom_only ? " ; nnet:isCustomOperator true" : "");
}

std::string model_float_layers(const Scope& s) {
  return fmt::format(
      "{}SELECT DISTINCT {}?layer WHERE {{\n"
      "  {} a nnet:NeuralNetwork ; ?link ?layer .\n"
      "  ?layer a nnet:Layer ; nnet:hasQuantization ?q .\n"
      "  FILTER(?q = nnet:Float32 || ?q = nnet:Float16)\n}}",
      kPrefixes, projected(s, "model"), subject(s, "model"));
}

std::string models_with(std::string_view predicate_iri, std::string_view text) {
  return fmt::format("{}SELECT DISTINCT ?model WHERE {{ ?model a nnet:NeuralNetwork ; <{}> ?v . "
                     "FILTER(str(?v) = {}) }} ORDER BY ?model",
                     kPrefixes, predicate_iri, quoted(text));
}

std::string devices_with_title(std::string_view title) {
  return fmt::format("{}SELECT DISTINCT ?device WHERE {{ ?device a s3n:SmartSensor ; td:title ?t . "
                     "FILTER(str(?t) = {}) }} ORDER BY ?device",
                     kPrefixes, quoted(title));
}

std::string devices_ending_with(std::string_view tail) {
  return fmt::format(
      "{}SELECT ?device WHERE {{ ?device a s3n:SmartSensor . FILTER(isIRI(?device) && ("
      "strEnds(str(?device), {}) || strEnds(str(?device), {}) || strEnds(str(?device), {}))) }} "
      "ORDER BY ?device",
      kPrefixes, quoted("/" + std::string(tail)), quoted("-" + std::string(tail)),
      quoted("#" + std::string(tail)));
}

Result<std::string> checked_iri(std::string_view iri) {
  if (iri.empty()) return fail("empty IRI");
  for (char c : iri) {
    if (static_cast<unsigned char>(c) <= 0x20 ||
        std::string_view("<>\"{}|^`\\").find(c) != std::string_view::npos) {
      return fail("'{}' is not a usable IRI (character '{}' is not allowed in an IRI)", iri, c);
    }
  }
  return std::string(iri);
}

}  // namespace tinykg::match::templates
