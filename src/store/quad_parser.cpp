#include "store/quad_parser.h"

#include <serd/serd.h>

#include <cerrno>
#include <cstdarg>
#include <cstdio>
#include <cstring>
#include <exception>
#include <optional>

#include <fmt/format.h>

#include "rdf/serd_error.h"
#include "rdf/nul_bytes.h"
#include "rdf/turtle_nesting.h"

namespace tinykg::store::detail {
namespace {

SerdSyntax to_serd(rdf::Syntax s) {
  switch (s) {
    case rdf::Syntax::Turtle: return SERD_TURTLE;
    case rdf::Syntax::NTriples: return SERD_NTRIPLES;
    case rdf::Syntax::NQuads: return SERD_NQUADS;
    case rdf::Syntax::TriG: return SERD_TRIG;
  }
  return SERD_TURTLE;
}

std::string_view view(const SerdNode* n) {
  return {reinterpret_cast<const char*>(n->buf), n->n_bytes};
}

struct ParseContext {
  const EncodedQuadSink* sink;
  const ParseOptions* opts;
  SerdEnv* env;
  FILE* file;
  std::string source_name;
  std::string first_error;       // strict mode: the error that stopped the read
  std::string expand_failure;    // an undefined prefix (serd reports none itself)
  std::exception_ptr sink_exception;
  ParseStats stats;
  std::string s, p, o, g, scratch;  // reused encoding buffers
  // Turtle and TriG only: each page is checked before serd parses it
  // (rdf/turtle_nesting.h); a page that nests too deep is never handed over.
  std::optional<rdf::TurtleNestingScanner> nesting;
  rdf::NulByteScanner nul;     // every syntax: rdf/nul_bytes.h
  std::string refused_input;   // why a page was not handed to serd
};

// Appends the IRI of a URI/CURIE node, resolved against the document's base
// and prefixes. Absolute IRIs (all of N-Triples) are copied as they are.
bool append_iri(ParseContext& ctx, const SerdNode* node, std::string& out) {
  if (node->type == SERD_URI && serd_uri_string_has_scheme(node->buf)) {
    out.append(view(node));
    return true;
  }
  SerdNode full = serd_env_expand_node(ctx.env, node);
  if (full.buf == nullptr) {
    ctx.expand_failure = fmt::format("cannot expand '{}' (undefined prefix?)", view(node));
    return false;
  }
  out.append(view(&full));
  serd_node_free(&full);
  return true;
}

bool encode(ParseContext& ctx, const SerdNode* node, const SerdNode* datatype,
            const SerdNode* lang, std::string& out) {
  out.clear();
  switch (node->type) {
    case SERD_BLANK:
      out.push_back('0' + static_cast<int>(rdf::TermKind::Blank));
      out.append(view(node));
      return true;
    case SERD_LITERAL: {
      std::string_view dt;
      if (datatype != nullptr) {
        ctx.scratch.clear();
        if (!append_iri(ctx, datatype, ctx.scratch)) return false;
        dt = ctx.scratch;
      }
      append_literal_encoding(out, view(node), dt, lang ? view(lang) : std::string_view());
      return true;
    }
    default:
      out.push_back('0' + static_cast<int>(rdf::TermKind::Iri));
      return append_iri(ctx, node, out);
  }
}

SerdStatus on_base(void* handle, const SerdNode* uri) {
  return serd_env_set_base_uri(static_cast<ParseContext*>(handle)->env, uri);
}

SerdStatus on_prefix(void* handle, const SerdNode* name, const SerdNode* uri) {
  return serd_env_set_prefix(static_cast<ParseContext*>(handle)->env, name, uri);
}

SerdStatus on_statement(void* handle, SerdStatementFlags, const SerdNode* graph,
                        const SerdNode* subject, const SerdNode* predicate,
                        const SerdNode* object, const SerdNode* datatype,
                        const SerdNode* lang) {
  auto* ctx = static_cast<ParseContext*>(handle);
  if (ctx->opts->cancel != nullptr && ctx->opts->cancel->load(std::memory_order_relaxed)) {
    return SERD_ERR_UNKNOWN;
  }
  const bool named = graph != nullptr && graph->type != SERD_NOTHING;
  if (!encode(*ctx, subject, nullptr, nullptr, ctx->s) ||
      !encode(*ctx, predicate, nullptr, nullptr, ctx->p) ||
      !encode(*ctx, object, datatype, lang, ctx->o) ||
      (named && !encode(*ctx, graph, nullptr, nullptr, ctx->g))) {
    if (!ctx->opts->skip_invalid) return SERD_ERR_BAD_CURIE;
    ++ctx->stats.invalid;  // serd knows no position here; the file name must do
    if (ctx->opts->on_invalid) ctx->opts->on_invalid(ctx->source_name + ": " + ctx->expand_failure);
    ctx->expand_failure.clear();
    return SERD_SUCCESS;
  }
  std::string_view g = named ? std::string_view(ctx->g) : std::string_view();
  if (g.size() == 1 && g[0] == '0') g = {};  // <> after resolution: the default graph
  try {
    (*ctx->sink)(EncodedQuad{ctx->s, ctx->p, ctx->o, g});
  } catch (...) {
    ctx->sink_exception = std::current_exception();
    return SERD_ERR_UNKNOWN;
  }
  ++ctx->stats.statements;
  return SERD_SUCCESS;
}

SerdStatus on_error(void* handle, const SerdError* error) {
  auto* ctx = static_cast<ParseContext*>(handle);
  std::string located = rdf::format_serd_error(ctx->source_name, error);
  if (ctx->opts->skip_invalid) {
    ++ctx->stats.invalid;
    if (ctx->opts->on_invalid) ctx->opts->on_invalid(located);
  } else if (ctx->first_error.empty()) {
    ctx->first_error = std::move(located);
  }
  return SERD_SUCCESS;
}

// serd pulls pages through this, which lets the loader report bytes read.
size_t read_counted(void* buf, size_t size, size_t nmemb, void* stream) {
  auto* ctx = static_cast<ParseContext*>(stream);
  size_t n = std::fread(buf, size, nmemb, ctx->file);
  std::string_view page(static_cast<const char*>(buf), n * size);
  if (!ctx->nul.feed(page)) {
    ctx->refused_input = ctx->nul.error(ctx->source_name);
    return 0;  // serd sees the end of the input
  }
  if (ctx->nesting && !ctx->nesting->feed(page)) {
    ctx->refused_input = ctx->nesting->error(ctx->source_name);
    return 0;
  }
  if (ctx->opts->bytes_read != nullptr) {
    ctx->opts->bytes_read->fetch_add(n * size, std::memory_order_relaxed);
  }
  return n;
}

int stream_error(void* stream) { return std::ferror(static_cast<ParseContext*>(stream)->file); }

}  // namespace

void append_literal_encoding(std::string& out, std::string_view lexical,
                             std::string_view datatype, std::string_view lang) {
  out.push_back('0' + static_cast<int>(rdf::TermKind::Literal));
  out.append(lexical);
  if (!lang.empty()) {
    out.push_back('\0');
    out.push_back('@');
    for (char c : lang) out.push_back(static_cast<char>(std::tolower(static_cast<unsigned char>(c))));
  } else if (!datatype.empty() && datatype != rdf::xsd::kString) {
    out.push_back('\0');
    out.push_back('^');
    out.append(datatype);
  }
}

Status parse_encoded_quads(const std::string& path, rdf::Syntax syntax,
                           const EncodedQuadSink& sink, const ParseOptions& opts,
                           ParseStats* stats) {
  FILE* file = std::fopen(path.c_str(), "rb");
  if (file == nullptr) return fail("cannot open '{}': {}", path, std::strerror(errno));
  const std::string base = "file://" + path;
  SerdNode base_node =
      serd_node_from_string(SERD_URI, reinterpret_cast<const uint8_t*>(base.c_str()));
  ParseContext ctx{&sink, &opts, serd_env_new(&base_node), file, path, {}, {}, {}, {}, {},
                   {}, {}, {}, {}, {}, {}, {}};
  SerdReader* reader = serd_reader_new(to_serd(syntax), &ctx, nullptr, on_base, on_prefix,
                                       on_statement, nullptr);
  serd_reader_set_strict(reader, !opts.skip_invalid);
  serd_reader_set_error_sink(reader, on_error, &ctx);
  if (syntax == rdf::Syntax::Turtle || syntax == rdf::Syntax::TriG) ctx.nesting.emplace();
  const std::string prefix = rdf::fresh_blank_prefix();
  serd_reader_add_blank_prefix(reader, reinterpret_cast<const uint8_t*>(prefix.c_str()));
  SerdStatus st = serd_reader_read_source(reader, read_counted, stream_error, &ctx,
                                          reinterpret_cast<const uint8_t*>(path.c_str()),
                                          size_t{1} << 16);
  const bool read_error = std::ferror(file) != 0;
  serd_reader_free(reader);
  serd_env_free(ctx.env);
  std::fclose(file);
  if (stats != nullptr) {
    stats->statements += ctx.stats.statements;
    stats->invalid += ctx.stats.invalid;
  }
  if (ctx.sink_exception) std::rethrow_exception(ctx.sink_exception);
  if (opts.cancel != nullptr && opts.cancel->load()) return fail("{}: load cancelled", path);
  if (read_error) return fail("cannot read '{}': {}", path, std::strerror(errno));
  if (!ctx.refused_input.empty()) return Failure{ctx.refused_input};
  if (!ctx.expand_failure.empty()) return fail("{}: {}", path, ctx.expand_failure);
  if (!ctx.first_error.empty()) return Failure{ctx.first_error};
  if (st != SERD_SUCCESS && st != SERD_FAILURE && !opts.skip_invalid) {
    return fail("{}: {}", path, reinterpret_cast<const char*>(serd_strerror(st)));
  }
  return Status::Ok();
}

}  // namespace tinykg::store::detail
