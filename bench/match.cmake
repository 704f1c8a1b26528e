# Match engine benchmark on a fleet database (include from bench/CMakeLists.txt):
#   python3 bench/gen_fleet.py 100000 > /tmp/dev100000.nt
#   build/tinykg --db /tmp/fleet100k load /tmp/dev100000.nt
#   TINYKG_MATCH_DB=/tmp/fleet100k build/match_bench
add_executable(match_bench ${CMAKE_CURRENT_LIST_DIR}/match_bench.cpp)
target_link_libraries(match_bench PRIVATE tinykg_match benchmark::benchmark)
