# Fuzz target for the model analyzer (include from fuzz/CMakeLists.txt; needs
# clang). The library sources are compiled again with coverage instrumentation
# so libFuzzer sees inside the reader, not just the entry point.
#   cmake -S . -B build-fuzz -DCMAKE_CXX_COMPILER=clang++ -DCMAKE_C_COMPILER=clang -DTINYKG_BUILD_FUZZ=ON
#   ./build-fuzz/fuzz/model_reader_fuzz -max_total_time=60 corpus/ ../shared/reference/models/
get_target_property(_model_sources tinykg_model SOURCES)
get_target_property(_model_dir tinykg_model SOURCE_DIR)
set(_model_fuzz_sources)
foreach(_src IN LISTS _model_sources)
  if(IS_ABSOLUTE ${_src})
    list(APPEND _model_fuzz_sources ${_src})
  else()
    list(APPEND _model_fuzz_sources ${_model_dir}/${_src})
  endif()
endforeach()

add_executable(model_reader_fuzz ${CMAKE_CURRENT_LIST_DIR}/model_reader_fuzz.cpp ${_model_fuzz_sources})
add_dependencies(model_reader_fuzz tinykg_model_schema)
target_include_directories(model_reader_fuzz PRIVATE
  $<TARGET_PROPERTY:tinykg_model,INCLUDE_DIRECTORIES>)
target_link_libraries(model_reader_fuzz PRIVATE
  tinykg_common nlohmann_json::nlohmann_json flatbuffers::flatbuffers)
target_compile_options(model_reader_fuzz PRIVATE -fsanitize=fuzzer,address,undefined -g)
target_link_options(model_reader_fuzz PRIVATE -fsanitize=fuzzer,address,undefined)
