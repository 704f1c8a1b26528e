#include "cli/deploy_progress.h"

#include <unistd.h>

#include <chrono>
#include <iostream>

#include <fmt/format.h>

namespace tinykg::cli {
namespace {

using Clock = std::chrono::steady_clock;

std::string counts(const deploy::Campaign& c) {
  return fmt::format("{}/{} done: {} confirmed, {} failed, {} refused{}",
                     c.devices.size() - c.count(deploy::DeviceStatus::Pending) -
                         c.count(deploy::DeviceStatus::Sending),
                     c.devices.size(), c.count(deploy::DeviceStatus::Confirmed),
                     c.count(deploy::DeviceStatus::Failed), c.count(deploy::DeviceStatus::Refused),
                     c.waiting_until.empty() ? "" : ", waiting for window until " + c.waiting_until);
}

size_t current_wave(const deploy::Campaign& c) {
  size_t wave = 0;
  for (const deploy::DeviceRecord& d : c.devices) {
    if (d.status != deploy::DeviceStatus::Pending) wave = std::max(wave, d.wave);
  }
  return wave;
}

void draw_bar(const deploy::Campaign& c) {
  constexpr int kWidth = 30;
  const double progress = c.summary(false)["progress"].get<double>();
  const int filled = static_cast<int>(progress * kWidth);
  std::cerr << fmt::format("\r[{}{}] {:3.0f}%  wave {}/{}  {}\x1b[K", std::string(filled, '#'),
                           std::string(kWidth - filled, '.'), progress * 100,
                           current_wave(c) + 1, c.wave_count(), counts(c))
            << std::flush;
}

}  // namespace

deploy::Campaign follow_campaign(deploy::Deployments& deployments, const std::string& id) {
  const bool tty = isatty(STDERR_FILENO) != 0;
  uint64_t version = 0;
  std::string last_line;
  auto last_print = Clock::now() - std::chrono::seconds(10);
  for (;;) {
    version = deployments.wait_change(id, version, std::chrono::milliseconds(tty ? 100 : 1000));
    auto c = deployments.get(id);
    if (!c) return {};
    const bool running = deployments.running_here(id);
    if (tty) {
      draw_bar(*c);
    } else {
      std::string line = fmt::format("deploy {}: wave {}/{}, {}", id, current_wave(*c) + 1,
                                     c->wave_count(), counts(*c));
      if (line != last_line && (Clock::now() - last_print >= std::chrono::seconds(1) || !running)) {
        std::cerr << line << "\n";
        last_line = line;
        last_print = Clock::now();
      }
    }
    if (!running) {
      if (tty) std::cerr << "\n";
      deployments.join(id);
      return deployments.get(id).value_or_throw();
    }
  }
}

void print_campaign(const deploy::Campaign& c, long max_devices) {
  std::cout << fmt::format("campaign {} ({}): {} of {} <{}> sha256 {} ({} bytes)\n", c.id,
                           deploy::to_string(c.status), c.kind, c.model_name, c.model_iri,
                           c.sha256.substr(0, 16), c.size_bytes);
  std::cout << fmt::format("  {} devices in {} waves: {} confirmed, {} failed, {} refused, {} pending\n",
                           c.devices.size(), c.wave_count(), c.count(deploy::DeviceStatus::Confirmed),
                           c.count(deploy::DeviceStatus::Failed),
                           c.count(deploy::DeviceStatus::Refused),
                           c.count(deploy::DeviceStatus::Pending) + c.count(deploy::DeviceStatus::Sending));
  if (!c.reason.empty()) std::cout << "  " << c.reason << "\n";
  if (!c.options.windows.empty()) {
    std::string windows;
    for (const std::string& w : c.options.windows) windows += (windows.empty() ? "" : ", ") + w;
    std::cout << fmt::format("  maintenance windows (UTC): {}\n", windows);
  }
  if (!c.waiting_until.empty()) {
    std::cout << fmt::format("  waiting for window until {}\n", c.waiting_until);
  }
  long shown = 0, hidden = 0;
  for (const deploy::DeviceRecord& d : c.devices) {
    const bool problem = d.status == deploy::DeviceStatus::Failed ||
                         d.status == deploy::DeviceStatus::Refused;
    if (!problem && max_devices >= 0) continue;
    if (max_devices >= 0 && shown >= max_devices) {
      ++hidden;
      continue;
    }
    ++shown;
    std::cout << fmt::format("  {:<9} {} (attempts {}){}{}\n", deploy::to_string(d.status), d.iri,
                             d.attempts, d.error.empty() ? "" : ": ", d.error);
  }
  if (hidden > 0) {
    std::cout << fmt::format("  … and {} more (tinykg deploy status {} --all)\n", hidden, c.id);
  }
  if (c.status == deploy::CampaignStatus::Paused || c.status == deploy::CampaignStatus::Running) {
    std::cout << fmt::format("  continue with: tinykg deploy resume {}\n", c.id);
  }
}

}  // namespace tinykg::cli
