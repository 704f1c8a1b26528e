// Model versions, tags and lineage, in RDF. Every upload stays its own model
// resource (nn:<uuid>, content-addressed); models that share a schema:name are
// versions of one another:
//
//   nn:U2 nnet:version 2 ; nnet:previousVersion nn:U1 ;
//         nnet:tag "production" ;                       # labels, any number
//         nnet:source <https://...> ; nnet:trainingRun "run-42" ;
//         nnet:parentModel nn:P .                       # lineage (model card)
//
// Version numbers count uploads of a name from 1; the latest version of a
// name is the one with the highest number. Deleting a version relinks its
// successor to its predecessor and leaves the other numbers as they are, so
// a number keeps naming the same bytes (only deleting the latest version
// frees its number for the next upload). The helpers below are
// SPARQL texts and quads so that the facade applies them the same way to the
// embedded store (inside its write transaction) and to a remote store.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "rdf/term.h"
#include "sparql/results/result_table.h"

namespace tinykg::kg {

struct ModelVersion {
  std::string identifier;
  int64_t version = 0;  // 0: imported without a version (e.g. the reference graph)
};

// SELECT ?uuid ?version of the models named `name`, oldest version first.
std::string model_versions_query(std::string_view name);
// The rows of model_versions_query as versions.
std::vector<ModelVersion> model_versions_from(const sparql::ResultTable& table);

// What a new upload of a name becomes: one more than every version so far
// (unversioned models of the name count as taken numbers), following the
// latest one.
struct VersionLink {
  int64_t version = 1;
  std::optional<std::string> previous_identifier;
};
VersionLink next_version(const std::vector<ModelVersion>& existing);
std::vector<rdf::Quad> version_quads(std::string_view model_iri, const VersionLink& link);

// SPARQL Update that points the successor of `model_iri` at its predecessor
// (or at nothing), run before the model is deleted.
std::string relink_successor_update(std::string_view model_iri);

// INSERT DATA / DELETE DATA of one nnet:tag literal.
std::string tag_update(std::string_view model_iri, std::string_view tag, bool add);

}  // namespace tinykg::kg
