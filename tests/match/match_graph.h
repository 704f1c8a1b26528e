// Test fixture: a knowledge graph in a temporary directory, filled from
// inline Turtle (with the prefixes of board and model descriptions), and a
// Matcher over one snapshot of it.
#pragma once

#include <gtest/gtest.h>

#include <memory>
#include <string>

#include "kg/knowledge_graph.h"
#include "match/matcher.h"
#include "test_support.h"

namespace tinykg::match::testing {

inline constexpr const char* kPrefixes = R"(
@prefix rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#> .
@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
@prefix s3n: <http://w3id.org/s3n/> .
@prefix ssn: <http://www.w3.org/ns/ssn/> .
@prefix sys: <http://www.w3.org/ns/ssn/systems/> .
@prefix sosa: <http://www.w3.org/ns/sosa/> .
@prefix schema: <https://schema.org/> .
@prefix om: <http://www.ontology-of-units-of-measure.org/resource/om-2/> .
@prefix nnet: <http://tinyml-schema.org/networkschema#> .
@prefix s3x: <http://tinyml-schema.org/s3n_extend/> .
@prefix sox: <http://tinyml-schema.org/sosa_extend/> .
@prefix ssx: <http://tinyml-schema.org/ssn_extend/> .
@prefix td: <https://www.w3.org/2019/wot/td#> .
@prefix ex: <http://example.org/> .
)";

inline const std::string kSox = "http://tinyml-schema.org/sosa_extend/";

class MatchGraph {
 public:
  explicit MatchGraph(const std::string& turtle = "") {
    graph_ = std::move(kg::KnowledgeGraph::open(dir_ / "db")).value_or_throw();
    if (!turtle.empty()) add(turtle);
  }
  void add(const std::string& turtle) {
    auto r = graph_->add_rdf(std::string(kPrefixes) + turtle, rdf::Syntax::Turtle, "");
    if (!r) throw Error("bad test data: " + r.error());
  }
  kg::KnowledgeGraph& graph() { return *graph_; }
  // A fresh snapshot and matcher (after add()).
  Matcher& matcher() {
    matcher_.reset();
    source_ = std::make_unique<StoreSource>(graph_->store());
    matcher_ = std::make_unique<Matcher>(*source_);
    return *matcher_;
  }
  const SparqlSource& source() {
    matcher();
    return *source_;
  }

 private:
  tinykg::testing::TempDir dir_;
  std::unique_ptr<kg::KnowledgeGraph> graph_;
  std::unique_ptr<StoreSource> source_;
  std::unique_ptr<Matcher> matcher_;
};

// Turtle for one board: sensors as sosa_extend local names, RAM / Flash as
// Turtle object text ("172", "\"1.5\"^^xsd:double", "" = not stated), with an
// optional unit IRI text for both.
inline std::string board_ttl(const std::string& iri, const std::vector<std::string>& sensors,
                             const std::string& ram, const std::string& flash,
                             const std::string& unit = "") {
  std::string t = "<" + iri + "> a s3n:SmartSensor ; ssn:hasSubSystem <" + iri + "/mcu>";
  for (const auto& s : sensors) t += ", <" + iri + "/sensor/" + s + ">";
  t += " .\n";
  for (const auto& s : sensors) {
    t += "<" + iri + "/sensor/" + s + "> a sox:" + s + ", sosa:Sensor .\n";
  }
  t += "<" + iri + "/mcu> a s3n:MicroController ; s3n:hasSystemCapability <" + iri + "/cap> .\n";
  std::string unit_part = unit.empty() ? "" : " ; schema:unitCode " + unit;
  if (!ram.empty()) {
    t += "<" + iri + "/cap> sys:hasSystemProperty <" + iri + "/ram> .\n";
    t += "<" + iri + "/ram> a s3x:RAM, s3n:Memory ; schema:value " + ram + unit_part + " .\n";
  }
  if (!flash.empty()) {
    t += "<" + iri + "/cap> sys:hasSystemProperty <" + iri + "/flash> .\n";
    t += "<" + iri + "/flash> a s3x:Flash, s3n:Memory ; schema:value " + flash + unit_part + " .\n";
  }
  return t;
}

// Turtle for one model in the nnet shape (conditions with blank nodes).
inline std::string model_ttl(const std::string& iri, const std::string& name,
                             const std::vector<std::string>& sensors, const std::string& ram,
                             const std::string& flash, const std::string& extra = "") {
  std::string t = "<" + iri + "> a nnet:NeuralNetwork ; schema:name \"" + name +
                  "\" ; schema:identifier \"id-" + name + "\" ; ssn:hasInput <" + iri + "/in>";
  if (!ram.empty()) {
    t += " ; s3n:hasProcedureFeature [ sys:inCondition [ a s3x:RAM ; schema:minValue " + ram +
         " ] ]";
  }
  if (!flash.empty()) {
    t += " ; s3n:hasProcedureFeature [ sys:inCondition [ a s3x:Flash ; schema:minValue " + flash +
         " ] ]";
  }
  t += extra + " .\n";
  for (const auto& s : sensors) {
    t += "<" + iri + "/sensor/" + s + "> a sox:" + s + ", sosa:Sensor ; ssx:provideInput <" +
         iri + "/in> .\n";
  }
  return t;
}

}  // namespace tinykg::match::testing
