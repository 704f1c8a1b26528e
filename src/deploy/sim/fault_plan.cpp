#include "deploy/sim/fault_plan.h"

#include <algorithm>
#include <cmath>
#include <numeric>
#include <random>

namespace tinykg::deploy::sim {

std::string to_string(Fault fault) {
  switch (fault) {
    case Fault::None: return "none";
    case Fault::Corrupt: return "corrupt";
    case Fault::Disconnect: return "disconnect";
    case Fault::Timeout: return "timeout";
    case Fault::Flash: return "flash";
    case Fault::Reboot: return "reboot";
  }
  return "none";
}

bool persistent(Fault fault) { return fault != Fault::None && fault != Fault::Reboot; }

std::vector<Fault> plan_faults(size_t count, double fail_rate, double flaky_rate, uint64_t seed) {
  std::vector<size_t> order(count);
  std::iota(order.begin(), order.end(), 0);
  std::mt19937_64 rng(seed);
  std::shuffle(order.begin(), order.end(), rng);
  const size_t failing = std::min(count, static_cast<size_t>(std::llround(fail_rate * count)));
  const size_t flaky =
      std::min(count - failing, static_cast<size_t>(std::llround(flaky_rate * count)));
  constexpr Fault kKinds[] = {Fault::Corrupt, Fault::Disconnect, Fault::Timeout, Fault::Flash};
  std::vector<Fault> faults(count, Fault::None);
  for (size_t i = 0; i < failing; ++i) faults[order[i]] = kKinds[i % 4];
  for (size_t i = failing; i < failing + flaky; ++i) faults[order[i]] = Fault::Reboot;
  return faults;
}

}  // namespace tinykg::deploy::sim
