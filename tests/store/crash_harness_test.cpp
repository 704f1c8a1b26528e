// Kills store_crash_driver with SIGKILL at random points of its bulk loads and
// writes, then re-opens the database and checks that every acknowledged batch
// is complete, that no batch is partly visible, and that the four indexes and
// the statistics agree. Prints the summary line CI shows.
#include <gtest/gtest.h>
#include <poll.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <iostream>
#include <random>
#include <set>

#include "crash_workload.h"
#include "store/store.h"
#include "test_support.h"

namespace tinykg::crash {
namespace {

struct Driver {
  pid_t pid = -1;
  int out = -1;  // read end of its stdout
};

Driver start_driver(const std::string& db, const std::string& workdir, uint64_t first) {
  int fds[2];
  EXPECT_EQ(pipe(fds), 0);
  pid_t pid = fork();
  if (pid == 0) {
    dup2(fds[1], STDOUT_FILENO);
    close(fds[0]);
    close(fds[1]);
    std::string first_s = std::to_string(first);
    execl(CRASH_DRIVER, CRASH_DRIVER, db.c_str(), workdir.c_str(), first_s.c_str(), nullptr);
    _exit(127);
  }
  close(fds[1]);
  return {pid, fds[0]};
}

// Collects "ack B" lines from `text`, keeping an unfinished last line.
void parse_acks(std::string& text, std::set<uint64_t>& acked) {
  size_t start = 0, nl;
  while ((nl = text.find('\n', start)) != std::string::npos) {
    std::string line = text.substr(start, nl - start);
    if (line.rfind("ack ", 0) == 0) acked.insert(std::stoull(line.substr(4)));
    start = nl + 1;
  }
  text.erase(0, start);
}

// Reads the driver's output for `ms` milliseconds, then kills it and drains
// what it had written (a line written before the kill is an acknowledgement).
void run_then_kill(Driver d, int ms, std::set<uint64_t>& acked) {
  std::string pending;
  char buf[4096];
  auto deadline = std::chrono::steady_clock::now() + std::chrono::milliseconds(ms);
  while (true) {
    auto left = std::chrono::duration_cast<std::chrono::milliseconds>(
                    deadline - std::chrono::steady_clock::now()).count();
    if (left <= 0) break;
    pollfd p{d.out, POLLIN, 0};
    if (poll(&p, 1, static_cast<int>(left)) <= 0) continue;
    ssize_t n = read(d.out, buf, sizeof buf);
    if (n <= 0) break;  // the driver died on its own: its stderr says why
    pending.append(buf, static_cast<size_t>(n));
    parse_acks(pending, acked);
  }
  kill(d.pid, SIGKILL);
  int status = 0;
  waitpid(d.pid, &status, 0);
  ssize_t n;
  while ((n = read(d.out, buf, sizeof buf)) > 0) pending.append(buf, static_cast<size_t>(n));
  parse_acks(pending, acked);
  close(d.out);
  EXPECT_TRUE(WIFSIGNALED(status)) << "driver exited by itself with status " << status;
}

TEST(CrashHarness, EveryAcknowledgedWriteSurvivesSigkillAndIndexesAgree) {
  testing::TempDir dir;
  const std::string db = dir / "db";
  std::mt19937 rng(std::random_device{}());
  std::set<uint64_t> acked;
  uint64_t kills = 0, writes_checked = 0, lost = 0;
  const auto started = std::chrono::steady_clock::now();
  constexpr int kKills = 60;
  constexpr auto kBudget = std::chrono::seconds(60);
  for (int round = 0; round < kKills && std::chrono::steady_clock::now() - started < kBudget;
       ++round) {
    const uint64_t first = acked.empty() ? 0 : *acked.rbegin() + 1;
    Driver d = start_driver(db, dir.str(), first);
    run_then_kill(d, std::uniform_int_distribution<int>(5, 250)(rng), acked);
    ++kills;

    auto store = store::Store::open(db);
    ASSERT_TRUE(store.ok()) << "database does not re-open after kill " << kills << ": "
                            << store.error();
    store::ReadTxn txn = (*store)->read();
    for (uint64_t b : acked) {
      auto g = txn.find_id(rdf::Term::iri(graph_of(b)));
      uint64_t n = g ? txn.count({store::kNoId, store::kNoId, store::kNoId, *g}) : 0;
      if (n != quads_in(b)) {
        ++lost;
        ADD_FAILURE() << "batch " << b << " acknowledged with " << quads_in(b)
                      << " quads, found " << n;
      }
      ++writes_checked;
    }
    // The batch in flight at the kill is all there or not at all.
    const uint64_t next = acked.empty() ? 0 : *acked.rbegin() + 1;
    for (uint64_t b = next; b <= next + 1; ++b) {
      auto g = txn.find_id(rdf::Term::iri(graph_of(b)));
      if (!g) continue;
      uint64_t n = txn.count({store::kNoId, store::kNoId, store::kNoId, *g});
      EXPECT_TRUE(n == 0 || n == quads_in(b)) << "batch " << b << " partly visible: " << n;
    }
    Status st = txn.verify();
    ASSERT_TRUE(st.ok()) << "after kill " << kills << ": " << st.error();
  }
  EXPECT_GE(kills, 50u);
  EXPECT_GT(acked.size(), 10u) << "the driver made too little progress to test anything";
  // W counts distinct acknowledged batches; each was re-checked after every
  // later kill (`writes_checked` checks in all).
  std::cout << "crash harness: " << kills << " kills, " << acked.size()
            << " acknowledged writes checked, " << lost << " lost (" << writes_checked
            << " checks after kills)\n";
}

}  // namespace
}  // namespace tinykg::crash
