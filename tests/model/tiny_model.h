// TinyModel: builds small .tflite flatbuffers in a test with the generated
// FlatBufferBuilder API, so each test reads like the graph it checks:
//
//   TinyModel m;
//   int in = m.tensor({1, 8, 8, 3});
//   int w = m.constant({16, 3, 3, 3});
//   int out = m.tensor({1, 8, 8, 16});
//   m.conv2d(in, w, -1, out);
//   auto bytes = m.finish({in}, {out});
#pragma once

#include <flatbuffers/flatbuffers.h>

#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "tflite_schema_generated.h"

namespace tinykg::testing {

class TinyModel {
 public:
  static constexpr int8_t kInt8 = 9;
  static constexpr int8_t kFloat32 = 0;
  static constexpr int8_t kFloat16 = 1;
  static constexpr int8_t kInt16 = 7;
  static constexpr int8_t kUInt8 = 3;

  int tensor(std::vector<int32_t> shape, int8_t type = kInt8) {
    tensors_.push_back({std::move(shape), type, false, 1, ""});
    return static_cast<int>(tensors_.size()) - 1;
  }
  // A constant (weights) tensor backed by a non-empty buffer.
  int constant(std::vector<int32_t> shape, int8_t type = kInt8) {
    tensors_.push_back({std::move(shape), type, true, 1, ""});
    return static_cast<int>(tensors_.size()) - 1;
  }
  // A variable tensor (e.g. SVDF / LSTM state): persistent, not planned.
  int variable(std::vector<int32_t> shape, int8_t type = kInt8) {
    tensors_.push_back({std::move(shape), type, false, 1, "", true});
    return static_cast<int>(tensors_.size()) - 1;
  }
  // Raw name bytes (may be invalid UTF-8, to test sanitising).
  void name(int tensor, std::string raw) {
    tensors_[static_cast<size_t>(tensor)].name = std::move(raw);
  }
  // Per-channel quantization with `channels` scales.
  void quantize(int tensor, int channels) {
    tensors_[static_cast<size_t>(tensor)].channels = channels;
  }

  void conv2d(int in, int filter, int bias, int out, int stride = 1) {
    add({3, 3, 1, "", {in, filter, bias}, {out}, Options::kConv, stride});
  }
  void depthwise_conv2d(int in, int filter, int bias, int out, int stride = 1) {
    add({4, 4, 1, "", {in, filter, bias}, {out}, Options::kDepthwise, stride});
  }
  void fully_connected(int in, int weights, int bias, int out) {
    add({9, 9, 1, "", {in, weights, bias}, {out}, Options::kFullyConnected, 1});
  }
  void max_pool(int in, int out, int filter) {
    add({17, 17, 1, "", {in}, {out}, Options::kPool, filter});
  }
  // AVERAGE_POOL_2D (1), MAX_POOL_2D (17) or L2_POOL_2D (12), square window.
  void pool(int code, int in, int out, int filter) {
    add({static_cast<int8_t>(code), code, 1, "", {in}, {out}, Options::kPool, filter});
  }
  // BATCH_MATMUL (126) with adj_x / adj_y.
  void batch_matmul(int x, int y, int out, bool adj_x = false, bool adj_y = false) {
    add({126, 126, 1, "", {x, y}, {out}, Options::kBatchMatMul, (adj_x ? 1 : 0) | (adj_y ? 2 : 0)});
  }
  // Any operator without options; codes >= 127 go in builtin_code only, with
  // the deprecated byte saturated at 127 as converters write it.
  void op(int code, std::vector<int> inputs, std::vector<int> outputs, int version = 1) {
    const int8_t legacy = static_cast<int8_t>(code < 127 ? code : 127);
    add({legacy, code, version, "", std::move(inputs), std::move(outputs), Options::kNone, 1});
  }
  // An operator code written by an old converter: only the deprecated byte.
  void legacy_op(int8_t code, std::vector<int> inputs, std::vector<int> outputs) {
    add({code, 0, 1, "", std::move(inputs), std::move(outputs), Options::kNone, 1});
  }
  void custom(const std::string& name, std::vector<int> inputs, std::vector<int> outputs) {
    add({32, 32, 1, name, std::move(inputs), std::move(outputs), Options::kNone, 1});
  }
  // Overrides an operator's opcode index (to build invalid models).
  void force_opcode_index(size_t op, uint32_t index) { ops_[op].forced_opcode = index; }

