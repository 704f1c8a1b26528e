// Latency and energy of one inference of a model on a board, estimated from
// the model's per-layer MACs and operator mix and the board's core, clock and
// kernel library (match/hardware.h).
//
// The model: every layer costs a fixed per-invocation overhead plus its MACs
// times a cycles-per-MAC rate of its operator class,
//
//   cycles = Σ_layers [ kLayerOverheadCycles · core_scalar
//                       + MACs · rate(class) · factor(core, kernels, float?) ]
//
// where rate(class) is the Cortex-M4 + CMSIS-NN rate for int8 kernels,
// fitted to the MLPerf Tiny v0.5 reference submission (NUCLEO-L4R5ZI,
// Cortex-M4 at 120 MHz): convolution 6.75, depthwise convolution 25.7,
// fully connected 4.43 cycles/MAC; element-wise and pooling work ("other",
// counted by the analyzer as one MAC per element) 4 cycles. The other
// cores and the reference kernels are scaled from it by architectural
// factors, not fitted (docs/match.md lists them and where they come from).
// Energy = latency × active power (stated by the board, else a per-core
// mW/MHz figure × clock). The M4, M33 and M7 figures are fitted to MLPerf
// Tiny energy results (published energy / published latency); on the
// reference platform the energy estimate is within 10 % of the published
// energy. M0+ and M55 figures are data-sheet orders of magnitude.
#pragma once

#include <array>
#include <cstddef>
#include <optional>
#include <string_view>

#include "match/hardware.h"

namespace tinykg::match {

enum class OpClass { Convolution, Depthwise, FullyConnected, Other };
inline constexpr size_t kOpClassCount = 4;

// The class of a TFLite builtin operator code ("CONV_2D", "DEPTHWISE_CONV_2D",
// "FULLY_CONNECTED", ...) or of an nnet layer type local name ("Conv2D", ...).
OpClass op_class(std::string_view op_code);
std::string_view to_string(OpClass op_class);  // "convolution", ...

// The computing work of one inference, summed per operator class.
struct Workload {
  std::array<double, kOpClassCount> int_macs{};    // int8 / uint8 / int16 layers
  std::array<double, kOpClassCount> float_macs{};  // float32 / float16 layers
  size_t layers = 0;

  void add_layer(std::string_view op_code, double macs, bool is_float);
  // A model known only by its total MACs: priced as convolution, no layer
  // overhead (the mix is unknown).
  void add_unattributed(double macs);
  bool empty() const { return layers == 0 && total_macs() == 0; }
  double total_macs() const;
  // Share of the MACs in each class (0 when there are none).
  std::array<double, kOpClassCount> mix() const;
};

struct InferenceEstimate {
  double cycles = 0;
  double latency_ms = 0;
  double energy_mj = 0;
  double power_mw = 0;  // the active power used for the energy
};

// nullopt when the board's hardware is not estimable (core or clock not
// stated; BoardHardware::missing() says which) or the workload is empty.
std::optional<InferenceEstimate> estimate(const Workload& workload, const BoardHardware& board);

// The calibration platform: Cortex-M4 at 120 MHz with CMSIS-NN kernels (the
// MLPerf Tiny reference board). Rankings by latency without a board use it.
BoardHardware reference_platform();

}  // namespace tinykg::match
