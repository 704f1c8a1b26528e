// The KnowledgeGraph's actions on a remote store (knowledge_graph.cpp calls
// these when the graph lives in a SPARQL store). Unlike the embedded store,
// a remote write of many triples is several requests, not one transaction:
// tinykg parses every input completely before the first request (a syntax
// error sends nothing) and relies on idempotent batches (quad_writer.h), so
// an interrupted import is repaired by running it again.
#pragma once

#include <functional>
#include <string>
#include <vector>

#include "common/result.h"
#include "kg/knowledge_graph.h"
#include "kg/remote/remote_store.h"

namespace tinykg::kg::remote {

// KnowledgeGraph::load_files: files parsed twice (check, then send in
// batches), progress in the bulk loader's shape (bytes estimated from the
// share of triples sent). quads_added is the growth of the store's count,
// exact only while nobody else writes.
Result<LoadReport> load_files(const RemoteStore& store, const std::vector<std::string>& paths,
                              const LoadOptions& opts);

// Writes parsed quads; blank nodes get the scope of `document` (their bytes),
// or none when `document` is empty: the labels already carry the scope
// (parsed with rdf::ReadOptions::blank_prefix).
Result<LoadReport> add_quads(const RemoteStore& store, const std::vector<rdf::Quad>& quads,
                             std::string_view document);

// Streams quads from `produce` into the store in batches (sync push).
Result<LoadReport> add_stream(const RemoteStore& store,
                              const std::function<Status(const rdf::QuadSink&)>& produce,
                              const std::string& scope,
                              const std::function<void(uint64_t quads_sent)>& on_batch);

// KnowledgeGraph's delete_model / delete_device: removes `root_iri` and the
// nodes `owned` accepts, found by following links both ways from the root,
// from tinykg's default graph only (RemoteConfig::default_graph): other
// graphs of the store are left alone, whoever wrote them.
Result<uint64_t> erase_owned(const RemoteStore& store, const std::string& root_iri,
                             const std::function<bool(const rdf::Term&)>& owned);

// True when `iri` is the subject of a triple in the default graph.
Result<bool> has_subject(const RemoteStore& store, const std::string& iri);

Result<std::vector<rdf::Quad>> describe(const RemoteStore& store, const std::string& iri);

}  // namespace tinykg::kg::remote
