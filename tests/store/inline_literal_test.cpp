#include "store/inline_literal.h"

#include <gtest/gtest.h>

#include <set>

#include "store/store.h"
#include "test_support.h"

namespace tinykg::store::detail {
namespace {

using rdf::Term;

Term typed(std::string lex, std::string_view dt) { return Term::literal(std::move(lex), std::string(dt)); }

TEST(InlineLiteral, CanonicalSmallLiteralsRoundTripExactly) {
  const std::vector<Term> inlined = {
      typed("0", rdf::xsd::kInteger),       typed("-42", rdf::xsd::kInteger),
      typed("288230376151711743", rdf::xsd::kInteger),  // 2^58 - 1
      typed("-288230376151711743", rdf::xsd::kInteger),
      typed("0.73", rdf::xsd::kDecimal),    typed("12.50", rdf::xsd::kDecimal),
      typed("-0.0", rdf::xsd::kDecimal),    typed("0.05", rdf::xsd::kDecimal),
      typed("12.123456789012345", rdf::xsd::kDecimal),  // 15 digits, < 2^54
      typed("true", rdf::xsd::kBoolean),    typed("false", rdf::xsd::kBoolean),
      Term::literal(""),                    Term::literal("RAM"),
      Term::literal("seven77"),             typed("2024-02-29", rdf::xsd::kDate),
  };
  std::set<Id> ids;
  for (const Term& t : inlined) {
    auto id = inline_id(t);
    ASSERT_TRUE(id.has_value()) << t.to_ntriples();
    EXPECT_TRUE(is_inline(*id));
    EXPECT_EQ(inline_term(*id), t) << t.to_ntriples();
    EXPECT_EQ(inline_id_of_encoding(t.encode()), id) << t.to_ntriples();
    ids.insert(*id);
  }
  EXPECT_EQ(ids.size(), inlined.size()) << "two literals share an id";
}

TEST(InlineLiteral, NonCanonicalOrLargeLiteralsStayInTheDictionary) {
  const std::vector<Term> kept = {
      typed("01", rdf::xsd::kInteger),      typed("+1", rdf::xsd::kInteger),
      typed("-0", rdf::xsd::kInteger),      typed("288230376151711744", rdf::xsd::kInteger),
      typed("1e3", rdf::xsd::kInteger),     typed("", rdf::xsd::kInteger),
      typed("5", rdf::xsd::kDecimal),       typed("00.5", rdf::xsd::kDecimal),
      typed(".5", rdf::xsd::kDecimal),      typed("1.", rdf::xsd::kDecimal),
      typed("0.1234567890123456", rdf::xsd::kDecimal),  // 16 fraction digits
      typed("1234.123456789012345", rdf::xsd::kDecimal),  // digits >= 2^54
      typed("1", rdf::xsd::kBoolean),       typed("TRUE", rdf::xsd::kBoolean),
      Term::literal("eight888"),            Term::literal("hi", "", "en"),
      typed("2024-2-29", rdf::xsd::kDate),  typed("2024-02-29Z", rdf::xsd::kDate),
      typed("1.5", rdf::xsd::kDouble),      Term::iri("http://ex/1"),
      Term::blank("b1"),
  };
  for (const Term& t : kept) {
    EXPECT_FALSE(inline_id(t).has_value()) << t.to_ntriples();
    EXPECT_FALSE(inline_id_of_encoding(t.encode()).has_value()) << t.to_ntriples();
  }
}

TEST(InlineLiteral, TheStoreAnswersInlineIdsWithoutDictionaryEntries) {
  testing::TempDir dir;
  auto store = Store::open(dir.str()).value_or_throw();
  {
    WriteTxn txn = store->write();
    txn.insert(rdf::Quad{Term::iri("http://ex/s"), Term::iri("http://ex/p"), Term::integer(7), {}});
    ASSERT_TRUE(txn.commit().ok());
  }
  ReadTxn txn = store->read();
  EXPECT_EQ(txn.term_count(), 2u);  // the subject and the predicate only
  Id seven = txn.find_id(Term::integer(7)).value();
  EXPECT_TRUE(is_inline(seven));
  EXPECT_EQ(txn.term(seven), Term::integer(7));
  EXPECT_EQ(txn.count({kNoId, kNoId, seven, kNoId}), 1u);
  // An inlinable literal has an id even when nothing uses it; scans find nothing.
  Id eight = txn.find_id(Term::integer(8)).value();
  EXPECT_EQ(txn.count({kNoId, kNoId, eight, kNoId}), 0u);
  EXPECT_THROW(txn.term(kInlineBit | (Id{15} << 59)), Error);  // an unknown inline kind
}

}  // namespace
}  // namespace tinykg::store::detail
