#include "match/case_studies.h"

namespace tinykg::match {

ModelRequirements case_one_motion_model() {
  ModelRequirements motion;
  motion.sensor_kinds = {sensor_kind_iri("accelerometer"), sensor_kind_iri("gyroscope")};
  motion.ram = MemoryFigure::value(116);
  motion.flash = MemoryFigure::value(531);
  return motion;
}

DeviceCapabilities case_two_camera_board() {
  DeviceCapabilities board;
  board.sensors.add(sensor_kind_iri("camera"));
  board.ram = MemoryFigure::value(127);
  board.flash = MemoryFigure::value(576);
  return board;
}

TaskFilter case_three_speech_task() {
  TaskFilter task;
  task.keywords = {"yes/no"};
  task.dataset = "speech_commands";
  task.sensor = "microphone";
  return task;
}

Result<std::vector<CaseStudyAnswer>> answer_case_studies(Matcher& matcher) {
  std::vector<CaseStudyAnswer> answers;
  auto boards = matcher.devices_for(case_one_motion_model());
  if (!boards.ok()) return boards.failure();
  answers.push_back({"Case 1: boards that can run a motion model (accelerometer + gyroscope, "
                     ">= 116 kB RAM, >= 531 kB Flash)",
                     devices_report(*boards, /*explain=*/false)});
  // The board is ad hoc: no core or clock, so no latency column.
  auto models = matcher.models_for(case_two_camera_board());
  if (!models.ok()) return models.failure();
  answers.push_back(
      {"Case 2: models that run on a board with a camera, 127 kB free RAM, 576 kB free Flash",
       models_report(*models, /*explain=*/false)});
  auto ranked = matcher.rank(case_three_speech_task(), RankOrder::Accuracy);
  if (!ranked.ok()) return ranked.failure();
  answers.push_back({"Case 3: yes/no keyword models trained on speech_commands, fed by a "
                     "microphone, by accuracy",
                     rank_report(*ranked, /*explain=*/false)});
  return answers;
}

}  // namespace tinykg::match
