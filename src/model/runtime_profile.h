// RuntimeProfile: which TFLite Micro the estimates describe, as two
// orthogonal choices:
//  * Runtime — the allocator and kernel generation: `tflm-2.4` (the release
//    the reference arenas were measured with) or `tflm-current` (today's
//    MicroAllocator: TfLiteEvalTensor for all tensors, TfLiteTensor only for
//    the model's inputs/outputs and temporarily during Prepare);
//  * StructAbi (named ArenaTarget for API compatibility) — the pointer width
//    the runtime structs are laid out for: the 64-bit host build the
//    reference was measured on, or a 32-bit Cortex-M.
// It also answers which operators a runtime can run and how the firmware's
// MicroMutableOpResolver registers them (op_support.cpp documents the source).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "model/model_info.h"

namespace tinykg::model {

enum class Runtime { kTflm24, kTflmCurrent };

// Struct layout of the runtime build ("struct ABI"): host-64 (LP64 desktop,
// what arena-tflm-2.4.tsv measured) or cortex-m (ILP32 microcontroller).
enum class ArenaTarget { kHost64, kCortexM };

std::string_view runtime_name(Runtime runtime);        // "tflm-2.4", "tflm-current"
std::optional<Runtime> parse_runtime(std::string_view name);
std::string_view struct_abi_name(ArenaTarget abi);     // "host-64", "cortex-m"
std::optional<ArenaTarget> parse_struct_abi(std::string_view name);

// MicroMutableOpResolver method that registers a builtin ("AddConv2D"), or
// empty when no TFLM release this module knows has a kernel for it.
std::string_view op_resolver_method(std::string_view builtin_type);

// True when `runtime` ships a kernel for the builtin operator type.
bool runtime_has_kernel(Runtime runtime, std::string_view builtin_type);

// Custom operators TFLM registers itself (e.g. "TFLite_Detection_PostProcess"
// via AddDetectionPostprocess); empty for unknown custom codes.
std::string_view custom_op_resolver_method(Runtime runtime, std::string_view custom_code);

// Op resolver entries and runtime-support problems of one subgraph list.
struct RuntimeCheck {
  std::vector<OpResolverEntry> op_resolver;
  std::vector<UnsupportedOperator> unsupported;
};
RuntimeCheck check_runtime_support(const std::vector<SubgraphInfo>& subgraphs, Runtime runtime);

}  // namespace tinykg::model
