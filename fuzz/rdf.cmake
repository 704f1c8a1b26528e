add_executable(rdf_turtle_fuzz ${CMAKE_CURRENT_LIST_DIR}/rdf_turtle_fuzz.cpp)
target_link_libraries(rdf_turtle_fuzz PRIVATE tinykg_rdf -fsanitize=fuzzer)