  // Control flow (options carry the subgraph indices).
  void while_op(int cond, int body, std::vector<int> inputs, std::vector<int> outputs) {
    add({119, 119, 1, "", std::move(inputs), std::move(outputs), Options::kWhile, cond, body});
  }
  void if_op(int then_sg, int else_sg, std::vector<int> inputs, std::vector<int> outputs) {
    add({118, 118, 1, "", std::move(inputs), std::move(outputs), Options::kIf, then_sg, else_sg});
  }
  void call_once(int init) { add({127, 129, 1, "", {}, {}, Options::kCallOnce, init}); }

  // A further subgraph (index 1, 2, ... in call order) built like this one;
  // its operator codes and buffers are merged into the model.
  int subgraph(TinyModel sub, std::vector<int> inputs, std::vector<int> outputs) {
    sub_models_.push_back(std::move(sub));
    sub_io_.emplace_back(std::move(inputs), std::move(outputs));
    return static_cast<int>(sub_models_.size());
  }
  // A Model.metadata entry backed by its own buffer.
  void metadata(std::string name, std::vector<uint8_t> data) {
    metadata_.emplace_back(std::move(name), std::move(data));
  }
  // int32 values as the little-endian bytes of a metadata buffer.
  static std::vector<uint8_t> int32_bytes(const std::vector<int32_t>& values) {
    std::vector<uint8_t> out;
    for (const int32_t v : values)
      for (int k = 0; k < 4; ++k) out.push_back(static_cast<uint8_t>(uint32_t(v) >> (8 * k)));
    return out;
  }
  // A signature on subgraph `subgraph_index`: name -> tensor index.
  using NamedTensors = std::vector<std::pair<std::string, uint32_t>>;
  void signature(std::string key, NamedTensors inputs, NamedTensors outputs,
                 uint32_t subgraph_index = 0) {
    signatures_.push_back({std::move(key), std::move(inputs), std::move(outputs), subgraph_index});
  }
  // 2-D CSR sparsity: dim 0 DENSE (rows), dim 1 SPARSE_CSR with the given
  // segments / indices (uint8 index vectors when `uint8_indices`).
  void sparse_csr(int tensor, int rows, std::vector<int32_t> segments,
                  std::vector<int32_t> indices, bool uint8_indices = false) {
    auto& t = tensors_[static_cast<size_t>(tensor)];
    t.sparse = true;
    t.sparse_rows = rows;
    t.segments = std::move(segments);
    t.indices = std::move(indices);
    t.uint8_indices = uint8_indices;
  }

  std::vector<uint8_t> finish(const std::vector<int>& inputs, const std::vector<int>& outputs) {
    namespace fb = tinykg::tflite;
    flatbuffers::FlatBufferBuilder b;
    std::vector<flatbuffers::Offset<fb::Buffer>> buffers{fb::CreateBuffer(b)};  // sentinel
    std::vector<flatbuffers::Offset<fb::OperatorCode>> codes;
    std::vector<flatbuffers::Offset<fb::SubGraph>> subgraphs{
        build_subgraph(b, buffers, codes, inputs, outputs, "main")};
    for (size_t i = 0; i < sub_models_.size(); ++i)
      subgraphs.push_back(sub_models_[i].build_subgraph(b, buffers, codes, sub_io_[i].first,
                                                        sub_io_[i].second, "sub"));
    std::vector<flatbuffers::Offset<fb::Metadata>> metadata;
    for (const auto& [name, data] : metadata_) {
      buffers.push_back(fb::CreateBuffer(b, b.CreateVector(data)));
      metadata.push_back(
          fb::CreateMetadata(b, b.CreateString(name), static_cast<uint32_t>(buffers.size() - 1)));
    }
    std::vector<flatbuffers::Offset<fb::SignatureDef>> signatures;
    for (const Signature& sig : signatures_) {
      auto maps = [&](const NamedTensors& list) {
        std::vector<flatbuffers::Offset<fb::TensorMap>> out;
        for (const auto& [name, index] : list)
          out.push_back(fb::CreateTensorMap(b, b.CreateString(name), index));
        return b.CreateVector(out);
      };
      auto in = maps(sig.inputs);
      auto out = maps(sig.outputs);
      signatures.push_back(
          fb::CreateSignatureDef(b, in, out, b.CreateString(sig.key), sig.subgraph_index));
    }
    auto model = fb::CreateModel(
        b, 3, b.CreateVector(codes), b.CreateVector(subgraphs), b.CreateString("tiny"),
        b.CreateVector(buffers), 0, metadata.empty() ? 0 : b.CreateVector(metadata),
        signatures.empty() ? 0 : b.CreateVector(signatures));
    fb::FinishModelBuffer(b, model);
    return {b.GetBufferPointer(), b.GetBufferPointer() + b.GetSize()};
  }

