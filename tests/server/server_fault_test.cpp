// The server against clients that misbehave on the wire: bytes that are not
// valid UTF-8, uploads cut off half way, clients that hang up in the middle of
// a long result. Each case must leave the server answering the next client
// and the graph unchanged. Raw sockets, because httplib's client only sends
// well-formed requests and always reads the whole response.
#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <fstream>
#include <string>

#include "server_fixture.h"

namespace tinykg::server::testing {
namespace {

class ServerFaults : public ServerTest {
 protected:
  // A connected loopback socket to the server (started on first use).
  int connect_raw() {
    client();  // starts the server
    int fd = ::socket(AF_INET, SOCK_STREAM, 0);
    EXPECT_GE(fd, 0);
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_port = htons(static_cast<uint16_t>(port_));
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    EXPECT_EQ(::connect(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr), 0);
    timeval timeout{10, 0};
    ::setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, sizeof timeout);
    return fd;
  }
  static void send_all(int fd, const std::string& bytes) {
    ASSERT_EQ(::send(fd, bytes.data(), bytes.size(), MSG_NOSIGNAL),
              static_cast<ssize_t>(bytes.size()));
  }
  // Everything the server sends until it closes the connection.
  static std::string read_all(int fd) {
    std::string out;
    char buf[4096];
    ssize_t n;
    while ((n = ::recv(fd, buf, sizeof buf, 0)) > 0) out.append(buf, static_cast<size_t>(n));
    return out;
  }
  // Closes with a reset instead of an orderly shutdown, like a killed client.
  static void hang_up(int fd) {
    linger abort_on_close{1, 0};
    ::setsockopt(fd, SOL_SOCKET, SO_LINGER, &abort_on_close, sizeof abort_on_close);
    ::close(fd);
  }
  void expect_server_answers() {
    auto res = client().Get("/api/stats");
    ASSERT_TRUE(res) << "the server no longer answers";
    EXPECT_EQ(res->status, 200);
  }
};

TEST_F(ServerFaults, InvalidUtf8InThePathIsA404ProblemNotACrash) {
  // Found by fuzz/http_api_fuzz: the 404 problem echoed the path, and
  // serializing it threw inside httplib's error handler, ending the process.
  int fd = connect_raw();
  send_all(fd, "GET /rdn-\xff\xfe/x HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
  std::string response = read_all(fd);
  ::close(fd);
  EXPECT_EQ(response.rfind("HTTP/1.1 404", 0), 0u) << response;
  EXPECT_NE(response.find("application/problem+json"), std::string::npos) << response;
  EXPECT_NE(response.find("\xef\xbf\xbd"), std::string::npos) << "U+FFFD replaces the bad bytes";
  expect_server_answers();
}

TEST_F(ServerFaults, AClientHangingUpMidUploadWritesNothing) {
  const std::string writer = token(Role::Write);
  for (int i = 0; i < 5; ++i) {
    int fd = connect_raw();
    send_all(fd, "PUT /rdf-graphs?default HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer " + writer +
                     "\r\nContent-Type: application/n-triples\r\nContent-Length: 1000000\r\n\r\n");
    send_all(fd, "<http://example.org/a> <http://example.org/p> \"part of an upload\" .\n");
    hang_up(fd);
  }
  expect_server_answers();
  EXPECT_EQ(quads(), 0u);
}

TEST_F(ServerFaults, AClientHangingUpMidResultLeavesTheServerServing) {
  std::string data;
  for (int i = 0; i < 5000; ++i) {
    data += "ex:s" + std::to_string(i) + " ex:p \"a literal long enough to fill pages " +
            std::to_string(i) + "\" .\n";
  }
  load(data);
  const std::string request = "GET /sparql?query=" + url_encode("SELECT * { ?s ?p ?o }") +
                              " HTTP/1.1\r\nHost: x\r\nAccept: text/csv\r\n\r\n";
  for (int i = 0; i < 10; ++i) {
    int fd = connect_raw();
    send_all(fd, request);
    char first[64];
    ASSERT_GT(::recv(fd, first, sizeof first, 0), 0);  // the answer has started
    hang_up(fd);
  }
  auto res = client().Get("/sparql?query=" + url_encode("SELECT (COUNT(*) AS ?n) { ?s ?p ?o }"),
                          {{"Accept", "text/csv"}});
  ASSERT_TRUE(res);
  EXPECT_EQ(res->body, "n\r\n5000\r\n");
}

TEST_F(ServerFaults, AWriteTokenCannotLoadTheServersFiles) {
  // LOAD <file:...> would copy any RDF file the server process can read into
  // the graph, where every reader could see it.
  std::ofstream(dir_ / "secret.ttl") << "<http://example.org/s> <http://example.org/p> \"x\" .\n";
  auto res = client().Post("/sparql", bearer(token(Role::Write)),
                           "LOAD <file://" + (dir_ / "secret.ttl") + ">",
                           "application/sparql-update");
  expect_problem(res, 400);
  EXPECT_NE(res->body.find("does not read local files"), std::string::npos) << res->body;
  EXPECT_EQ(quads(), 0u);
}

}  // namespace
}  // namespace tinykg::server::testing
