// Published MLPerf Tiny energy results (closed division, EEMBC EnergyRunner
// energy mode) on the three Cortex-M boards that calibrate the per-core
// active power of match/latency.cpp. Each figure is read from the
// submission's results.txt: latency = 1000 / "Median throughput" (ms, in
// energy mode), energy = "Median energy cost" (µJ per inference).
#pragma once

#include <string>
#include <vector>

#include "match/hardware.h"
#include "match/latency.h"
#include "mlperf_tiny_models.h"

namespace tinykg::match::testing {

struct PublishedEnergy {
  std::string board;
  CpuCore core;
  double clock_mhz;
  bool tflite_micro;  // TFLite Micro + CMSIS-NN, what the latency model prices
  std::string benchmark;
  Workload workload;
  double median_throughput;  // inferences per second
  double energy_uj;          // per inference
  std::string source;        // repository and path of results.txt

  double latency_ms() const { return 1000 / median_throughput; }
  double power_mw() const { return energy_uj / latency_ms(); }
};

inline std::vector<PublishedEnergy> mlperf_tiny_energy() {
  // v0.5 reference submission: STM32L4R5ZI, TFLite Micro v2.3.1, 1.8 V.
  const std::string ref =
      "mlcommons/tiny_results_v0.5 closed/reference/results/Nucleo-L4R5ZI/";
  // v1.0 STMicroelectronics: X-CUBE-AI v7.3.0; U575 at 1.8 V, H7A3 at 3.3 V, both SMPS.
  const std::string st = "mlcommons/tiny_results_v1.0 closed/STMicroelectronics/results/";
  const auto M4 = CpuCore::CortexM4, M33 = CpuCore::CortexM33, M7 = CpuCore::CortexM7;
  return {
      {"NUCLEO-L4R5ZI", M4, 120, true, "kws", ds_cnn_kws(), 5.539, 7373.704,
       ref + "kws/energy/results.txt"},
      {"NUCLEO-L4R5ZI", M4, 120, true, "vww", mobilenet_v1_025_vww(), 1.658, 24312.648,
       ref + "vww/energy/results.txt"},
      {"NUCLEO-L4R5ZI", M4, 120, true, "ic", resnet8_ic(), 1.420, 29207.010,
       ref + "ic/energy/results.txt"},
      {"NUCLEO-L4R5ZI", M4, 120, true, "ad", fc_autoencoder_ad(), 96.154, 416.312,
       ref + "ad/energy/results.txt"},
      {"NUCLEO-U575ZI-Q", M33, 160, false, "kws", ds_cnn_kws(), 22.689, 1138.534,
       st + "NUCLEO-U575ZI-Q/kws/energy/results.txt"},
      {"NUCLEO-U575ZI-Q", M33, 160, false, "vww", mobilenet_v1_025_vww(), 7.525, 3364.456,
       st + "NUCLEO-U575ZI-Q/vww/energy/results.txt"},
      {"NUCLEO-U575ZI-Q", M33, 160, false, "ic", resnet8_ic(), 7.200, 3641.998,
       st + "NUCLEO-U575ZI-Q/ic/energy/results.txt"},
      {"NUCLEO-U575ZI-Q", M33, 160, false, "ad", fc_autoencoder_ad(), 207.366, 119.113,
       st + "NUCLEO-U575ZI-Q/ad/energy/results.txt"},
      {"NUCLEO-H7A3ZI-Q", M7, 280, false, "kws", ds_cnn_kws(), 59.782, 2721.781,
       st + "NUCLEO-H7A3ZI-Q/kws/energy/results.txt"},
      {"NUCLEO-H7A3ZI-Q", M7, 280, false, "vww", mobilenet_v1_025_vww(), 19.749, 7978.465,
       st + "NUCLEO-H7A3ZI-Q/vww/energy/results.txt"},
      // "enegy" is the directory's spelling in the repository.
      {"NUCLEO-H7A3ZI-Q", M7, 280, false, "ic", resnet8_ic(), 18.443, 8707.284,
       st + "NUCLEO-H7A3ZI-Q/ic/enegy/results.txt"},
      {"NUCLEO-H7A3ZI-Q", M7, 280, false, "ad", fc_autoencoder_ad(), 548.697, 266.486,
       st + "NUCLEO-H7A3ZI-Q/ad/energy/results.txt"},
  };
}

}  // namespace tinykg::match::testing