 private:
  enum class Options {
    kNone, kConv, kDepthwise, kFullyConnected, kPool, kBatchMatMul, kWhile, kIf, kCallOnce
  };
  struct Tensor {
    std::vector<int32_t> shape;
    int8_t type;
    bool constant;
    int channels;
    std::string name;
    bool variable = false;
    bool sparse = false;
    int sparse_rows = 0;
    std::vector<int32_t> segments, indices;
    bool uint8_indices = false;
  };
  struct Op {
    int8_t legacy_code;
    int code;
    int version;
    std::string custom_code;
    std::vector<int> inputs, outputs;
    Options options;
    int param;  // stride, or pool window, or first subgraph index
    int param2 = 0;  // second subgraph index (IF else, WHILE body)
    std::optional<uint32_t> forced_opcode = std::nullopt;
  };
  struct Signature {
    std::string key;
    NamedTensors inputs, outputs;
    uint32_t subgraph_index;
  };

  flatbuffers::Offset<tinykg::tflite::SubGraph> build_subgraph(
      flatbuffers::FlatBufferBuilder& b,
      std::vector<flatbuffers::Offset<tinykg::tflite::Buffer>>& buffers,
      std::vector<flatbuffers::Offset<tinykg::tflite::OperatorCode>>& codes,
      const std::vector<int>& inputs, const std::vector<int>& outputs,
      const std::string& name) const {
    namespace fb = tinykg::tflite;
    std::vector<flatbuffers::Offset<fb::Tensor>> tensors;
    for (const Tensor& t : tensors_) {
      uint32_t buffer = 0;
      if (t.constant) {
        const std::vector<uint8_t> data(16, 1);
        buffers.push_back(fb::CreateBuffer(b, b.CreateVector(data)));
        buffer = static_cast<uint32_t>(buffers.size() - 1);
      }
      const std::vector<float> scales(static_cast<size_t>(t.channels), 0.5f);
      const std::vector<int64_t> zeros(static_cast<size_t>(t.channels), 0);
      auto q =
          fb::CreateQuantizationParameters(b, 0, 0, b.CreateVector(scales), b.CreateVector(zeros));
      flatbuffers::Offset<fb::SparsityParameters> sparsity = 0;
      if (t.sparse) {
        auto index_vector = [&](const std::vector<int32_t>& v)
            -> std::pair<fb::SparseIndexVector, flatbuffers::Offset<void>> {
          if (t.uint8_indices) {
            std::vector<uint8_t> u(v.begin(), v.end());
            return {fb::SparseIndexVector::Uint8Vector,
                    fb::CreateUint8Vector(b, b.CreateVector(u)).Union()};
          }
          return {fb::SparseIndexVector::Int32Vector,
                  fb::CreateInt32Vector(b, b.CreateVector(v)).Union()};
        };
        auto [seg_type, seg] = index_vector(t.segments);
        auto [idx_type, idx] = index_vector(t.indices);
        std::vector<flatbuffers::Offset<fb::DimensionMetadata>> dims{
            fb::CreateDimensionMetadata(b, 0, t.sparse_rows),
            fb::CreateDimensionMetadata(b, 1, 0, seg_type, seg, idx_type, idx)};
        const std::vector<int32_t> order{0, 1};
        sparsity = fb::CreateSparsityParameters(b, b.CreateVector(order), 0, b.CreateVector(dims));
      }
      tensors.push_back(fb::CreateTensor(
          b, b.CreateVector(t.shape), t.type, buffer,
          b.CreateString(t.name.empty() ? tensor_name(tensors.size()) : t.name), q, t.variable,
          sparsity));
    }
    std::vector<flatbuffers::Offset<fb::Operator>> ops;
    for (const Op& o : ops_) {
      codes.push_back(fb::CreateOperatorCode(
          b, o.legacy_code, o.custom_code.empty() ? 0 : b.CreateString(o.custom_code), o.version,
          o.code));
      const uint32_t opcode =
          o.forced_opcode ? *o.forced_opcode : static_cast<uint32_t>(codes.size() - 1);
      auto [type, options] = build_options(b, o);
      ops.push_back(fb::CreateOperator(b, opcode, b.CreateVector(o.inputs),
                                       b.CreateVector(o.outputs), type, options));
    }
    return fb::CreateSubGraph(b, b.CreateVector(tensors), b.CreateVector(inputs),
                              b.CreateVector(outputs), b.CreateVector(ops), b.CreateString(name));
  }
  void add(Op op) { ops_.push_back(std::move(op)); }
  // Built with append: GCC 12 flags `"t" + std::to_string(n)` with a false
  // -Wrestrict positive.
  static std::string tensor_name(size_t index) {
    std::string name = "t";
    name.append(std::to_string(index));
    return name;
  }

