// store_crash_driver DB WORKDIR FIRST_BATCH
//
// Writes batches FIRST_BATCH, FIRST_BATCH+1, ... forever (see crash_workload.h)
// and prints "ack B" on stdout after batch B's commit returned: from then on
// the harness may kill the process and expects B to be in the database.
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <iostream>

#include "crash_workload.h"
#include "rdf/serd_io.h"
#include "store/bulk_loader.h"
#include "store/store.h"

using namespace tinykg;

namespace {

void write_batch(store::Store& db, const std::string& workdir, uint64_t b) {
  const std::string graph = crash::graph_of(b);
  if (crash::kind_of(b) == crash::BatchKind::BulkLoad) {
    const std::string path = fmt::format("{}/batch-{}.nt", workdir, b);
    {
      std::ofstream out(path);
      for (uint64_t i = 0; i < crash::quads_in(b); ++i) out << crash::triple_line(b, i);
    }
    store::WriteTxn txn = db.write();
    store::BulkLoadOptions opts;
    opts.graph_iri = graph;
    auto r = store::bulk_load(db, txn, {path}, opts);
    if (!r.ok()) throw Error(r.error());
    Status st = txn.commit();
    if (!st.ok()) throw Error(st.error());
    std::remove(path.c_str());
    return;
  }
  std::string text;
  for (uint64_t i = 0; i < crash::quads_in(b); ++i) text += crash::triple_line(b, i);
  store::WriteTxn txn = db.write();
  Status st = rdf::read_rdf_string(text, rdf::Syntax::NTriples, [&](const rdf::Quad& q) {
    rdf::Quad in_graph = q;
    in_graph.graph = rdf::Term::iri(graph);
    txn.insert(in_graph);
  });
  if (!st.ok()) throw Error(st.error());
  st = txn.commit();
  if (!st.ok()) throw Error(st.error());
}

}  // namespace

int main(int argc, char** argv) {
  if (argc != 4) {
    std::cerr << "usage: store_crash_driver DB WORKDIR FIRST_BATCH\n";
    return 2;
  }
  auto db = store::Store::open(argv[1]);
  if (!db.ok()) {
    std::cerr << db.error() << "\n";
    return 1;
  }
  try {
    for (uint64_t b = std::strtoull(argv[3], nullptr, 10);; ++b) {
      write_batch(**db, argv[2], b);
      std::printf("ack %llu\n", static_cast<unsigned long long>(b));
      std::fflush(stdout);
    }
  } catch (const std::exception& e) {
    std::cerr << e.what() << "\n";
    return 1;
  }
}
