// The time a campaign runner asks "is a maintenance window open now?".
// An interface so that tests can move time forward by hours without
// sleeping; production uses the system clock (UTC).
#pragma once

#include <chrono>
#include <memory>

namespace tinykg::deploy {

class Clock {
 public:
  virtual ~Clock() = default;
  virtual std::chrono::system_clock::time_point now() const = 0;
};

class SystemClock final : public Clock {
 public:
  std::chrono::system_clock::time_point now() const override {
    return std::chrono::system_clock::now();
  }
};

inline std::shared_ptr<const Clock> system_clock() { return std::make_shared<SystemClock>(); }

}  // namespace tinykg::deploy
