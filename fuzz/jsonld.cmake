add_executable(jsonld_fuzz ${CMAKE_CURRENT_LIST_DIR}/jsonld_fuzz.cpp)
target_link_libraries(jsonld_fuzz PRIVATE tinykg_rdf -fsanitize=fuzzer)
