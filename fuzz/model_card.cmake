add_executable(model_card_fuzz ${CMAKE_CURRENT_LIST_DIR}/model_card_fuzz.cpp)
target_link_libraries(model_card_fuzz PRIVATE tinykg_kg -fsanitize=fuzzer)
