#include "sparql/exec/term_order.h"

#include <cmath>

#include "sparql/exec/literal_value.h"

namespace tinykg::sparql::exec {
namespace {

int rank(const rdf::Term* t) {
  if (t == nullptr) return 0;
  switch (t->kind) {
    case rdf::TermKind::Blank:
      return 1;
    case rdf::TermKind::Iri:
      return 2;
    case rdf::TermKind::Literal:
      return 3;
  }
  return 4;
}

int three_way(int a, int b) { return a < b ? -1 : a > b ? 1 : 0; }

int compare_strings(const std::string& a, const std::string& b) {
  int c = a.compare(b);
  return c < 0 ? -1 : c > 0 ? 1 : 0;
}

// NaN sorts before every other number so the order stays total.
int compare_numbers(double a, double b) {
  bool na = std::isnan(a), nb = std::isnan(b);
  if (na || nb) return three_way(!na, !nb);
  return a < b ? -1 : a > b ? 1 : 0;
}

}  // namespace

int compare_for_order_by(const rdf::Term* a, const rdf::Term* b) {
  if (int c = three_way(rank(a), rank(b)); c != 0 || a == nullptr) return c;
  if (!a->is_literal()) return compare_strings(a->value, b->value);
  auto na = as_numeric(*a);
  auto nb = as_numeric(*b);
  if (na.has_value() != nb.has_value()) return na ? -1 : 1;
  if (na) {
    int c = (na->exact && nb->exact) ? (na->integer < nb->integer   ? -1
                                        : na->integer > nb->integer ? 1
                                                                    : 0)
                                     : compare_numbers(na->value, nb->value);
    if (c != 0) return c;
  }
  if (int c = compare_strings(a->value, b->value); c != 0) return c;
  if (int c = compare_strings(a->datatype, b->datatype); c != 0) return c;
  return compare_strings(a->lang, b->lang);
}

}  // namespace tinykg::sparql::exec
