// Result<T>: the value of an operation that can fail for expected reasons
// (bad input, missing file). Errors carry a user-facing one-line message.
// Exceptions (tinykg::Error) are reserved for failures that must stop the
// whole request across layers; programmer errors use TINYKG_ASSERT.
#pragma once

#include <string>
#include <utility>
#include <variant>

#include "common/error.h"

namespace tinykg {

template <typename T>
class [[nodiscard]] Result {
 public:
  Result(T value) : v_(std::move(value)) {}                 // NOLINT: implicit by design
  Result(Failure failure) : v_(std::move(failure)) {}       // NOLINT

  bool ok() const { return v_.index() == 0; }
  explicit operator bool() const { return ok(); }

  T& value() & { check(); return std::get<0>(v_); }
  const T& value() const& { check(); return std::get<0>(v_); }
  T&& value() && { check(); return std::get<0>(std::move(v_)); }
  T* operator->() { return &value(); }
  const T* operator->() const { return &value(); }
  T& operator*() & { return value(); }
  const T& operator*() const& { return value(); }

  const Failure& failure() const { return std::get<1>(v_); }
  const std::string& error() const { return failure().message; }

  // Turns an expected failure into an exception at a layer boundary.
  T&& value_or_throw() && {
    if (!ok()) throw Error(failure().message);
    return std::get<0>(std::move(v_));
  }

 private:
  void check() const {
    TINYKG_ASSERT(ok(), "Result::value() called on a failure");
  }
  std::variant<T, Failure> v_;
};

// Result<void> equivalent.
class [[nodiscard]] Status {
 public:
  Status() = default;
  Status(Failure failure) : failure_(std::move(failure)), ok_(false) {}  // NOLINT
  static Status Ok() { return {}; }
  bool ok() const { return ok_; }
  explicit operator bool() const { return ok_; }
  const std::string& error() const { return failure_.message; }
  const Failure& failure() const { return failure_; }

 private:
  Failure failure_;
  bool ok_ = true;
};

}  // namespace tinykg
