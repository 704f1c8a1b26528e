// Limits of the RDF readers (docs/limits.md) and regressions found by the
// fuzz targets in fuzz/: hostile documents fail with one clear line instead
// of overflowing the stack, and edge cases read the same every time.
#include <gtest/gtest.h>

#include <fstream>
#include <string>
#include <vector>

#include "rdf/jsonld/jsonld.h"
#include "rdf/serd_io.h"
#include "rdf/turtle_nesting.h"
#include "test_support.h"

namespace tinykg::rdf {
namespace {

// `levels` blank node property lists inside one another.
std::string nested_blank_nodes(int levels) {
  std::string text = "<http://e/a> <http://e/p> ";
  for (int i = 0; i < levels; ++i) text += "[ <http://e/p> ";
  text += "1";
  for (int i = 0; i < levels; ++i) text += " ]";
  return text + " .\n";
}

Status read(std::string_view text, Syntax syntax, size_t* count = nullptr) {
  size_t n = 0;
  Status st = read_rdf_string(text, syntax, [&](const Quad&) { ++n; }, {"http://e/", "b_"},
                              "upload.ttl");
  if (count) *count = n;
  return st;
}

TEST(RdfLimits, DeepTurtleNestingIsAnErrorNotAStackOverflow) {
  // 200,000 levels overflowed serd's recursion before the limit existed.
  Status st = read(nested_blank_nodes(200'000), Syntax::Turtle);
  ASSERT_FALSE(st.ok());
  EXPECT_EQ(st.error(), "upload.ttl:1: blank nodes and collections nested deeper than 256 levels");
  std::string collections = "<http://e/a> <http://e/p> " + std::string(100'000, '(') +
                            std::string(100'000, ')') + " .";
  EXPECT_FALSE(read(collections, Syntax::TriG).ok());
}

TEST(RdfLimits, NestingUpToTheLimitReads) {
  size_t quads = 0;
  Status st = read(nested_blank_nodes(kMaxTurtleNesting), Syntax::Turtle, &quads);
  ASSERT_TRUE(st.ok()) << st.error();
  EXPECT_EQ(quads, static_cast<size_t>(kMaxTurtleNesting) + 1);
  EXPECT_FALSE(read(nested_blank_nodes(kMaxTurtleNesting + 1), Syntax::Turtle).ok());
}

TEST(RdfLimits, BracketsInStringsIrisAndCommentsDoNotCount) {
  const std::string many(1000, '[');
  std::string text = "# " + many + "\n" +
                     "<http://e/" + many + "> <http://e/p> \"" + many + "\\\"" + many + "\" .\n" +
                     "<http://e/a> <http://e/p> '''" + many + "''" + many + "''' .\n" +
                     "<http://e/a> <http://e/p> \"\" , '' , \"\"\"\"\"\" .\n";
  size_t quads = 0;
  Status st = read(text, Syntax::Turtle, &quads);
  ASSERT_TRUE(st.ok()) << st.error();
  EXPECT_EQ(quads, 5u);
}

TEST(RdfLimits, EscapesAndQuoteRunsCannotHideBrackets) {
  // serd reads what follows these as code, so the scanner must too: an
  // escaped # in a local name is no comment, and a long string ending in
  // four quotes closes with the last three.
  const std::string deep(300, '[');
  EXPECT_FALSE(check_turtle_nesting("ex:a ex:p\\#x " + deep, "t").ok());
  EXPECT_FALSE(check_turtle_nesting("ex:a ex:p \"\"\"x\"\"\"\" , " + deep, "t").ok());
  EXPECT_FALSE(check_turtle_nesting("ex:a ex:p '''x''''' , " + deep, "t").ok());
  // Split across pages the way the bulk loader feeds them.
  TurtleNestingScanner scanner;
  EXPECT_TRUE(scanner.feed("ex:a ex:p \"\"\"x\"\""));
  EXPECT_TRUE(scanner.feed("\"\" , "));
  EXPECT_FALSE(scanner.feed(deep));
}

TEST(RdfLimits, TheFileReaderAndItsErrorNameTheFile) {
  testing::TempDir dir;
  const std::string deep = dir / "deep.ttl";
  std::ofstream(deep) << "# line 1\n" << nested_blank_nodes(300);
  Status st = read_rdf_file(deep, Syntax::Turtle, [](const Quad&) {});
  ASSERT_FALSE(st.ok());
  EXPECT_EQ(st.error(), deep + ":2: blank nodes and collections nested deeper than 256 levels");

  const std::string fine = dir / "fine.ttl";
  std::ofstream(fine) << nested_blank_nodes(10);
  size_t quads = 0;
  st = read_rdf_file(fine, Syntax::Turtle, [&](const Quad&) { ++quads; });
  ASSERT_TRUE(st.ok()) << st.error();
  EXPECT_EQ(quads, 11u);  // the pre-scan rewound the file before serd read it
}

TEST(RdfLimits, AnEmptyDocumentIsValidAndHasNoQuads) {
  // Found by fuzz/rdf_bulk_parser_fuzz: serd read past the end of an empty
  // string and failed with a random message.
  for (Syntax syntax : {Syntax::Turtle, Syntax::NTriples, Syntax::NQuads, Syntax::TriG}) {
    for (int i = 0; i < 20; ++i) {
      size_t quads = 1;
      Status st = read("", syntax, &quads);
      ASSERT_TRUE(st.ok()) << st.error();
      EXPECT_EQ(quads, 0u);
    }
  }
}

TEST(RdfLimits, ANulByteIsRefusedByEveryReader) {
  // Found by fuzz/rdf_bulk_parser_fuzz: serd stopped at the NUL when reading
  // a string (1 statement) but skipped it when reading a file (2), and both
  // called the document valid.
  const std::string text = std::string("<http://e/a> <http://e/p> 1 .\n") + '\0' +
                           "<http://e/b> <http://e/p> 2 .\n";
  const std::string expected = ": NUL byte at offset 30; RDF text may not contain one";
  testing::TempDir dir;
  for (Syntax syntax : {Syntax::Turtle, Syntax::NTriples, Syntax::NQuads, Syntax::TriG}) {
    size_t quads = 0;
    Status st = read(text, syntax, &quads);
    ASSERT_FALSE(st.ok()) << "syntax " << static_cast<int>(syntax);
    EXPECT_EQ(st.error().rfind("upload.ttl" + expected, 0), 0u) << st.error();
    EXPECT_EQ(quads, 0u);

    const std::string path = dir / "nul.rdf";
    std::ofstream(path, std::ios::binary | std::ios::trunc) << text;
    st = read_rdf_file(path, syntax, [&](const Quad&) { ++quads; });
    ASSERT_FALSE(st.ok()) << "syntax " << static_cast<int>(syntax);
    EXPECT_EQ(st.error().rfind(path + expected, 0), 0u) << st.error();
    EXPECT_EQ(quads, 0u);
  }
  // Escaped, U+0000 is a character like any other.
  size_t quads = 0;
  Status st = read("<http://e/a> <http://e/p> \"a\\u0000b\" .\n", Syntax::NTriples, &quads);
  ASSERT_TRUE(st.ok()) << st.error();
  EXPECT_EQ(quads, 1u);
}

TEST(RdfLimits, DeepJsonLdIsAnError) {
  std::string deep = "{\"@id\": \"http://e/a\", \"http://e/p\": " + std::string(300, '[') +
                     std::string(300, ']') + "}";
  JsonLdOptions options;
  options.base = "http://e/doc";
  auto quads = jsonld_to_rdf(deep, options);
  ASSERT_FALSE(quads.ok());
  EXPECT_NE(quads.error().find("JSON nested deeper than 256 levels"), std::string::npos)
      << quads.error();
}

}  // namespace
}  // namespace tinykg::rdf
