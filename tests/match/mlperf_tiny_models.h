// The four MLPerf Tiny v0.5 closed-division reference networks, layer by
// layer, as Workloads: the operator of each layer and its MACs computed from
// the published architecture (mlcommons/tiny training scripts), the way the
// model analyzer counts them (a convolution: output elements x kernel area x
// input channels per group; pooling and element-wise layers: one per element).
// The published latencies are those of the reference submission on the
// NUCLEO-L4R5ZI (Cortex-M4, 120 MHz), quoted in issue #9.
#pragma once

#include <string>
#include <vector>

#include "match/latency.h"

namespace tinykg::match::testing {

struct ReferenceWorkload {
  std::string name;
  double published_ms;
  Workload workload;
};

class LayerList {
 public:
  // kxk convolution with `in` input channels to an oh x ow x `out` map.
  LayerList& conv(int oh, int ow, int out, int k, int in) {
    return add("CONV_2D", double(oh) * ow * out * k * k * in);
  }
  LayerList& depthwise(int oh, int ow, int channels, int k) {
    return add("DEPTHWISE_CONV_2D", double(oh) * ow * channels * k * k);
  }
  LayerList& dense(int in, int out) { return add("FULLY_CONNECTED", double(in) * out); }
  LayerList& elementwise(const char* op, int elements) { return add(op, elements); }
  Workload done() const { return w_; }

 private:
  LayerList& add(const char* op, double macs) {
    w_.add_layer(op, macs, /*is_float=*/false);
    return *this;
  }
  Workload w_;
};

// DS-CNN (keyword spotting): 49x10 MFCC input, 64 filters, four
// depthwise-separable blocks on a 25x5 map.
inline Workload ds_cnn_kws() {
  LayerList l;
  l.elementwise("RESHAPE", 0).conv(25, 5, 64, 1, 10 * 4);  // 10x4 kernel, one input channel
  for (int i = 0; i < 4; ++i) l.depthwise(25, 5, 64, 3).conv(25, 5, 64, 1, 64);
  l.elementwise("AVERAGE_POOL_2D", 25 * 5 * 64).elementwise("RESHAPE", 0).dense(64, 12);
  return l.elementwise("SOFTMAX", 12).done();
}

// MobileNetV1 0.25 (visual wake words): 96x96x3 input, 13 depthwise-separable blocks.
inline Workload mobilenet_v1_025_vww() {
  LayerList l;
  l.conv(48, 48, 8, 3, 3);
  struct Block { int size, in, out; };  // output size of the depthwise step, channels
  const Block blocks[] = {{48, 8, 16},   {24, 16, 32},  {24, 32, 32},  {12, 32, 64},
                          {12, 64, 64},  {6, 64, 128},  {6, 128, 128}, {6, 128, 128},
                          {6, 128, 128}, {6, 128, 128}, {6, 128, 128}, {3, 128, 256},
                          {3, 256, 256}};
  for (const Block& b : blocks) {
    l.depthwise(b.size, b.size, b.in, 3).conv(b.size, b.size, b.out, 1, b.in);
  }
  l.elementwise("AVERAGE_POOL_2D", 3 * 3 * 256).elementwise("RESHAPE", 0).dense(256, 2);
  return l.elementwise("SOFTMAX", 2).done();
}

// ResNet-8 (image classification, CIFAR-10): three stacks of two 3x3
// convolutions with 16, 32, 64 filters, 1x1 projection shortcuts on the last two.
inline Workload resnet8_ic() {
  LayerList l;
  l.conv(32, 32, 16, 3, 3);
  l.conv(32, 32, 16, 3, 16).conv(32, 32, 16, 3, 16).elementwise("ADD", 32 * 32 * 16);
  l.conv(16, 16, 32, 3, 16).conv(16, 16, 32, 3, 32).conv(16, 16, 32, 1, 16);
  l.elementwise("ADD", 16 * 16 * 32);
  l.conv(8, 8, 64, 3, 32).conv(8, 8, 64, 3, 64).conv(8, 8, 64, 1, 32);
  l.elementwise("ADD", 8 * 8 * 64);
  l.elementwise("AVERAGE_POOL_2D", 8 * 8 * 64).elementwise("RESHAPE", 0).dense(64, 10);
  return l.elementwise("SOFTMAX", 10).done();
}

// FC autoencoder (anomaly detection, ToyADMOS): 640 -> 4x128 -> 8 -> 4x128 -> 640.
inline Workload fc_autoencoder_ad() {
  LayerList l;
  const int widths[] = {640, 128, 128, 128, 128, 8, 128, 128, 128, 128, 640};
  for (size_t i = 0; i + 1 < std::size(widths); ++i) l.dense(widths[i], widths[i + 1]);
  return l.done();
}

inline std::vector<ReferenceWorkload> mlperf_tiny_reference() {
  return {{"keyword spotting (DS-CNN)", 182, ds_cnn_kws()},
          {"visual wake words (MobileNetV1 0.25)", 601, mobilenet_v1_025_vww()},
          {"image classification (ResNet-8)", 704, resnet8_ic()},
          {"anomaly detection (FC autoencoder)", 10, fc_autoencoder_ad()}};
}

}  // namespace tinykg::match::testing
