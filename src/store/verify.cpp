// ReadTxn::verify: the integrity check behind `tinykg verify` and the crash
// harness. LMDB keeps no checksums, so a damaged data.mdb (a bad disk, a
// copy taken mid-write by a tool other than `tinykg backup`) shows up only as
// data that disagrees with itself: keys of the wrong size, permutation
// indexes that hold different quads, statistics that do not add up, ids
// without a dictionary entry, dictionary entries their hash does not find.
#include <lmdb.h>

#include <algorithm>
#include <cstring>
#include <tuple>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "store/inline_literal.h"
#include "store/key_codec.h"
#include "store/packed_index.h"
#include "store/lmdb_check.h"
#include "store/store.h"
#include "store/term_hash.h"

namespace tinykg::store {
namespace {

using detail::check;
using detail::is_inline;
using detail::throw_lmdb;

constexpr const char* kIndexNames[4] = {"spog", "posg", "ospg", "gspo"};

// The counts a statistics table holds against the ones counted in the index
// (`counted` is consumed).
Status statistics_agree(const char* what, const std::vector<std::pair<Id, uint64_t>>& stored,
                        std::unordered_map<Id, uint64_t>& counted) {
  for (const auto& [id, n] : stored) {
    if (counted[id] != n) {
      return fail("statistics say {} quads for {} {}, the index holds {}", n, what, id,
                  counted[id]);
    }
    counted.erase(id);
  }
  for (const auto& [id, n] : counted) {
    if (n != 0) return fail("statistics miss {} {} ({} quads)", what, id, n);
  }
  return Status::Ok();
}

// Walks every entry of `dbi`; `visit` returns a failure to stop early.
template <typename Visit>
Status for_each_entry(MDB_txn* txn, MDB_dbi dbi, const char* what, Visit visit) {
  MDB_cursor* cur = nullptr;
  check(what, mdb_cursor_open(txn, dbi, &cur));
  MDB_val k, v;
  int rc = mdb_cursor_get(cur, &k, &v, MDB_FIRST);
  Status st = Status::Ok();
  while (rc == 0 && st.ok()) {
    st = visit(k, v);
    if (st.ok()) rc = mdb_cursor_get(cur, &k, &v, MDB_NEXT);
  }
  mdb_cursor_close(cur);
  if (st.ok() && rc != MDB_NOTFOUND) throw_lmdb(what, rc);
  return st;
}

}  // namespace

Status ReadTxn::verify() const {
  // The dictionary: 8-byte ids, encodings of a known term kind, each found
  // again through its hash (what find_id relies on).
  std::unordered_set<Id> dictionary;
  Status st = for_each_entry(txn_, dbi_->id2term, "verify dictionary", [&](MDB_val& k, MDB_val& v) {
    if (k.mv_size != 8) return Status(fail("dictionary key of {} bytes (expected 8)", k.mv_size));
    const Id id = detail::get_u64(static_cast<const unsigned char*>(k.mv_data));
    const auto* bytes = static_cast<const char*>(v.mv_data);
    if (v.mv_size == 0 || bytes[0] < '0' || bytes[0] > '2') {
      return Status(fail("dictionary entry of term {} is not a term encoding", id));
    }
    uint64_t h = detail::fnv1a64({bytes, v.mv_size});
    MDB_val hk{sizeof h, &h}, hv{sizeof id, const_cast<Id*>(&id)};
    MDB_cursor* cur = nullptr;
    check("verify dictionary", mdb_cursor_open(txn_, dbi_->term2id, &cur));
    int rc = mdb_cursor_get(cur, &hk, &hv, MDB_GET_BOTH);
    mdb_cursor_close(cur);
    if (rc == MDB_NOTFOUND) return Status(fail("term {} is missing from the term index", id));
    check("verify dictionary", rc);
    dictionary.insert(id);
    return Status::Ok();
  });
  if (!st.ok()) return st;

  // The four permutations: blocks that decode, keys that ascend across
  // blocks, ids the dictionary knows, and the same set of quads in each.
  auto read_index = [&](int perm, std::vector<std::tuple<Id, Id, Id, Id>>& quads) -> Status {
    try {
      detail::IndexCursor cur(txn_, dbi_->index[perm]);
      detail::SortKey prev{};
      for (bool more = cur.seek(prev); more; more = cur.next()) {
        const detail::SortKey& key = cur.key();
        if (!quads.empty() && !(prev < key)) {
          return fail("index {} holds keys out of order", kIndexNames[perm]);
        }
        prev = key;
        IdQuad q = detail::unorder(perm, key.k);
        for (Id id : {q.s, q.p, q.o, q.g}) {
          if (id >= kFirstTermId && !is_inline(id) && !dictionary.count(id)) {
            return fail("index {} refers to term {}, which the dictionary does not hold",
                        kIndexNames[perm], id);
          }
        }
        quads.emplace_back(q.s, q.p, q.o, q.g);
      }
    } catch (const Error& e) {
      return fail("index {}: {}", kIndexNames[perm], e.what());
    }
    return Status::Ok();
  };
  std::vector<std::tuple<Id, Id, Id, Id>> spog;
  if (st = read_index(0, spog); !st.ok()) return st;
  if (spog.size() != size()) {
    return fail("the quad count says {} quads, the spog index holds {}", size(), spog.size());
  }
  std::sort(spog.begin(), spog.end());
  for (int perm = 1; perm < 4; ++perm) {
    std::vector<std::tuple<Id, Id, Id, Id>> other;
    if (st = read_index(perm, other); !st.ok()) return st;
    std::sort(other.begin(), other.end());
    if (other != spog) return fail("index {} disagrees with spog", kIndexNames[perm]);
  }

  std::unordered_map<Id, uint64_t> per_predicate, per_class;
  const Id rdf_type = rdf_type_id();
  for (const auto& q : spog) {
    ++per_predicate[std::get<1>(q)];
    if (std::get<1>(q) == rdf_type) ++per_class[std::get<2>(q)];
  }
  if (st = statistics_agree("predicate", predicate_counts(), per_predicate); !st.ok()) return st;
  if (!dbi_->has_class_stats) return Status::Ok();
  return statistics_agree("class", class_counts(), per_class);
}

}  // namespace tinykg::store
