// Streaming export of a store snapshot as N-Quads or TriG.
#pragma once

#include <cstdint>
#include <ostream>

#include "common/result.h"
#include "rdf/serd_io.h"
#include "store/store.h"

namespace tinykg::store {

// Writes every quad of `txn` in graph order (GSPO index), default graph first,
// so TriG output has one block per graph. Blank node labels are written as
// stored, so loading the dump again yields an isomorphic graph (the loader
// gives them a fresh prefix). Returns the number of quads written.
Result<uint64_t> dump_quads(const ReadTxn& txn, std::ostream& out, rdf::Syntax syntax);

}  // namespace tinykg::store
