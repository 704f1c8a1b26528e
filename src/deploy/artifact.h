// Model artifacts: the .tflite bytes a campaign sends, with the SHA-256 and
// size the device must confirm. The knowledge graph describes a model (nnet
// terms) but does not keep its bytes, so they live beside the store:
//
//   <db>/artifacts/<sha256>.tflite          the bytes, content-addressed
//   graph <https://tinykg.dev/artifacts>:   <model> tkg:sha256 "…" ; tkg:sizeBytes N .
//
// `tinykg model add`, POST /api/models and a campaign created from a file
// (`tinykg deploy MODEL --file X.tflite`) all call ArtifactStore::put.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "common/result.h"
#include "kg/knowledge_graph.h"

namespace tinykg::deploy {

inline constexpr std::string_view kTkg = "https://tinykg.dev/ns#";
inline constexpr std::string_view kArtifactGraph = "https://tinykg.dev/artifacts";

struct Artifact {
  std::string model_iri;
  std::string sha256;  // lower-case hex
  std::string bytes;
  uint64_t size() const { return bytes.size(); }
};

std::string sha256_hex(std::string_view bytes);

class ArtifactStore {
 public:
  explicit ArtifactStore(kg::KnowledgeGraph& graph);

  // Writes the bytes (once per hash) and records them as the artifact of `model_iri`.
  Result<Artifact> put(const std::string& model_iri, std::string bytes);
  // The same for the bytes of a file (the hook of `tinykg model add`).
  Result<Artifact> put_file(const std::string& model_iri, const std::string& path);
  // The artifact recorded for a model; an error says how to provide one.
  Result<Artifact> get(const std::string& model_iri) const;
  // The bytes of a hash, checked against it (a damaged file is an error).
  Result<std::string> bytes_of(const std::string& sha256) const;

  std::string path_of(const std::string& sha256) const;

 private:
  kg::KnowledgeGraph& graph_;
  std::string dir_;
};

}  // namespace tinykg::deploy
