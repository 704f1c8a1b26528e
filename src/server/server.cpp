#include "server/server.h"

#include <csignal>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <thread>

#include <httplib.h>
#include <spdlog/spdlog.h>

#include "server/problem.h"
#include "server/service.h"

namespace tinykg::server {
namespace {

using Clock = std::chrono::steady_clock;

constexpr int kDefaultThreads = 64;

// When the request now being handled on this worker thread arrived; set by
// the pre-routing handler, read by the access log (same thread, in order).
thread_local Clock::time_point request_start;

bool origin_allowed(const ServerOptions& options, const std::string& origin) {
  return std::any_of(options.cors_origins.begin(), options.cors_origins.end(),
                     [&](const std::string& o) { return o == "*" || o == origin; });
}

void add_cors_headers(const ServerOptions& options, const httplib::Request& req,
                      httplib::Response& res) {
  std::string origin = req.get_header_value("Origin");
  if (origin.empty() || !origin_allowed(options, origin)) return;
  res.set_header("Access-Control-Allow-Origin", origin);
  res.set_header("Vary", "Origin");
}

void log_access(const httplib::Request& req, const httplib::Response& res) {
  double ms = std::chrono::duration<double, std::milli>(Clock::now() - request_start).count();
  // key=value pairs: greppable by people, parseable by log shippers.
  spdlog::info("access method={} path=\"{}\" status={} bytes={} ms={:.3f} remote={}", req.method,
               req.path, res.status, res.body.size(), ms, req.remote_addr);
}

}  // namespace

struct Server::Impl {
  Impl(kg::KnowledgeGraph& graph, ServerOptions opts)
      : options(std::move(opts)), service{graph, options, TokenStore(options.token_file)} {}

  void configure();

