// The three case studies of the paper (../shared/reference/CASE-STUDIES.md)
// as questions to the match engine: an ad-hoc motion model (which boards run
// it?), an ad-hoc camera board (which models fit it?) and a task (rank the
// yes/no keyword models). `tinykg demo` prints these answers; the tests hold
// them to the expected ones.
#pragma once

#include <string>
#include <vector>

#include "common/result.h"
#include "match/matcher.h"
#include "match/report.h"

namespace tinykg::match {

// Case 1: accelerometer + gyroscope input, 116 kB RAM, 531 kB Flash.
ModelRequirements case_one_motion_model();
// Case 2: a board with a camera, 127 kB free RAM and 576 kB free Flash.
DeviceCapabilities case_two_camera_board();
// Case 3: "yes/no" keyword models trained on speech_commands, fed by a microphone.
TaskFilter case_three_speech_task();

struct CaseStudyAnswer {
  std::string title;
  Report report;
};

// The three answers, in order, as the engine gives them.
Result<std::vector<CaseStudyAnswer>> answer_case_studies(Matcher& matcher);

}  // namespace tinykg::match
