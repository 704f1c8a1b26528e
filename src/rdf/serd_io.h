// RDF syntax I/O through libserd: Turtle, N-Triples, N-Quads and TriG.
// Readers stream quads to a sink; blank node labels get a per-read prefix so
// that blank nodes of different documents never merge in the store.
#pragma once

#include <functional>
#include <optional>
#include <ostream>
#include <string>
#include <string_view>

#include "common/result.h"
#include "rdf/term.h"

typedef struct SerdWriterImpl SerdWriter;
typedef struct SerdEnvImpl SerdEnv;

namespace tinykg::rdf {

enum class Syntax { Turtle, NTriples, NQuads, TriG };

// By file extension: .ttl .nt .nq .trig (case-insensitive); nullopt if unknown.
std::optional<Syntax> syntax_for_path(std::string_view path);
// By name: "turtle", "ntriples", "nquads", "trig".
std::optional<Syntax> syntax_from_name(std::string_view name);

using QuadSink = std::function<void(const Quad&)>;

struct ReadOptions {
  std::string base_iri;      // for relative IRIs; defaults to file:// of the path
  std::string blank_prefix;  // empty: a fresh random prefix per read
};

// Errors read "FILE:LINE:COL: message". A sink may throw to abort the read.
Status read_rdf_file(const std::string& path, Syntax syntax, const QuadSink& sink,
                     const ReadOptions& opts = {});
Status read_rdf_string(std::string_view text, Syntax syntax, const QuadSink& sink,
                       const ReadOptions& opts = {}, std::string_view source_name = "<string>");

// Streams quads as RDF text. Turtle/TriG output abbreviates and uses the
// prefixes given; N-Triples drops graph names (callers pick the syntax).
class RdfWriter {
 public:
  RdfWriter(std::ostream& out, Syntax syntax);
  ~RdfWriter();  // calls finish()
  RdfWriter(const RdfWriter&) = delete;
  RdfWriter& operator=(const RdfWriter&) = delete;

  void add_prefix(const std::string& name, const std::string& iri);
  void write(const Quad& quad);
  void finish();

 private:
  std::ostream& out_;
  Syntax syntax_;
  SerdEnv* env_ = nullptr;
  SerdWriter* writer_ = nullptr;
};

// A fresh random blank node prefix such as "b3f9a1c2e4d5_".
std::string fresh_blank_prefix();

}  // namespace tinykg::rdf
