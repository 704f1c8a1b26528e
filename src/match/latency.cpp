#include "match/latency.h"

#include <numeric>

namespace tinykg::match {

namespace {

// Cortex-M4 + CMSIS-NN, int8, cycles per MAC by OpClass: the fit to the
// MLPerf Tiny v0.5 reference submission (docs/match.md, "Calibration").
constexpr std::array<double, kOpClassCount> kM4CmsisCyclesPerMac = {6.75, 25.7, 4.43, 4.0};
// Interpreter work per layer (node dispatch, quantization parameters, tensor lookups).
constexpr double kLayerOverheadCycles = 3000;
// TFLite Micro's reference kernels against CMSIS-NN on the same Cortex-M4:
// the CMSIS-NN paper (Lai, Suda, Chandra 2018) reports 4.6x the throughput.
constexpr double kReferenceKernelFactor = 4.6;

// Per-clock speed of scalar code relative to the Cortex-M4: the M7 and M55
// dual-issue, the M0+ has no single-instruction multiply-accumulate.
double scalar_factor(CpuCore core) {
  switch (core) {
    case CpuCore::CortexM0Plus: return 1.5;
    case CpuCore::CortexM4: return 1.0;
    case CpuCore::CortexM33: return 1.0;
    case CpuCore::CortexM7: return 0.6;
    case CpuCore::CortexM55: return 0.6;
  }
  return 1.0;
}

// CMSIS-NN's cycles relative to the M4 on each core. M33 has the same DSP
// extension (SMLAD) as the M4; the M7 dual-issues it; the M55 uses Helium
// (MVE) vectors; the M0+ has no DSP extension, so CMSIS-NN falls back to
// plain C, as slow as the reference kernels.
double cmsis_factor(CpuCore core) {
  switch (core) {
    case CpuCore::CortexM0Plus: return kReferenceKernelFactor * scalar_factor(core);
    case CpuCore::CortexM4: return 1.0;
    case CpuCore::CortexM33: return 1.0;
    case CpuCore::CortexM7: return 0.6;
    case CpuCore::CortexM55: return 0.25;
  }
  return 1.0;
}

// Float layers run TFLite Micro's float reference kernels (CMSIS-NN has no
// float path): like int8 reference kernels on cores with an FPU; the M0+
// emulates floating point in software (assumed 8x slower still).
double float_factor(CpuCore core) {
  double f = kReferenceKernelFactor * scalar_factor(core);
  return core == CpuCore::CortexM0Plus ? f * 8 : f;
}

// Active power per MHz of the whole MCU during inference. M4, M33 and M7: the
// mean of published energy / published latency over the four MLPerf Tiny
// benchmarks on one board each (docs/match.md, "Energy calibration"):
//   M4  0.339  NUCLEO-L4R5ZI, 120 MHz, 1.8 V (v0.5 reference, TFLite Micro)
//   M33 0.160  NUCLEO-U575ZI-Q, 160 MHz, 1.8 V + SMPS (v1.0 ST, X-CUBE-AI)
//   M7  0.56   NUCLEO-H7A3ZI-Q, 280 MHz, 3.3 V + SMPS (v1.0 ST, X-CUBE-AI)
// Power depends on the chip and its supply more than on the framework, so
// the X-CUBE-AI boards still give the core's figure. M0+ and M55: typical
// run-mode current per MHz from vendors' data sheets at 3.3 V, not calibrated
// (no MLPerf Tiny energy result on these cores).
double milliwatts_per_mhz(CpuCore core) {
  switch (core) {
    case CpuCore::CortexM0Plus: return 0.23;
    case CpuCore::CortexM4: return 0.339;
    case CpuCore::CortexM33: return 0.160;
    case CpuCore::CortexM7: return 0.56;
    case CpuCore::CortexM55: return 0.2;
  }
  return 0.339;
}

}  // namespace

OpClass op_class(std::string_view op) {
  if (op == "DEPTHWISE_CONV_2D" || op == "DepthwiseConv2D") return OpClass::Depthwise;
  if (op == "CONV_2D" || op == "CONV_3D" || op == "TRANSPOSE_CONV" || op == "CONV_3D_TRANSPOSE" ||
      op == "Conv2D" || op == "Conv3D" || op == "TransposeConv") {
    return OpClass::Convolution;
  }
  // Matrix-vector work: dense layers, batched matrix products and the
  // recurrent cells, whose MACs are their gates' matrix products.
  if (op == "FULLY_CONNECTED" || op == "BATCH_MATMUL" || op == "UNIDIRECTIONAL_SEQUENCE_LSTM" ||
      op == "UNIDIRECTIONAL_SEQUENCE_RNN" || op == "BIDIRECTIONAL_SEQUENCE_LSTM" ||
      op == "LSTM" || op == "SVDF" || op == "FullyConnected" || op == "Dense") {
    return OpClass::FullyConnected;
  }
  return OpClass::Other;
}

std::string_view to_string(OpClass c) {
  switch (c) {
    case OpClass::Convolution: return "convolution";
    case OpClass::Depthwise: return "depthwise";
    case OpClass::FullyConnected: return "fully_connected";
    case OpClass::Other: return "other";
  }
  return "?";
}

void Workload::add_layer(std::string_view op_code, double macs, bool is_float) {
  auto& into = is_float ? float_macs : int_macs;
  into[static_cast<size_t>(op_class(op_code))] += macs;
  ++layers;
}

void Workload::add_unattributed(double macs) {
  int_macs[static_cast<size_t>(OpClass::Convolution)] += macs;
}

double Workload::total_macs() const {
  return std::accumulate(int_macs.begin(), int_macs.end(), 0.0) +
         std::accumulate(float_macs.begin(), float_macs.end(), 0.0);
}

std::array<double, kOpClassCount> Workload::mix() const {
  std::array<double, kOpClassCount> shares{};
  double total = total_macs();
  if (total <= 0) return shares;
  for (size_t c = 0; c < kOpClassCount; ++c) shares[c] = (int_macs[c] + float_macs[c]) / total;
  return shares;
}

std::optional<InferenceEstimate> estimate(const Workload& w, const BoardHardware& board) {
  if (!board.estimable() || w.empty()) return std::nullopt;
  const CpuCore core = *board.core;
  const bool cmsis = board.kernels.value_or(KernelLibrary::Reference) == KernelLibrary::CmsisNn;
  const double int_factor =
      cmsis ? cmsis_factor(core) : kReferenceKernelFactor * scalar_factor(core);
  InferenceEstimate e;
  e.cycles = static_cast<double>(w.layers) * kLayerOverheadCycles * scalar_factor(core);
  for (size_t c = 0; c < kOpClassCount; ++c) {
    e.cycles += kM4CmsisCyclesPerMac[c] *
                (w.int_macs[c] * int_factor + w.float_macs[c] * float_factor(core));
  }
  e.latency_ms = e.cycles / (*board.clock_mhz * 1000.0);
  e.power_mw = board.active_power_mw.value_or(milliwatts_per_mhz(core) * *board.clock_mhz);
  e.energy_mj = e.power_mw * e.latency_ms / 1000.0;
  return e;
}

BoardHardware reference_platform() {
  BoardHardware hw;
  hw.core = CpuCore::CortexM4;
  hw.core_text = "Cortex-M4";
  hw.clock_mhz = 120;
  hw.kernels = KernelLibrary::CmsisNn;
  return hw;
}

}  // namespace tinykg::match
