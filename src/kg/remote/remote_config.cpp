#include "kg/remote/remote_config.h"

#include <cstdlib>
#include <fstream>

namespace tinykg::kg::remote {
namespace {

bool is_http_url(std::string_view url) {
  return url.starts_with("http://") || url.starts_with("https://");
}

Status check_url(std::string_view what, std::string_view url) {
  if (!is_http_url(url)) return fail("--store: {} '{}' is not an http:// or https:// URL", what, url);
  return Status::Ok();
}

Status read_auth_file(const std::string& path, RemoteConfig& config) {
  std::ifstream in(path);
  if (!in) return fail("--store: cannot read credentials file '{}'", path);
  std::string line;
  std::getline(in, line);
  while (!line.empty() && (line.back() == '\r' || line.back() == ' ')) line.pop_back();
  Status st = parse_credentials(line, config);
  if (!st.ok()) return fail("{}: {}", path, st.error());
  return Status::Ok();
}

Result<RemoteConfig> parse_sparql(std::string_view rest) {
  RemoteConfig config;
  std::string auth_file;
  size_t pos = 0;
  bool first = true;
  while (pos <= rest.size()) {
    size_t comma = rest.find(',', pos);
    std::string_view part = rest.substr(pos, comma == std::string_view::npos ? rest.npos : comma - pos);
    pos = comma == std::string_view::npos ? rest.size() + 1 : comma + 1;
    if (first) {
      config.query_url = std::string(part);
      first = false;
    } else if (part.starts_with("gsp=")) {
      config.gsp_url = std::string(part.substr(4));
    } else if (part.starts_with("graph=")) {
      config.default_graph = std::string(part.substr(6));
    } else if (part.starts_with("batch=")) {
      const std::string n(part.substr(6));
      char* end = nullptr;
      const unsigned long long v = std::strtoull(n.c_str(), &end, 10);
      if (n.empty() || *end != '\0' || v == 0 || v > 1000000) {
        return fail("--store: batch= needs a number of triples from 1 to 1000000, not '{}'", n);
      }
      config.batch_triples = static_cast<size_t>(v);
    } else if (part.starts_with("auth-file=")) {
      auth_file = std::string(part.substr(10));
    } else if (config.update_url.empty() && is_http_url(part)) {
      config.update_url = std::string(part);
    } else {
      return fail("--store: unknown part '{}' (expected UPDATE_URL, gsp=URL, graph=IRI, "
                  "batch=N or auth-file=PATH)", part);
    }
  }
  if (Status st = check_url("query URL", config.query_url); !st.ok()) return st.failure();
  if (!config.gsp_url.empty()) {
    if (Status st = check_url("gsp URL", config.gsp_url); !st.ok()) return st.failure();
  }
  if (config.default_graph.empty()) return fail("--store: graph= needs an IRI");
  if (!auth_file.empty()) {
    if (Status st = read_auth_file(auth_file, config); !st.ok()) return st.failure();
  } else if (const char* env = std::getenv("TINYKG_REMOTE_AUTH"); env && *env) {
    Status st = parse_credentials(env, config);
    if (!st.ok()) return fail("TINYKG_REMOTE_AUTH: {}", st.error());
  }
  return config;
}

}  // namespace

Status parse_credentials(std::string_view text, RemoteConfig& config) {
  if (text.starts_with("basic:")) {
    std::string_view rest = text.substr(6);
    size_t colon = rest.find(':');
    if (colon == std::string_view::npos || colon == 0) {
      return fail("credentials must be basic:USER:PASSWORD or bearer:TOKEN");
    }
    config.auth_scheme = "basic";
    config.auth_user = std::string(rest.substr(0, colon));
    config.auth_secret = std::string(rest.substr(colon + 1));
    return Status::Ok();
  }
  if (text.starts_with("bearer:") && text.size() > 7) {
    config.auth_scheme = "bearer";
    config.auth_secret = std::string(text.substr(7));
    return Status::Ok();
  }
  return fail("credentials must be basic:USER:PASSWORD or bearer:TOKEN");
}

Result<StoreLocation> parse_store_location(std::string_view spec) {
  StoreLocation loc;
  if (spec.starts_with("embedded:")) {
    loc.db_dir = std::string(spec.substr(9));
    if (loc.db_dir.empty()) return fail("--store embedded: needs a directory (embedded:DIR)");
    return loc;
  }
  if (spec.starts_with("sparql:")) {
    auto config = parse_sparql(spec.substr(7));
    if (!config.ok()) return config.failure();
    loc.kind = StoreLocation::Kind::Sparql;
    loc.remote = std::move(config).value();
    return loc;
  }
  return fail("--store '{}': expected embedded:DIR or sparql:QUERY_URL[,UPDATE_URL]", spec);
}

std::string StoreLocation::to_string() const {
  return kind == Kind::Embedded ? "embedded:" + db_dir : "sparql:" + remote.query_url;
}

}  // namespace tinykg::kg::remote
