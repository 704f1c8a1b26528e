// The SPARQL 1.1 Protocol and Graph Store Protocol on the wire: one POST per
// call, retried with exponential backoff on transient failures (no answer,
// connection reset, HTTP 408, 429, 5xx). Every tinykg write is idempotent
// (INSERT DATA of ground triples, DELETE DATA, CLEAR), so a request that
// reached the store before the connection broke may safely be sent again.
#pragma once

#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "common/result.h"
#include "kg/remote/remote_config.h"

namespace tinykg::kg::remote {

struct HttpAnswer {
  std::string body;
  std::string content_type;
  // Virtuoso answers a query with more rows than its ResultSetMaxRows with
  // that many rows and this header instead of an error.
  std::string truncated_at;
};

using FormFields = std::vector<std::pair<std::string, std::string>>;

class SparqlHttp {
 public:
  explicit SparqlHttp(const RemoteConfig& config) : config_(config) {}

  // POST application/x-www-form-urlencoded (query= or update= plus dataset fields).
  Result<HttpAnswer> post_form(const std::string& url, const FormFields& fields,
                               std::string_view accept) const;
  // POST a body as is (Graph Store Protocol: N-Triples into ?graph=IRI).
  Result<HttpAnswer> post_body(const std::string& url, std::string_view body,
                               std::string_view content_type) const;

 private:
  Result<HttpAnswer> post(const std::string& url, std::string_view body,
                          std::string_view content_type, std::string_view accept) const;
  const RemoteConfig& config_;
};

std::string url_encode(std::string_view s);

}  // namespace tinykg::kg::remote
