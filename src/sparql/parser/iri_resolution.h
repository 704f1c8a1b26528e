// Resolves a relative IRI reference against BASE (RFC 3986 section 5.2,
// including removal of "." and ".." segments).
#pragma once

#include <string>
#include <string_view>

namespace tinykg::sparql {

// Returns `reference` unchanged when it is absolute or when base is empty.
std::string resolve_iri(std::string_view base, std::string_view reference);

}  // namespace tinykg::sparql
