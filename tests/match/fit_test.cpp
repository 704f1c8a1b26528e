// evaluate(): each refusal reason and each kind of unknown, with the numbers
// the explanation shows.
#include <gtest/gtest.h>

#include "match/fit.h"

namespace tinykg::match {
namespace {

const std::string kCamera = sensor_kind_iri("camera");
const std::string kMicrophone = sensor_kind_iri("microphone");
const std::string kAccelerometer = sensor_kind_iri("accelerometer");

ModelRequirements needs(double ram, double flash, std::vector<std::string> sensors = {}) {
  ModelRequirements m;
  m.name = "m";
  m.ram = MemoryFigure::value(ram);
  m.flash = MemoryFigure::value(flash);
  m.sensor_kinds = std::move(sensors);
  return m;
}

DeviceCapabilities board(double ram, double flash, std::vector<std::string> sensors = {}) {
  DeviceCapabilities d;
  d.iri = "http://example.org/b";
  d.ram = MemoryFigure::value(ram);
  d.flash = MemoryFigure::value(flash);
  for (auto& s : sensors) d.sensors.add(s);
  return d;
}

// The texts of the reasons with the given outcome.
std::vector<std::string> texts(const FitResult& r, FitReason::Outcome outcome) {
  std::vector<std::string> out;
  for (const auto& reason : r.reasons) {
    if (reason.outcome == outcome) out.push_back(reason.text);
  }
  return out;
}
using Texts = std::vector<std::string>;
constexpr auto kRefused = FitReason::Outcome::Refused;
constexpr auto kUnknown = FitReason::Outcome::Unknown;

TEST(Evaluate, FitsWhenEveryCheckPasses) {
  FitResult r = evaluate(needs(94.128, 236, {kCamera}), board(127, 576, {kCamera}));
  EXPECT_EQ(r.verdict, FitVerdict::Fits);
  EXPECT_EQ(texts(r, FitReason::Outcome::Satisfied),
            (Texts{"needs a Camera, board has one", "needs 94.128 kB RAM, board has 127 kB",
                   "needs 236 kB Flash, board has 576 kB"}));
}

TEST(Evaluate, RefusesTooLittleRamWithNumbers) {
  FitResult r = evaluate(needs(116.5, 100), board(96, 245));
  EXPECT_EQ(r.verdict, FitVerdict::DoesNotFit);
  EXPECT_EQ(texts(r, kRefused), (Texts{"needs 116.5 kB RAM, board has 96 kB"}));
  EXPECT_EQ(r.summary(), "needs 116.5 kB RAM, board has 96 kB");
}

TEST(Evaluate, RefusesTooLittleFlash) {
  FitResult r = evaluate(needs(10, 531.2), board(96, 245));
  EXPECT_EQ(r.verdict, FitVerdict::DoesNotFit);
  EXPECT_EQ(texts(r, kRefused), (Texts{"needs 531.2 kB Flash, board has 245 kB"}));
}

TEST(Evaluate, RefusesAMissingSensor) {
  FitResult r = evaluate(needs(10, 10, {kCamera, kAccelerometer}), board(96, 245, {kMicrophone}));
  EXPECT_EQ(r.verdict, FitVerdict::DoesNotFit);
  // One reason per missing kind, in the order the model lists them.
  EXPECT_EQ(texts(r, kRefused), (Texts{"needs a Camera", "needs an Accelerometer"}));
}

TEST(Evaluate, RefusesAnOperatorTheRuntimeLacks) {
  ModelRequirements m = needs(10, 10);
  m.runtime = "TFLite Micro";
  m.unsupported_operators = {"UNIDIRECTIONAL_SEQUENCE_LSTM"};
  FitResult r = evaluate(m, board(96, 245));
  EXPECT_EQ(r.verdict, FitVerdict::DoesNotFit);
  EXPECT_EQ(texts(r, kRefused),
            (Texts{"operator UNIDIRECTIONAL_SEQUENCE_LSTM not in runtime TFLite Micro"}));
}

TEST(Evaluate, RefusesAnotherRuntimeOnlyWhenBothSidesStateOne) {
  ModelRequirements m = needs(10, 10);
  m.runtime = "TFLite Micro";
  DeviceCapabilities b = board(96, 245);
  EXPECT_EQ(evaluate(m, b).verdict, FitVerdict::Fits);  // board states no runtime
  b.runtimes = {"microTVM"};
  FitResult r = evaluate(m, b);
  EXPECT_EQ(r.verdict, FitVerdict::DoesNotFit);
  EXPECT_EQ(texts(r, kRefused), (Texts{"runs on TFLite Micro, board offers microTVM"}));
  b.runtimes = {"tflite-micro"};  // another spelling of the same runtime
  EXPECT_EQ(evaluate(m, b).verdict, FitVerdict::Fits);
}

TEST(Evaluate, RefusesOperatorsTheBoardsTfliteMicroVersionLacks) {
  ModelRequirements m = needs(10, 10);
  m.runtime = "TFLite Micro";
  m.operator_codes = {"FULLY_CONNECTED", "UNIDIRECTIONAL_SEQUENCE_LSTM"};
  DeviceCapabilities b = board(96, 245);
  EXPECT_EQ(evaluate(m, b).verdict, FitVerdict::Fits);  // no version stated: not checked
  b.runtimes = {"tflm-2.4"};  // a version of the model's platform, without an LSTM kernel
  FitResult r = evaluate(m, b);
  EXPECT_EQ(r.verdict, FitVerdict::DoesNotFit);
  EXPECT_EQ(texts(r, kRefused),
            (Texts{"operator UNIDIRECTIONAL_SEQUENCE_LSTM not in runtime tflm-2.4"}));
  b.runtimes = {"TFLite Micro 2.4", "tflm-current"};  // one complete version suffices
  r = evaluate(m, b);
  EXPECT_EQ(r.verdict, FitVerdict::Fits);
  EXPECT_EQ(texts(r, FitReason::Outcome::Satisfied).back(),
            "all 2 operator types in runtime tflm-current");
}

TEST(Evaluate, CustomOperatorsNeedAKernelTheRuntimeRegisters) {
  ModelRequirements m = needs(10, 10);
  m.operator_codes = {"CONV_2D", "MyOp", "TFLite_Detection_PostProcess"};
  m.custom_operator_codes = {"MyOp", "TFLite_Detection_PostProcess"};
  DeviceCapabilities b = board(96, 245);
  b.runtimes = {"tflm-current"};
  FitResult r = evaluate(m, b);
  EXPECT_EQ(r.verdict, FitVerdict::DoesNotFit);
  EXPECT_EQ(texts(r, kRefused), (Texts{"operator MyOp not in runtime tflm-current"}));
  EXPECT_EQ(judge(m, b), FitVerdict::DoesNotFit);
  m.operator_codes = {"CONV_2D", "TFLite_Detection_PostProcess"};
  m.custom_operator_codes = {"TFLite_Detection_PostProcess"};
  EXPECT_EQ(evaluate(m, b).verdict, FitVerdict::Fits);
  b.runtimes = {"tflm-2.4"};  // 2.4 does not register the detection post-processing
  EXPECT_EQ(evaluate(m, b).verdict, FitVerdict::DoesNotFit);
}

TEST(Evaluate, BoardWithoutStatedRamIsUnknownNotFits) {
  DeviceCapabilities b = board(0, 245);
  b.ram = MemoryFigure::not_stated();
  FitResult r = evaluate(needs(10, 10), b);
  EXPECT_EQ(r.verdict, FitVerdict::Unknown);
  EXPECT_EQ(texts(r, kUnknown), (Texts{"RAM of the board is not stated"}));
}

TEST(Evaluate, BoardWithoutStatedFlashIsUnknown) {
  DeviceCapabilities b = board(96, 0);
  b.flash = MemoryFigure::not_stated();
  FitResult r = evaluate(needs(10, 10), b);
  EXPECT_EQ(r.verdict, FitVerdict::Unknown);
  EXPECT_EQ(texts(r, kUnknown), (Texts{"Flash of the board is not stated"}));
}

TEST(Evaluate, BoardListingNoSensorIsUnknownForASensorModel) {
  FitResult r = evaluate(needs(10, 10, {kCamera}), board(96, 245));
  EXPECT_EQ(r.verdict, FitVerdict::Unknown);
  EXPECT_EQ(texts(r, kUnknown), (Texts{"needs a Camera, the board's sensors are not stated"}));
  // A model that needs no sensor does not care.
  EXPECT_EQ(evaluate(needs(10, 10), board(96, 245)).verdict, FitVerdict::Fits);
}

TEST(Evaluate, ModelWithoutStatedNeedIsUnknown) {
  ModelRequirements m = needs(10, 10);
  m.ram = MemoryFigure::not_stated();
  FitResult r = evaluate(m, board(96, 245));
  EXPECT_EQ(r.verdict, FitVerdict::Unknown);
  EXPECT_EQ(texts(r, kUnknown), (Texts{"RAM need of the model is not stated"}));
}

TEST(Evaluate, UnreadableFigureIsUnknownWithTheProblem) {
  DeviceCapabilities b = board(96, 245);
  b.ram = MemoryFigure::not_understood("unit <x> is not a memory unit tinykg knows");
  FitResult r = evaluate(needs(10, 10), b);
  EXPECT_EQ(r.verdict, FitVerdict::Unknown);
  EXPECT_EQ(texts(r, kUnknown),
            (Texts{"RAM of the board is not understood: unit <x> is not a memory unit tinykg knows"}));
}

TEST(Evaluate, ARefusalOutweighsAnUnknown) {
  DeviceCapabilities b = board(96, 0);
  b.flash = MemoryFigure::not_stated();
  FitResult r = evaluate(needs(200, 10), b);
  EXPECT_EQ(r.verdict, FitVerdict::DoesNotFit);
  EXPECT_EQ(r.summary(), "needs 200 kB RAM, board has 96 kB");
}

TEST(Evaluate, AdHocQuestionsLeaveUnaskedFiguresOpen) {
  ModelRequirements m;
  m.sensor_kinds = {kCamera};
  m.ram = MemoryFigure::value(100);
  m.flash = MemoryFigure::any();  // the question does not constrain Flash
  DeviceCapabilities b = board(127, 0, {kCamera});
  b.flash = MemoryFigure::not_stated();
  EXPECT_EQ(evaluate(m, b).verdict, FitVerdict::Fits);
  DeviceCapabilities any_sensor = board(127, 576);
  any_sensor.sensors.any = true;
  EXPECT_EQ(evaluate(m, any_sensor).verdict, FitVerdict::Fits);
}

TEST(Judge, AgreesWithEvaluateOnTheReasonCases) {
  std::vector<std::pair<ModelRequirements, DeviceCapabilities>> cases = {
      {needs(116.5, 100), board(96, 245)},
      {needs(10, 10, {kCamera}), board(96, 245)},
      {needs(10, 10, {kCamera}), board(96, 245, {kCamera})},
      {needs(10, 10, {kCamera}), board(96, 245, {kMicrophone})},
  };
  ModelRequirements lstm = needs(10, 10);
  lstm.operator_codes = {"UNIDIRECTIONAL_SEQUENCE_LSTM"};
  for (const char* version : {"tflm-2.4", "tflm-current", "TFLite Micro"}) {
    DeviceCapabilities b = board(96, 245);
    b.runtimes = {version};
    cases.emplace_back(lstm, b);
  }
  for (const auto& [m, b] : cases) EXPECT_EQ(judge(m, b), evaluate(m, b).verdict);
}

}  // namespace
}  // namespace tinykg::match
