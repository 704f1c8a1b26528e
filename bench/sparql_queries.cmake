# SPARQL engine benchmark: loads an RDF file (e.g. a gen_fleet.py fleet) into
# a store and reports median query times with the executed plan
# (include from bench/CMakeLists.txt).
add_executable(sparql_queries_bench ${CMAKE_CURRENT_LIST_DIR}/sparql_queries_bench.cpp)
target_link_libraries(sparql_queries_bench PRIVATE tinykg_sparql)
