# Deployment campaign benchmark (include from bench/CMakeLists.txt): a ~250 KB
# model to 1,000 simulated devices on loopback, over HTTP.
#   build/deploy_bench [--benchmark_repetitions=3]
add_executable(deploy_bench ${CMAKE_CURRENT_LIST_DIR}/deploy_bench.cpp)
target_compile_definitions(deploy_bench PRIVATE TINYKG_SOURCE_DIR="${CMAKE_SOURCE_DIR}")
target_link_libraries(deploy_bench PRIVATE tinykg_deploy tinykg_devsim benchmark::benchmark)
