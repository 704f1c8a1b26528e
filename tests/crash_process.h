// Process mechanics of the crash harnesses (tests/store, tests/kg): start a
// driver that prints "ack N" after each durable write, let it run for a
// while, SIGKILL it and collect every acknowledgement it wrote before dying.
#pragma once

#include <gtest/gtest.h>
#include <poll.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <set>
#include <string>
#include <vector>

namespace tinykg::testing {

struct CrashDriver {
  pid_t pid = -1;
  int out = -1;  // read end of its stdout
};

// Runs `program` with `args`, its stdout piped to the harness.
inline CrashDriver start_crash_driver(const std::string& program,
                                      const std::vector<std::string>& args) {
  int fds[2];
  EXPECT_EQ(pipe(fds), 0);
  std::vector<char*> argv{const_cast<char*>(program.c_str())};
  for (const auto& a : args) argv.push_back(const_cast<char*>(a.c_str()));
  argv.push_back(nullptr);
  pid_t pid = fork();
  if (pid == 0) {
    dup2(fds[1], STDOUT_FILENO);
    close(fds[0]);
    close(fds[1]);
    execv(program.c_str(), argv.data());
    _exit(127);
  }
  close(fds[1]);
  return {pid, fds[0]};
}

// Collects "ack N" lines from `text`, keeping an unfinished last line.
inline void parse_acks(std::string& text, std::set<uint64_t>& acked) {
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
inline void run_then_kill(CrashDriver d, int ms, std::set<uint64_t>& acked) {
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

}  // namespace tinykg::testing
