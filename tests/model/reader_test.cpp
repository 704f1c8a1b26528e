// TfliteReader: real models parse; hostile bytes fail with one clear line.
#include <gtest/gtest.h>

#include <fstream>
#include <random>

#include "model/analyzer.h"
#include "model/tflite_enums.h"
#include "model/tflite_reader.h"
#include "reference_models.h"
#include "tiny_model.h"

namespace tinykg::model {
namespace {

using testing::TinyModel;

std::vector<uint8_t> tiny_fc_model() {
  TinyModel m;
  const int in = m.tensor({1, 4});
  const int w = m.constant({2, 4});
  const int out = m.tensor({1, 2});
  m.fully_connected(in, w, -1, out);
  return m.finish({in}, {out});
}

TEST(TfliteReader, ReadsAllReferenceModels) {
  TINYKG_REQUIRE_SHARED();
  const auto measured = testing::measured_arenas();
  ASSERT_EQ(measured.size(), 23u);
  for (const auto& [name, facts] : measured) {
    SCOPED_TRACE(name);
    auto bytes = read_model_file(testing::model_path(name));
    ASSERT_TRUE(bytes.ok()) << bytes.error();
    EXPECT_EQ(bytes->size(), facts.file_bytes);
    auto model = read_tflite(*bytes);
    ASSERT_TRUE(model.ok()) << model.error();
    EXPECT_EQ(model->info.schema_version, 3u);
    ASSERT_EQ(model->info.subgraphs.size(), 1u);
    const SubgraphInfo& sg = model->info.subgraphs[0];
    EXPECT_FALSE(sg.operators.empty());
    EXPECT_EQ(sg.inputs.size(), 1u);
    for (const OperatorInfo& op : sg.operators) {
      EXPECT_FALSE(op.is_custom);
      EXPECT_FALSE(op.type.starts_with("BUILTIN_")) << op.type;
    }
  }
}

TEST(TfliteReader, HelloWorldGraph) {
  TINYKG_REQUIRE_SHARED();
  auto bytes = read_model_file(testing::model_path("Hello_World"));
  ASSERT_TRUE(bytes.ok());
  auto model = read_tflite(*bytes);
  ASSERT_TRUE(model.ok()) << model.error();
  const SubgraphInfo& sg = model->info.subgraphs[0];
  ASSERT_EQ(sg.operators.size(), 3u);
  EXPECT_EQ(sg.operators[0].type, "FULLY_CONNECTED");
  EXPECT_EQ(sg.operators[0].version, 4);
  EXPECT_EQ(sg.operators[0].activation, "RELU");
  EXPECT_EQ(sg.tensors[static_cast<size_t>(sg.inputs[0])].dtype, "INT8");
  EXPECT_EQ(sg.tensors[static_cast<size_t>(sg.inputs[0])].shape, (std::vector<int32_t>{1, 1}));
}

TEST(TfliteEnums, NamesCoverTheWholeBuiltinRange) {
  EXPECT_EQ(builtin_operator_name(0), "ADD");
  EXPECT_EQ(builtin_operator_name(3), "CONV_2D");
  EXPECT_EQ(builtin_operator_name(32), "CUSTOM");
  EXPECT_EQ(builtin_operator_name(126), "BATCH_MATMUL");
  EXPECT_EQ(builtin_operator_name(127), "PLACEHOLDER_FOR_GREATER_OP_CODES");
  EXPECT_EQ(builtin_operator_name(150), "GELU");
  EXPECT_EQ(builtin_operator_name(203), "DILATE");
  EXPECT_EQ(builtin_operator_name(205), "REDUCE_WINDOW");
  for (int code = 0; code <= 205; ++code) EXPECT_FALSE(builtin_operator_name(code).empty()) << code;
  EXPECT_TRUE(builtin_operator_name(206).empty());
  EXPECT_TRUE(builtin_operator_name(-1).empty());
  EXPECT_EQ(tensor_type_name(9), "INT8");
  EXPECT_EQ(tensor_type_bytes(0), 4u);
}

TEST(TfliteSchema, UnionIndicesMatchTheFormat) {
  namespace fb = tinykg::tflite;
  EXPECT_EQ(static_cast<int>(fb::BuiltinOptions::Conv2DOptions), 1);
  EXPECT_EQ(static_cast<int>(fb::BuiltinOptions::Pool2DOptions), 5);
  EXPECT_EQ(static_cast<int>(fb::BuiltinOptions::FullyConnectedOptions), 8);
  EXPECT_EQ(static_cast<int>(fb::BuiltinOptions::TransposeConvOptions), 49);
  EXPECT_EQ(static_cast<int>(fb::BuiltinOptions::QuantizeOptions), 89);
  EXPECT_EQ(static_cast<int>(fb::BuiltinOptions::BatchMatMulOptions), 101);
  EXPECT_EQ(static_cast<int>(fb::BuiltinOptions::CallOptions), 16);
  EXPECT_EQ(static_cast<int>(fb::BuiltinOptions::IfOptions), 92);
  EXPECT_EQ(static_cast<int>(fb::BuiltinOptions::WhileOptions), 93);
  EXPECT_EQ(static_cast<int>(fb::BuiltinOptions::CallOnceOptions), 103);
  EXPECT_EQ(static_cast<int>(fb::SparseIndexVector::Uint8Vector), 3);
}

TEST(TfliteReader, EffectiveCodeIsMaxOfBothFields) {
  TinyModel m;
  const int a = m.tensor({1, 4});
  const int b = m.tensor({1, 4});
  const int c = m.tensor({1, 4});
  const int d = m.tensor({1, 4});
  m.legacy_op(4, {a}, {b});  // old writer: DEPTHWISE_CONV_2D in the byte only
  m.op(150, {b}, {c});       // extended range: GELU, byte saturated at 127
  m.custom("TFLite_Detection_PostProcess", {c}, {d});
  auto model = read_tflite(m.finish({a}, {d}));
  ASSERT_TRUE(model.ok()) << model.error();
  const auto& ops = model->info.subgraphs[0].operators;
  EXPECT_EQ(ops[0].type, "DEPTHWISE_CONV_2D");
  EXPECT_EQ(ops[1].type, "GELU");
  EXPECT_EQ(ops[1].builtin_code, 150);
  EXPECT_TRUE(ops[2].is_custom);
  EXPECT_EQ(ops[2].type, "TFLite_Detection_PostProcess");
}

TEST(TfliteReader, CustomOperatorIsReportedUnsupported) {
  TinyModel m;
  const int a = m.tensor({1, 4});
  const int b = m.tensor({1, 4});
  m.custom("MyOp", {a}, {b});
  auto info = analyze_model_bytes(m.finish({a}, {b}));
  ASSERT_TRUE(info.ok()) << info.error();
  EXPECT_EQ(info->unsupported_operators, std::vector<std::string>{"MyOp"});
  EXPECT_FALSE(info->warnings.empty());
}

TEST(TfliteReader, InvalidUtf8InNamesIsReplaced) {
  // Found by model_reader_fuzz: a mutated name byte made JSON output throw.
  TinyModel m;
  const int a = m.tensor({1, 4});
  const int b = m.tensor({1, 4});
  m.name(a, std::string("in\xff\xc3", 4));
  m.custom(std::string("op\x9c", 3), {a}, {b});
  auto info = analyze_model_bytes(m.finish({a}, {b}));
  ASSERT_TRUE(info.ok()) << info.error();
  EXPECT_EQ(info->subgraphs[0].tensors[0].name, "in\xEF\xBF\xBD\xEF\xBF\xBD");
  EXPECT_EQ(info->subgraphs[0].operators[0].type, "op\xEF\xBF\xBD");
  EXPECT_NO_THROW((void)model_info_to_json(*info).dump());
}

// ---- bad input: every case fails with a one-line message, never crashes ----

void expect_one_line_failure(const Result<ModelInfo>& r, const std::string& fragment) {
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.error().find(fragment), std::string::npos) << r.error();
  EXPECT_EQ(r.error().find('\n'), std::string::npos) << r.error();
}

TEST(TfliteReaderBadInput, EmptyFile) {
  testing::TempDir dir;
  std::ofstream(dir / "empty.tflite").close();
  expect_one_line_failure(analyze_model_file(dir / "empty.tflite"), "the file is empty");
}

TEST(TfliteReaderBadInput, MissingFile) {
  const auto r = analyze_model_file("/nonexistent/model.tflite");
  expect_one_line_failure(r, "cannot open model file '/nonexistent/model.tflite'");
  EXPECT_NE(r.error().find("No such file or directory"), std::string::npos);
}

TEST(TfliteReaderBadInput, DirectoryIsNotAModel) {
  testing::TempDir dir;
  expect_one_line_failure(analyze_model_file(dir.str()), "is a directory");
}

TEST(TfliteReaderBadInput, WrongIdentifier) {
  std::vector<uint8_t> bytes = tiny_fc_model();
  bytes[4] = 'X';
  bytes[5] = 0x01;
  expect_one_line_failure(analyze_model_bytes(bytes), "bad file identifier 'X\\x01L3'");
}

TEST(TfliteReaderBadInput, TooShort) {
  const std::vector<uint8_t> bytes = {1, 2, 3};
  expect_one_line_failure(analyze_model_bytes(bytes), "too short");
}

TEST(TfliteReaderBadInput, EveryTruncationFailsCleanly) {
  const std::vector<uint8_t> bytes = tiny_fc_model();
  for (size_t n = 8; n < bytes.size(); ++n) {
    const std::span<const uint8_t> prefix(bytes.data(), n);
    const auto r = analyze_model_bytes(prefix);
    EXPECT_FALSE(r.ok()) << "prefix of " << n << " bytes parsed";
  }
  const std::vector<uint8_t> half(bytes.begin(),
                                  bytes.begin() + static_cast<long>(bytes.size() / 2));
  expect_one_line_failure(analyze_model_bytes(half), "truncated or corrupt TFLite file");
}

TEST(TfliteReaderBadInput, TruncatedReferenceModel) {
  TINYKG_REQUIRE_SHARED();
  auto bytes = read_model_file(testing::model_path("Person_Detection"));
  ASSERT_TRUE(bytes.ok());
  bytes->resize(bytes->size() / 3);
  expect_one_line_failure(analyze_model_bytes(*bytes), "flatbuffer verification failed");
}

TEST(TfliteReaderBadInput, GarbageWithValidIdentifier) {
  std::mt19937 rng(42);
  for (int round = 0; round < 200; ++round) {
    std::vector<uint8_t> bytes(64 + static_cast<size_t>(round) * 7);
    for (auto& b : bytes) b = static_cast<uint8_t>(rng());
    bytes[4] = 'T';
    bytes[5] = 'F';
    bytes[6] = 'L';
    bytes[7] = '3';
    (void)analyze_model_bytes(bytes);  // must not crash; result may be either
  }
  std::vector<uint8_t> zeros(256, 0);
  zeros[4] = 'T';
  zeros[5] = 'F';
  zeros[6] = 'L';
  zeros[7] = '3';
  EXPECT_FALSE(analyze_model_bytes(zeros).ok());
}

TEST(TfliteReaderBadInput, BitFlipsNeverCrash) {
  const std::vector<uint8_t> good = tiny_fc_model();
  for (size_t i = 8; i < good.size(); ++i) {
    for (const uint8_t mask : {0x01, 0x80, 0xff}) {
      std::vector<uint8_t> bytes = good;
      bytes[i] ^= mask;
      (void)analyze_model_bytes(bytes);
    }
  }
}

TEST(TfliteReaderBadInput, SharedTablesCannotAmplifyCopies) {
  // 5000 tensors all pointing at one 100k-entry quantization table: a 0.5 MB
  // file that would expand to ~2 GB of copies without the read budget.
  namespace fb = tinykg::tflite;
  flatbuffers::FlatBufferBuilder b;
  const std::vector<float> scales(100000, 0.5f);
  const auto q = fb::CreateQuantizationParameters(b, 0, 0, b.CreateVector(scales));
  const std::vector<int32_t> shape = {1, 4};
  const auto shape_vec = b.CreateVector(shape);
  std::vector<flatbuffers::Offset<fb::Tensor>> tensors;
  for (int i = 0; i < 5000; ++i) tensors.push_back(fb::CreateTensor(b, shape_vec, 9, 0, 0, q));
  const auto sg = fb::CreateSubGraph(b, b.CreateVector(tensors));
  const std::vector<flatbuffers::Offset<fb::SubGraph>> subgraphs = {sg};
  const auto empty_buffer = fb::CreateBuffer(b);
  const std::vector<flatbuffers::Offset<fb::Buffer>> buffers = {empty_buffer};
  fb::FinishModelBuffer(b, fb::CreateModel(b, 3, 0, b.CreateVector(subgraphs), 0,
                                           b.CreateVector(buffers)));
  const std::span<const uint8_t> bytes(b.GetBufferPointer(), b.GetSize());
  expect_one_line_failure(analyze_model_bytes(bytes), "share more data than the file holds");
}

TEST(TfliteReaderBadInput, TensorIndexOutOfRange) {
  TinyModel m;
  const int in = m.tensor({1, 4});
  const int out = m.tensor({1, 4});
  m.op(19, {in}, {out + 5});  // RELU writing a tensor that does not exist
  expect_one_line_failure(analyze_model_bytes(m.finish({in}, {out})),
                          "operator 0 output refers to tensor 6 but the subgraph has 2 tensors");
}

TEST(TfliteReaderBadInput, OpcodeIndexOutOfRange) {
  TinyModel m;
  const int in = m.tensor({1, 4});
  const int out = m.tensor({1, 4});
  m.op(19, {in}, {out});
  m.force_opcode_index(0, 7);
  expect_one_line_failure(analyze_model_bytes(m.finish({in}, {out})), "uses opcode 7");
}

}  // namespace
}  // namespace tinykg::model
