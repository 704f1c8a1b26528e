// What a board's processor is, as far as a latency estimate cares: its core,
// clock and the kernel library its TFLite Micro build uses. Read from tinykg
// terms on the board node or on its s3n:MicroController (docs/match.md):
//
//   tkg:cpuCore "Cortex-M4"          (also "ARM Cortex-M4F", "cortex-m33", "M0+", ...)
//   tkg:clockFrequencyMHz 64         (any XSD numeric literal)
//   tkg:kernelLibrary "cmsis-nn"     ("cmsis-nn" or "reference"; absent = reference)
//   tkg:activePowerMilliwatts 10.2   (optional; absent = a per-core default)
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace tinykg::match {

// tinykg's own namespace (contracts: tkg:).
inline constexpr std::string_view kTkg = "https://tinykg.dev/ns#";

enum class CpuCore { CortexM0Plus, CortexM4, CortexM7, CortexM33, CortexM55 };
enum class KernelLibrary { Reference, CmsisNn };

// "Cortex-M4", "ARM Cortex-M4F", "cortex_m4", "M4" -> CortexM4; M0 and M0+
// are one class (same ISA, no DSP extension). nullopt for anything else.
std::optional<CpuCore> parse_cpu_core(std::string_view text);
std::string_view to_string(CpuCore core);  // "Cortex-M4"
// "cmsis-nn", "CMSIS_NN", "cmsis" -> CmsisNn; "reference", "ref" -> Reference.
std::optional<KernelLibrary> parse_kernel_library(std::string_view text);
std::string_view to_string(KernelLibrary library);  // "cmsis-nn" | "reference"

struct BoardHardware {
  std::optional<CpuCore> core;
  std::string core_text;  // as stated, for "core 'RISC-V' is not modelled"
  std::optional<double> clock_mhz;
  std::optional<KernelLibrary> kernels;  // not stated: the estimate assumes reference kernels
  std::optional<double> active_power_mw;

  // True when a latency can be estimated (core known and a positive clock).
  bool estimable() const { return core.has_value() && clock_mhz && *clock_mhz > 0; }
  // Why not, for explanations: "the board's core is not stated", ...
  std::string missing() const;
};

}  // namespace tinykg::match
