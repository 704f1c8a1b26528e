#!/usr/bin/env python3
"""Extract tinykg model cards from the reference knowledge graph.

usage: cards_from_reference_kg.py TFLITE_MODELS_TTL OUT_DIR [--check]

Reads the reference graph (paper-kg/tflite_models.ttl, as serialised by
rdflib) and writes one JSON card per nnet:NeuralNetwork to OUT_DIR/<name>.json
holding the hand-entered facts only (description, category, metric, data set,
input/output, sensors, provenance). Everything else is derived from the
.tflite file by tinykg itself, so it is deliberately left out of the card.

Conventions (see data/reference/README.md):
  * Top_1_accuracy / Top_5_accuracy are percent in the reference; cards hold a
    fraction 0..1 (92.1 -> 0.921).  A reference value of 0 means "not
    reported", so the card's metric value is null.
  * Other_metric has no unit in the reference; its 0 is likewise "not
    reported" -> null.
  * The reference writes placeholders where a fact is unknown: the IRI
    <None> (trainingDataset), the IRI <N.A.> (citation) and the text "N.A."
    (sensor info). Cards hold null for all of them.
  * One data set IRI lacks its scheme (<download.tensorflow.org/...>, a
    relative IRI); cards write it as http://download.tensorflow.org/...

--check re-reads the written cards and compares them field by field with the
graph, printing every difference; exit status 1 if there is one.

Only the Python standard library is used: the parser below understands the
Turtle subset rdflib writes (prefixes, IRIs, prefixed names, 'a', plain
strings with escapes, numbers, ',' and ';' lists; no blank nodes, no
collections, no long strings).
"""
import json
import os
import re
import sys

RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"
NNET = "http://tinyml-schema.org/networkschema#"
SDO = "https://schema.org/"
SSN = "http://www.w3.org/ns/ssn/"
SOX = "http://tinyml-schema.org/sosa_extend/"
SSX = "http://tinyml-schema.org/ssn_extend/"

PERCENT_METRICS = {"Top_1_accuracy", "Top_5_accuracy"}
PLACEHOLDERS = {"None", "N.A."}  # "unknown" in the reference graph

TOKEN = re.compile(r'''
    (?P<ws>\s+|\#[^\n]*)
  | (?P<iri><[^>]*>)
  | (?P<str>"(?:[^"\\]|\\.)*")
  | (?P<num>[+-]?(?:\d+\.?\d*(?:[eE][+-]?\d+)?|\.\d+(?:[eE][+-]?\d+)?))
  | (?P<directive>@prefix)
  | (?P<pname>[A-Za-z][\w-]*:[\w.-]*|:[\w.-]*)
  | (?P<punct>[.;,])
  | (?P<a>a(?=\s))
''', re.VERBOSE)

ESCAPES = {'"': '"', "\\": "\\", "n": "\n", "t": "\t", "r": "\r", "'": "'"}


class Literal(str):
    """A literal's lexical form; `kind` is 'string' or 'number'."""
    def __new__(cls, text, kind):
        obj = super().__new__(cls, text)
        obj.kind = kind
        return obj


def unescape(body):
    out, i = [], 0
    while i < len(body):
        c = body[i]
        if c == "\\":
            nxt = body[i + 1]
            if nxt == "u":
                out.append(chr(int(body[i + 2:i + 6], 16)))
                i += 6
                continue
            out.append(ESCAPES[nxt])
            i += 2
            continue
        out.append(c)
        i += 1
    return "".join(out)


def tokens(text):
    pos = 0
    while pos < len(text):
        m = TOKEN.match(text, pos)
        if not m:
            raise SyntaxError("cannot read Turtle at offset %d: %r" % (pos, text[pos:pos + 40]))
        pos = m.end()
        if m.lastgroup != "ws":
            yield m.lastgroup, m.group()


def parse_turtle(text):
    """Returns a list of (subject, predicate, object) triples."""
    prefixes, triples = {}, []
    toks = list(tokens(text))
    i = 0

    def term(kind, value):
        if kind == "iri":
            return value[1:-1]
        if kind == "pname":
            prefix, local = value.split(":", 1)
            return prefixes[prefix] + local
        if kind == "a":
            return RDF_TYPE
        if kind == "str":
            return Literal(unescape(value[1:-1]), "string")
        if kind == "num":
            return Literal(value, "number")
        raise SyntaxError("unexpected token %r" % value)

    while i < len(toks):
        kind, value = toks[i]
        if kind == "directive":
            prefixes[toks[i + 1][1][:-1]] = toks[i + 2][1][1:-1]
            i += 4  # @prefix p: <iri> .
            continue
        subject = term(kind, value)
        i += 1
        while True:
            predicate = term(*toks[i])
            i += 1
            while True:
                triples.append((subject, predicate, term(*toks[i])))
                i += 1
                if toks[i][1] != ",":
                    break
                i += 1
            sep = toks[i][1]
            i += 1
            if sep == ".":
                break
            if sep != ";":
                raise SyntaxError("expected ';' or '.' after %s %s" % (subject, predicate))
            if toks[i][1] == ".":  # trailing ';' before '.'
                i += 1
                break
    return triples


