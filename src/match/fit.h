// Fit evaluation: can this model run on this board, and why (not)?
//
// Each requirement of the model is checked against the board and yields a
// FitReason with the numbers involved. The verdict follows from the reasons:
//   - any Refused reason            -> DoesNotFit
//   - else any Unknown reason       -> Unknown   (unknown is never "fits")
//   - else                          -> Fits
// What is checked:
//   sensors  every sensor kind feeding the model's input must be a sub-system
//            of the board; a board that lists no sensor at all is Unknown;
//   RAM      model need (tensor arena) <= board RAM; a figure that is not
//            stated or not readable (bad unit, not a number) is Unknown;
//   Flash    the same for Flash;
//   operators an nnet:hasUnsupportedOperator (TFLite Micro has no kernel for
//            it) refuses every board;
//   runtime  checked only when both sides state one (schema:runtimePlatform):
//            the model's runtime must be among the board's;
//   kernels  when the board names a TFLite Micro version ("tflm-2.4",
//            "tflm-current") and the model's layers state operator codes,
//            every operator must have a kernel in that version
//            (model/runtime_profile.h): "operator UNIDIRECTIONAL_SEQUENCE_LSTM
//            not in runtime tflm-2.4". With several versions one suffices.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "match/descriptions.h"
#include "model/runtime_profile.h"

namespace tinykg::match {

enum class FitVerdict { Fits, Unknown, DoesNotFit };
std::string_view to_string(FitVerdict verdict);  // "fits", "unknown", "does not fit"

struct FitReason {
  enum class Kind {
    Ram,                  // RAM compared (Satisfied or Refused) or unknown
    Flash,                // Flash compared or unknown
    Sensor,               // one sensor kind present, missing or unknown
    UnsupportedOperator,  // an operator the runtime has no kernel for
    Runtime,              // runtime platform matched or not
    RuntimeKernels,       // the model's operators against the board's TFLite Micro version
  };
  enum class Outcome { Satisfied, Unknown, Refused };
  Kind kind;
  Outcome outcome;
  std::string text;  // "needs 116.536 kB RAM, board has 96 kB"
};

struct FitResult {
  FitVerdict verdict = FitVerdict::Fits;
  std::vector<FitReason> reasons;  // in check order: sensors, RAM, Flash, operators, runtime, kernels
  // The reasons behind the verdict, "; "-joined: the refused checks of a
  // refusal, the unknown ones of an unknown, every check of a fit.
  std::string summary() const;
};

FitResult evaluate(const ModelRequirements& model, const DeviceCapabilities& board);

// The verdict alone (no texts), for the hot loops of the fleet index. It
// must agree with evaluate(); tests/match/property_test.cpp checks that.
FitVerdict judge(const ModelRequirements& model, const DeviceCapabilities& board);

// Shared by evaluate() and the fleet index: the outcome of one memory check.
FitReason::Outcome memory_outcome(const MemoryFigure& need, const MemoryFigure& have);

// A runtime name reduced to lower-case letters and digits, with the spellings
// of TensorFlow Lite Micro made one ("tflitemicro").
std::string runtime_key(std::string_view name);

// The TFLite Micro versions among a board's runtimes: "tflm-2.4",
// "TFLite Micro 2.4", "tflm-current", ... (model/runtime_profile.h), sorted.
std::vector<model::Runtime> tflm_versions(const std::vector<std::string>& runtimes);

// The model's operator codes that `version` has no kernel for (builtins
// without a kernel, custom operators TFLM does not register itself).
std::vector<std::string> missing_kernels(const ModelRequirements& model, model::Runtime version);

// True when the runtime names denote the same platform ("TFLite Micro",
// "tflite-micro", "TFLM", "TensorFlow Lite Micro" and the versions
// "tflm-2.4", "tflm-current" all do).
bool same_runtime(std::string_view a, std::string_view b);

}  // namespace tinykg::match
