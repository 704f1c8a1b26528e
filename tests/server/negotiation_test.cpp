#include "server/negotiation.h"

#include <gtest/gtest.h>

#include <array>

namespace tinykg::server {
namespace {

constexpr std::array<std::string_view, 3> kOffers = {"application/sparql-results+json",
                                                     "text/csv", "text/tab-separated-values"};

TEST(Negotiation, EmptyAcceptGetsTheServersFirstChoice) {
  EXPECT_EQ(negotiate("", kOffers), "application/sparql-results+json");
}

TEST(Negotiation, ExactTypeWins) { EXPECT_EQ(negotiate("text/csv", kOffers), "text/csv"); }

TEST(Negotiation, QValuesRankTheOffers) {
  EXPECT_EQ(negotiate("text/csv;q=0.5, text/tab-separated-values", kOffers),
            "text/tab-separated-values");
}

TEST(Negotiation, WildcardsMatchByType) {
  EXPECT_EQ(negotiate("text/*", kOffers), "text/csv");
  EXPECT_EQ(negotiate("text/html, */*;q=0.8", kOffers), "application/sparql-results+json");
}

TEST(Negotiation, MoreSpecificRangeDecidesTheQValue) {
  // text/csv is explicitly refused (q=0) even though text/* accepts it.
  EXPECT_EQ(negotiate("text/*, text/csv;q=0", kOffers), "text/tab-separated-values");
}

TEST(Negotiation, NothingAcceptableIsNullopt) {
  EXPECT_EQ(negotiate("application/sparql-results+xml", kOffers), std::nullopt);
}

TEST(Negotiation, MediaTypeAndCharsetOfContentType) {
  EXPECT_EQ(media_type("Application/SPARQL-Query; charset=UTF-16"), "application/sparql-query");
  EXPECT_EQ(charset("application/sparql-query; charset=\"UTF-16\""), "utf-16");
  EXPECT_EQ(charset("text/turtle"), "");
}

}  // namespace
}  // namespace tinykg::server