class Graph:
    def __init__(self, triples):
        self.spo = {}
        for s, p, o in triples:
            self.spo.setdefault(s, {}).setdefault(p, []).append(o)
        self.osp = {}
        for s, p, o in triples:
            self.osp.setdefault((p, o), []).append(s)

    def objects(self, s, p):
        return self.spo.get(s, {}).get(p, [])

    def one(self, s, p):
        objs = self.objects(s, p)
        if len(objs) > 1:
            raise ValueError("%s has %d values for %s" % (s, len(objs), p))
        return objs[0] if objs else None

    def subjects(self, p, o):
        return self.osp.get((p, o), [])


def local(iri, ns):
    if not iri.startswith(ns):
        raise ValueError("%s is not in %s" % (iri, ns))
    return iri[len(ns):]


def number(lexical):
    """A JSON number for a Turtle numeric literal: int when integral."""
    value = float(lexical)
    return int(value) if value.is_integer() else value


def metric_of(g, nn):
    metrics = g.objects(nn, NNET + "hasMetric")
    if len(metrics) != 1:
        raise ValueError("%s: expected one nnet:hasMetric, got %d" % (nn, len(metrics)))
    m = metrics[0]
    types = [local(t, NNET) for t in g.objects(m, RDF_TYPE) if t != NNET + "Metric"]
    if len(types) != 1:
        raise ValueError("%s: expected one metric type besides nnet:Metric: %s" % (m, types))
    raw = float(g.one(m, NNET + "hasMetricValue"))
    if raw == 0:
        value = None  # the reference writes 0 where no figure was reported
    elif types[0] in PERCENT_METRICS:
        value = round(raw / 100.0, 6)
    else:
        value = number(g.one(m, NNET + "hasMetricValue"))
    return {"type": types[0], "value": value}


def sensors_of(g, inp):
    sensors = []
    for s in sorted(g.subjects(SSX + "provideInput", inp)):
        types = sorted(local(t, SOX) for t in g.objects(s, RDF_TYPE) if t.startswith(SOX))
        other = sorted(t for t in g.objects(s, RDF_TYPE)
                       if not t.startswith(SOX) and t != SDO + "Sensor")
        if other:
            raise ValueError("%s: unexpected sensor types %s" % (s, other))
        sensors.append({"type": types[0] if len(types) == 1 else types,
                        "info": text(g, s, SOX + "hasSensorInfo")})
    return sensors


def text(g, s, p):
    v = g.one(s, p)
    return None if v is None or v in PLACEHOLDERS else str(v)


def absolute_iri(iri):
    """The reference IRI, with http:// added where the scheme was left out."""
    if iri is None or ":" in iri:
        return iri
    return "http://" + iri


def card_of(g, nn):
    inp = g.one(nn, SSN + "hasInput")
    out = g.one(nn, SSN + "hasOutput")
    return {
        "name": text(g, nn, SDO + "name"),
        "identifier": text(g, nn, SDO + "identifier"),
        "description": text(g, nn, SDO + "description"),
        "category": local(g.one(nn, NNET + "hasCategory"), NNET),
        "metric": metric_of(g, nn),
        "dataset": absolute_iri(text(g, nn, NNET + "trainingDataset")),
        "input": {"info": text(g, inp, NNET + "hasInputInfo"), "sensors": sensors_of(g, inp)},
        "output": {"info": text(g, out, NNET + "hasOutputInfo")},
        "creator": text(g, nn, SDO + "creator"),
        "date_created": text(g, nn, SDO + "dateCreated"),
        "citation": text(g, nn, SDO + "citation"),
        "code_repository": text(g, nn, SDO + "codeRepository"),
        "runtime_platform": text(g, nn, SDO + "runtimePlatform"),
    }


def main(argv):
    if len(argv) < 2:
        sys.exit(__doc__)
    ttl, out_dir = argv[0], argv[1]
    check = "--check" in argv
    with open(ttl, encoding="utf-8") as f:
        g = Graph(parse_turtle(f.read()))
    networks = sorted(g.subjects(RDF_TYPE, NNET + "NeuralNetwork"))
    differences = 0
    for nn in networks:
        card = card_of(g, nn)
        path = os.path.join(out_dir, card["name"] + ".json")
        if check:
            with open(path, encoding="utf-8") as f:
                written = json.load(f)
            for key in sorted(set(card) | set(written)):
                if card.get(key) != written.get(key):
                    differences += 1
                    print("%s: %s differs: graph %r, card %r"
                          % (card["name"], key, card.get(key), written.get(key)))
        else:
            with open(path, "w", encoding="utf-8") as f:
                json.dump(card, f, indent=2, ensure_ascii=False)
                f.write("\n")
    print("%d networks %s" % (len(networks), "checked" if check else "written"), file=sys.stderr)
    return 1 if differences else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
