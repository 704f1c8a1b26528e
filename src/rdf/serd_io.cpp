#include "rdf/serd_io.h"

#include <serd/serd.h>

#include <cerrno>
#include <cstdarg>
#include <cstdio>
#include <cstring>
#include <exception>
#include <random>

#include <fmt/format.h>

#include "rdf/serd_error.h"
#include "rdf/nul_bytes.h"
#include "rdf/turtle_nesting.h"

namespace tinykg::rdf {
namespace {

SerdSyntax to_serd(Syntax s) {
  switch (s) {
    case Syntax::Turtle: return SERD_TURTLE;
    case Syntax::NTriples: return SERD_NTRIPLES;
    case Syntax::NQuads: return SERD_NQUADS;
    case Syntax::TriG: return SERD_TRIG;
  }
  return SERD_TURTLE;
}

std::string lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

std::string_view view(const SerdNode* n) {
  return {reinterpret_cast<const char*>(n->buf), n->n_bytes};
}

// State shared with the C callbacks of one read.
struct ReadContext {
  const QuadSink* sink;
  SerdEnv* env;
  std::string source_name;
  std::string first_error;
  std::exception_ptr sink_exception;
  std::string expand_failure;
};

// Resolves CURIEs and relative IRIs with the document's prefixes and base.
std::string expand_iri(ReadContext& ctx, const SerdNode* node) {
  if (node->type == SERD_URI || node->type == SERD_CURIE) {
    SerdNode full = serd_env_expand_node(ctx.env, node);
    if (full.buf == nullptr) {
      if (ctx.expand_failure.empty()) {
        ctx.expand_failure = fmt::format("cannot expand '{}' (undefined prefix?)", view(node));
      }
      return std::string(view(node));
    }
    std::string out(view(&full));
    serd_node_free(&full);
    return out;
  }
  return std::string(view(node));
}

Term to_term(ReadContext& ctx, const SerdNode* node, const SerdNode* datatype,
             const SerdNode* lang) {
  switch (node->type) {
    case SERD_BLANK: return Term::blank(std::string(view(node)));
    case SERD_LITERAL:
      return Term::literal(std::string(view(node)),
                           datatype ? expand_iri(ctx, datatype) : std::string(),
                           lang ? std::string(view(lang)) : std::string());
    default: return Term::iri(expand_iri(ctx, node));
  }
}

SerdStatus on_base(void* handle, const SerdNode* uri) {
  auto* ctx = static_cast<ReadContext*>(handle);
  return serd_env_set_base_uri(ctx->env, uri);
}

SerdStatus on_prefix(void* handle, const SerdNode* name, const SerdNode* uri) {
  auto* ctx = static_cast<ReadContext*>(handle);
  return serd_env_set_prefix(ctx->env, name, uri);
}

SerdStatus on_statement(void* handle, SerdStatementFlags, const SerdNode* graph,
                        const SerdNode* subject, const SerdNode* predicate,
                        const SerdNode* object, const SerdNode* datatype,
                        const SerdNode* lang) {
  auto* ctx = static_cast<ReadContext*>(handle);
  try {
    Quad q;
    q.subject = to_term(*ctx, subject, nullptr, nullptr);
    q.predicate = to_term(*ctx, predicate, nullptr, nullptr);
    q.object = to_term(*ctx, object, datatype, lang);
    if (graph != nullptr && graph->type != SERD_NOTHING) {
      q.graph = to_term(*ctx, graph, nullptr, nullptr);
    }
    if (!ctx->expand_failure.empty()) return SERD_ERR_BAD_CURIE;
    (*ctx->sink)(q);
  } catch (...) {
    ctx->sink_exception = std::current_exception();
    return SERD_ERR_UNKNOWN;
  }
  return SERD_SUCCESS;
}

SerdStatus on_error(void* handle, const SerdError* error) {
  auto* ctx = static_cast<ReadContext*>(handle);
  if (!ctx->first_error.empty()) return SERD_SUCCESS;
  ctx->first_error = format_serd_error(ctx->source_name, error);
  return SERD_SUCCESS;
}

// Runs one read with `start` doing the actual serd call.
template <typename StartFn>
Status run_read(Syntax syntax, const QuadSink& sink, const ReadOptions& opts,
                std::string source_name, const std::string& base, StartFn start) {
  SerdNode base_node = serd_node_from_string(SERD_URI, reinterpret_cast<const uint8_t*>(base.c_str()));
  ReadContext ctx{&sink, serd_env_new(base.empty() ? nullptr : &base_node), std::move(source_name),
                  {}, nullptr, {}};
  SerdReader* reader = serd_reader_new(to_serd(syntax), &ctx, nullptr, on_base, on_prefix,
                                       on_statement, nullptr);
  serd_reader_set_strict(reader, true);
  serd_reader_set_error_sink(reader, on_error, &ctx);
  std::string prefix = opts.blank_prefix.empty() ? fresh_blank_prefix() : opts.blank_prefix;
  serd_reader_add_blank_prefix(reader, reinterpret_cast<const uint8_t*>(prefix.c_str()));
  SerdStatus st = start(reader);
  serd_reader_free(reader);
  serd_env_free(ctx.env);
  if (ctx.sink_exception) std::rethrow_exception(ctx.sink_exception);
  if (!ctx.expand_failure.empty()) return fail("{}: {}", ctx.source_name, ctx.expand_failure);
  if (!ctx.first_error.empty()) return Failure{ctx.first_error};
  if (st != SERD_SUCCESS && st != SERD_FAILURE) {
    return fail("{}: {}", ctx.source_name,
                reinterpret_cast<const char*>(serd_strerror(st)));
  }
  return Status::Ok();
}

}  // namespace

std::optional<Syntax> syntax_for_path(std::string_view path) {
  auto dot = path.rfind('.');
  if (dot == std::string_view::npos) return std::nullopt;
  std::string ext = lower(path.substr(dot + 1));
  if (ext == "ttl" || ext == "turtle") return Syntax::Turtle;
  if (ext == "nt") return Syntax::NTriples;
  if (ext == "nq") return Syntax::NQuads;
  if (ext == "trig") return Syntax::TriG;
  return std::nullopt;
}

std::optional<Syntax> syntax_from_name(std::string_view name) {
  std::string n = lower(name);
  if (n == "turtle" || n == "ttl") return Syntax::Turtle;
  if (n == "ntriples" || n == "nt" || n == "n-triples") return Syntax::NTriples;
  if (n == "nquads" || n == "nq" || n == "n-quads") return Syntax::NQuads;
  if (n == "trig") return Syntax::TriG;
  return std::nullopt;
}

std::string fresh_blank_prefix() {
  static thread_local std::mt19937_64 rng{std::random_device{}()};
  return fmt::format("b{:012x}_", rng() & 0xffffffffffffULL);
}

Status read_rdf_file(const std::string& path, Syntax syntax, const QuadSink& sink,
                     const ReadOptions& opts) {
  FILE* file = std::fopen(path.c_str(), "rb");
  if (file == nullptr) return fail("cannot open '{}': {}", path, std::strerror(errno));
  {
    // A first pass for NUL bytes (nul_bytes.h) and, in Turtle and TriG, the
    // depth limit (turtle_nesting.h), then rewind.
    const bool nests = syntax == Syntax::Turtle || syntax == Syntax::TriG;
    NulByteScanner nul;
    TurtleNestingScanner nesting;
    char page[1 << 16];
    size_t n;
    while ((n = std::fread(page, 1, sizeof page, file)) > 0) {
      std::string_view piece(page, n);
      std::string refused;
      if (!nul.feed(piece)) refused = nul.error(path);
      else if (nests && !nesting.feed(piece)) refused = nesting.error(path);
      if (!refused.empty()) {
        std::fclose(file);
        return Failure{std::move(refused)};
      }
    }
    std::rewind(file);
  }
  std::string base = opts.base_iri.empty() ? "file://" + path : opts.base_iri;
  Status st = run_read(syntax, sink, opts, path, base, [&](SerdReader* reader) {
    return serd_reader_read_file_handle(reader, file,
                                        reinterpret_cast<const uint8_t*>(path.c_str()));
  });
  std::fclose(file);
  return st;
}

Status read_rdf_string(std::string_view text, Syntax syntax, const QuadSink& sink,
                       const ReadOptions& opts, std::string_view source_name) {
  // serd 0.30 reads past the terminator of an empty string (found by
  // fuzz/rdf_bulk_parser_fuzz): an empty document is valid and has no quads.
  if (text.empty()) return Status::Ok();
  if (Status nul = check_no_nul_bytes(text, source_name); !nul.ok()) return nul;
  if (syntax == Syntax::Turtle || syntax == Syntax::TriG) {
    Status depth = check_turtle_nesting(text, source_name);
    if (!depth.ok()) return depth;
  }
  std::string copy(text);  // serd needs a NUL-terminated buffer
  return run_read(syntax, sink, opts, std::string(source_name), opts.base_iri,
                  [&](SerdReader* reader) {
                    return serd_reader_read_string(
                        reader, reinterpret_cast<const uint8_t*>(copy.c_str()));
                  });
}

// ---- writer ---------------------------------------------------------------

namespace {

size_t write_to_stream(const void* buf, size_t len, void* stream) {
  static_cast<std::ostream*>(stream)->write(static_cast<const char*>(buf),
                                            static_cast<std::streamsize>(len));
  return len;
}

// Owns the strings a SerdNode points into for the duration of one write.
struct NodeHolder {
  std::string text;
  SerdNode node = SERD_NODE_NULL;
  void set(SerdType type, std::string s) {
    text = std::move(s);
    node = serd_node_from_string(type, reinterpret_cast<const uint8_t*>(text.c_str()));
  }
  const SerdNode* get() const { return node.type == SERD_NOTHING ? nullptr : &node; }
};

void hold(NodeHolder& h, const Term& t) {
  switch (t.kind) {
    case TermKind::Iri: h.set(SERD_URI, t.value); break;
    case TermKind::Blank: h.set(SERD_BLANK, t.value); break;
    case TermKind::Literal: h.set(SERD_LITERAL, t.value); break;
  }
}

}  // namespace

RdfWriter::RdfWriter(std::ostream& out, Syntax syntax) : out_(out), syntax_(syntax) {
  env_ = serd_env_new(nullptr);
  int style = SERD_STYLE_ASCII;
  if (syntax == Syntax::Turtle || syntax == Syntax::TriG) {
    style = SERD_STYLE_ABBREVIATED | SERD_STYLE_CURIED;
  }
  writer_ = serd_writer_new(to_serd(syntax), static_cast<SerdStyle>(style), env_, nullptr,
                            write_to_stream, &out_);
}

RdfWriter::~RdfWriter() {
  finish();
  serd_writer_free(writer_);
  serd_env_free(env_);
}

void RdfWriter::add_prefix(const std::string& name, const std::string& iri) {
  NodeHolder n, u;
  n.set(SERD_LITERAL, name);
  u.set(SERD_URI, iri);
  serd_env_set_prefix(env_, &n.node, &u.node);
  serd_writer_set_prefix(writer_, &n.node, &u.node);
}

void RdfWriter::write(const Quad& quad) {
  NodeHolder g, s, p, o, dt, lang;
  if (!quad.in_default_graph() && (syntax_ == Syntax::NQuads || syntax_ == Syntax::TriG)) {
    hold(g, quad.graph);
  }
  hold(s, quad.subject);
  hold(p, quad.predicate);
  hold(o, quad.object);
  if (quad.object.is_literal()) {
    if (!quad.object.lang.empty()) lang.set(SERD_LITERAL, quad.object.lang);
    else if (!quad.object.datatype.empty()) dt.set(SERD_URI, quad.object.datatype);
  }
  serd_writer_write_statement(writer_, 0, g.get(), s.get(), p.get(), o.get(), dt.get(),
                              lang.get());
}

void RdfWriter::finish() { serd_writer_finish(writer_); }

}  // namespace tinykg::rdf
