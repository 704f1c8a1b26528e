add_executable(sparql_parser_fuzz ${CMAKE_CURRENT_LIST_DIR}/sparql_parser_fuzz.cpp)
target_link_libraries(sparql_parser_fuzz PRIVATE tinykg_sparql -fsanitize=fuzzer)
