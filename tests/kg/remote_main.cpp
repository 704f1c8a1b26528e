// main() of kg_remote_tests: one Virtuoso for all tests of the binary.
#include <gtest/gtest.h>

#include "remote_virtuoso.h"

int main(int argc, char** argv) {
  ::testing::InitGoogleTest(&argc, argv);
  ::testing::AddGlobalTestEnvironment(new tinykg::testing::VirtuosoEnvironment);
  return RUN_ALL_TESTS();
}
