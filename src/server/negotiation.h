// HTTP content negotiation (RFC 9110 §12.5.1): picks the media type a client
// prefers among those a route can produce, honouring q-values and the
// wildcards "*/*" and "type/*".
#pragma once

#include <optional>
#include <span>
#include <string>
#include <string_view>

namespace tinykg::server {

// The best of `offered` (server order breaks ties) for an Accept header;
// an empty header accepts the first offer. nullopt: nothing acceptable (406).
std::optional<std::string_view> negotiate(std::string_view accept,
                                          std::span<const std::string_view> offered);

// The media type of a Content-Type header, lower-cased, without parameters.
std::string media_type(std::string_view content_type);
// The charset parameter of a Content-Type header, lower-cased; empty if none.
std::string charset(std::string_view content_type);

}  // namespace tinykg::server
