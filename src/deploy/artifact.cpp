#include "deploy/artifact.h"

#include <filesystem>
#include <fstream>
#include <sstream>

#include <fmt/format.h>

#include "kg/content_id.h"
#include "rdf/term.h"

namespace tinykg::deploy {

namespace fs = std::filesystem;

std::string sha256_hex(std::string_view bytes) { return kg::to_hex(kg::sha256(bytes)); }

ArtifactStore::ArtifactStore(kg::KnowledgeGraph& graph)
    : graph_(graph), dir_((fs::path(graph.store().path()) / "artifacts").string()) {}

std::string ArtifactStore::path_of(const std::string& sha256) const {
  return (fs::path(dir_) / (sha256 + ".tflite")).string();
}

Result<Artifact> ArtifactStore::put(const std::string& model_iri, std::string bytes) {
  Artifact artifact{model_iri, sha256_hex(bytes), std::move(bytes)};
  const std::string path = path_of(artifact.sha256);
  std::error_code ec;
  fs::create_directories(dir_, ec);
  if (ec) return fail("cannot create {}: {}", dir_, ec.message());
  if (!fs::exists(path)) {
    // Write then rename: a crash never leaves a truncated file under the hash name.
    const std::string tmp = path + ".part";
    {
      std::ofstream out(tmp, std::ios::binary | std::ios::trunc);
      out.write(artifact.bytes.data(), static_cast<std::streamsize>(artifact.bytes.size()));
      if (!out) return fail("cannot write {}", tmp);
    }
    fs::rename(tmp, path, ec);
    if (ec) return fail("cannot store artifact {}: {}", path, ec.message());
  }
  const std::string model = rdf::Term::iri(model_iri).to_ntriples();
  const std::string update = fmt::format(
      "DELETE WHERE {{ GRAPH <{0}> {{ {1} <{2}sha256> ?h ; <{2}sizeBytes> ?n }} }} ;\n"
      "INSERT DATA {{ GRAPH <{0}> {{ {1} <{2}sha256> \"{3}\" ; <{2}sizeBytes> {4} }} }}",
      kArtifactGraph, model, kTkg, artifact.sha256, artifact.size());
  Status st = graph_.update(update);
  if (!st) return fail("cannot record the artifact of {}: {}", model_iri, st.error());
  return artifact;
}

Result<Artifact> ArtifactStore::put_file(const std::string& model_iri, const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return fail("cannot read {}", path);
  std::ostringstream buffer;
  buffer << in.rdbuf();
  return put(model_iri, buffer.str());
}

Result<std::string> ArtifactStore::bytes_of(const std::string& sha256) const {
  const std::string path = path_of(sha256);
  std::ifstream in(path, std::ios::binary);
  if (!in) return fail("artifact {} is missing from {}", sha256, dir_);
  std::ostringstream buffer;
  buffer << in.rdbuf();
  std::string bytes = buffer.str();
  if (sha256_hex(bytes) != sha256) return fail("artifact file {} does not match its hash", path);
  return bytes;
}

Result<Artifact> ArtifactStore::get(const std::string& model_iri) const {
  auto table = graph_.query(fmt::format(
      "SELECT ?h WHERE {{ GRAPH <{}> {{ {} <{}sha256> ?h }} }}", kArtifactGraph,
      rdf::Term::iri(model_iri).to_ntriples(), kTkg));
  if (!table) return fail("artifact lookup failed: {}", table.error());
  if (table->rows.empty() || !table->rows[0][0]) {
    return fail("no .tflite bytes stored for {}: add the model again with `tinykg model add` "
                "or give the file (--file)", model_iri);
  }
  const std::string sha = table->rows[0][0]->value;
  auto bytes = bytes_of(sha);
  if (!bytes) return bytes.failure();
  return Artifact{model_iri, sha, std::move(bytes).value()};
}

}  // namespace tinykg::deploy
