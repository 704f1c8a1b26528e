// Latency and energy estimates: the calibration against the MLPerf Tiny
// reference submission, the scaling rules between cores, clocks and kernel
// libraries, and the board facts read from the graph.
#include <gtest/gtest.h>

#include <cmath>
#include <cstdio>

#include "match/latency.h"
#include "match_graph.h"
#include "mlperf_tiny_models.h"

namespace tinykg::match {
namespace {

using testing::MatchGraph;

// Stated in docs/match.md and BENCHMARKS.md: every calibration workload
// within 10 % of the published latency.
constexpr double kCalibrationTolerance = 0.10;

BoardHardware board(CpuCore core, double mhz, KernelLibrary kernels) {
  BoardHardware hw;
  hw.core = core;
  hw.clock_mhz = mhz;
  hw.kernels = kernels;
  return hw;
}

TEST(Latency, ReferenceNetworksHaveThePublishedMacCounts) {
  // The architectures' MAC totals as the MLPerf Tiny paper lists them
  // (2.66M, 7.49M, 12.5M, 0.26M); a wrong layer list would move them.
  EXPECT_NEAR(testing::ds_cnn_kws().total_macs(), 2.66e6, 0.01e6);
  EXPECT_NEAR(testing::mobilenet_v1_025_vww().total_macs(), 7.49e6, 0.01e6);
  EXPECT_NEAR(testing::resnet8_ic().total_macs(), 12.53e6, 0.01e6);
  EXPECT_NEAR(testing::fc_autoencoder_ad().total_macs(), 0.264e6, 0.001e6);
}

TEST(Latency, MatchesMlperfTinyReferenceOnNucleoL4R5ZI) {
  const BoardHardware nucleo = reference_platform();
  double sum_abs_error = 0;
  size_t n = 0;
  for (const auto& ref : testing::mlperf_tiny_reference()) {
    auto e = estimate(ref.workload, nucleo);
    ASSERT_TRUE(e) << ref.name;
    double error = e->latency_ms / ref.published_ms - 1;
    EXPECT_LT(std::abs(error), kCalibrationTolerance)
        << ref.name << ": estimated " << e->latency_ms << " ms, published " << ref.published_ms
        << " ms";
    // The table of docs/match.md "Calibration" and BENCHMARKS.md.
    std::printf("calibration %-22s estimated %8.1f ms  published %6.0f ms  error %+5.1f %%\n",
                ref.name.c_str(), e->latency_ms, ref.published_ms, 100 * error);
    sum_abs_error += std::abs(error);
    ++n;
  }
  ASSERT_EQ(n, 4u);
  // docs/match.md and BENCHMARKS.md state a mean absolute error of 4.1 %.
  EXPECT_NEAR(sum_abs_error / n, 0.041, 0.0005);
}

TEST(Latency, AnalyzedDsCnnFromTheGraphMatchesTheReference) {
  // The real ARM DS-CNN Small .tflite (the MLPerf Tiny KWS network) through
  // the analyzer, the graph and the match engine's layer queries.
  MatchGraph g;
  auto imported = g.graph().add_model_file(tinykg::testing::source_dir() +
                                           "/data/reference/models/ARM_DS_CNN_Small_.tflite");
  ASSERT_TRUE(imported.ok()) << imported.error();
  auto model = g.matcher().model(imported->iri);
  ASSERT_TRUE(model.ok()) << model.error();
  const Workload& w = model->facts.workload;
  EXPECT_EQ(w.layers, 14u);
  EXPECT_NEAR(w.total_macs(), testing::ds_cnn_kws().total_macs(), 1e3);
  auto e = estimate(w, reference_platform());
  ASSERT_TRUE(e);
  EXPECT_LT(std::abs(e->latency_ms / 182 - 1), kCalibrationTolerance) << e->latency_ms;
}

TEST(Latency, ScalesWithClockCoreAndKernels) {
  const Workload kws = testing::ds_cnn_kws();
  auto m4 = estimate(kws, board(CpuCore::CortexM4, 120, KernelLibrary::CmsisNn));
  auto m4_slow = estimate(kws, board(CpuCore::CortexM4, 60, KernelLibrary::CmsisNn));
  auto m4_ref = estimate(kws, board(CpuCore::CortexM4, 120, KernelLibrary::Reference));
  auto m0 = estimate(kws, board(CpuCore::CortexM0Plus, 120, KernelLibrary::CmsisNn));
  auto m7 = estimate(kws, board(CpuCore::CortexM7, 120, KernelLibrary::CmsisNn));
  auto m55 = estimate(kws, board(CpuCore::CortexM55, 120, KernelLibrary::CmsisNn));
  ASSERT_TRUE(m4 && m4_slow && m4_ref && m0 && m7 && m55);
  EXPECT_DOUBLE_EQ(m4_slow->latency_ms, 2 * m4->latency_ms);  // same cycles, half the clock
  EXPECT_GT(m4_ref->latency_ms, 3 * m4->latency_ms);          // reference kernels
  EXPECT_GT(m0->latency_ms, m4_ref->latency_ms);              // no DSP extension on M0+
  EXPECT_LT(m7->latency_ms, m4->latency_ms);
  EXPECT_LT(m55->latency_ms, m7->latency_ms);
  EXPECT_GT(m4->energy_mj, 0);
  EXPECT_NEAR(m4->energy_mj, m4->power_mw * m4->latency_ms / 1000, 1e-12);
}

TEST(Latency, KernelLibraryNotStatedMeansReferenceKernels) {
  BoardHardware unstated = board(CpuCore::CortexM4, 64, KernelLibrary::Reference);
  unstated.kernels.reset();
  auto a = estimate(testing::resnet8_ic(), unstated);
  auto b = estimate(testing::resnet8_ic(), board(CpuCore::CortexM4, 64, KernelLibrary::Reference));
  ASSERT_TRUE(a && b);
  EXPECT_DOUBLE_EQ(a->latency_ms, b->latency_ms);
}

TEST(Latency, FloatLayersCostMoreThanInt8) {
  Workload int8, f32;
  int8.add_layer("CONV_2D", 1e6, false);
  f32.add_layer("CONV_2D", 1e6, true);
  auto hw = board(CpuCore::CortexM4, 100, KernelLibrary::CmsisNn);
  EXPECT_GT(estimate(f32, hw)->latency_ms, 3 * estimate(int8, hw)->latency_ms);
}

TEST(Latency, NoEstimateWithoutCoreClockOrWork) {
  BoardHardware hw = board(CpuCore::CortexM4, 64, KernelLibrary::CmsisNn);
  EXPECT_FALSE(estimate(Workload{}, hw));
  BoardHardware no_core = hw;
  no_core.core.reset();
  EXPECT_FALSE(estimate(testing::ds_cnn_kws(), no_core));
  EXPECT_EQ(no_core.missing(), "the board's core is not stated");
  no_core.core_text = "RISC-V";
  EXPECT_EQ(no_core.missing(), "core 'RISC-V' is not modelled");
  BoardHardware no_clock = hw;
  no_clock.clock_mhz.reset();
  EXPECT_FALSE(estimate(testing::ds_cnn_kws(), no_clock));
  no_clock.clock_mhz = 0;
  EXPECT_FALSE(estimate(testing::ds_cnn_kws(), no_clock));
}

TEST(Latency, OperatorClasses) {
  EXPECT_EQ(op_class("CONV_2D"), OpClass::Convolution);
  EXPECT_EQ(op_class("DEPTHWISE_CONV_2D"), OpClass::Depthwise);
  EXPECT_EQ(op_class("FULLY_CONNECTED"), OpClass::FullyConnected);
  EXPECT_EQ(op_class("UNIDIRECTIONAL_SEQUENCE_LSTM"), OpClass::FullyConnected);
  EXPECT_EQ(op_class("SOFTMAX"), OpClass::Other);
}

TEST(Hardware, CoreAndKernelSpellings) {
  EXPECT_EQ(parse_cpu_core("Cortex-M4"), CpuCore::CortexM4);
  EXPECT_EQ(parse_cpu_core("ARM Cortex-M4F"), CpuCore::CortexM4);
  EXPECT_EQ(parse_cpu_core("cortex_m33"), CpuCore::CortexM33);
  EXPECT_EQ(parse_cpu_core("M0+"), CpuCore::CortexM0Plus);
  EXPECT_EQ(parse_cpu_core("Cortex-M0plus"), CpuCore::CortexM0Plus);
  EXPECT_EQ(parse_cpu_core("Cortex-M7"), CpuCore::CortexM7);
  EXPECT_EQ(parse_cpu_core("Cortex-M55"), CpuCore::CortexM55);
  EXPECT_FALSE(parse_cpu_core("RISC-V"));
  EXPECT_FALSE(parse_cpu_core("Cortex-M3"));
  EXPECT_EQ(parse_kernel_library("CMSIS-NN"), KernelLibrary::CmsisNn);
  EXPECT_EQ(parse_kernel_library("reference"), KernelLibrary::Reference);
  EXPECT_FALSE(parse_kernel_library("vendor magic"));
}

constexpr const char* kBoards = R"(
@prefix tkg: <https://tinykg.dev/ns#> .
ex:on-mcu a s3n:SmartSensor ; ssn:hasSubSystem ex:on-mcu-mcu .
ex:on-mcu-mcu a s3n:MicroController ;
  tkg:cpuCore "ARM Cortex-M4F" ; tkg:clockFrequencyMHz "64"^^xsd:decimal ;
  tkg:kernelLibrary "cmsis-nn" ; tkg:activePowerMilliwatts 10 .
ex:on-board a s3n:SmartSensor ; tkg:cpuCore "Cortex-M0+" ; tkg:clockFrequencyMHz 48 .
ex:riscv a s3n:SmartSensor ; tkg:cpuCore "RISC-V" ; tkg:clockFrequencyMHz 200 .
ex:bare a s3n:SmartSensor .
)";

TEST(Hardware, ReadFromTheBoardOrItsMicrocontroller) {
  MatchGraph g(kBoards);
  auto on_mcu = g.matcher().device("http://example.org/on-mcu");
  ASSERT_TRUE(on_mcu.ok()) << on_mcu.error();
  EXPECT_EQ(on_mcu->hardware.core, CpuCore::CortexM4);
  EXPECT_EQ(on_mcu->hardware.clock_mhz, 64.0);
  EXPECT_EQ(on_mcu->hardware.kernels, KernelLibrary::CmsisNn);
  EXPECT_EQ(on_mcu->hardware.active_power_mw, 10.0);
  auto e = estimate(testing::ds_cnn_kws(), on_mcu->hardware);
  ASSERT_TRUE(e);
  EXPECT_DOUBLE_EQ(e->power_mw, 10.0);

  auto on_board = g.matcher().device("http://example.org/on-board");
  ASSERT_TRUE(on_board.ok());
  EXPECT_EQ(on_board->hardware.core, CpuCore::CortexM0Plus);
  EXPECT_EQ(on_board->hardware.clock_mhz, 48.0);
  EXPECT_FALSE(on_board->hardware.kernels);

  auto fleet = g.matcher().fleet();
  ASSERT_TRUE(fleet.ok());
  for (const auto& d : (*fleet)->devices()) {
    bool estimable = d.iri.ends_with("on-mcu") || d.iri.ends_with("on-board");
    EXPECT_EQ(d.hardware.estimable(), estimable) << d.iri << ": " << d.hardware.missing();
  }
}

}  // namespace
}  // namespace tinykg::match
