find_package(spdlog REQUIRED)
add_executable(http_api_fuzz ${CMAKE_CURRENT_LIST_DIR}/http_api_fuzz.cpp)
target_include_directories(http_api_fuzz PRIVATE ${CMAKE_CURRENT_LIST_DIR})
target_link_libraries(http_api_fuzz PRIVATE tinykg_server tinykg_kg spdlog::spdlog -fsanitize=fuzzer)
