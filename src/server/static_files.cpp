// The web UI's static files (web/dist, built by npm) served at `/` when
// ServerOptions::web_root is set. httplib's mount point does the serving: it
// maps `/` to index.html, refuses paths that climb out of the root, and picks
// the Content-Type from the extension. Routes of the API never collide with
// files because the bundle has no api/, sparql or rdf-graphs entries.
#include <filesystem>

#include <httplib.h>
#include <spdlog/spdlog.h>

#include "server/service.h"

namespace tinykg::server {

void add_static_routes(httplib::Server& http, Service& service) {
  const std::string& root = service.options.web_root;
  if (root.empty()) return;
  if (!std::filesystem::is_regular_file(std::filesystem::path(root) / "index.html") ||
      !http.set_mount_point("/", root)) {
    spdlog::warn("web UI not served: {} has no index.html (run web/build.sh)", root);
    return;
  }
  spdlog::info("web UI at / from {}", root);
  // Vite names every asset after a hash of its content, so a browser may keep
  // them forever; index.html names the current assets and must be revalidated.
  http.set_file_request_handler([](const httplib::Request& req, httplib::Response& res) {
    res.set_header("Cache-Control", req.path.starts_with("/assets/")
                                        ? "public, max-age=31536000, immutable"
                                        : "no-cache");
    res.set_header("X-Content-Type-Options", "nosniff");
  });
}

}  // namespace tinykg::server
