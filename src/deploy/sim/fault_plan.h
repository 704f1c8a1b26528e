// Which simulated device misbehaves, and how. Chosen once from the seed, so
// a test knows in advance (and from GET /state) which devices must fail.
//
// Persistent faults (every attempt fails; the campaign must report them):
//   corrupt     the bytes arrive damaged: the device's SHA-256 differs, it answers 422
//   disconnect  the connection drops in the middle of the exchange (no answer)
//   timeout     the device stops answering (hangs longer than any sane timeout)
//   flash       the device fails to write its Flash and answers 500
// Transient fault (first attempt fails, retries succeed; the device is healthy):
//   reboot      the device reboots on its first transfer and answers 503
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace tinykg::deploy::sim {

enum class Fault { None, Corrupt, Disconnect, Timeout, Flash, Reboot };

std::string to_string(Fault fault);
bool persistent(Fault fault);  // the device never accepts a model

// `fail_rate` of the devices get persistent faults (kinds in turn),
// `flaky_rate` more get the transient one; which ones depends on `seed` only.
std::vector<Fault> plan_faults(size_t count, double fail_rate, double flaky_rate, uint64_t seed);

}  // namespace tinykg::deploy::sim
