// tinykg load FILE... [--graph IRI] [--skip-invalid]
//
// Progress goes to stderr: a redrawn bar on a terminal, a plain line every
// few seconds otherwise (logs, CI), so stdout keeps only the summary.
#include <unistd.h>

#include <chrono>
#include <iostream>
#include <mutex>

#include <fmt/format.h>

#include "cli/context.h"

namespace tinykg::cli {
namespace {

std::string human_bytes(double b) {
  const char* units[] = {"B", "kB", "MB", "GB", "TB"};
  int u = 0;
  while (b >= 1000 && u < 4) b /= 1000, ++u;
  return u == 0 ? fmt::format("{:.0f} {}", b, units[u]) : fmt::format("{:.1f} {}", b, units[u]);
}

std::string human_count(double n) {
  if (n >= 1e6) return fmt::format("{:.1f}M", n / 1e6);
  if (n >= 1e3) return fmt::format("{:.0f}k", n / 1e3);
  return fmt::format("{:.0f}", n);
}

class ProgressReporter {
 public:
  explicit ProgressReporter(bool tty) : tty_(tty) {}

  void operator()(const store::LoadProgress& p) {
    const double rate = p.seconds > 0 ? p.quads_read / p.seconds : 0;
    std::string line;
    if (p.phase == store::LoadProgress::Phase::Parsing) {
      const double frac = p.bytes_total ? double(p.bytes_read) / p.bytes_total : 1.0;
      // Parsing is most of the work; the ETA ignores the shorter index phase.
      const double eta = frac > 0 ? p.seconds * (1 - frac) / frac : 0;
      line = fmt::format("{} {:3.0f}% {} / {}, {} triples, {} triples/s, ETA {:.0f} s",
                         tty_ ? bar(frac) : std::string("load:"), 100 * frac,
                         human_bytes(p.bytes_read), human_bytes(p.bytes_total),
                         human_count(p.quads_read), human_count(rate), eta);
    } else {
      line = fmt::format("{} indexes written {}/4, {} triples, {:.1f} s",
                         tty_ ? bar(1.0) : std::string("load:"), p.indexes_done,
                         human_count(p.quads_read), p.seconds);
    }
    if (tty_) {
      std::cerr << "\r\033[K" << line << std::flush;
      drawn_ = true;
    } else if (p.seconds - last_line_ >= 5) {
      std::cerr << line << "\n";
      last_line_ = p.seconds;
    }
  }
  // Leaves the terminal on a fresh line before the summary or an error.
  void finish() {
    if (drawn_) std::cerr << "\r\033[K" << std::flush;
    drawn_ = false;
  }

 private:
  static std::string bar(double frac) {
    constexpr int kWidth = 24;
    int filled = static_cast<int>(frac * kWidth + 0.5);
    return "[" + std::string(filled, '#') + std::string(kWidth - filled, '.') + "]";
  }
  bool tty_;
  bool drawn_ = false;
  double last_line_ = 0;
};

}  // namespace

void add_load(CLI::App& app, Context& ctx) {
  auto* cmd = app.add_subcommand(
      "load",
      "Load RDF files (.ttl .nt .nq .trig) in one transaction: all or nothing. A syntax error "
      "stops the load (FILE:LINE:COLUMN) unless --skip-invalid is given");
  auto files = std::make_shared<std::vector<std::string>>();
  auto graph = std::make_shared<std::string>();
  auto skip_invalid = std::make_shared<bool>(false);
  cmd->add_option("files", *files, "RDF files")->required();
  cmd->add_option("--graph", *graph, "Load into this named graph instead of the default graph");
  cmd->add_flag("--skip-invalid", *skip_invalid,
                "Log bad statements to stderr and load the rest (still one transaction)");
  cmd->callback([&ctx, files, graph, skip_invalid] {
    auto start = std::chrono::steady_clock::now();
    auto reporter = std::make_shared<ProgressReporter>(isatty(STDERR_FILENO) != 0);
    kg::LoadOptions opts;
    opts.graph_iri = *graph;
    opts.skip_invalid = *skip_invalid;
    // Skips are reported from the parser thread, progress from this one.
    auto terminal = std::make_shared<std::mutex>();
    opts.on_invalid = [reporter, terminal](const std::string& message) {
      std::lock_guard lock(*terminal);
      reporter->finish();
      std::cerr << "tinykg: skipped: " << message << "\n";
    };
    opts.on_progress = [reporter, terminal](const store::LoadProgress& p) {
      std::lock_guard lock(*terminal);
      (*reporter)(p);
    };
    auto result = ctx.graph().load_files(*files, opts);
    reporter->finish();
    auto report = Context::take(std::move(result));
    double secs = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    std::cout << fmt::format(
        "loaded {} triples ({} new) from {} file(s) in {:.2f} s ({:.0f} triples/s)",
        report.quads_read, report.quads_added, files->size(), secs,
        secs > 0 ? report.quads_read / secs : 0.0);
    if (*skip_invalid) std::cout << fmt::format(", {} invalid skipped", report.invalid_skipped);
    std::cout << "\n";
  });
}

}  // namespace tinykg::cli
