# Benchmark of the model analyzer over the 23 reference models
# (include from bench/CMakeLists.txt).
if(NOT DEFINED TINYKG_SHARED_DIR)
  set(TINYKG_SHARED_DIR ${PROJECT_SOURCE_DIR}/../shared)
endif()
add_executable(model_inspect_bench ${CMAKE_CURRENT_LIST_DIR}/model_inspect_bench.cpp)
target_link_libraries(model_inspect_bench PRIVATE tinykg_model benchmark::benchmark)
target_compile_definitions(model_inspect_bench PRIVATE TINYKG_SHARED_DIR="${TINYKG_SHARED_DIR}")