  ServerOptions options;
  Service service;
  httplib::Server http;
  std::thread listener;
  std::atomic<bool> listener_done{false};
  bool started = false;
};

namespace {

// Debian's cpp-httplib 0.11 compresses with brotli whenever the client
// accepts "br" (every browser does), at brotli's default quality 11: 1.3 s
// for a 575 kB JSON answer of the 10k fleet, where gzip takes 22 ms for a
// body only 27 % larger. The library offers no setting, so "br" is struck
// from Accept-Encoding before it decides. httplib owns the request object
// and hands it to the handlers as const; changing it here is safe.
void prefer_gzip(httplib::Request& req) {
  auto header = req.headers.find("Accept-Encoding");
  if (header == req.headers.end()) return;
  std::string& accepted = header->second;
  for (size_t at = accepted.find("br"); at != std::string::npos; at = accepted.find("br", at)) {
    accepted.replace(at, 2, "--");
  }
}

}  // namespace

void Server::Impl::configure() {
  // cpp-httplib gives each connection a worker for as long as it stays open
  // (keep-alive), so the pool bounds concurrent clients, not CPU use: a
  // small pool lets a few keep-alive readers starve every other client.
  const int threads = options.threads > 0 ? options.threads : kDefaultThreads;
  http.new_task_queue = [threads] { return new httplib::ThreadPool(threads); };
  http.set_payload_max_length(options.max_body_bytes);
  // Benchmarks and SPARQL clients reuse connections; httplib's default of 5
  // requests per connection would make them reconnect constantly.
  http.set_keep_alive_max_count(10'000);
  // Responses go out in two writes (headers, body); with Nagle on, the second
  // waits for the client's delayed ACK and every request costs ~40 ms.
  http.set_tcp_nodelay(true);
  http.set_pre_routing_handler([this](const httplib::Request& req, httplib::Response& res) {
    request_start = Clock::now();
    prefer_gzip(const_cast<httplib::Request&>(req));
    if (req.method == "OPTIONS") {  // CORS preflight
      add_cors_headers(options, req, res);
      res.set_header("Access-Control-Allow-Methods", "GET, HEAD, POST, PUT, DELETE, OPTIONS");
      res.set_header("Access-Control-Allow-Headers", "Authorization, Content-Type, Accept");
      res.set_header("Access-Control-Max-Age", "600");
      res.status = 204;
      return httplib::Server::HandlerResponse::Handled;
    }
    return httplib::Server::HandlerResponse::Unhandled;
  });
  http.set_post_routing_handler([this](const httplib::Request& req, httplib::Response& res) {
    add_cors_headers(options, req, res);
  });
  // Errors httplib produces itself (no route: 404, body too large: 413,
  // unparsable request: 400) get a problem body like ours.
  http.set_error_handler(httplib::Server::HandlerWithResponse(
      [](const httplib::Request& req, httplib::Response& res) {
    if (!res.body.empty()) return httplib::Server::HandlerResponse::Unhandled;
    send_problem(req, res, res.status,
                 res.status == 404 ? "no such route: " + req.path
                 : res.status == 413
                     ? "the request body is larger than the server's limit (--max-body)"
                     : std::string(status_title(res.status)));
    return httplib::Server::HandlerResponse::Handled;
  }));
  http.set_exception_handler(
      [](const httplib::Request& req, httplib::Response& res, std::exception_ptr ep) {
        std::string what = "unknown error";
        try {
          std::rethrow_exception(ep);
        } catch (const std::exception& e) {
          what = e.what();
        } catch (...) {
        }
        spdlog::error("request {} {} failed: {}", req.method, req.path, what);
        send_problem(req, res, 500, what);
      });
  if (options.access_log) http.set_logger(log_access);

  add_sparql_protocol_routes(http, service);
  add_graph_store_routes(http, service);
  add_model_routes(http, service);
  add_device_routes(http, service);
  add_stats_routes(http, service);
  add_deployment_routes(http, service);
  add_match_routes(http, service);
  add_thing_routes(http, service);
  add_static_routes(http, service);
}

Server::Server(kg::KnowledgeGraph& graph, ServerOptions options)
    : impl_(std::make_unique<Impl>(graph, std::move(options))) {
  impl_->configure();
}

Server::~Server() { stop(); }

Result<int> Server::start() {
  if (impl_->started) return fail("the server is already running");
  const ServerOptions& o = impl_->options;
  int port = o.port;
  if (port == 0) {
    port = impl_->http.bind_to_any_port(o.host);
    if (port < 0) return fail("cannot bind {} on any port", o.host);
  } else if (!impl_->http.bind_to_port(o.host, port)) {
    return fail("cannot listen on {}:{} (address in use or not permitted?)", o.host, port);
  }
  impl_->started = true;
  impl_->listener_done = false;
  impl_->listener = std::thread([this] {
    impl_->http.listen_after_bind();
    impl_->listener_done = true;
  });
  // httplib's stop() is a no-op until the accept loop runs, so a stop right
  // after start would be lost; return only once the server is running.
  while (!impl_->http.is_running() && !impl_->listener_done) {
    std::this_thread::sleep_for(std::chrono::milliseconds(1));
  }
  return port;
}

void Server::stop() {
  if (!impl_->started) return;
  close_event_streams(impl_->service);
  impl_->http.stop();
  if (impl_->listener.joinable()) impl_->listener.join();
  impl_->started = false;
}

Status run_server(kg::KnowledgeGraph& graph, const ServerOptions& options) {
  // Block the shutdown signals before any worker thread exists, so that all
  // threads inherit the mask and sigwait below is the only receiver.
  sigset_t signals;
  sigemptyset(&signals);
  sigaddset(&signals, SIGTERM);
  sigaddset(&signals, SIGINT);
  pthread_sigmask(SIG_BLOCK, &signals, nullptr);

  Server server(graph, options);
  auto port = server.start();
  if (!port.ok()) return port.failure();
  spdlog::info("listening on http://{}:{} (SPARQL at /sparql, graph store at /rdf-graphs, "
               "API at /api)", options.host, *port);
  int signal = 0;
  sigwait(&signals, &signal);
  spdlog::info("received {}, finishing requests in flight", signal == SIGTERM ? "SIGTERM" : "SIGINT");
  server.stop();
  spdlog::info("stopped");
  return Status::Ok();
}

}  // namespace tinykg::server
