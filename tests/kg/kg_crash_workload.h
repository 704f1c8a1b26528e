// The knowledge-graph crash harness's workload, shared by its driver (which
// writes it) and the harness (which checks it). Batch b is, by parity:
//   even: a SPARQL Update, INSERT DATA of kUpdateTriples triples into the
//         graph <http://crash/u/b>;
//   odd:  a model import of reference model (b / 2) % N under its own name
//         and identifier, so every import is a new model.
#pragma once

#include <cstdint>
#include <string>

#include <fmt/format.h>

namespace tinykg::crash {

inline constexpr uint64_t kUpdateTriples = 20;

inline bool is_model_import(uint64_t batch) { return batch % 2 == 1; }

inline std::string update_graph(uint64_t batch) { return fmt::format("http://crash/u/{}", batch); }

inline std::string update_of(uint64_t batch) {
  std::string data;
  for (uint64_t i = 0; i < kUpdateTriples; ++i) {
    data += fmt::format("<http://crash/s/{}/{}> <http://crash/p> \"value {}\" . ", batch, i, i);
  }
  return fmt::format("INSERT DATA {{ GRAPH <{}> {{ {} }} }}", update_graph(batch), data);
}

// A UUID of the batch, the model's identifier (and so its IRI).
inline std::string model_identifier(uint64_t batch) {
  return fmt::format("00000000-0000-4000-8000-{:012d}", batch);
}

inline std::string model_card_json(uint64_t batch) {
  return fmt::format(R"({{"name": "crash-model-{}", "identifier": "{}"}})", batch,
                     model_identifier(batch));
}

// Triples of a model description reachable in at most two hops from its IRI:
// enough to see a half-written import, cheap enough to run after every kill.
inline std::string model_triples_query(const std::string& model_iri) {
  return fmt::format(
      "SELECT (COUNT(*) AS ?n) WHERE {{ {{ <{0}> ?p ?o }} UNION {{ <{0}> ?p1 ?x . ?x ?p ?o }} }}",
      model_iri);
}

}  // namespace tinykg::crash