  static std::pair<tinykg::tflite::BuiltinOptions, flatbuffers::Offset<void>> build_options(
      flatbuffers::FlatBufferBuilder& b, const Op& o) {
    namespace fb = tinykg::tflite;
    switch (o.options) {
      case Options::kConv:
        return {fb::BuiltinOptions::Conv2DOptions,
                fb::CreateConv2DOptions(b, 0, o.param, o.param, 3).Union()};
      case Options::kDepthwise:
        return {fb::BuiltinOptions::DepthwiseConv2DOptions,
                fb::CreateDepthwiseConv2DOptions(b, 0, o.param, o.param, 1, 1).Union()};
      case Options::kFullyConnected:
        return {fb::BuiltinOptions::FullyConnectedOptions,
                fb::CreateFullyConnectedOptions(b, 1).Union()};
      case Options::kPool:
        return {fb::BuiltinOptions::Pool2DOptions,
                fb::CreatePool2DOptions(b, 0, o.param, o.param, o.param, o.param).Union()};
      case Options::kBatchMatMul:
        return {fb::BuiltinOptions::BatchMatMulOptions,
                fb::CreateBatchMatMulOptions(b, (o.param & 1) != 0, (o.param & 2) != 0).Union()};
      case Options::kWhile:
        return {fb::BuiltinOptions::WhileOptions,
                fb::CreateWhileOptions(b, o.param, o.param2).Union()};
      case Options::kIf:
        return {fb::BuiltinOptions::IfOptions, fb::CreateIfOptions(b, o.param, o.param2).Union()};
      case Options::kCallOnce:
        return {fb::BuiltinOptions::CallOnceOptions,
                fb::CreateCallOnceOptions(b, o.param).Union()};
      case Options::kNone:
        break;
    }
    return {fb::BuiltinOptions::NONE, 0};
  }

  std::vector<Tensor> tensors_;
  std::vector<Op> ops_;
  std::vector<TinyModel> sub_models_;
  std::vector<std::pair<std::vector<int>, std::vector<int>>> sub_io_;
  std::vector<std::pair<std::string, std::vector<uint8_t>>> metadata_;
  std::vector<Signature> signatures_;
};


}  // namespace tinykg::testing
