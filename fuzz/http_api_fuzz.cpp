// Feeds arbitrary bytes as one raw HTTP connection to a real tinykg server on
// a loopback port: the request line, headers and body reach httplib's parser,
// then the routes of /sparql, /rdf-graphs and /api with the server's own
// configuration (limits, CORS, problem bodies, exception handler). The server
// must answer or close the connection, never crash or hang.
//
// The text "FUZZTOKEN" in an input is replaced by an admin bearer token, so
// seeds such as "Authorization: Bearer FUZZTOKEN" reach the write routes.
// After an input that may have written, the graph is emptied again so that
// every input sees the same empty database and a finding reproduces alone.
#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <sys/time.h>
#include <unistd.h>

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <memory>
#include <string>
#include <string_view>

#include <spdlog/spdlog.h>

#include "fuzz_tmpdir.h"
#include "kg/knowledge_graph.h"
#include "server/auth.h"
#include "server/server.h"

using namespace tinykg;

namespace {

struct Fixture {
  std::unique_ptr<kg::KnowledgeGraph> graph;
  std::unique_ptr<server::Server> server;
  std::string token;
  int port = 0;
};

Fixture& fixture() {
  static Fixture* f = [] {
    spdlog::set_level(spdlog::level::off);  // handler errors are expected here
    auto* fx = new Fixture;
    fx->graph = kg::KnowledgeGraph::open((fuzz::scratch_dir() / "db").string()).value_or_throw();
    server::ServerOptions options;
    options.port = 0;
    options.threads = 2;
    options.access_log = false;
    options.max_body_bytes = 64 * 1024;
    options.query_timeout_ms = 2000;
    options.cors_origins = {"http://ui.example"};
    options.token_file = (fuzz::scratch_dir() / "tokens.tsv").string();
    fx->token = server::TokenStore(options.token_file).create(server::Role::Admin)
                    .value_or_throw().secret;
    fx->server = std::make_unique<server::Server>(*fx->graph, options);
    fx->port = fx->server->start().value_or_throw();
    return fx;
  }();
  return *f;
}

std::string with_token(std::string_view input, const std::string& token) {
  constexpr std::string_view kPlaceholder = "FUZZTOKEN";
  std::string out(input);
  for (size_t at = out.find(kPlaceholder); at != std::string::npos;
       at = out.find(kPlaceholder, at + token.size())) {
    out.replace(at, kPlaceholder.size(), token);
  }
  return out;
}

// Sends the bytes, half-closes, and reads until the server closes.
void send_and_drain(int port, const std::string& bytes) {
  int fd = ::socket(AF_INET, SOCK_STREAM, 0);
  if (fd < 0) std::abort();
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_port = htons(static_cast<uint16_t>(port));
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  if (::connect(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr) != 0) std::abort();
  // A server that stops answering is a hang: fail loudly instead of waiting.
  timeval timeout{30, 0};
  ::setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, sizeof timeout);
  size_t sent = 0;
  while (sent < bytes.size()) {
    ssize_t n = ::send(fd, bytes.data() + sent, bytes.size() - sent, MSG_NOSIGNAL);
    if (n <= 0) break;  // the server may close early (413, bad request line)
    sent += static_cast<size_t>(n);
  }
  ::shutdown(fd, SHUT_WR);
  char buf[16384];
  while (true) {
    ssize_t n = ::recv(fd, buf, sizeof buf, 0);
    if (n == 0) break;
    if (n < 0) {
      if (errno == EAGAIN || errno == EWOULDBLOCK) std::abort();  // no answer in 30 s
      break;  // reset by the server: fine
    }
  }
  ::close(fd);
}

bool may_write(std::string_view input) {
  return !(input.starts_with("GET ") || input.starts_with("HEAD ") ||
           input.starts_with("OPTIONS "));
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  Fixture& fx = fixture();
  std::string_view input(reinterpret_cast<const char*>(data), size);
  send_and_drain(fx.port, with_token(input, fx.token));
  if (may_write(input)) (void)fx.graph->update("DROP SILENT ALL");
  return 0;
}
