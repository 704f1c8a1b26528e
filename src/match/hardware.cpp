#include "match/hardware.h"

#include <algorithm>
#include <cctype>

#include <fmt/format.h>

namespace tinykg::match {

namespace {

// Lower-case letters, digits and '+' only: "ARM Cortex-M4F" -> "armcortexm4f".
std::string squeezed(std::string_view text) {
  std::string out;
  for (char c : text) {
    unsigned char u = static_cast<unsigned char>(c);
    if (std::isalnum(u) || c == '+') out.push_back(static_cast<char>(std::tolower(u)));
  }
  return out;
}

}  // namespace

std::optional<CpuCore> parse_cpu_core(std::string_view text) {
  std::string s = squeezed(text);
  for (std::string_view prefix : {"arm", "cortex"}) {
    if (s.starts_with(prefix)) s.erase(0, prefix.size());
  }
  // The floating-point variants (M4F, M7F, M33F) share the integer pipeline.
  if (s.size() > 2 && s.back() == 'f') s.pop_back();
  if (s == "m0" || s == "m0+" || s == "m0plus") return CpuCore::CortexM0Plus;
  if (s == "m4") return CpuCore::CortexM4;
  if (s == "m7") return CpuCore::CortexM7;
  if (s == "m33") return CpuCore::CortexM33;
  if (s == "m55") return CpuCore::CortexM55;
  return std::nullopt;
}

std::string_view to_string(CpuCore core) {
  switch (core) {
    case CpuCore::CortexM0Plus: return "Cortex-M0+";
    case CpuCore::CortexM4: return "Cortex-M4";
    case CpuCore::CortexM7: return "Cortex-M7";
    case CpuCore::CortexM33: return "Cortex-M33";
    case CpuCore::CortexM55: return "Cortex-M55";
  }
  return "?";
}

std::optional<KernelLibrary> parse_kernel_library(std::string_view text) {
  std::string s = squeezed(text);
  if (s == "cmsisnn" || s == "cmsis") return KernelLibrary::CmsisNn;
  if (s == "reference" || s == "ref" || s == "tflmreference") return KernelLibrary::Reference;
  return std::nullopt;
}

std::string_view to_string(KernelLibrary library) {
  return library == KernelLibrary::CmsisNn ? "cmsis-nn" : "reference";
}

std::string BoardHardware::missing() const {
  if (!core) {
    return core_text.empty() ? "the board's core is not stated"
                             : fmt::format("core '{}' is not modelled", core_text);
  }
  if (!clock_mhz) return "the board's clock is not stated";
  if (*clock_mhz <= 0) return "the board's clock is not a positive frequency";
  return {};
}

}  // namespace tinykg::match
