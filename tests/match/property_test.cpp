// Property test: on random small fleets and zoos, written as Turtle with
// random sensors, units, literal types and missing facts, every path of the
// engine (FleetIndex verdicts, fit counts, judge, evaluate) agrees with a
// brute-force check computed from the generating parameters in whole bytes.
#include <gtest/gtest.h>

#include <fmt/format.h>

#include <optional>
#include <random>

#include "match_graph.h"

namespace tinykg::match {
namespace {

using testing::MatchGraph;

const std::vector<std::string> kKinds = {"Accelerometer", "Gyroscope", "Microphone", "Camera",
                                         "Magnetometer"};

struct Figure {
  int64_t bytes;
  std::string turtle;  // value and unit as written
};

struct BoardSpec {
  std::string iri;
  std::vector<std::string> sensors;  // empty: none stated
  std::optional<Figure> ram, flash;
};

struct ModelSpec {
  std::string iri;
  std::vector<std::string> sensors;
  std::optional<Figure> ram, flash;
};

// A figure of `bytes` in a random unit and literal type. Picks bytes that
// the unit can express exactly.
Figure random_board_figure(std::mt19937& rng, int64_t kb_scale) {
  std::uniform_int_distribution<int> unit(0, 4), k(1, 8);
  int64_t n = k(rng) * kb_scale;
  switch (unit(rng)) {
    case 0: return {n * 1000, fmt::format("{} ; schema:unitCode om:kilobyte", n)};
    case 1: return {n * 1000, fmt::format("\"{}\"^^xsd:double", n)};  // no unit: kB
    case 2: return {n * 1024, fmt::format("\"{}\"^^xsd:int ; schema:unitCode om:kibibyte", n)};
    case 3: return {n * 1000, fmt::format("{} ; schema:unitCode om:byte", n * 1000)};
    default: return {n * 1000000 / 1000, fmt::format("{}.0 ; schema:unitCode om:kilobyte", n)};
  }
}

// A model need: sometimes exactly a board size (ties must fit), else random
// to the byte, written as decimal kB or integer bytes.
Figure random_need(std::mt19937& rng, int64_t kb_scale) {
  std::uniform_int_distribution<int> style(0, 3);
  std::uniform_int_distribution<int64_t> bytes(1000, 8 * kb_scale * 1024);
  int64_t b = style(rng) == 0 ? std::uniform_int_distribution<int>(1, 8)(rng) * kb_scale * 1000
                              : bytes(rng);
  if (style(rng) < 2) {
    return {b, fmt::format("{}.{:03d}", b / 1000, b % 1000)};  // decimal kB
  }
  return {b, fmt::format("\"{}\"^^xsd:integer ; schema:unitCode om:byte", b)};
}

std::vector<std::string> random_sensors(std::mt19937& rng, int max) {
  std::vector<std::string> kinds = kKinds;
  std::shuffle(kinds.begin(), kinds.end(), rng);
  kinds.resize(std::uniform_int_distribution<int>(0, max)(rng));
  return kinds;
}

std::string board_turtle(const BoardSpec& b) {
  std::string t = "<" + b.iri + "> a s3n:SmartSensor ; ssn:hasSubSystem _:m" +
                  b.iri.substr(b.iri.rfind('/') + 1);
  std::string id = b.iri.substr(b.iri.rfind('/') + 1);
  for (size_t i = 0; i < b.sensors.size(); ++i) t += fmt::format(", _:s{}_{}", id, i);
  t += " .\n";
  for (size_t i = 0; i < b.sensors.size(); ++i) {
    t += fmt::format("_:s{}_{} a sox:{} .\n", id, i, b.sensors[i]);
  }
  t += fmt::format("_:m{0} a s3n:MicroController ; s3n:hasSystemCapability _:c{0} .\n", id);
  if (b.ram) {
    t += fmt::format("_:c{0} sys:hasSystemProperty _:r{0} . _:r{0} a s3x:RAM ; schema:value {1} .\n",
                     id, b.ram->turtle);
  }
  if (b.flash) {
    t += fmt::format(
        "_:c{0} sys:hasSystemProperty _:f{0} . _:f{0} a s3x:Flash ; schema:value {1} .\n", id,
        b.flash->turtle);
  }
  return t;
}

std::string model_turtle(const ModelSpec& m, size_t i) {
  std::string t = fmt::format("<{}> a nnet:NeuralNetwork ; schema:name \"model{}\" ; "
                              "schema:identifier \"uuid-{}\" ; ssn:hasInput _:in{}",
                              m.iri, i, i, i);
  if (m.ram) {
    t += fmt::format(" ; s3n:hasProcedureFeature [ sys:inCondition [ a s3x:RAM ; "
                     "schema:minValue {} ] ]", m.ram->turtle);
  }
  if (m.flash) {
    t += fmt::format(" ; s3n:hasProcedureFeature [ sys:inCondition [ a s3x:Flash ; "
                     "schema:minValue {} ] ]", m.flash->turtle);
  }
  t += " .\n";
  for (const auto& s : m.sensors) t += fmt::format("[ a sox:{} ; ssx:provideInput _:in{} ] .\n", s, i);
  return t;
}

FitVerdict brute_force(const ModelSpec& m, const BoardSpec& b) {
  bool refused = false, unknown = false;
  if (!m.sensors.empty()) {
    if (b.sensors.empty()) {
      unknown = true;
    } else {
      for (const auto& s : m.sensors) {
        refused |= std::find(b.sensors.begin(), b.sensors.end(), s) == b.sensors.end();
      }
    }
  }
  auto memory = [&](const std::optional<Figure>& need, const std::optional<Figure>& have) {
    if (!need || !have) {
      unknown = true;
    } else if (need->bytes > have->bytes) {
      refused = true;
    }
  };
  memory(m.ram, b.ram);
  memory(m.flash, b.flash);
  return refused ? FitVerdict::DoesNotFit : unknown ? FitVerdict::Unknown : FitVerdict::Fits;
}

class RandomFleets : public ::testing::TestWithParam<unsigned> {};

TEST_P(RandomFleets, EngineAgreesWithBruteForce) {
  std::mt19937 rng(GetParam());
  std::bernoulli_distribution mostly(0.85);
  std::vector<BoardSpec> boards(std::uniform_int_distribution<int>(5, 40)(rng));
  std::vector<ModelSpec> models(std::uniform_int_distribution<int>(3, 15)(rng));
  std::string turtle;
  for (size_t i = 0; i < boards.size(); ++i) {
    BoardSpec& b = boards[i];
    b.iri = fmt::format("http://example.org/fleet/device/{:03d}", i);
    b.sensors = random_sensors(rng, mostly(rng) ? 4 : 0);
    if (mostly(rng)) b.ram = random_board_figure(rng, 32);
    if (mostly(rng)) b.flash = random_board_figure(rng, 128);
    turtle += board_turtle(b);
  }
  for (size_t i = 0; i < models.size(); ++i) {
    ModelSpec& m = models[i];
    m.iri = fmt::format("http://example.org/zoo/model/{:03d}", i);
    m.sensors = random_sensors(rng, 2);
    if (mostly(rng)) m.ram = random_need(rng, 32);
    if (mostly(rng)) m.flash = random_need(rng, 128);
    turtle += model_turtle(m, i);
  }
  MatchGraph g(turtle);
  Matcher& matcher = g.matcher();
  auto zoo = matcher.zoo();
  ASSERT_TRUE(zoo.ok()) << zoo.error();
  ASSERT_EQ((*zoo)->size(), models.size());
  auto fleet = matcher.fleet();
  ASSERT_TRUE(fleet.ok()) << fleet.error();
  ASSERT_EQ((*fleet)->devices().size(), boards.size());
  auto counts = matcher.fit_counts();
  ASSERT_TRUE(counts.ok()) << counts.error();

  for (size_t m = 0; m < models.size(); ++m) {
    const ModelRequirements& req = (**zoo)[m].requirements;
    ASSERT_EQ(req.iri, models[m].iri);
    std::vector<FitVerdict> verdicts = (*fleet)->verdicts(req);
    FitCount expected_count;
    for (size_t d = 0; d < boards.size(); ++d) {
      const DeviceCapabilities& dev = (*fleet)->devices()[d];
      ASSERT_EQ(dev.iri, boards[d].iri);
      FitVerdict expected = brute_force(models[m], boards[d]);
      SCOPED_TRACE(fmt::format("seed {} model {} board {}: {}", GetParam(), m, d,
                               evaluate(req, dev).summary()));
      EXPECT_EQ(verdicts[d], expected);
      EXPECT_EQ(judge(req, dev), expected);
      EXPECT_EQ(evaluate(req, dev).verdict, expected);
      (expected == FitVerdict::Fits      ? expected_count.fits
       : expected == FitVerdict::Unknown ? expected_count.unknown
                                         : expected_count.does_not_fit) += 1;
    }
    EXPECT_EQ((*counts)[m].count, expected_count);
  }
}


// The same agreement in memory, over every state the graph cannot express
// directly: ad-hoc "any" figures and sensors, unreadable figures, runtimes,
// TFLite Micro versions against operator mixes, and unsupported operators.
MemoryFigure random_figure(std::mt19937& rng) {
  switch (std::uniform_int_distribution<int>(0, 5)(rng)) {
    case 0: return MemoryFigure::not_stated();
    case 1: return MemoryFigure::not_understood("unit <x> is not a memory unit tinykg knows");
    case 2: return MemoryFigure::any();
    default: return MemoryFigure::value(std::uniform_int_distribution<int>(1, 8)(rng) * 32.0);
  }
}

TEST_P(RandomFleets, FleetIndexAgreesWithEvaluateOnEveryState) {
  std::mt19937 rng(GetParam() * 7919u);
  const std::vector<std::string> runtimes = {"TFLite Micro", "tflite-micro", "microTVM",
                                             "tflm-2.4", "tflm-current"};
  // Operator mixes: in both TFLM versions, only in the current one, in neither.
  const std::vector<std::vector<std::string>> operator_mixes = {
      {}, {"CONV_2D", "SOFTMAX"}, {"FULLY_CONNECTED", "UNIDIRECTIONAL_SEQUENCE_LSTM"},
      {"CONV_2D", "NO_SUCH_OP"}};
  std::vector<DeviceCapabilities> boards(60);
  for (size_t i = 0; i < boards.size(); ++i) {
    DeviceCapabilities& b = boards[i];
    b.iri = fmt::format("http://example.org/b/{:03d}", i);
    b.ram = random_figure(rng);
    b.flash = random_figure(rng);
    for (const auto& k : random_sensors(rng, 3)) b.sensors.add(sensor_kind_iri(k));
    b.sensors.any = std::bernoulli_distribution(0.1)(rng);
    if (std::bernoulli_distribution(0.3)(rng)) b.runtimes = {runtimes[rng() % runtimes.size()]};
    if (std::bernoulli_distribution(0.1)(rng)) b.runtimes.push_back(runtimes[rng() % runtimes.size()]);
  }
  FleetIndex index(boards);
  for (int m = 0; m < 40; ++m) {
    ModelRequirements req;
    req.ram = random_figure(rng);
    req.flash = random_figure(rng);
    for (const auto& k : random_sensors(rng, 2)) req.sensor_kinds.push_back(sensor_kind_iri(k));
    if (std::bernoulli_distribution(0.1)(rng)) req.sensor_kinds.push_back(sensor_kind_iri("Lidar"));
    if (std::bernoulli_distribution(0.5)(rng)) req.runtime = runtimes[rng() % runtimes.size()];
    if (std::bernoulli_distribution(0.1)(rng)) req.unsupported_operators = {"CUSTOM_OP"};
    req.operator_codes = operator_mixes[rng() % operator_mixes.size()];
    std::vector<FitVerdict> verdicts = index.verdicts(req);
    FitCount expected;
    for (size_t d = 0; d < boards.size(); ++d) {
      FitVerdict v = evaluate(req, boards[d]).verdict;
      EXPECT_EQ(verdicts[d], v) << "model " << m << " board " << d;
      EXPECT_EQ(judge(req, boards[d]), v) << "model " << m << " board " << d;
      (v == FitVerdict::Fits ? expected.fits
       : v == FitVerdict::Unknown ? expected.unknown : expected.does_not_fit) += 1;
    }
    EXPECT_EQ(index.count(req), expected);
  }
}

INSTANTIATE_TEST_SUITE_P(Seeds, RandomFleets, ::testing::Range(1u, 26u));

}  // namespace
}  // namespace tinykg::match
