// Namespace IRIs of every vocabulary in a tinykg graph: the single source of
// truth for kg/ (model mapping), the CLI's prefix tables and tests.
// Use as vocab::kNnet, vocab::term(vocab::kNnet, "Conv2D").
// The nnet and *_extend namespaces are those of the reference graph of
// "How to Manage TinyML at Scale", so its SPARQL queries run unchanged;
// data/ontology/nnet.ttl documents the terms.
#pragma once

#include <array>
#include <string>
#include <string_view>

#include "rdf/term.h"

namespace tinykg::kg::vocab {

// Reference vocabularies (tinyml-schema.org).
inline constexpr std::string_view kNnet = "http://tinyml-schema.org/networkschema#";
inline constexpr std::string_view kS3nExtend = "http://tinyml-schema.org/s3n_extend/";
inline constexpr std::string_view kSosaExtend = "http://tinyml-schema.org/sosa_extend/";
inline constexpr std::string_view kSsnExtend = "http://tinyml-schema.org/ssn_extend/";
// Where network individuals live: <kNeuralNetworkBase><uuid>, <...>metric_1_<uuid>, ...
inline constexpr std::string_view kNeuralNetworkBase = "http://tinyml-schema.org/neuralnetwork/";

// Standard vocabularies.
inline constexpr std::string_view kS3n = "http://w3id.org/s3n/";
inline constexpr std::string_view kSsn = "http://www.w3.org/ns/ssn/";
inline constexpr std::string_view kSosa = "http://www.w3.org/ns/sosa/";
inline constexpr std::string_view kSsnSystem = "http://www.w3.org/ns/ssn/systems/";
inline constexpr std::string_view kSchema = "https://schema.org/";
inline constexpr std::string_view kOm = "http://www.ontology-of-units-of-measure.org/resource/om-2/";
inline constexpr std::string_view kRdf = "http://www.w3.org/1999/02/22-rdf-syntax-ns#";
inline constexpr std::string_view kRdfs = "http://www.w3.org/2000/01/rdf-schema#";
inline constexpr std::string_view kXsd = "http://www.w3.org/2001/XMLSchema#";
inline constexpr std::string_view kOwl = "http://www.w3.org/2002/07/owl#";
// W3C Web of Things Thing Description 1.1 and its companion vocabularies.
inline constexpr std::string_view kTd = "https://www.w3.org/2019/wot/td#";
inline constexpr std::string_view kHctl = "https://www.w3.org/2019/wot/hypermedia#";
inline constexpr std::string_view kJsonSchema = "https://www.w3.org/2019/wot/json-schema#";
inline constexpr std::string_view kWotSecurity = "https://www.w3.org/2019/wot/security#";

struct Prefix {
  std::string_view name;
  std::string_view iri;
};

// Prefixes for writers and the query console. The names follow the reference
// Turtle files and the benchmark queries (ssn-system, s3n_extend, ...).
inline constexpr std::array<Prefix, 19> kPrefixes = {{
    {"nnet", kNnet},
    {"s3n_extend", kS3nExtend},
    {"sosa_extend", kSosaExtend},
    {"ssn_extend", kSsnExtend},
    {"nn", kNeuralNetworkBase},
    {"s3n", kS3n},
    {"ssn", kSsn},
    {"sosa", kSosa},
    {"ssn-system", kSsnSystem},
    {"schema", kSchema},
    {"om", kOm},
    {"rdf", kRdf},
    {"rdfs", kRdfs},
    {"xsd", kXsd},
    {"owl", kOwl},
    {"td", kTd},
    {"hctl", kHctl},
    {"jsonschema", kJsonSchema},
    {"wotsec", kWotSecurity},
}};

// The IRI term <ns + local>, e.g. term(kNnet, "Conv2D").
inline rdf::Term term(std::string_view ns, std::string_view local) {
  std::string iri;
  iri.reserve(ns.size() + local.size());
  iri.append(ns).append(local);
  return rdf::Term::iri(std::move(iri));
}

}  // namespace tinykg::kg::vocab
