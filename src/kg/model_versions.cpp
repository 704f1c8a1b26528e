#include "kg/model_versions.h"

#include <algorithm>
#include <cstdlib>

#include <fmt/format.h>

#include "kg/model_mapping.h"
#include "kg/vocabulary.h"

namespace tinykg::kg {
namespace {

std::string literal(std::string_view text) { return rdf::Term::literal(std::string(text)).to_ntriples(); }
std::string iri(std::string_view text) { return rdf::Term::iri(std::string(text)).to_ntriples(); }
std::string nnet(std::string_view local) { return vocab::term(vocab::kNnet, local).to_ntriples(); }

}  // namespace

std::string model_versions_query(std::string_view name) {
  return fmt::format(
      "SELECT ?uuid ?version WHERE {{ ?nn a {} ; <{}name> {} ; <{}identifier> ?uuid . "
      "OPTIONAL {{ ?nn {} ?version }} }} ORDER BY ?version ?uuid",
      nnet("NeuralNetwork"), vocab::kSchema, literal(name), vocab::kSchema, nnet("version"));
}

std::vector<ModelVersion> model_versions_from(const sparql::ResultTable& table) {
  std::vector<ModelVersion> versions;
  for (const auto& row : table.rows) {
    if (!row[0]) continue;
    ModelVersion v{row[0]->value, 0};
    if (row[1]) v.version = std::strtoll(row[1]->value.c_str(), nullptr, 10);
    versions.push_back(std::move(v));
  }
  std::stable_sort(versions.begin(), versions.end(),
                   [](const ModelVersion& a, const ModelVersion& b) { return a.version < b.version; });
  return versions;
}

VersionLink next_version(const std::vector<ModelVersion>& existing) {
  VersionLink link;
  if (existing.empty()) return link;
  int64_t highest = 0;
  for (const ModelVersion& v : existing) highest = std::max(highest, v.version);
  link.version = std::max<int64_t>(highest, static_cast<int64_t>(existing.size())) + 1;
  link.previous_identifier = existing.back().identifier;  // sorted oldest first
  return link;
}

std::vector<rdf::Quad> version_quads(std::string_view model, const VersionLink& link) {
  const rdf::Term subject = rdf::Term::iri(std::string(model));
  std::vector<rdf::Quad> quads{
      {subject, vocab::term(vocab::kNnet, "version"), rdf::Term::integer(link.version), {}}};
  if (link.previous_identifier) {
    quads.push_back({subject, vocab::term(vocab::kNnet, "previousVersion"),
                     rdf::Term::iri(model_iri(*link.previous_identifier)), {}});
  }
  return quads;
}

std::string relink_successor_update(std::string_view model) {
  const std::string previous = nnet("previousVersion");
  return fmt::format(
      "DELETE {{ ?next {0} {1} }} INSERT {{ ?next {0} ?before }} "
      "WHERE {{ ?next {0} {1} OPTIONAL {{ {1} {0} ?before }} }}",
      previous, iri(model));
}

std::string tag_update(std::string_view model, std::string_view tag, bool add) {
  return fmt::format("{} DATA {{ {} {} {} }}", add ? "INSERT" : "DELETE", iri(model), nnet("tag"),
                     literal(tag));
}

}  // namespace tinykg::kg
