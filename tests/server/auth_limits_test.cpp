// Bearer-token authorization (401 / 403, nothing written) and request limits.
#include <thread>

#include "server_fixture.h"

namespace tinykg::server::testing {
namespace {

constexpr const char* kTriple = "<http://example.org/s> <http://example.org/p> <http://example.org/o> .\n";
constexpr const char* kDefaultGraph = "/rdf-graphs?default";

class Auth : public ServerTest {};

TEST_F(Auth, WriteWithoutTokenIs401AndWritesNothing) {
  auto res = client().Put(kDefaultGraph, kTriple, "application/n-triples");
  expect_problem(res, 401);
  EXPECT_EQ(res->get_header_value("WWW-Authenticate"), R"(Bearer realm="tinykg")");
  EXPECT_EQ(quads(), 0u);
}

TEST_F(Auth, UnknownTokenIs401) {
  token(Role::Write);  // a token exists, but not this one
  expect_problem(client().Put(kDefaultGraph, bearer("tkg_guess"), kTriple, "application/n-triples"),
                 401);
  EXPECT_EQ(quads(), 0u);
}

TEST_F(Auth, ReadTokenCannotWrite) {
  auto res = client().Post(kDefaultGraph, bearer(token(Role::Read)), kTriple,
                           "application/n-triples");
  expect_problem(res, 403);
  EXPECT_EQ(quads(), 0u);
  expect_problem(client().Delete("/api/models/x", bearer(token(Role::Read))), 403);
}

TEST_F(Auth, WriteAndAdminTokensCanWrite) {
  EXPECT_EQ(client().Post(kDefaultGraph, bearer(token(Role::Write)), kTriple,
                          "application/n-triples")->status, 204);
  EXPECT_EQ(client().Put(kDefaultGraph, bearer(token(Role::Admin)), kTriple,
                         "application/n-triples")->status, 204);
  EXPECT_EQ(quads(), 1u);
}

TEST_F(Auth, RevokedTokenIs401AtOnce) {
  TokenStore store(options_.token_file);
  auto issued = store.create(Role::Write).value_or_throw();
  ASSERT_EQ(client().Post(kDefaultGraph, bearer(issued.secret), kTriple,
                          "application/n-triples")->status, 204);
  ASSERT_TRUE(store.revoke(issued.record.id).ok());
  expect_problem(client().Delete(kDefaultGraph, bearer(issued.secret)), 401);
  EXPECT_EQ(quads(), 1u);
}

TEST_F(Auth, OnlyHashesAreStored) {
  std::string secret = token(Role::Admin);
  std::ifstream in(options_.token_file);
  std::string file((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  EXPECT_EQ(file.find(secret), std::string::npos);
  EXPECT_EQ(file.find(secret.substr(4)), std::string::npos);
  auto records = TokenStore(options_.token_file).list().value_or_throw();
  ASSERT_EQ(records.size(), 1u);
  EXPECT_EQ(records[0].hash_hex.size(), 64u);
  EXPECT_EQ(std::filesystem::status(options_.token_file).permissions() &
                std::filesystem::perms::others_read,
            std::filesystem::perms::none);
}

TEST_F(Auth, RevokingAnUnknownIdFails) {
  EXPECT_FALSE(TokenStore(options_.token_file).revoke("nope").ok());
}

TEST_F(Auth, ClosedReadsNeedAReadToken) {
  options_.open_reads = false;
  const std::string query = "/sparql?query=" + url_encode("SELECT * WHERE { ?s ?p ?o }");
  expect_problem(client().Get(query), 401);
  expect_problem(client().Get("/api/stats"), 401);
  EXPECT_EQ(client().Get(query, bearer(token(Role::Read)))->status, 200);
  EXPECT_EQ(client().Get("/api/openapi.json")->status, 200);  // stays open
}

class Limits : public ServerTest {};

TEST_F(Limits, OversizeBodyIs413AndWritesNothing) {
  options_.max_body_bytes = 1024;
  std::string big;
  for (int i = 0; big.size() <= 2048; ++i) {
    big += "<http://example.org/s" + std::to_string(i) + "> <http://example.org/p> \"1\" .\n";
  }
  auto res = client().Post(kDefaultGraph, bearer(token(Role::Write)), big, "application/n-triples");
  expect_problem(res, 413);
  EXPECT_EQ(quads(), 0u);
}

TEST_F(Limits, ConcurrentReadersAndAWriterAllSucceed) {
  const std::string writer = token(Role::Write);
  start();
  std::vector<std::thread> threads;
  std::atomic<int> failures{0};
  for (int t = 0; t < 4; ++t) {
    threads.emplace_back([&, t] {
      httplib::Client c("127.0.0.1", port_);
      for (int i = 0; i < 25; ++i) {
        httplib::Result res =
            t == 0 ? c.Post(kDefaultGraph, bearer(writer),
                            "<http://example.org/s" + std::to_string(i) +
                                "> <http://example.org/p> \"1\" .\n",
                            "application/n-triples")
                   : c.Get("/sparql?query=" + url_encode("SELECT * WHERE { ?s ?p ?o }"));
        if (!res || res->status >= 300) {
          ++failures;
          ADD_FAILURE() << (res ? res->body : httplib::to_string(res.error()));
        }
      }
    });
  }
  for (auto& t : threads) t.join();
  EXPECT_EQ(failures, 0);
  EXPECT_EQ(quads(), 25u);
}

TEST_F(Limits, StopWaitsAndIsIdempotent) {
  start();
  server_->stop();
  server_->stop();
  EXPECT_FALSE(client_->Get("/api/stats"));  // nobody listens any more
}

}  // namespace
}  // namespace tinykg::server::testing
