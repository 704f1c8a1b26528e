add_executable(index_block_fuzz ${CMAKE_CURRENT_LIST_DIR}/index_block_fuzz.cpp)
target_link_libraries(index_block_fuzz PRIVATE tinykg_store -fsanitize=fuzzer)
